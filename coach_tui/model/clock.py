"""The one place that reads the wall clock, so tests and demos can pass their own."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """Now, as an aware datetime in the machine's local time zone."""
    return datetime.now().astimezone()
