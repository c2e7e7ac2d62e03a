"""An honest debrief, as the seller walks it: nothing chosen for them, an advance names what
the client promised, a promise dated in the past is questioned, a call with no outcome is
asked what happened, today's skill is asked about, and it all resumes.

"Today" is Tuesday 24 Nov 2026, 08:30 in Berlin (the FakeClock); the call was yesterday.
"""

from datetime import date, datetime

from coach_tui.model.account import Account, ExpansionKind, StrategicObjective
from coach_tui.model.call import Call, Movement, Party, Prep, Result
from coach_tui.model.contact import BuyingRole, Contact
from coach_tui.model.draft import FlowDraft
from coach_tui.model.goal import SkillGoal
from coach_tui.ui.screens.calls import CallsScreen
from coach_tui.ui.screens.debrief_flow import DebriefFlowScreen
from tests.helpers import BERLIN, on_screen
from tests.ui.flow import choose, later, paste, run, settle

YESTERDAY_3PM = datetime(2026, 11, 23, 15, 0, tzinfo=BERLIN)
BEST = "Greta books the CFO meeting"
MINIMUM = "Greta sends the budget figures"


def seed(open_repo, clock, *, prep: Prep | None, skills: tuple[SkillGoal, ...] = ()) -> Call:
    """Nordvale with Greta and yesterday's call with her, waiting for its debrief."""
    repo = open_repo()
    account = Account("Nordvale Foods", created_at=clock())
    repo.accounts.save(account)
    objective = StrategicObjective(
        account.uid, "All five plants plan on our suite", ExpansionKind.WIDER_DEPLOYMENT,
        created_at=clock(),
    )  # fmt: skip
    repo.objectives.save(objective)
    greta = Contact("Greta Lindqvist", account_uid=account.uid, role=BuyingRole.USER)
    repo.contacts.save(greta)
    for skill in skills:
        repo.goals.save_skill(skill)
    call = Call(
        account.uid, YESTERDAY_3PM, contact_uids=(greta.uid,), objective_uid=objective.uid,
        prep=prep,
    )  # fmt: skip
    repo.calls.save(call)
    repo.close()
    return call


async def open_debrief(pilot) -> DebriefFlowScreen:
    await later(pilot)
    await pilot.press("c")
    await settle(pilot)
    await pilot.press("b")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, DebriefFlowScreen)
    return screen


async def walk_to(pilot, key: str) -> None:
    """Ctrl+s (twice where the coach asks) up to step `key`, and no further."""
    for _ in range(12):
        if pilot.app.screen.current.key == key:
            return
        await pilot.press("ctrl+s", "ctrl+s")
    raise AssertionError(f"never reached {key}")


async def answer(pilot, text: str) -> None:
    """Type a one-line answer and press ctrl+s."""
    await paste(pilot, text)
    await pilot.press("ctrl+s")


async def test_ctrl_s_with_nothing_chosen_saves_nothing_and_says_why(
    make_app, with_why, open_repo, clock
) -> None:
    call = seed(open_repo, clock, prep=Prep(BEST, fallback=MINIMUM))
    app = make_app()
    async with run(app) as pilot:
        screen = await open_debrief(pilot)
        text = on_screen(app)
        assert "Which did you get: the best outcome, the minimum, or neither?" in text
        assert f"The best — {BEST}" in text and f"The minimum — {MINIMUM}" in text
        await pilot.press("ctrl+s", "ctrl+s")  # a quick save: nothing was picked
        assert screen.current.key == "result"
        assert "Pick one first: did you get the best outcome" in on_screen(app)
        await choose(pilot, "partly")
        await pilot.press("ctrl+s", "ctrl+s")
        assert screen.current.key == "movement"
        assert "Pick one first: did Greta commit to a next step" in on_screen(app)
    assert app.repo.calls.get(call.uid).debrief is None


async def test_a_draft_at_the_last_step_with_nothing_chosen_is_sent_back_to_choose(
    make_app, with_why, open_repo, clock
) -> None:
    """A draft from before (it held no choice) opens on the check page: saving asks first."""
    call = seed(open_repo, clock, prep=Prep(BEST))
    repo = open_repo()
    repo.drafts.save(FlowDraft(f"debrief:{call.uid}", 10, {"notes": "Went fine"}, clock()))
    repo.close()
    app = make_app()
    async with run(app) as pilot:
        screen = await open_debrief(pilot)
        assert screen.current.key == "review"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DebriefFlowScreen) and screen.current.key == "result"
        assert "Pick one first" in on_screen(app)
        assert screen.answers.notes == "Went fine"
    assert app.repo.calls.get(call.uid).debrief is None


async def test_an_advance_without_their_promise_is_asked_what_by_when(
    make_app, with_why, open_repo, clock
) -> None:
    call = seed(open_repo, clock, prep=Prep(BEST))
    app = make_app()
    async with run(app) as pilot:
        screen = await open_debrief(pilot)
        await choose(pilot, "reached")
        await pilot.press("ctrl+s")
        assert "Did Greta commit to a next step?" in on_screen(app)
        await choose(pilot, "advance")
        await pilot.press("ctrl+s")
        assert "What did Greta promise to do?" in on_screen(app)
        assert "in their name: “Greta sends the figures”" in on_screen(app)
        await pilot.press("ctrl+s", "ctrl+s")  # nothing typed, pressed on
        assert screen.current.key == "theirs"
        assert "You marked an advance but recorded nothing Greta promised" in on_screen(app)
        assert "If nothing, it was a continuation" in on_screen(app)
        await pilot.press("escape")  # back: it was a continuation after all
        assert screen.current.key == "movement"
        await choose(pilot, "continuation")
        await pilot.press("ctrl+s")
        assert screen.current.key == "mine"
    assert app.repo.calls.get(call.uid).debrief is None


async def test_a_promise_dated_before_the_call_or_already_past_is_flagged(
    make_app, with_why, open_repo, clock
) -> None:
    call = seed(open_repo, clock, prep=Prep(BEST))
    app = make_app()
    async with run(app) as pilot:
        screen = await open_debrief(pilot)
        await choose(pilot, "reached")
        await pilot.press("ctrl+s")
        await choose(pilot, "advance")
        await pilot.press("ctrl+s")
        await answer(pilot, "Greta sends the plant data")
        await answer(pilot, "2026-11-20")  # before the call: cannot be
        assert screen.current.key == "theirs_due"
        assert "Fri 20 Nov is before the call (Mon 23 Nov)" in on_screen(app)
        await pilot.press("ctrl+s")  # refused, however often pressed
        assert screen.current.key == "theirs_due"
        screen.query_one("#answer-line").value = ""
        await answer(pilot, "yesterday")  # the call's day: late already, but possible
        assert "Mon 23 Nov has passed: Greta would be late already" in on_screen(app)
        assert screen.current.key == "theirs_due"
        await pilot.press("ctrl+s")  # kept
        assert screen.current.key == "mine"
        await walk_to(pilot, "review")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, CallsScreen)
    [promise] = app.repo.calls.commitments(call.account_uid)
    assert (promise.party, promise.due) == (Party.THEM, date(2026, 11, 23))


async def test_a_call_without_an_outcome_is_asked_what_happened(
    make_app, with_why, open_repo, clock
) -> None:
    call = seed(open_repo, clock, prep=None)
    app = make_app()
    async with run(app) as pilot:
        screen = await open_debrief(pilot)
        text = on_screen(app)
        assert "No outcome was set for this call. What did Greta agree to, if anything?" in text
        assert "did the call get its outcome" not in text.lower()
        assert "the best outcome" not in text
        await answer(pilot, "Greta sends the plant data")
        await choose(pilot, "advance")
        await pilot.press("ctrl+s")
        assert screen.current.key == "theirs_due"  # what they agreed to is their promise
        await answer(pilot, "friday")
        await walk_to(pilot, "review")
        assert "No outcome was set; advance." in on_screen(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, CallsScreen)
    debrief = app.repo.calls.get(call.uid).debrief
    assert (debrief.result, debrief.movement) == (Result.MISSED, Movement.ADVANCE)
    [promise] = app.repo.calls.commitments(call.account_uid)
    assert (promise.what, promise.due) == ("Greta sends the plant data", date(2026, 11, 27))


async def test_todays_skill_is_asked_and_the_answer_stored(
    make_app, with_why, open_repo, clock
) -> None:
    older = SkillGoal("Listen more than I talk", started_on=date(2026, 9, 1))
    newer = SkillGoal("Ask for the next step", started_on=date(2026, 11, 2))
    call = seed(open_repo, clock, prep=Prep(BEST), skills=(older, newer))
    app = make_app()
    async with run(app) as pilot:
        screen = await open_debrief(pilot)
        await choose(pilot, "partly")
        await pilot.press("ctrl+s")
        await choose(pilot, "continuation")
        await pilot.press("ctrl+s")
        await walk_to(pilot, "practised")
        assert "Did you practise “Ask for the next step” in this call?" in on_screen(app)
        await pilot.press("ctrl+s")  # not chosen yet
        assert screen.current.key == "practised"
        assert "Yes or no" in on_screen(app)
        await choose(pilot, "yes")
        await pilot.press("ctrl+s")
        assert "Practised “Ask for the next step”: yes" in on_screen(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, CallsScreen)
    debrief = app.repo.calls.get(call.uid).debrief
    assert (debrief.skill_uid, debrief.practised) == (newer.uid, True)
    assert debrief.result is Result.PARTLY


async def test_no_skill_goal_no_skill_question(make_app, with_why, open_repo, clock) -> None:
    retired = SkillGoal("Quantify the pain", retired_on=date(2026, 11, 1))
    call = seed(open_repo, clock, prep=Prep(BEST), skills=(retired,))
    app = make_app()
    async with run(app) as pilot:
        screen = await open_debrief(pilot)
        await choose(pilot, "partly")
        await pilot.press("ctrl+s")
        await choose(pilot, "continuation")
        await pilot.press("ctrl+s")
        seen = []
        for _ in range(12):
            seen.append(screen.current.key)
            if seen[-1] == "review":
                break
            await pilot.press("ctrl+s", "ctrl+s")
        assert seen[-1] == "review" and "practised" not in seen
        await pilot.press("ctrl+s")
        await settle(pilot)
    debrief = app.repo.calls.get(call.uid).debrief
    assert (debrief.skill_uid, debrief.practised) == ("", False)


async def test_the_debrief_resumes_at_the_same_step_with_its_choices(
    make_app, with_why, open_repo, clock
) -> None:
    skill = SkillGoal("Ask for the next step", started_on=date(2026, 11, 2))
    call = seed(open_repo, clock, prep=Prep(BEST), skills=(skill,))
    app = make_app()
    async with run(app) as pilot:
        screen = await open_debrief(pilot)
        await choose(pilot, "partly")
        await pilot.press("ctrl+s")
        await choose(pilot, "continuation")
        await pilot.press("ctrl+s")
        await walk_to(pilot, "practised")
        await choose(pilot, "no")
        await pilot.press("escape")  # back a step: the choice is kept
        await paste(pilot, "tomorrow 10am")
        await pilot.press("ctrl+q")
    app.repo.close()

    again = make_app()
    async with run(again) as pilot:
        screen = await open_debrief(pilot)
        assert screen.current.key == "next_when"
        answers = screen.answers
        assert (answers.result, answers.movement) == (Result.PARTLY, Movement.CONTINUATION)
        assert (answers.next_when, answers.skill_uid, answers.practised) == (
            "tomorrow 10am",
            skill.uid,
            False,
        )
        await pilot.press("ctrl+s")
        assert screen.current.key == "practised"
        assert "No, not in this call" in on_screen(again)
        await pilot.press("ctrl+s", "ctrl+s")
        await settle(pilot)
        assert isinstance(again.screen, CallsScreen)
    debrief = again.repo.calls.get(call.uid).debrief
    assert (debrief.result, debrief.skill_uid, debrief.practised) == (
        Result.PARTLY,
        skill.uid,
        False,
    )


async def test_a_day_without_a_year_read_as_next_years_is_asked_about(
    make_app, with_why, open_repo, clock
) -> None:
    """ "20 nov" typed a few days after the 20th reads as next year's: the coach asks once."""
    call = seed(open_repo, clock, prep=Prep(BEST))
    app = make_app()
    async with run(app) as pilot:
        screen = await open_debrief(pilot)
        await choose(pilot, "reached")
        await pilot.press("ctrl+s")
        await choose(pilot, "advance")
        await pilot.press("ctrl+s")
        await answer(pilot, "Greta sends the plant data")
        await answer(pilot, "20 nov")
        assert screen.current.key == "theirs_due"
        assert "20 Nov 2027 is 12 months after the call" in on_screen(app)
        await pilot.press("ctrl+s")  # a question, not a refusal: kept when pressed again
        assert screen.current.key == "mine"
        await walk_to(pilot, "review")
        await pilot.press("ctrl+s")
        await settle(pilot)
    [promise] = app.repo.calls.commitments(call.account_uid)
    assert promise.due == date(2027, 11, 20)
