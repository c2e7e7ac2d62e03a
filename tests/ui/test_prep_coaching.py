"""Prep coaches like a coach: the minimum on every call, the client's reason to meet, depth by
size, the client's why now for a large advance, and an opener to start the call with.

"Today" is Tuesday 24 Nov 2026, 08:30 in Berlin (the FakeClock); the call is tomorrow at 10.
"""

from dataclasses import replace
from datetime import date, datetime

from coach_tui.coaching.outcome import AdvanceSize
from coach_tui.model.account import (
    Account,
    ExpansionKind,
    Perspective,
    PerspectiveKind,
    StrategicObjective,
)
from coach_tui.model.call import Call, Debrief, Movement, Prep, Result
from coach_tui.model.contact import BuyingRole, Contact
from coach_tui.model.draft import FlowDraft
from coach_tui.ui.screens.calls import CallsScreen
from coach_tui.ui.screens.prep_flow import PrepFlowScreen
from tests.helpers import BERLIN, on_screen, widget_text
from tests.ui.flow import later, paste, run, settle
from tests.ui.test_calls import line, open_calls, start_prep

TOMORROW_10 = datetime(2026, 11, 25, 10, 0, tzinfo=BERLIN)
BEST = "Greta introduces us to the CFO"
MINIMUM = "Greta shares the downtime figures"
REASON = "Waste is up 8% since the new line started"


def seed(open_repo, clock, *, why_now: str = "", prep: Prep | None = None) -> Account:
    """Nordvale with an objective, Greta (who cares about downtime), a team view, and a
    call with Greta tomorrow at 10."""
    repo = open_repo()
    account = Account("Nordvale Foods", created_at=clock())
    repo.accounts.save(account)
    objective = StrategicObjective(
        account.uid, "All five plants plan on our suite", ExpansionKind.WIDER_DEPLOYMENT,
        client_goal="Cut waste 20%", created_at=clock(), why_now=why_now,
    )  # fmt: skip
    repo.objectives.save(objective)
    greta = Contact("Greta Lindqvist", account_uid=account.uid, role=BuyingRole.USER,
                    what_matters="[bold]Downtime[/] at the Bremen line")  # fmt: skip
    repo.contacts.save(greta)
    repo.perspectives.save(
        Perspective(
            account.uid,
            "Jens",
            date(2026, 11, 20),
            PerspectiveKind.RISK,
            "Their CFO froze new spend until January",
        )
    )
    call = Call(account.uid, TOMORROW_10, contact_uids=(greta.uid,),
                objective_uid=objective.uid, prep=prep)  # fmt: skip
    repo.calls.save(call)
    repo.close()
    return account


async def to_step(pilot, key: str) -> None:
    """Press on (past the coach's questions) until the flow stands at `key`."""
    for _ in range(30):
        if pilot.app.screen.current.key == key:
            return
        await pilot.press("ctrl+s")
        await pilot.pause()
    raise AssertionError(f"never reached {key}; at {pilot.app.screen.current.key}")


async def best_outcome(pilot) -> None:
    await start_prep(pilot)
    assert isinstance(pilot.app.screen, PrepFlowScreen)
    await paste(pilot, BEST)
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_a_missing_minimum_is_asked_for_by_name(make_app, with_why, open_repo, clock):
    seed(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await best_outcome(pilot)
        assert app.screen.current.key == "fallback"
        assert "What is the least Greta must do for this call to count?" in on_screen(app)
        await pilot.press("ctrl+s")  # nothing written
        await pilot.pause()
        assert app.screen.current.key == "fallback"
        assert (
            f"If “{BEST}” is out of reach, what is the least Greta must do for this call to "
            "count?" in on_screen(app)
        )
        await line(pilot, BEST)  # the best again is no minimum
        await pilot.press("ctrl+s", "ctrl+s")
        await pilot.pause()
        assert app.screen.current.key == "fallback"
        assert "That is your best outcome again." in on_screen(app)
        await line(pilot, MINIMUM)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.current.key == "size"


async def test_a_minimum_that_is_the_sellers_task_is_questioned(
    make_app, with_why, open_repo, clock
) -> None:
    seed(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await best_outcome(pilot)
        await paste(pilot, "Send the deck")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.current.key == "fallback"
        assert "Ctrl+s again keeps it." in on_screen(app)


async def test_a_sellers_reason_is_questioned_and_what_matters_to_them_is_shown(
    make_app, with_why, open_repo, clock
) -> None:
    account = seed(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await best_outcome(pilot)
        await paste(pilot, MINIMUM)
        await to_step(pilot, "reason")
        assert "Why would Greta want this meeting?" in on_screen(app)
        shown = on_screen(app)
        # Markup in a contact's note is their text, shown as typed.
        assert "What matters to Greta Lindqvist: [bold]Downtime[/] at the Bremen line" in shown
        assert "Jens (risk, 20 Nov 2026): Their CFO froze new spend until January" in shown
        assert "Their goal: Cut waste 20%" in shown
        await paste(pilot, "Show our new module")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.current.key == "reason"
        assert "That's your reason for the meeting; what's Greta's?" in on_screen(app)
        await line(pilot, REASON)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.current.key == "review"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, CallsScreen)
    [call] = app.repo.calls.for_account(account.uid)
    assert (call.prep.outcome, call.prep.fallback, call.prep.reason) == (BEST, MINIMUM, REASON)


async def test_the_review_shows_the_opener(make_app, with_why, open_repo, clock) -> None:
    seed(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await best_outcome(pilot)
        await paste(pilot, MINIMUM)
        await to_step(pilot, "reason")
        await paste(pilot, REASON)
        await to_step(pilot, "review")
        shown = widget_text(app, app.screen.query_one("#reference-text"))
        assert f"Minimum: {MINIMUM}" in shown
        assert "Open the call like this:" in shown
        assert (
            f"Thanks for making the time, Greta. The reason for today, as I understand it: "
            f"{REASON}." in shown
        )
        assert "We have 30 minutes — does that still work?" in shown
        assert f"At the end I'll ask for one step: {BEST}. If it's a no, that's fine" in shown


async def test_a_small_advance_asks_no_planning_and_a_medium_one_asks_gain_and_questions(
    make_app, with_why, open_repo, clock
) -> None:
    account = seed(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await best_outcome(pilot)
        await paste(pilot, MINIMUM)
        await to_step(pilot, "size")
        assert app.screen.answers.size is AdvanceSize.SMALL
        assert "Step 3 of 5" in on_screen(app)  # outcome, minimum, size, reason, review
        await pilot.press("down")  # medium
        await pilot.press("ctrl+s")
        assert "Step 4 of 7" in on_screen(app)  # + their gain, questions
        await paste(pilot, REASON)
        await pilot.press("ctrl+s")
        assert app.screen.current.key == "client_gain"
        assert "What does Greta gain by agreeing?" in on_screen(app)
        await paste(pilot, "A week of downtime back a year")
        await pilot.press("ctrl+s")
        assert app.screen.current.key == "questions"
        await paste(pilot, "Who else loses sleep over downtime?")
        await pilot.press("ctrl+s")
        assert app.screen.current.key == "review"  # no who, objections, bring or why now
        await pilot.press("ctrl+s")
        await settle(pilot)
    [call] = app.repo.calls.for_account(account.uid)
    assert call.prep.size == "medium"
    assert call.prep.client_gain == "A week of downtime back a year"
    assert call.prep.questions == "Who else loses sleep over downtime?"
    assert app.repo.objectives.active_for(account.uid).why_now == ""


async def test_a_large_advance_asks_the_clients_why_now_only_when_the_objective_lacks_it(
    make_app, with_why, open_repo, clock
) -> None:
    account = seed(open_repo, clock, why_now="Their Lumen contract ends in March")
    app = make_app()
    async with run(app) as pilot:
        await start_prep(pilot)
        await paste(pilot, "The CFO signs the pilot order form")
        await pilot.press("ctrl+s")
        await paste(pilot, "The CFO agrees to a date to sign")
        await to_step(pilot, "size")
        assert app.screen.answers.size is AdvanceSize.LARGE
        await to_step(pilot, "review")
        assert "why_now" not in [
            step.key for step in app.screen.steps if not app.screen.skips(step)
        ]
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert app.repo.objectives.active_for(account.uid).why_now == (
        "Their Lumen contract ends in March"
    )


async def test_a_large_prep_saves_the_why_now_on_the_objective(
    make_app, with_why, open_repo, clock
) -> None:
    account = seed(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await start_prep(pilot)
        await paste(pilot, "The CFO signs the pilot order form")
        await pilot.press("ctrl+s")
        await paste(pilot, "The CFO agrees to a date to sign")
        await to_step(pilot, "why_now")
        assert "Why would Nordvale Foods act this quarter rather than next year?" in on_screen(app)
        await paste(pilot, "The Bremen plant opens in May")
        await to_step(pilot, "review")
        assert "Why now (saved on the objective): The Bremen plant opens in May" in on_screen(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert app.repo.objectives.active_for(account.uid).why_now == "The Bremen plant opens in May"
    [call] = app.repo.calls.for_account(account.uid)
    assert call.prep.size == "large"


async def test_leaving_at_a_new_step_resumes_there(make_app, with_why, open_repo, clock) -> None:
    seed(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await later(pilot)
        await best_outcome(pilot)
        await paste(pilot, MINIMUM)
        await to_step(pilot, "reason")
        await paste(pilot, REASON)
        await pilot.press("ctrl+q")
    app.repo.close()
    app = make_app()
    async with run(app) as pilot:
        await later(pilot)
        await open_calls(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert app.screen.current.key == "reason"
        assert (app.screen.answers.fallback, app.screen.answers.reason) == (MINIMUM, REASON)
        assert "Step 4 of 5" in on_screen(app)


def old_draft(open_repo, clock, step: int, answers: dict, *, typed: bool) -> None:
    repo = open_repo()
    [call] = repo.calls.for_account(repo.accounts.all()[0].uid)
    repo.drafts.save(FlowDraft(f"prep:{call.uid}", step, answers, clock(), typed=typed))
    repo.close()


async def reopen_prep(make_app):
    app = make_app()
    async with run(app) as pilot:
        await later(pilot)
        await open_calls(pilot)
        await pilot.press("p")
        await settle(pilot)
        found = app.screen.current.key, app.screen.answers
    app.repo.close()
    return found


async def test_a_draft_from_before_resumes_at_the_step_it_was_at(
    make_app, with_why, open_repo, clock
) -> None:
    """Drafts written by the earlier prep stand at an index of its steps: they resume at the
    step of that name (the note's place is taken by their reason)."""
    seed(open_repo, clock)
    answers = {"outcome": BEST, "this_call": "", "bigger": None, "size": "large",
               "note": "Bring the figures", "client_gain": "Less waste", "attendees": "",
               "questions": "", "objections": "", "bring": "", "fallback": ""}  # fmt: skip
    for step, key in ((3, "size"), (4, "reason"), (5, "client_gain"), (10, "fallback")):
        old_draft(open_repo, clock, step, answers, typed=True)
        at, kept = await reopen_prep(make_app)
        assert (step, at) == (step, key)
        assert (kept.outcome, kept.note, kept.client_gain) == (BEST, "Bring the figures",
                                                              "Less waste")  # fmt: skip
    untyped = {"outcome": BEST, "size": "medium", "note": "Bring the figures"}
    old_draft(open_repo, clock, 4, untyped, typed=False)
    at, kept = await reopen_prep(make_app)
    assert (at, kept.size, kept.note) == ("reason", AdvanceSize.MEDIUM, "Bring the figures")


async def test_an_earlier_prep_keeps_its_note_when_edited(
    make_app, with_why, open_repo, clock
) -> None:
    account = seed(open_repo, clock, prep=Prep(BEST, note="Bring the figures"))
    app = make_app()
    async with run(app) as pilot:
        await start_prep(pilot)
        await pilot.press("ctrl+s")
        await paste(pilot, MINIMUM)
        await to_step(pilot, "review")
        assert "Note: Bring the figures" in on_screen(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
    [call] = app.repo.calls.for_account(account.uid)
    assert (call.prep.note, call.prep.fallback) == ("Bring the figures", MINIMUM)


async def test_the_last_calls_result_reads_as_best_minimum_or_neither(
    make_app, with_why, open_repo, clock
) -> None:
    account = seed(open_repo, clock)
    repo = open_repo()
    held = datetime(2026, 11, 17, 10, 0, tzinfo=BERLIN)
    debrief = Debrief(Result.PARTLY, Movement.ADVANCE, next_step="Greta books the CFO", at=held)
    repo.calls.save(Call(account.uid, held, prep=Prep(BEST, fallback=MINIMUM), debrief=debrief))
    repo.close()
    app = make_app()
    async with run(app) as pilot:
        await open_calls(pilot)
        await pilot.press("end")  # the call to come, after the one held
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, PrepFlowScreen)
        assert "Last call 17 Nov 2026: advance, got the minimum." in on_screen(app)


async def test_a_planning_answer_too_long_to_save_is_refused_on_its_step(
    make_app, with_why, open_repo, clock
) -> None:
    """Each step judges its own answer: a paste too long for a call is stopped where it was
    typed, not at the save."""
    account = seed(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await start_prep(pilot)
        await paste(pilot, "Greta agrees to a pilot at one plant")  # medium
        await pilot.press("ctrl+s")
        await paste(pilot, MINIMUM)
        await pilot.press("ctrl+s")
        await to_step(pilot, "reason")
        await paste(pilot, REASON)
        await pilot.press("ctrl+s")
        assert app.screen.current.key == "client_gain"
        await paste(pilot, "x" * 3_001)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.current.key == "client_gain"
        assert "3,001" in on_screen(app) or "3,000" in on_screen(app)
    [call] = app.repo.calls.for_account(account.uid)
    assert call.prep is None


async def test_a_draft_left_at_the_why_now_resumes_on_after_the_objective_got_one(
    make_app, with_why, open_repo, clock
) -> None:
    account = seed(open_repo, clock)
    answers = {"outcome": "The CFO signs the pilot order form", "size": "large",
               "fallback": MINIMUM, "why_now": "", "at_step": "why_now"}  # fmt: skip
    old_draft(open_repo, clock, 11, answers, typed=True)
    repo = open_repo()
    objective = repo.objectives.active_for(account.uid)
    repo.objectives.save(replace(objective, why_now="Their Lumen contract ends in March"))
    repo.close()
    at, _ = await reopen_prep(make_app)
    assert at == "review"
