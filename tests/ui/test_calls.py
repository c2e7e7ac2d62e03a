"""Calls end to end: schedule → prep (small, large, split) → debrief → next call; stalls.

"Today" is Tuesday 24 Nov 2026, 08:30 in Berlin (the FakeClock).
"""

from datetime import datetime, timedelta

from textual.widgets import Input

from coach_tui.coaching.outcome import AdvanceSize
from coach_tui.model.account import Account, ExpansionKind, StrategicObjective
from coach_tui.model.call import Call, Debrief, Movement, Party, Prep, Result
from coach_tui.model.contact import BuyingRole, Contact
from coach_tui.ui.kit.confirm import ConfirmScreen
from coach_tui.ui.screens.account import AccountScreen
from coach_tui.ui.screens.call_form import CallForm
from coach_tui.ui.screens.calls import CallsScreen
from coach_tui.ui.screens.debrief_flow import DebriefFlowScreen
from coach_tui.ui.screens.prep_flow import PrepFlowScreen
from tests.helpers import BERLIN, notices, on_screen, screen_text, widget_text
from tests.ui.flow import choose, later, paste, run, settle
from tests.ui.test_key_footer import footer_line

TOMORROW_10 = datetime(2026, 11, 25, 10, 0, tzinfo=BERLIN)


def seed(open_repo, clock, *calls: Call) -> tuple[Account, StrategicObjective]:
    repo = open_repo()
    account = Account("Nordvale Foods", created_at=clock())
    repo.accounts.save(account)
    objective = StrategicObjective(
        account.uid, "All five plants plan on our suite", ExpansionKind.WIDER_DEPLOYMENT,
        client_goal="Cut waste 20%", created_at=clock(),
    )  # fmt: skip
    repo.objectives.save(objective)
    repo.contacts.save(Contact("Greta Lindqvist", account_uid=account.uid, role=BuyingRole.USER))
    for call in calls:
        repo.calls.save(call)
    repo.close()
    return account, objective


def seed_with_call(open_repo, clock) -> tuple[Account, StrategicObjective]:
    """The seeded account with one call tomorrow at 10, not prepared yet."""
    account, objective = seed(open_repo, clock)
    repo = open_repo()
    repo.calls.save(call_for(account, objective))
    repo.close()
    return account, objective


async def start_prep(pilot) -> None:
    """Dashboard → calls → p on the first call."""
    await open_calls(pilot)
    await pilot.press("p")
    await settle(pilot)


def call_for(account: Account, objective: StrategicObjective, **changes) -> Call:
    fields = {"when": TOMORROW_10, "objective_uid": objective.uid}
    return Call(account.uid, **(fields | changes))


async def open_calls(pilot) -> None:
    await settle(pilot)
    await pilot.press("c")
    await settle(pilot)
    assert isinstance(pilot.app.screen, CallsScreen)


async def walk_debrief(pilot, until: str) -> None:
    """Ctrl+s through the debrief up to step `until`. Nothing is chosen for the seller, so
    each choice is made on the way: the minimum, a continuation, the skill practised."""
    picks = {"result": "partly", "movement": "continuation", "practised": "yes"}
    for _ in range(20):
        screen = pilot.app.screen
        if screen.current.key == until:
            return
        if screen.current.key in picks and screen.value_of(screen.current) == "":
            await choose(pilot, picks[screen.current.key])
        await pilot.press("ctrl+s")
    raise AssertionError(f"the debrief never reached {until}: {pilot.app.screen.current.key}")


async def line(pilot, text: str) -> None:
    """Replace the one-line answer of a flow step."""
    pilot.app.screen.query_one("#answer-line", Input).select_all()
    await paste(pilot, text)


async def test_schedule_from_the_account_links_the_objective(
    make_app, with_why, open_repo, clock
) -> None:
    account, objective = seed(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        app.push_screen(AccountScreen(account.uid))
        await settle(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CallForm)
        await paste(pilot, "tomorrow 10am")
        await pilot.pause()
        assert "= Wed 25 Nov 2026, 10:00" in on_screen(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert "Prepare the outcome now?" in on_screen(app)
        await pilot.press("escape")  # later
        await settle(pilot)
        assert isinstance(app.screen, AccountScreen)
        assert "Saved without an outcome yet" in notices(app)
        assert "Calls on this objective: 1" in on_screen(app)
    [call] = app.repo.calls.for_account(account.uid)
    assert call.when == TOMORROW_10 and call.objective_uid == objective.uid


async def test_scheduling_offers_the_prep_at_once(make_app, with_why, open_repo, clock) -> None:
    account, _ = seed(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        app.push_screen(AccountScreen(account.uid))
        await settle(pilot)
        await pilot.press("c")
        await paste(pilot, "fri 14:30")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, PrepFlowScreen)
        assert "Prep · Nordvale Foods · 27 Nov 2026, 14:30" in on_screen(app)


async def test_an_unreadable_time_is_refused_and_nothing_saved(
    make_app, with_why, open_repo, clock
) -> None:
    account, _ = seed(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        app.push_screen(AccountScreen(account.uid))
        await settle(pilot)
        await pilot.press("c")
        await paste(pilot, "soonish")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Add a time of day to 'soonish'" in on_screen(app)
    assert app.repo.calls.for_account(account.uid) == []


async def test_dashboard_marks_a_call_without_an_outcome(make_app, with_why, open_repo, clock):
    account, objective = seed(open_repo, clock)
    repo = open_repo()
    repo.calls.save(call_for(account, objective))
    repo.close()
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        panel = widget_text(app, app.screen.query_one("#calls"))
        assert "Wed 25 Nov 10:00 Nordvale Foods ⚠ no outcome yet: press c, then p" in panel


async def test_small_prep_asks_outcome_minimum_and_reason_and_saves_them(
    make_app, with_why, open_repo, clock
) -> None:
    account, _ = seed_with_call(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await start_prep(pilot)
        assert isinstance(app.screen, PrepFlowScreen)
        assert "This call should move: All five plants plan on our suite" in on_screen(app)
        await paste(pilot, "Send the deck")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "That's your part of the call. What should the client do after the deck?" in (
            on_screen(app)
        )
        await line(pilot, "Greta introduces us to the CFO")
        await pilot.press("ctrl+s")  # a good outcome goes on at once: no second ctrl+s
        await pilot.pause()
        assert app.screen.current.key == "fallback"
        await paste(pilot, "Greta shares the downtime figures")
        await pilot.press("ctrl+s")
        assert app.screen.current.key == "size"
        await pilot.press("ctrl+s")  # small, as the coach suggests
        assert app.screen.current.key == "reason"
        await paste(pilot, "Waste is up 8% since the new line started")
        await pilot.press("ctrl+s")
        assert app.screen.current.key == "review"  # a small advance plans no more
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, CallsScreen)
        assert "Greta introduces us to the CFO" in on_screen(app)
    [call] = app.repo.calls.for_account(account.uid)
    assert call.prep == Prep(
        "Greta introduces us to the CFO", "small",
        fallback="Greta shares the downtime figures",
        reason="Waste is up 8% since the new line started",
    )  # fmt: skip


async def test_a_good_outcome_goes_on_at_the_first_ctrl_s(make_app, with_why, open_repo, clock):
    seed_with_call(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await start_prep(pilot)
        await paste(pilot, "Greta introduces us to the CFO")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.current.key == "fallback"
        assert "Step 2 of" in on_screen(app)


async def test_the_outcome_hint_and_how_to_keep_it_start_on_lines_of_their_own(
    make_app, with_why, open_repo, clock
) -> None:
    seed_with_call(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await start_prep(pilot)
        await paste(pilot, "Send the deck")  # seller only: one hint, then how to keep it
        await pilot.press("ctrl+s")
        await pilot.pause()
        rows = [row.strip() for row in screen_text(app).split("\n")]
        assert any(row.startswith("That's your part of the call.") for row in rows)
        assert any(row.startswith("Ctrl+s again keeps it.") for row in rows)


async def test_large_prep_plans_more_and_a_too_big_outcome_is_split(
    make_app, with_why, open_repo, clock
) -> None:
    account, _ = seed_with_call(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await start_prep(pilot)
        await paste(pilot, "Hiro agrees to a pilot and then signs the contract")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "That's two steps, likely separate decisions." in on_screen(app)
        await line(pilot, "The CFO signs the pilot order form")
        await pilot.press("ctrl+s")  # a good outcome goes on at once
        assert app.screen.current.key == "bigger"  # the two advances, for a follow-up
        await pilot.press("ctrl+s")
        assert app.screen.current.key == "fallback"
        await paste(pilot, "The CFO agrees to a date to sign")
        await pilot.press("ctrl+s")
        assert app.screen.current.key == "size"
        assert app.screen.answers.size is AdvanceSize.LARGE  # inferred from "signs"
        await pilot.press("ctrl+s")
        for answer in ("Their waste audit is in March", "Waste down 5% at one plant",
                       "What would stop you signing today?", "CFO and Greta",
                       "Price: the pilot is fixed-fee", "Signed pilot form"):  # fmt: skip
            await paste(pilot, answer)
            await pilot.press("ctrl+s")
        assert app.screen.current.key == "why_now"  # the objective has none yet
        await paste(pilot, "The Bremen plant opens in May")
        await pilot.press("ctrl+s")
        assert app.screen.current.key == "review"
        await pilot.press("ctrl+s")
        await settle(pilot)
    call, follow = app.repo.calls.for_account(account.uid)
    assert follow.carried_outcome == "Hiro agrees to a pilot and then signs the contract"
    assert call.prep.size == "large"
    assert call.prep.fallback == "The CFO agrees to a date to sign"
    assert call.prep.objections == "Price: the pilot is fixed-fee"
    assert call.prep.questions == "What would stop you signing today?"
    assert app.repo.objectives.active_for(account.uid).why_now == "The Bremen plant opens in May"


BIG = "They agree to roll out to all plants"
SMALL = "Greta agrees to a pilot at one plant"


async def finish_prep(pilot) -> None:
    """From the size step on: take the suggested size, leave the rest empty (going on past
    the coach's questions), save."""
    while pilot.app.screen.current.key != "review":
        await pilot.press("ctrl+s")
        await pilot.pause()
    await pilot.press("ctrl+s")
    await settle(pilot)


def split_calls(app, account: Account) -> tuple[Call, Call]:
    this, follow = app.repo.calls.for_account(account.uid)
    return this, follow


async def test_a_split_that_follows_the_advice_still_creates_the_follow_up(
    make_app, with_why, open_repo, clock
) -> None:
    """Told the outcome is too big, the seller writes the smaller step in its place."""
    account, _ = seed_with_call(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await start_prep(pilot)
        await paste(pilot, BIG)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "“all plants” takes more than one call." in on_screen(app)
        await line(pilot, SMALL)
        await pilot.press("ctrl+s")  # a good outcome goes on at once
        assert app.screen.current.key == "bigger"
        assert app.screen.query_one("#answer-line", Input).value == BIG
        await pilot.press("ctrl+s")
        await finish_prep(pilot)
        assert isinstance(app.screen, CallsScreen)
        assert "Follow-up call set for 2 Dec 2026, 10:00" in notices(app)
    this, follow = split_calls(app, account)
    assert (this.when, this.prep.outcome, this.prepared) == (TOMORROW_10, SMALL, True)
    assert (follow.when, follow.carried_outcome) == (TOMORROW_10 + timedelta(weeks=1), BIG)
    assert not follow.prepared and follow.prep.carried_from == this.uid


async def test_a_kept_too_big_outcome_asks_what_this_call_must_get(
    make_app, with_why, open_repo, clock
) -> None:
    """Keeping the big outcome leads to the question; the big one moves to the follow-up."""
    account, _ = seed_with_call(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await start_prep(pilot)
        await paste(pilot, BIG)
        await pilot.press("ctrl+s", "ctrl+s")  # keep it
        assert app.screen.current.key == "this_call"
        assert "What must this call get?" in on_screen(app)
        assert f"“{BIG}” is more than one call gets" in on_screen(app)
        await paste(pilot, SMALL)
        await pilot.press("ctrl+s")
        assert app.screen.current.key == "bigger"
        assert app.screen.query_one("#answer-line", Input).value == BIG
        await pilot.press("ctrl+s")
        assert app.screen.current.key == "fallback"
        await pilot.press("ctrl+s", "ctrl+s")  # asked for a minimum, then on without one
        assert app.screen.current.key == "size"
        assert app.screen.answers.size is AdvanceSize.MEDIUM  # the pilot's size, not the rollout's
        await finish_prep(pilot)
        assert isinstance(app.screen, CallsScreen)
        assert SMALL in on_screen(app)
    this, follow = split_calls(app, account)
    assert (this.prep.outcome, follow.carried_outcome) == (SMALL, BIG)


async def test_a_kept_outcome_with_no_smaller_step_stays_whole(
    make_app, with_why, open_repo, clock
) -> None:
    account, _ = seed_with_call(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await start_prep(pilot)
        await paste(pilot, BIG)
        await pilot.press("ctrl+s", "ctrl+s")
        assert app.screen.current.key == "this_call"
        await pilot.press("ctrl+s")  # empty: keep the whole outcome for this call
        assert app.screen.current.key == "fallback"
        await finish_prep(pilot)
    [call] = app.repo.calls.for_account(account.uid)
    assert call.prep.outcome == BIG


async def test_leaving_prep_midway_resumes_at_the_same_step(make_app, with_why, open_repo, clock):
    seed_with_call(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await later(pilot)  # the offer of half-done flows
        await start_prep(pilot)
        await paste(pilot, "Greta introduces us to the CFO")
        await pilot.press("ctrl+s")
        await pilot.press("ctrl+q")
    app.repo.close()
    app = make_app()
    async with run(app) as pilot:
        await later(pilot)  # the offer of half-done flows
        await open_calls(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert app.screen.current.key == "fallback"
        assert app.screen.answers.outcome == "Greta introduces us to the CFO"


async def test_debrief_an_advance_creates_promises_and_the_next_call(
    make_app, with_why, open_repo, clock
) -> None:
    account, objective = seed(open_repo, clock)
    past = call_for(account, objective, when=datetime(2026, 11, 23, 15, 0, tzinfo=BERLIN),
                    prep=Prep("Greta introduces us to the CFO"))  # fmt: skip
    repo = open_repo()
    repo.calls.save(past)
    repo.close()
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        assert "1 to debrief" in widget_text(app, app.screen.query_one("#calls"))
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        assert isinstance(app.screen, DebriefFlowScreen)
        # nothing is chosen for the seller: the choices name the prep's best outcome
        assert "The best — Greta introduces us to the CFO" in on_screen(app)
        await choose(pilot, "reached")
        await pilot.press("ctrl+s")
        await choose(pilot, "advance")
        await pilot.press("ctrl+s")
        await paste(pilot, "Greta emails the CFO to set up the meeting")
        await pilot.press("ctrl+s")
        await paste(pilot, "friday")
        await pilot.press("ctrl+s")
        await paste(pilot, "Send the waste study")
        await pilot.press("ctrl+s")
        await paste(pilot, "tomorrow")
        await pilot.press("ctrl+s")
        await pilot.press("ctrl+s")  # no notes
        await paste(pilot, "The CFO agrees to a pilot at one plant")
        await pilot.press("ctrl+s")
        await paste(pilot, "next tuesday 9:30")
        await pilot.press("ctrl+s")
        assert "Next call: 1 Dec 2026, 09:30" in on_screen(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, CallsScreen)
    calls = app.repo.calls.for_account(account.uid)
    assert calls[0].debrief.movement is Movement.ADVANCE
    assert calls[1].when == datetime(2026, 12, 1, 9, 30, tzinfo=BERLIN)
    assert calls[1].prep.outcome == "The CFO agrees to a pilot at one plant"
    promises = {c.party: c for c in app.repo.calls.commitments(account.uid)}
    assert promises[Party.THEM].what == "Greta emails the CFO to set up the meeting"
    assert promises[Party.THEM].due.isoformat() == "2026-11-27"
    assert promises[Party.ME].due.isoformat() == "2026-11-25"


async def test_three_continuations_flag_the_account_on_the_dashboard(
    make_app, with_why, open_repo, clock
) -> None:
    account, objective = seed(open_repo, clock)
    talk = Debrief(Result.PARTLY, Movement.CONTINUATION)
    repo = open_repo()
    for days in (21, 14, 7):
        when = clock() - timedelta(days=days)
        prep = Prep("Greta shares the waste data")
        repo.calls.save(call_for(account, objective, when=when, prep=prep, debrief=talk))
    repo.close()
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        panel = widget_text(app, app.screen.query_one("#objectives"))
        assert "3 calls in a row without a commitment" in panel
        assert notices(app) == ""


async def test_stall_weeks_are_set_from_the_palette_and_refuse_nonsense(
    make_app, with_why, open_repo, clock
) -> None:
    account, objective = seed(open_repo, clock)
    advance = Debrief(Result.REACHED, Movement.ADVANCE)
    talk = Debrief(Result.PARTLY, Movement.CONTINUATION)
    repo = open_repo()
    repo.calls.save(
        call_for(account, objective, when=clock() - timedelta(weeks=4), debrief=advance)
    )
    repo.calls.save(call_for(account, objective, when=clock() - timedelta(days=2), debrief=talk))
    repo.close()
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        assert "No advance in" not in on_screen(app)  # 4 weeks is within the default 6
        await pilot.press("ctrl+p", *"stall alarm")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#weeks", Input).select_all()
        await paste(pilot, "99")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "from 2 to 26" in on_screen(app)
        app.screen.query_one("#weeks", Input).select_all()
        await paste(pilot, "3")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "No advance in 4 weeks" in on_screen(app)
    assert app.repo.settings.get().stall_weeks == 3


def seed_yesterdays_call(open_repo, clock) -> Account:
    """An account with yesterday's prepared call, waiting for its debrief."""
    account, objective = seed(open_repo, clock)
    repo = open_repo()
    prep = Prep("Greta shares the waste data")
    repo.calls.save(call_for(account, objective, when=clock() - timedelta(hours=20), prep=prep))
    repo.close()
    return account


async def debrief_as_continuation(pilot) -> None:
    """Open the waiting call's debrief: partly reached, talk goes on, nothing committed."""
    await open_calls(pilot)
    await pilot.press("b")
    await settle(pilot)
    await choose(pilot, "partly")
    await pilot.press("ctrl+s")
    await choose(pilot, "continuation")
    await pilot.press("ctrl+s")


async def test_a_continuation_skips_their_promise_and_keeps_mine(
    make_app, with_why, open_repo, clock
) -> None:
    account = seed_yesterdays_call(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await debrief_as_continuation(pilot)
        assert app.screen.current.key == "mine"  # nothing they committed to ask about
        await pilot.press("ctrl+s")  # no promise of mine either: the date step is skipped
        assert app.screen.current.key == "notes"
        await walk_debrief(pilot, "review")
        await pilot.press("ctrl+s")
        await settle(pilot)
    [call] = app.repo.calls.for_account(account.uid)
    assert call.debrief.movement is Movement.CONTINUATION
    assert call.debrief.result is Result.PARTLY
    assert app.repo.calls.commitments(account.uid) == []


async def test_the_next_step_of_a_debrief_waits_for_its_prep(
    make_app, with_why, open_repo, clock
) -> None:
    """The next call holds the next step as a draft: "no outcome yet" until it is prepared."""
    account, objective = seed(open_repo, clock)
    past = call_for(account, objective, when=datetime(2026, 11, 23, 15, 0, tzinfo=BERLIN),
                    prep=Prep("Greta introduces us to the CFO"))  # fmt: skip
    repo = open_repo()
    repo.calls.save(past)
    repo.close()
    app = make_app()
    async with run(app) as pilot:
        await open_calls(pilot)
        await pilot.press("b")
        await settle(pilot)
        await walk_debrief(pilot, "next_step")
        await paste(pilot, "The CFO agrees to a pilot at one plant")
        await pilot.press("ctrl+s")
        await paste(pilot, "tomorrow 10am")
        await pilot.press("ctrl+s", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, CallsScreen)
        assert "⚠ no outcome yet (p)" in on_screen(app)
        assert "to prepare" in on_screen(app)
        await pilot.press("escape")
        await settle(pilot)
        panel = widget_text(app, app.screen.query_one("#calls"))
        assert "⚠ no outcome yet: press c, then p" in panel
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("p")  # the next call is the only one listed
        await settle(pilot)
        assert isinstance(app.screen, PrepFlowScreen)
        assert app.screen.answers.outcome == "The CFO agrees to a pilot at one plant"
        assert "carried over from another call as a draft" in on_screen(app)
    _, following = app.repo.calls.for_account(account.uid)
    assert not following.prepared
    assert following.carried_outcome == "The CFO agrees to a pilot at one plant"


async def test_the_calls_footer_shows_every_key_of_the_calls_list(
    make_app, with_why, open_repo, clock
) -> None:
    seed_with_call(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await open_calls(pilot)
        line = footer_line(app)
        for key in ("n New call", "p Prep", "b Debrief", "m Move", "h History", "esc Back"):
            assert key in line
        assert "m move · h history" in on_screen(app)  # the hint above the list says so too


async def test_debriefing_a_call_still_ahead_asks_whether_it_happened(
    make_app, with_why, open_repo, clock
) -> None:
    """A call set for tomorrow: "Not yet" records nothing; "it happened" moves it to now."""
    account, _ = seed_with_call(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await open_calls(pilot)
        await pilot.press("b")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        question = widget_text(app, app.screen.query_one(".dialog-question"))
        assert question.startswith("This call is set for 25 Nov 2026, 10:00, still ahead.")
        assert "Was it moved earlier and held already?" in question
        await pilot.press("escape")  # not yet
        await settle(pilot)
        assert isinstance(app.screen, CallsScreen)
        assert "Nothing recorded" in notices(app)
        await pilot.press("b")
        await settle(pilot)
        await pilot.press("y")  # it happened
        await settle(pilot)
        assert isinstance(app.screen, DebriefFlowScreen)
        assert "Debrief · Nordvale Foods · 24 Nov 2026, 08:30" in on_screen(app)
        await walk_debrief(pilot, "review")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, CallsScreen)
    [call] = app.repo.calls.for_account(account.uid)
    assert call.when == datetime(2026, 11, 24, 8, 30, tzinfo=BERLIN)
    assert call.debrief is not None


async def test_leaving_the_debrief_of_a_call_moved_earlier_keeps_its_time(
    make_app, with_why, open_repo, clock
) -> None:
    """Nothing is saved until the debrief is: the call keeps tomorrow's time meanwhile."""
    account, _ = seed_with_call(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await open_calls(pilot)
        await pilot.press("b")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, DebriefFlowScreen)
        await pilot.press("escape")
        await settle(pilot)
    [call] = app.repo.calls.for_account(account.uid)
    assert (call.when, call.debrief) == (TOMORROW_10, None)


async def test_a_resumed_debrief_says_the_same_step_count_as_its_header(
    make_app, with_why, open_repo, clock
) -> None:
    """Skipped steps (no promise of theirs after a continuation) are left out of both."""
    seed_yesterdays_call(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await debrief_as_continuation(pilot)
        assert app.screen.current.key == "mine"
        await pilot.press("ctrl+q")
    app.repo.close()

    again = make_app()
    async with run(again) as pilot:
        await later(pilot)
        await open_calls(pilot)
        await pilot.press("b")
        await settle(pilot)
        assert isinstance(again.screen, DebriefFlowScreen)
        assert "Step 3 of 7" in screen_text(again)
        assert "step 3 of 7" in notices(again)
