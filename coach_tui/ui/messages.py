"""Messages named for what happened; workers post them, screens and the app react."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:  # the rules behind it load with the dashboard's first read, off start-up
    from coach_tui.coaching.dashboard import DashboardData


@dataclass
class DashboardLoaded(Message):
    """The dashboard's data was read from the store (in a worker thread)."""

    data: DashboardData


@dataclass
class DashboardLoadFailed(Message):
    """Reading the dashboard's data failed; `reason` is a sentence for the user."""

    reason: str


class FirstScreenShown(Message):
    """The first screen shows what it read: the day's backup may start now (not before,
    so copying files does not compete with drawing them)."""
