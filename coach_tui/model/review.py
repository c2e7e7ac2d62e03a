"""The weekly self-coaching review: reflections, getting-better ratings, next week's focus.

The week's figures are not stored here: they are computed from the calls and touches, so a
late debrief still counts in its week. Only what the seller wrote and chose is kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from coach_tui.model.dates import check_day, check_moment
from coach_tui.model.errors import ValidationError
from coach_tui.model.goal import SKILL
from coach_tui.model.ids import check_link, check_uid, new_uid
from coach_tui.model.limits import Limits
from coach_tui.model.text import TextRule
from coach_tui.model.week import IsoWeek

REFLECTION_MAX = 3_000
FOCUS_MAX = 200
FOCUS_ITEMS = 3
RATINGS = (1, 2, 3, 4, 5)
# Touches and promises one review's clear-up can settle: far more than a year's worth.
CLEARED_MAX = 100_000

REFLECTION = TextRule("The reflection", REFLECTION_MAX, multiline=True, required=False)
FOCUS = TextRule("The focus item", FOCUS_MAX)
REFLECTION_FIELDS = ("figures_note", "went_well", "went_badly", "learned")


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


def check_review(review: WeekReview, limits: Limits) -> None:
    """Refuse a stored weekly review the review flow would not save."""
    check_uid(review.uid)
    check_day(review.week.monday, label="The week", field="week")
    if review.saved_at is not None:
        check_moment(review.saved_at, field="saved_at")
    for number, skill in enumerate(review.skills, start=1):
        if skill.rating is not None and skill.rating not in RATINGS:
            raise ValidationError(
                f"A rating is 1 to 5, not {skill.rating}.", field=f"skill {number} rating"
            )
    if not 0 <= review.cleared <= CLEARED_MAX:
        raise ValidationError(
            f"The clear-up count is {review.cleared:,}; it is 0 to {CLEARED_MAX:,}.",
            field="cleared",
        )
    if limits is Limits.FORMS:
        _check_review_texts(review)


def _check_review_texts(review: WeekReview) -> None:
    for name in REFLECTION_FIELDS:
        REFLECTION.check(getattr(review, name), name)
    for number, skill in enumerate(review.skills, start=1):
        check_link(skill.goal_uid, field=f"skill {number} goal_uid")
        SKILL.check(skill.skill, f"skill {number} skill")
        REFLECTION.check(skill.example, f"skill {number} example")
    if len(review.focus) > FOCUS_ITEMS:
        raise ValidationError(
            f"A week has at most {FOCUS_ITEMS} focus items, not {len(review.focus)}.",
            field="focus",
        )
    for number, item in enumerate(review.focus, start=1):
        FOCUS.check(item, f"focus {number}")
    for uid in review.key_call_uids:
        check_link(uid, field="key_call_uids")
