"""`python tests/coach_at.py MOMENT ARGS…`: `coach ARGS…` in a process of its own, with the
wall clock stopped at MOMENT (ISO 8601 with an offset, e.g. 2026-11-24T08:30:00+01:00).

For tests that run coach as a user does — on a terminal, into pipes, under a `TZ` — yet must
give the same result on any day at any hour: only the reading of the clock is pinned, in
`model/clock.py` (the one place coach reads it); the zone still comes from `TZ` or the
system, so MOMENT is shown on that zone's clock.
"""

from __future__ import annotations

import sys
from datetime import datetime, tzinfo
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def at(moment: datetime) -> list[str]:
    """The start of a command line running coach at `moment`: add coach's arguments."""
    return [sys.executable, str(Path(__file__).resolve()), moment.isoformat()]


def stopped_at(moment: datetime) -> type[datetime]:
    """A `datetime` whose `now()` is always `moment`, on the clock of the zone asked: put in
    place of `coach_tui.model.clock.datetime`, it stops coach's clock (in this process too)."""

    class Stopped(datetime):
        @classmethod
        def now(cls, tz: tzinfo | None = None) -> datetime:  # type: ignore[override]
            return moment.astimezone(tz)

    return Stopped


if __name__ == "__main__":
    sys.path[0] = str(ROOT)  # this checkout's coach (as `python -m coach_tui` in it), not tests/
    from coach_tui.cli import main
    from coach_tui.model import clock

    clock.datetime = stopped_at(datetime.fromisoformat(sys.argv[1]))  # type: ignore[misc]
    raise SystemExit(main(sys.argv[2:]))
