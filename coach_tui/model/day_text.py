"""How coach writes a date for people, everywhere: "2 Dec 2026", and "Wed 2 Dec" when near.

One format across the screens, `coach today` and the messages, so a seller never has to
wonder whether 01/12 is a day or a month: the day as a number without a leading zero, the
month as a word, then the year. A date within a fortnight of today is written with its
weekday instead of its year, the way people plan a week. ISO 8601 ("2026-12-02") is for
machines only: JSON, ICS and the stored records.
"""

from __future__ import annotations

from datetime import date, datetime

NEAR_DAYS = 13  # up to this many days either side of today, the weekday says more than the year


def day_text(value: date) -> str:
    """2 Dec 2026."""
    return f"{value.day} {value:%b} {value.year}"


def weekday_text(value: date) -> str:
    """Wed 2 Dec: a day in the coming or the past fortnight."""
    return f"{value:%a} {value.day} {value:%b}"


def weekday_day_text(value: date) -> str:
    """Wed 2 Dec 2026: a typed date read back, where a misread date stands out by its weekday."""
    return f"{value:%a} {day_text(value)}"


def near_day_text(value: date, today: date) -> str:
    """Wed 2 Dec within a fortnight of `today`; 2 Dec 2026 further away."""
    near = abs((_as_date(value) - today).days) <= NEAR_DAYS
    return weekday_text(value) if near else day_text(value)


def time_text(value: datetime) -> str:
    """09:05: a 24-hour clock, as calendars and most of the world write it."""
    return f"{value:%H:%M}"


def moment_text(value: datetime) -> str:
    """2 Dec 2026, 09:05."""
    return f"{day_text(value)}, {time_text(value)}"


def near_moment_text(value: datetime, today: date) -> str:
    """Wed 2 Dec 09:05 within a fortnight of `today`; 2 Dec 2026, 09:05 further away."""
    if abs((value.date() - today).days) <= NEAR_DAYS:
        return f"{weekday_text(value)} {time_text(value)}"
    return moment_text(value)


def weekday_moment_text(value: datetime) -> str:
    """Wed 2 Dec 2026, 09:05: a typed time read back."""
    return f"{weekday_day_text(value)}, {time_text(value)}"


def _as_date(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value
