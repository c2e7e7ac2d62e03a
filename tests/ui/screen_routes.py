"""Every screen a seller can reach, on a year of demo data: how to get there from the
dashboard, for tests that look at each screen in turn."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot
from textual.widgets import TabbedContent

from coach_tui.demo.generate import build_demo
from coach_tui.demo.write import write_demo_data
from coach_tui.model.day import DayPlan, Priority
from coach_tui.ui.app import CoachApp
from coach_tui.ui.screens.dashboard import DashboardScreen
from tests.ui.flow import settle

Step = str | Callable[[CoachApp], None]


def tab(tab_id: str) -> Callable[[CoachApp], None]:
    def show(app: CoachApp) -> None:
        app.screen.query_one(TabbedContent).active = tab_id

    return show


def act(name: str) -> Callable[[CoachApp], None]:
    return lambda app: getattr(app, f"action_{name}")()


# How a seller reaches each screen from the dashboard.
ROUTES: dict[str, tuple[Step, ...]] = {
    "dashboard": (),
    "accounts": ("a",),
    "new account": ("a", "n"),
    "account objective": ("a", "enter"),
    "account research": ("a", "enter", tab("tab-research")),
    "account team view": ("a", "enter", tab("tab-team")),
    "team view form": ("a", "enter", "p"),
    "objective flow": ("a", "enter", "o"),
    "getting in": ("a", "enter", "e"),
    "add person": ("a", "enter", "e", "n"),
    "entry point": ("a", "enter", "e", "i"),
    "calls": ("c",),
    "new call": ("c", "n"),
    "prep": ("c", "p"),
    "touches": ("t",),
    "goals": ("g",),
    "new goal": ("g", "n"),
    "new skill": ("g", "k"),
    "morning plan": ("m",),
    "weekly review": ("r",),
    "why flow": ("w",),
    "why history": ("h",),
    "help": ("question_mark",),
    "import": (act("import_contacts"),),
    "plan the year": (act("plan_year"),),
    "currency": (act("default_currency"),),
    "stall weeks": (act("stall_weeks"),),
}


async def visit(pilot: Pilot, route: tuple[Step, ...]) -> None:
    """Back to the dashboard, then along `route`."""
    app: CoachApp = pilot.app  # type: ignore[assignment]
    while not isinstance(app.screen, DashboardScreen):
        app.pop_screen()
        await pilot.pause()
    for step in route:
        if isinstance(step, str):
            await pilot.press(step)
        else:
            step(app)
        await settle(pilot)


@pytest.fixture
def demo_app(open_repo, clock) -> CoachApp:
    repo = open_repo()
    write_demo_data(repo, build_demo(clock(), years=1, seed=3))
    repo.days.save(DayPlan(clock().date(), (Priority("Prep the Nordvale call"),)))
    repo.close()
    app = CoachApp(open_repo(), clock=clock)
    # Scrolls land at once instead of gliding: the walks look at where things end up, and
    # need not wait out an animation after every key.
    app.animation_level = "none"
    return app
