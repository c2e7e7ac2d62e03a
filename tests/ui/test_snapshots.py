"""Whole-screen snapshots: catch layout regressions a targeted assertion would miss.

Each scene's screen text is compared with tests/snapshots/<scene>.txt. After an intended
layout change, run `python -m pytest tests/ui/test_snapshots.py --snapshot-update` and
review the diff. Updating also refreshes the SVG screenshot used in the README.
"""

from pathlib import Path

import pytest

from tests.helpers import screen_text
from tests.ui.flow import paste, run, settle

SNAPSHOTS = Path(__file__).parents[1] / "snapshots"
README_SCREENSHOT = SNAPSHOTS / "dashboard.svg"


def check(request: pytest.FixtureRequest, name: str, text: str) -> None:
    expected = SNAPSHOTS / f"{name}.txt"
    if request.config.getoption("--snapshot-update"):
        expected.write_text(text + "\n", encoding="utf-8")
        return
    assert expected.exists(), f"no snapshot {expected.name}: run pytest with --snapshot-update"
    assert text + "\n" == expected.read_text(encoding="utf-8")


async def test_first_run(request, make_app) -> None:
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        check(request, "first_run", screen_text(app))


async def test_dashboard_with_why(request, make_app, with_why) -> None:
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        check(request, "dashboard", screen_text(app))
        if request.config.getoption("--snapshot-update"):
            README_SCREENSHOT.write_text(app.export_screenshot(title="coach"), encoding="utf-8")


async def test_why_flow_first_step(request, make_app) -> None:
    app = make_app()
    async with run(app) as pilot:
        await pilot.press("enter")
        await paste(pilot, "A home for my kids, and the pride of doing hard work well.")
        check(request, "why_flow_step_1", screen_text(app))


async def test_why_flow_statement_step(request, make_app, with_why) -> None:
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        await pilot.press("w", "ctrl+s", "ctrl+s", "ctrl+s")
        await pilot.pause()
        check(request, "why_flow_statement", screen_text(app))


async def test_why_history(request, make_app, with_why) -> None:
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        check(request, "why_history", screen_text(app))


async def test_help(request, make_app, with_why) -> None:
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        check(request, "help", screen_text(app))
