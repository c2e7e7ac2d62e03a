"""The morning plan keeps the why and the coach's line on its first screen, at any volume and
on a small terminal, however the seller moves through the priorities or widens the agenda."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from coach_tui.demo.generate import build_demo
from coach_tui.demo.write import write_demo_data
from coach_tui.store.repository import Repository
from coach_tui.ui.app import CoachApp
from coach_tui.ui.screens.morning import MorningPlanScreen
from tests.helpers import FakeClock, screen_text, squeezed
from tests.ui.flow import settle


@pytest.fixture(scope="module", params=[1, 5], ids=["1 year", "5 years"])
def demo_master(request: pytest.FixtureRequest, tmp_path_factory) -> tuple[Path, str]:
    """A demo folder (built once per module and volume) and the why it holds."""
    folder = tmp_path_factory.mktemp(f"demo-{request.param}") / "data"
    clock = FakeClock()
    repo = Repository.open(folder, clock=clock)
    try:
        write_demo_data(repo, build_demo(clock(), years=request.param, seed=7))
        why = repo.why.current()
    finally:
        repo.close()
    assert why is not None
    return folder, why.statement


def on_screen(app: CoachApp, why: str) -> tuple[bool, bool]:
    """Whether the why (its first words) and the coach's line are on screen now."""
    text = squeezed(screen_text(app))
    return squeezed(why[:40]) in text, "Coach:" in text


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
async def test_the_why_and_the_coach_line_stay_on_the_first_screen(
    demo_master: tuple[Path, str], size: tuple[int, int], tmp_path: Path
) -> None:
    master, why = demo_master
    folder = shutil.copytree(master, tmp_path / "data")
    clock = FakeClock()
    app = CoachApp(Repository.open(folder, clock=clock), clock=clock)
    try:
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, MorningPlanScreen)
            assert on_screen(app, why) == (True, True), screen_text(app)
            # Moving down the priorities, then widening every list of the agenda.
            for key in ("tab", "tab", "shift+tab", "shift+tab", "ctrl+l"):
                await pilot.press(key)
                await pilot.pause()
                assert on_screen(app, why) == (True, True), (key, screen_text(app))
    finally:
        app.repo.close()
