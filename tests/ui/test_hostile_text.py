"""Every screen and every flow step on a folder whose every text field is hostile.

The folder (`tests/hostile.py`) holds markup (`[/x]`, `[@click=app.quit]`, links), terminal
control (ESC sequences, NUL, BEL, a bidi override), 5,000-character notes and wide text,
written as a hand-edit or an import would. On every screen a seller can reach, the text
must show as typed, nothing may crash, no escape code may reach the terminal, nothing may
be clickable into an action, and the app must still be running.

"Today" is Tuesday 24 Nov 2026, 08:30 CET (the FakeClock).
"""

from __future__ import annotations

import dataclasses
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.segment import Segment
from textual.pilot import Pilot

from coach_tui.ui.app import CoachApp
from tests.helpers import TUESDAY_MORNING, screen_text
from tests.hostile import FORBIDDEN, HostileFolder, seed_hostile
from tests.ui.flow import settle

BIG = (120, 40)
SMALL = (80, 24)
# What the terminal must never receive from the app's drawing: a title or link (OSC), a
# screen wipe, NUL, BEL, a bidi override.
NEVER_SENT = ("\x1b]", "\x1b[2J", "\x00", "\x07", "\u202e", "\x9b")
# Words of the hostile click names, where a click would land on the link if there was one.
CLICK_WORDS = ("Ann", "quit", "Link", "x[/]")


@pytest.fixture(scope="module")
def hostile_template(tmp_path_factory: pytest.TempPathFactory) -> HostileFolder:
    """Seeded once per worker; each test works on its own copy."""
    base = tmp_path_factory.mktemp("hostile")
    return seed_hostile(base / "data", now=TUESDAY_MORNING, victim_dir=base / "victim")


@pytest.fixture
def hostile(hostile_template: HostileFolder, data_dir: Path) -> HostileFolder:
    shutil.copytree(hostile_template.data_dir, data_dir)
    return dataclasses.replace(hostile_template, data_dir=data_dir)


# --- what is checked on every screen ------------------------------------------------------


def segments(app: CoachApp) -> Iterator[Segment]:
    """Every piece of text drawn, on the screen in front and the ones under it."""
    for screen in app.screen_stack:
        for strip in screen._compositor.render_strips():
            yield from strip


def terminal_output(app: CoachApp) -> str:
    """What the app would write to the terminal to draw the screen in front, in full."""
    return app.screen._compositor.render_full_update().render_segments(app.console)


def assert_safe(app: CoachApp, folder: HostileFolder) -> None:
    """Still running, no crash, nothing unsafe drawn, nothing clickable into an action."""
    assert app.is_running, "the app stopped"
    assert app._exception is None, app._exception
    assert not (folder.data_dir / "crash.log").exists()
    assert not folder.victim_file.exists(), "a click action wrote a file"
    for segment in segments(app):
        assert not any(char in segment.text for char in FORBIDDEN), repr(segment.text)
        style = segment.style
        if style is not None:
            assert not style.link, f"a link on screen: {style.link}"
            assert "@click" not in (style.meta or {}), f"a click action: {style.meta}"
    output = terminal_output(app)
    for sequence in NEVER_SENT:
        assert sequence not in output, f"{sequence!r} written to the terminal"


def assert_literal(app: CoachApp, *texts: str) -> None:
    """Each of `texts` is on screen exactly as typed (not eaten as markup)."""
    text = screen_text(app)
    for expected in texts:
        assert expected in text, f"{expected!r} not shown literally in:\n{text}"


async def step(pilot: Pilot, folder: HostileFolder, *keys: str) -> None:
    """Press `keys`, let the app settle, and check the screen."""
    if keys:
        await pilot.press(*keys)
    await settle(pilot)
    assert_safe(pilot.app, folder)  # type: ignore[arg-type]


async def click_hostile_words(pilot: Pilot, folder: HostileFolder) -> int:
    """Click where each hostile click name first shows; a link there would run its action.

    (`assert_safe` already finds any link or click action anywhere on screen; this is the
    user's click, as in the issue, on the first place each one is drawn.)
    """
    rows = screen_text(pilot.app).split("\n")
    clicks = 0
    for word in CLICK_WORDS:
        found = next(
            ((match.start(), y) for y, row in enumerate(rows) if (match := _find(word, row))),
            None,
        )
        if found is not None:
            await pilot.click(offset=found)
            clicks += 1
    await settle(pilot)
    assert_safe(pilot.app, folder)  # type: ignore[arg-type]
    return clicks


def _find(word: str, row: str) -> re.Match[str] | None:
    return re.search(re.escape(word), row)


# --- the tests ------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [BIG, SMALL])
async def test_start_dashboard_why_and_history(make_app, hostile, size) -> None:
    app = make_app()
    async with app.run_test(size=size, notifications=True) as pilot:
        await step(pilot, hostile)
        # The theme notices quote the files and the setting as they are.
        notes = " | ".join(toast.render().plain for toast in app.screen.query("Toast"))
        assert "'primary' is not a colour: '[/]'" in notes
        assert "There is no theme called '[/x] [bold]Evil'" in notes
        await click_hostile_words(pilot, hostile)
        app.clear_notifications()
        await step(pilot, hostile)
        assert_literal(app, "[Hiring]", "[/x]", "[bold]bold[/bold]", "␛]0;PWNED␇")
        await step(pilot, hostile, "1", "2")  # tick priorities
        await step(pilot, hostile, "h")
        assert_literal(app, "[/x]")
        await step(pilot, hostile, "down", "down")
        await click_hostile_words(pilot, hostile)
        await step(pilot, hostile, "escape", "w")  # the why flow, resuming its draft
        for _ in range(6):
            await step(pilot, hostile, "ctrl+s")
            await click_hostile_words(pilot, hostile)
        assert app.is_running
