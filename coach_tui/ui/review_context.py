"""What a weekly review is about, gathered before its flow opens.

Its own module so the code that gathers it (`review_actions`) and the flow that shows it
share the type without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass

from coach_tui.coaching.review import ClearItem
from coach_tui.model.call import Commitment
from coach_tui.model.touch import Touch
from coach_tui.model.week import IsoWeek


@dataclass(frozen=True, slots=True)
class ReviewContext:
    """What the review is about, gathered before it opens."""

    week: IsoWeek
    figures_text: str  # the week in numbers, as aligned lines
    summary: str  # the coach's reading of them
    skills: tuple[tuple[str, str], ...]  # (goal uid, skill) of getting-better goals
    clear: tuple[ClearItem, ...]
    clear_more: int  # open items left out of the walk (they stay in the touch queue)
    next_calls: tuple[tuple[str, str], ...]  # (call uid, label) of next week's calls
    touches: dict[str, Touch]  # the open touches the clear-up may settle, by uid
    promises: dict[str, Commitment]  # the open promises, by uid
