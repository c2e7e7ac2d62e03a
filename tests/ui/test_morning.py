"""The morning plan: first screen once a day, three priorities, ticked off on the dashboard."""

from datetime import timedelta

from textual.widgets import Input

from coach_tui.model.day import DayPlan, Priority
from coach_tui.model.why import new_why
from coach_tui.ui.screens.dashboard import DashboardScreen
from coach_tui.ui.screens.morning import MorningPlanScreen
from tests.helpers import screen_text, squashed, widget_text
from tests.ui.flow import paste, run, settle


def seed(open_repo, clock, *plans: DayPlan) -> None:
    repo = open_repo()
    repo.why.save(new_why("I sell so my kids see steady work.", {}, now=clock()))
    for plan in plans:
        repo.days.save(plan)
    repo.close()


async def type_priority(pilot, number: int, text: str) -> None:
    box = pilot.app.screen.query_one(f"#priority-{number}", Input)
    box.focus()
    box.select_all()
    await paste(pilot, text)


async def test_the_day_starts_with_its_plan_then_priorities_are_ticked(
    make_app, open_repo, clock
) -> None:
    seed(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, MorningPlanScreen)
        text = squashed(screen_text(app))
        assert "I sell so my kids see steady work." in text
        assert "No calls today." in text
        assert "Coach: No calls today." in text
        assert "has no review yet" not in text  # day one: there is no week to look back on
        await type_priority(pilot, 1, "Prep the Nordvale call")
        await type_priority(pilot, 2, "Clear overdue touches")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        banner = widget_text(app, app.screen.query_one("#why-today"))
        assert banner == "Today: 1 ☐ Prep the Nordvale call 2 ☐ Clear overdue touches"
        await pilot.press("2")
        await pilot.pause()
        assert "2 ☑ Clear overdue touches" in widget_text(app, app.screen.query_one("#why-today"))
    plan = app.repo.days.get(clock().date())
    assert [p.done for p in plan.priorities] == [False, True]


async def test_yesterdays_unfinished_priorities_are_offered_again(
    make_app, open_repo, clock
) -> None:
    yesterday = DayPlan(
        clock().date() - timedelta(days=1),
        (Priority("Send the Hiro proposal"), Priority("Book the dentist", done=True)),
    )
    seed(open_repo, clock, yesterday)
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#priority-1", Input).value == "Send the Hiro proposal"
        assert app.screen.query_one("#priority-2", Input).value == ""


async def test_escape_always_leaves_and_what_was_typed_is_back_on_reopen(
    make_app, open_repo, clock
) -> None:
    seed(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        await type_priority(pilot, 1, "Call Greta")
        await type_priority(pilot, 2, "Something")
        pilot.app.screen.query_one("#priority-2", Input).select_all()
        await pilot.press("backspace")  # typed, then cleared again
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, MorningPlanScreen)
        assert app.screen.query_one("#priority-1", Input).value == "Call Greta"
        assert app.screen.query_one("#priority-2", Input).value == ""
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert app.repo.days.get(clock().date()).priorities == (Priority("Call Greta"),)
    assert app.repo.drafts.all() == []  # the saved plan took the draft's place


async def test_quitting_keeps_the_typed_priorities_for_the_next_start(
    make_app, open_repo, clock
) -> None:
    seed(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        await type_priority(pilot, 1, "Send the Hiro proposal")
        await pilot.press("ctrl+q")
    app.repo.close()
    again = make_app()
    async with run(again) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, MorningPlanScreen)
        assert again.screen.query_one("#priority-1", Input).value == "Send the Hiro proposal"


async def test_an_empty_plan_is_refused(make_app, open_repo, clock) -> None:
    seed(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MorningPlanScreen)
        assert "Name at least one thing" in squashed(screen_text(app))
    assert app.repo.days.get(clock().date()) is None
