"""Helpers to show the seller's own words safely and dates the same way everywhere."""

from __future__ import annotations

from datetime import date, datetime

from rich.text import Text
from textual.content import Content

from coach_tui.model.text import printable


def plain(text: str) -> Content:
    """User text as content that is never read as markup (`[bold]` stays `[bold]`).

    Control codes are made visible, so no stored text can drive the terminal.
    """
    return Content(printable(text))


def cell(text: str, width: int = 0) -> Text:
    """User text for a DataTable cell: literal (never markup), cut to `width` if given."""
    text = printable(text)
    if width and len(text) > width:
        text = text[: width - 1].rstrip() + "…"
    return Text(text)


def day(value: date | datetime) -> str:
    """A date as people write it: 24 Nov 2026."""
    return f"{value.day} {value:%b %Y}"


def day_and_time(value: datetime) -> str:
    """A moment as people write it: 24 Nov 2026, 09:05."""
    return f"{day(value)}, {value:%H:%M}"
