"""Test helpers: a controllable clock and reading the screen the way a user sees it."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from rich.cells import cell_len
from textual.app import App
from textual.widget import Widget

# Tests run "on" a fixed Tuesday morning in a named non-UTC zone with summer time (CET in
# November, CEST from the last Sunday of March), so time zone and DST bugs show.
BERLIN = ZoneInfo("Europe/Berlin")
TUESDAY_MORNING = datetime(2026, 11, 24, 8, 30, tzinfo=BERLIN)


class FakeClock:
    """A clock that only moves when a test moves it, in a named zone like the real one
    (`model/clock.py`): `now().tzinfo` is a `ZoneInfo`."""

    def __init__(self, start: datetime = TUESDAY_MORNING) -> None:
        self.current = start

    def __call__(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        """Let time pass: `delta` of elapsed time, so a night the clocks change has 23 or
        25 hours, as on the wall."""
        zone = self.current.tzinfo
        self.current = (self.current.astimezone(UTC) + timedelta(**delta)).astimezone(zone)

    def move_to(self, zone: ZoneInfo) -> None:
        """The seller's machine is now in `zone` (a flight): the same moment, another clock."""
        self.current = self.current.astimezone(zone)


# Rich's SVG export places each run of text at x = column * 0.61 * font size (20px).
_CELL_WIDTH = 12.2
_TEXT = re.compile(
    r'<text class="[^"]*" x="([\d.]+)" y="[\d.]+" textLength="[\d.]+" '
    r'clip-path="url\(#[\w-]+-line-(\d+)\)">([^<]*)</text>'
)


def screen_text(app: App) -> str:
    """The characters on screen right now, one line per terminal row, trailing spaces cut."""
    width, height = app.size
    rows = [[" "] * width for _ in range(height)]
    for x, line, text in _TEXT.findall(app.export_screenshot()):
        row = rows[int(line)]
        column = round(float(x) / _CELL_WIDTH)
        for char in html.unescape(text).replace("\xa0", " "):
            if column < width:
                row[column] = char
            cells = cell_len(char)
            for filler in range(1, cells):  # a wide character covers the next cell too
                if column + filler < width:
                    row[column + filler] = ""
            column += cells
    return "\n".join("".join(row).rstrip() for row in rows)


def squashed(text: str) -> str:
    """`text` with all whitespace runs folded, so wrapped sentences can be searched."""
    return " ".join(text.split())


def widget_text(app: App, widget: Widget, *, frame: bool = False) -> str:
    """What the user sees inside one widget on screen, whitespace folded.

    With `frame`, the border is included too (where titles are drawn).
    """
    region = widget.region if frame else widget.content_region
    rows = screen_text(app).split("\n")[region.y : region.bottom]
    return squashed("\n".join(row[region.x : region.right] for row in rows))


def notices(app: App) -> str:
    """The text of the notifications (toasts) on screen, whitespace folded."""
    return " | ".join(widget_text(app, toast) for toast in app.screen.query("Toast"))
