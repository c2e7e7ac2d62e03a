"""Left open past midnight, the app rolls over to the new day's morning plan.

The clock starts at 23:59 on Tuesday 24 Nov 2026, with that day planned.
"""

from textual.widgets import Input

from coach_tui.model.day import DayPlan, Priority
from coach_tui.ui.screens.dashboard import DashboardScreen
from coach_tui.ui.screens.morning import MorningPlanScreen
from coach_tui.ui.screens.why_flow import WhyFlowScreen
from tests.helpers import widget_text
from tests.ui.flow import run, settle
from tests.ui.test_morning import seed


def seed_late_evening(open_repo, clock) -> None:
    clock.current = clock.current.replace(hour=23, minute=59)
    tuesday = (Priority("Send the Hiro proposal"), Priority("Book the dentist", done=True))
    seed(open_repo, clock, DayPlan(clock().date(), tuesday))


def assert_wednesday_plan(app) -> None:
    screen = app.screen
    assert isinstance(screen, MorningPlanScreen)
    assert screen.sub_title == "Morning plan · Wed 25 Nov"
    # Tuesday's unfinished priority is offered again; the done one is not.
    assert screen.query_one("#priority-1", Input).value == "Send the Hiro proposal"
    assert screen.query_one("#priority-2", Input).value == ""


async def test_on_the_dashboard_the_new_day_opens_its_plan(make_app, open_repo, clock) -> None:
    seed_late_evening(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        app.check_new_day()  # still Tuesday: nothing happens
        assert isinstance(app.screen, DashboardScreen)
        clock.advance(minutes=2)
        app.check_new_day()  # what the app's timer calls every 30 seconds
        await settle(pilot)
        assert_wednesday_plan(app)
        dashboard = app.screen_stack[-2]
        assert dashboard.day is None  # reloaded: keys 1-3 no longer tick Tuesday's plan
        await pilot.press("escape")  # later
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        banner = widget_text(app, app.screen.query_one("#why-today"))
        assert banner == "No priorities for today yet: m plans the day."


async def test_a_flow_open_at_midnight_is_finished_first(make_app, open_repo, clock) -> None:
    seed_late_evening(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        await pilot.press("w")  # rewriting the why, late at night
        await settle(pilot)
        assert isinstance(app.screen, WhyFlowScreen)
        clock.advance(minutes=2)
        app.check_new_day()
        await settle(pilot)
        assert isinstance(app.screen, WhyFlowScreen)  # not yanked out of the flow
        await pilot.press("escape")  # back to the dashboard, which starts the new day
        await settle(pilot)
        assert_wednesday_plan(app)
