"""The weekly self-coaching review: reflections, getting-better ratings, next week's focus.

The week's figures are not stored here: they are computed from the calls and touches, so a
late debrief still counts in its week. Only what the seller wrote and chose is kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from coach_tui.model.ids import new_uid
from coach_tui.model.week import IsoWeek

REFLECTION_MAX = 3_000
FOCUS_MAX = 200
FOCUS_ITEMS = 3
RATINGS = (1, 2, 3, 4, 5)


@dataclass(frozen=True, slots=True)
class SkillReflection:
    """One getting-better goal looked at for the week."""

    goal_uid: str
    skill: str
    practised: bool
    example: str = ""
    rating: int | None = None  # 1 (not at all) … 5 (as well as I can)


@dataclass(frozen=True, slots=True)
class WeekReview:
    week: IsoWeek
    figures_note: str = ""
    went_well: str = ""
    went_badly: str = ""
    learned: str = ""
    skills: tuple[SkillReflection, ...] = ()
    focus: tuple[str, ...] = ()
    key_call_uids: tuple[str, ...] = ()
    cleared: int = 0  # touches and promises settled in the review's clear-up
    saved_at: datetime | None = None
    uid: str = field(default_factory=new_uid)

    @property
    def average_rating(self) -> float | None:
        """Mean getting-better rating of the week, for the trends screen."""
        ratings = [skill.rating for skill in self.skills if skill.rating is not None]
        return sum(ratings) / len(ratings) if ratings else None
