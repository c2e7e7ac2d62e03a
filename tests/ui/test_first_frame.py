"""The first frame is built once: the first screen's rules load with the app's (and loading
them changes nothing on another screen), and it is pushed after Textual's start-up."""

from __future__ import annotations

import pytest
from textual.app import App
from textual.css.stylesheet import Stylesheet

from coach_tui.model.why import new_why
from coach_tui.ui.app import CoachApp
from coach_tui.ui.screens.dashboard import DashboardScreen
from coach_tui.ui.screens.morning import MorningPlanScreen
from coach_tui.ui.screens.welcome import WelcomeScreen
from tests.ui.flow import run, settle


@pytest.fixture
def reparses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts Textual re-reading every stylesheet: what a screen bringing a stylesheet the
    app has not loaded yet costs the frame that shows it."""
    counted: list[int] = []
    reparse = Stylesheet.reparse

    def counting(self: Stylesheet) -> None:
        counted.append(1)
        reparse(self)

    monkeypatch.setattr(Stylesheet, "reparse", counting)
    return counted


def seed_why(open_repo, clock) -> None:
    repo = open_repo()
    repo.why.save(new_why("I sell so my kids see steady work.", {}, now=clock()))
    repo.close()


async def test_the_welcome_shows_without_restyling_the_app(make_app, reparses) -> None:
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        assert reparses == []


async def test_the_morning_plan_shows_without_restyling_the_app(
    make_app, open_repo, clock, reparses
) -> None:
    seed_why(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, MorningPlanScreen)
        assert reparses == []


async def test_the_dashboard_panels_keep_their_size_after_the_morning_plan(
    make_app, open_repo, clock
) -> None:
    """The morning plan's stylesheet also styles the account's getting-in screen, whose
    touch table has the id of the dashboard's touches panel: loaded at start, it must not
    shrink that panel to its text."""
    seed_why(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, MorningPlanScreen)
        app.pop_screen()
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        touches = app.screen.query_one("#touches").region
        pace = app.screen.query_one("#pace").region
        assert touches.height == pace.height > 5


async def test_the_first_screen_is_pushed_once_textual_has_started(open_repo, clock) -> None:
    """A screen pushed while Textual's start-up batch is open is drawn for nothing (the
    batch discards the frame) and then again: the welcome waits for the batch to end."""
    stacks: list[int] = []

    class Recording(CoachApp):
        def on_mount(self) -> None:
            super().on_mount()
            stacks.append(len(self.screen_stack))

    app = Recording(open_repo(), clock=clock)
    async with run(app) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, WelcomeScreen)
    assert stacks == [1]  # home only, when the start-up's own work was done


async def test_the_dashboard_reads_once_the_frame_that_shows_it_is_drawn(
    make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its read runs in a thread that imports the rules and parses records: started with
    the first frame still to draw, it would take turns with it for the interpreter."""
    frames: list[int] = []
    drawn_before_read: list[int] = []
    display = App._display

    def counting(self: App, screen, renderable) -> None:
        if renderable is not None and not self._batch_count:
            frames.append(1)
        display(self, screen, renderable)

    load = DashboardScreen.load

    def recording(self: DashboardScreen):
        drawn_before_read.append(len(frames))
        return load(self)

    monkeypatch.setattr(App, "_display", counting)
    monkeypatch.setattr(DashboardScreen, "load", recording)
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        assert app.screen_stack[0].loaded_once  # the read still happens, behind the welcome
    assert drawn_before_read and drawn_before_read[0] >= 1
