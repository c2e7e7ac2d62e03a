"""Weekly reviews for the demo: one for every finished week, ratings that slowly improve.

The current week is left unreviewed so the demo has a review for the seller to write.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from coach_tui.model.goal import SkillGoal
from coach_tui.model.review import SkillReflection, WeekReview
from coach_tui.model.week import IsoWeek

WENT_WELL = (
    "Two calls ended with a date in the diary instead of 'let's talk soon'.",
    "Asked the CFO what would make this a bad year for her — best answer all month.",
    "Cleared every overdue touch by Wednesday.",
    "The pilot review was prepared a day early and it showed.",
)
WENT_BADLY = (
    "Went into Thursday's call without an outcome and got a polite continuation.",
    "Let three touches slide to next week again.",
    "Talked about our roadmap for twenty minutes; they talked for five.",
    "Promised a proposal by Friday and sent it Monday.",
)
LEARNED = (
    "Their budget is set in March; anything later waits a year.",
    "The operations lead, not IT, decides which tools the plants use.",
    "They lost a customer over late deliveries last quarter — that is the pain.",
    "Procurement wants three quotes even for renewals.",
)
FOCUS = (
    "Get the champion to introduce me to the economic buyer",
    "Prep every call to one outcome the client can say yes to",
    "Clear overdue touches by Tuesday noon",
    "Book two first meetings from the entry campaigns",
    "Send every promised document the day I promise it",
)
EXAMPLES = (
    "On Tuesday's call I stayed quiet after my question and they filled the silence.",
    "Used it in the renewal meeting; it took the talk somewhere new.",
    "Tried it twice; once it worked, once I rushed it.",
)


def _active(skill: SkillGoal, week: IsoWeek) -> bool:
    started = skill.started_on is None or skill.started_on <= week.sunday
    return started and (skill.retired_on is None or skill.retired_on >= week.monday)


def build_reviews(
    rng: random.Random, skills: list[SkillGoal], first: date, now: datetime
) -> list[WeekReview]:
    """A review for every week from the one holding `first` to last week."""
    reviews = []
    week, this_week = IsoWeek.of(first), IsoWeek.of(now.date())
    total = max((this_week.monday - week.monday).days // 7, 1)
    number = 0
    while week < this_week:
        progress = number / total  # ratings drift up as the seller gets better
        reflections = tuple(
            SkillReflection(
                skill.uid,
                skill.skill,
                practised := rng.random() < 0.6 + 0.3 * progress,
                rng.choice(EXAMPLES) if practised else "",
                min(5, max(1, round(rng.gauss(2.2 + 2.2 * progress, 0.8)))),
            )
            for skill in skills
            if _active(skill, week)
        )
        friday = datetime.combine(week.monday + timedelta(days=4), time(16, 30), now.tzinfo)
        reviews.append(
            WeekReview(
                week,
                figures_note="Fewer calls than usual, but more of them ended in an advance."
                if rng.random() < 0.3
                else "",
                went_well=rng.choice(WENT_WELL),
                went_badly=rng.choice(WENT_BADLY),
                learned=rng.choice(LEARNED),
                skills=reflections,
                focus=tuple(rng.sample(FOCUS, rng.randint(1, 3))),
                cleared=rng.randint(0, 6),
                saved_at=friday,
            )
        )
        week = week.shifted(1)
        number += 1
    return reviews
