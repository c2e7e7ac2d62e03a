"""One account: research saved as typed, the objective flow, history, team perspectives."""

from datetime import date

from textual.widgets import TextArea

from coach_tui.model.account import Account, ExpansionKind, ObjectiveStatus, StrategicObjective
from coach_tui.ui.kit.guided import AUTOSAVE_SECONDS
from coach_tui.ui.screens.account import AccountScreen
from coach_tui.ui.screens.objective_flow import ObjectiveFlowScreen
from tests.helpers import notices, screen_text, squashed, widget_text
from tests.ui.flow import paste, run, settle


def one_account(open_repo, clock, name: str = "Nordvale Foods") -> Account:
    repo = open_repo()
    account = Account(name=name, created_at=clock())
    repo.accounts.save(account)
    repo.close()
    return account


async def open_account(pilot, account: Account) -> None:
    await settle(pilot)
    pilot.app.push_screen(AccountScreen(account.uid))
    await settle(pilot)


async def set_objective(
    pilot, *, goal="Cut waste 20% by 2028", target="250k", when="2027-06-30", why_now=""
):
    """Walk the objective flow from the account screen, answering every step."""
    await pilot.press("o")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ObjectiveFlowScreen)
    await pilot.press("down", "down", "down", "ctrl+s")  # wider deployment
    await paste(pilot, "All five plants plan on our suite")
    await pilot.press("ctrl+s")
    await paste(pilot, goal)
    await pilot.press("ctrl+s")
    await paste(pilot, target)
    await pilot.press("ctrl+s")
    await paste(pilot, when)
    await pilot.press("ctrl+s")
    if why_now:
        await paste(pilot, why_now)
    await pilot.press("ctrl+s")


async def test_objective_flow_end_to_end(make_app, with_why, open_repo, clock) -> None:
    account = one_account(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await open_account(pilot, account)
        assert "No strategic objective yet. Press o" in squashed(screen_text(app))
        await set_objective(pilot)
        review = squashed(screen_text(app))
        assert "Wider deployment: All five plants plan on our suite" in review
        assert "Serves their goal: Cut waste 20% by 2028" in review
        assert "Worth: $250,000" in review
        assert "By: 30 Jun 2027" in review
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, AccountScreen)
        assert "Worth $250,000 · by 30 Jun 2027 (218 days left)" in squashed(screen_text(app))
    saved = app.repo.objectives.active_for(account.uid)
    assert saved is not None
    assert saved.client_goal == "Cut waste 20% by 2028"
    assert saved.target_date == date(2027, 6, 30)
    assert app.repo.drafts.get(f"objective:{account.uid}") is None


async def test_the_objective_asks_why_now_and_keeps_the_answer(
    make_app, with_why, open_repo, clock
) -> None:
    account = one_account(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await open_account(pilot, account)
        await set_objective(pilot, why_now="Their supply contract ends in June")
        review = squashed(screen_text(app))
        assert "Why now: Their supply contract ends in June" in review
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Why now: Their supply contract ends in June" in squashed(screen_text(app))
    saved = app.repo.objectives.active_for(account.uid)
    assert saved.why_now == "Their supply contract ends in June"


async def test_the_why_now_step_is_optional_and_says_what_it_is_for(
    make_app, with_why, open_repo, clock
) -> None:
    account = one_account(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await open_account(pilot, account)
        await set_objective(pilot)  # nothing typed at the why-now step
        assert "Why now: not known yet" in squashed(screen_text(app))
        await pilot.press("escape")
        shown = squashed(screen_text(app))
        assert "Step 6 of 7 · Why now" in shown
        assert "Why would Nordvale Foods act this year rather than someday?" in shown
        await pilot.press("ctrl+s", "ctrl+s")
        await settle(pilot)
    assert app.repo.objectives.active_for(account.uid).why_now == ""


async def test_rewording_the_objective_keeps_its_why_now(
    make_app, with_why, open_repo, clock
) -> None:
    """The why now can come from elsewhere (a large prep asks for it): rewording the
    objective shows it at its step and keeps it, rather than saving it away."""
    account = one_account(open_repo, clock)
    repo = open_repo()
    repo.objectives.save(
        StrategicObjective(account.uid, "Two plants plan on our suite",
                           ExpansionKind.WIDER_DEPLOYMENT, client_goal="Cut waste",
                           why_now="New EU packaging rule in 2027", created_at=clock())
    )  # fmt: skip
    repo.close()
    app = make_app()
    async with run(app) as pilot:
        await open_account(pilot, account)
        await pilot.press("o")
        await settle(pilot)
        for _ in range(10):  # each answer kept as it was (a question is asked once)
            if "Step 6 of 7" in screen_text(app):
                break
            await pilot.press("ctrl+s")
            await pilot.pause()
        assert "Step 6 of 7" in screen_text(app)
        assert app.screen.query_one("#answer-line").value == "New EU packaging rule in 2027"
        await pilot.press("ctrl+s", "ctrl+s")
        await settle(pilot)
    saved = app.repo.objectives.active_for(account.uid)
    assert saved.why_now == "New EU packaging rule in 2027"


async def test_a_half_typed_why_now_resumes_at_its_step(
    make_app, with_why, open_repo, clock
) -> None:
    account = one_account(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await open_account(pilot, account)
        await set_objective(pilot)
        await pilot.press("escape")  # back to the why-now step
        await paste(pilot, "Plant opens in")
        await pilot.press("ctrl+q")
    app.repo.close()
    again = make_app()
    async with run(again) as pilot:
        await open_account(pilot, account)
        await pilot.press("o")
        await settle(pilot)
        assert "Step 6 of 7" in screen_text(again)
        assert again.screen.query_one("#answer-line").value == "Plant opens in"


async def test_the_coach_insists_the_objective_serves_a_client_goal(
    make_app, with_why, open_repo, clock
) -> None:
    account = one_account(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await open_account(pilot, account)
        await pilot.press("o")
        await pilot.press("ctrl+s")
        await paste(pilot, "Their EU arm buys")
        await pilot.press("ctrl+s")
        assert "Step 3 of 7" in screen_text(app)
        await pilot.press("ctrl+s", "ctrl+s")  # pressing on does not get past it
        shown = squashed(screen_text(app))
        assert "Step 3 of 7" in shown
        assert "Which of the client's own goals does this serve?" in shown


async def test_amounts_and_dates_are_echoed_and_bad_ones_refused(
    make_app, with_why, open_repo, clock
) -> None:
    account = one_account(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await open_account(pilot, account)
        await pilot.press("o", "ctrl+s")
        await paste(pilot, "Their EU arm buys")
        await pilot.press("ctrl+s")
        await paste(pilot, "Grow in Europe")
        await pilot.press("ctrl+s")
        await paste(pilot, "€1.2m")
        assert "= €1,200,000" in screen_text(app)
        await pilot.press("ctrl+s")
        await paste(pilot, "next march")
        assert "= Wed 31 Mar 2027 (127 days from today)" in screen_text(app)
        for _ in range(len("next march")):
            await pilot.press("backspace")
        await paste(pilot, "someday soon")
        await pilot.press("ctrl+s")
        assert "Could not read 'someday soon' as a date" in squashed(screen_text(app))
        for _ in range(len("someday soon")):
            await pilot.press("backspace")
        await paste(pilot, "2026-01-15")
        await pilot.press("ctrl+s")
        assert "15 Jan 2026 is already past" in squashed(screen_text(app))
        await pilot.press("ctrl+s")  # warned once; allowed
        assert "Step 6 of 7" in screen_text(app)


async def test_absurd_and_negative_targets_are_refused(make_app, with_why, open_repo, clock):
    account = one_account(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await open_account(pilot, account)
        await pilot.press("o", "ctrl+s")
        await paste(pilot, "Their EU arm buys")
        await pilot.press("ctrl+s")
        await paste(pilot, "Grow in Europe")
        await pilot.press("ctrl+s")
        await paste(pilot, "1e20")
        await pilot.press("ctrl+s")
        assert "more than a trillion" in squashed(screen_text(app))
        for _ in range(4):
            await pilot.press("backspace")
        await paste(pilot, "-500")
        await pilot.press("ctrl+s")
        assert "must be more than zero" in squashed(screen_text(app))
        assert "Step 4 of 7" in screen_text(app)
    assert app.repo.objectives.active_for(account.uid) is None


async def test_incomplete_objective_saves_and_says_what_is_missing(
    make_app, with_why, open_repo, clock
) -> None:
    account = one_account(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await open_account(pilot, account)
        await pilot.press("o", "ctrl+s")
        await paste(pilot, "Their EU arm buys")
        await pilot.press("ctrl+s")
        await paste(pilot, "Grow in Europe")
        await pilot.press("ctrl+s", "ctrl+s", "ctrl+s")  # no target (asked once)
        await pilot.press("ctrl+s", "ctrl+s")  # no date (asked once)
        await pilot.press("ctrl+s")  # no why now: not asked twice, it is optional
        await pilot.press("ctrl+s")
        await settle(pilot)
        shown = squashed(screen_text(app))
        assert "Incomplete: needs a financial target and a target date." in shown


async def test_quitting_mid_objective_resumes_on_that_account(
    make_app, with_why, open_repo, clock
) -> None:
    account = one_account(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await open_account(pilot, account)
        await pilot.press("o", "ctrl+s")
        await paste(pilot, "Their EU arm buys")
        await pilot.press("ctrl+s")
        await paste(pilot, "Grow in")
        await pilot.press("ctrl+q")
    app.repo.close()
    again = make_app()
    async with run(again) as pilot:
        await open_account(pilot, account)
        await pilot.press("o")
        await settle(pilot)
        assert "Step 3 of 7" in screen_text(again)
        assert again.screen.query_one("#answer-line").value == "Grow in"


async def test_closing_the_objective_keeps_it_as_history_and_can_be_undone(
    make_app, with_why, open_repo, clock
) -> None:
    account = one_account(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await open_account(pilot, account)
        await set_objective(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("m")
        await paste(pilot, "Plant managers pushed it through")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "No strategic objective yet" in squashed(screen_text(app))
        history_box = widget_text(app, app.screen.query_one("#objective-history"))
        assert "Achieved 24 Nov 2026 · All five plants plan on our suite" in history_box
        assert "Plant managers pushed it through" in history_box
        history = app.repo.objectives.history_for(account.uid)
        assert [o.status for o in history] == [ObjectiveStatus.ACHIEVED]
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert "Undid closing the objective" in notices(app)
        assert "All five plants plan on our suite" in squashed(screen_text(app))
    assert app.repo.objectives.active_for(account.uid) is not None
    assert app.repo.objectives.history_for(account.uid) == []


async def test_research_is_saved_as_typed(make_app, with_why, open_repo, clock) -> None:
    account = one_account(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await open_account(pilot, account)
        app.screen.query_one("TabbedContent").active = "tab-research"
        await pilot.pause()
        app.screen.query_one("#research-challenges", TextArea).focus()
        await paste(pilot, "Energy costs doubled since 2024")
        await pilot.pause(AUTOSAVE_SECONDS + 0.4)
        assert "1 of 4 parts written · saved" in screen_text(app)
    saved = app.repo.accounts.get(account.uid)
    assert saved is not None
    assert saved.research.challenges == "Energy costs doubled since 2024"


async def test_too_long_research_is_not_saved_and_leaving_asks(
    make_app, with_why, open_repo, clock
) -> None:
    account = one_account(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await open_account(pilot, account)
        app.screen.query_one("TabbedContent").active = "tab-research"
        await pilot.pause()
        app.screen.query_one("#research-issues", TextArea).focus()
        await paste(pilot, "x" * 6_000)
        await pilot.pause(AUTOSAVE_SECONDS + 0.4)
        assert "Not saved: Issues is 6,000 characters" in squashed(screen_text(app))
        await pilot.press("escape")
        assert "could not be saved" in squashed(screen_text(app))
    assert app.repo.accounts.get(account.uid).research.issues == ""


async def test_add_a_team_perspective_newest_first(make_app, with_why, open_repo, clock) -> None:
    account = one_account(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await open_account(pilot, account)
        await pilot.press("p")
        await pilot.pause()
        await paste(pilot, "Dana Ortiz")
        await pilot.press("tab")
        await paste(pilot, "solutions engineer")
        await pilot.press("tab")
        for _ in range(len("today")):
            await pilot.press("backspace")
        await paste(pilot, "2026-11-02")
        assert "= Mon 2 Nov 2026" in screen_text(app)
        app.screen.query_one("#text", TextArea).focus()
        await paste(pilot, "The CFO, not IT, signs off anything over 100k.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("p")
        await pilot.pause()
        await paste(pilot, "Sam Lee")
        app.screen.query_one("#text", TextArea).focus()
        await paste(pilot, "They are piloting a rival in Poland.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        shown = squashed(screen_text(app))
        assert shown.index("Sam Lee") < shown.index("Dana Ortiz (solutions engineer)")
        assert "Insight · Dana Ortiz (solutions engineer) · 2 Nov 2026" in shown
    perspectives = app.repo.perspectives.for_account(account.uid)
    assert [p.who for p in perspectives] == ["Sam Lee", "Dana Ortiz"]


async def test_perspective_needs_who_and_what(make_app, with_why, open_repo, clock) -> None:
    account = one_account(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await open_account(pilot, account)
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("ctrl+s")
        assert "Who is empty" in squashed(screen_text(app))
        await paste(pilot, "Dana")  # the first problem has the focus
        await pilot.press("ctrl+s")
        assert "What they see is empty" in squashed(screen_text(app))
    assert app.repo.perspectives.for_account(account.uid) == []


async def test_palette_offers_this_accounts_actions(make_app, with_why, open_repo, clock):
    account = one_account(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await open_account(pilot, account)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"team view")
        await pilot.pause(0.3)
        assert "Team view on Nordvale Foods" in squashed(screen_text(app))
        await pilot.press("enter")
        await settle(pilot)
        assert "What they see" in screen_text(app)
