"""Test helpers: a controllable clock and reading the screen the way a user sees it."""

from __future__ import annotations

import html
import re
from datetime import datetime, timedelta, timezone

from textual.app import App

# Tests run "on" a fixed Tuesday morning in a non-UTC zone, so time zone bugs show.
CET = timezone(timedelta(hours=1), "CET")
TUESDAY_MORNING = datetime(2026, 11, 24, 8, 30, tzinfo=CET)


class FakeClock:
    """A clock that only moves when a test moves it."""

    def __init__(self, start: datetime = TUESDAY_MORNING) -> None:
        self.current = start

    def __call__(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


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
            column += 1
    return "\n".join("".join(row).rstrip() for row in rows)


def squashed(text: str) -> str:
    """`text` with all whitespace runs folded, so wrapped sentences can be searched."""
    return " ".join(text.split())
