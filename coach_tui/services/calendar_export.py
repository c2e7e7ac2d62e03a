"""Export a calendar: calls, open touches and open promises as one iCalendar file.

The whole path is here: read what the calendar needs through the repository, hand the
model objects to `interop/ics.py`. `coach export ics` only decides where the bytes go.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from coach_tui.interop.ics import build_calendar, in_window
from coach_tui.store.repository import Repository


@dataclass(frozen=True)
class CalendarFile:
    """The file's bytes and how many calls it holds (for the line that says so)."""

    payload: bytes
    calls: int


def calendar_export(repo: Repository, now: datetime, *, everything: bool = False) -> CalendarFile:
    """The calendar as of `now`: calls from the last 90 days on (every call with
    `everything`), the touches still planned and the promises still open."""
    calls = [call for call in repo.calls.all() if everything or in_window(call, now)]
    payload = build_calendar(
        calls,
        repo.touches.planned(),
        repo.calls.commitments(),
        accounts=repo.accounts.names(),
        contacts=repo.contacts.names(),
        stamp=now,
    )
    return CalendarFile(payload, len(calls))
