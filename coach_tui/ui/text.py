"""Helpers to show the seller's own words safely and dates the same way everywhere."""

from __future__ import annotations

from datetime import date, datetime

from textual.content import Content


def plain(text: str) -> Content:
    """User text as content that is never read as markup (`[bold]` stays `[bold]`)."""
    return Content(text)


def day(value: date | datetime) -> str:
    """A date as people write it: 24 Nov 2026."""
    return f"{value.day} {value:%b %Y}"


def day_and_time(value: datetime) -> str:
    """A moment as people write it: 24 Nov 2026, 09:05."""
    return f"{day(value)}, {value:%H:%M}"
