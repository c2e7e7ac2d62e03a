"""Everything the weekly figures and trends are computed from, read in one place.

The review screen, the trends screen and `coach export review` all need the same lists;
reading them here keeps the three in agreement.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from coach_tui.model.account import StrategicObjective
from coach_tui.model.call import Call, Commitment
from coach_tui.model.contact import Contact
from coach_tui.model.goal import PerformanceGoal, SkillGoal
from coach_tui.model.review import WeekReview
from coach_tui.model.touch import Touch
from coach_tui.store.repository import Repository


@dataclass(frozen=True, slots=True)
class WeekInputs:
    calls: list[Call]
    touches: list[Touch]
    contacts: list[Contact]
    objectives: list[StrategicObjective]
    goals: list[PerformanceGoal]
    skills: list[SkillGoal]
    commitments: list[Commitment]
    reviews: list[WeekReview]
    account_names: dict[str, str]
    contact_names: dict[str, str]


def read_week_inputs(repo: Repository, first: date, last: date) -> WeekInputs:
    """What happened between `first` and `last` (whole weeks), plus the small tables whole.

    At five years' volume this takes a noticeable moment: run it off the UI thread.
    """
    contacts = repo.contacts.all()
    return WeekInputs(
        calls=repo.calls.in_span(first, last),
        touches=repo.touches.in_span(first, last),
        contacts=contacts,
        objectives=repo.objectives.all(),
        goals=repo.goals.performance(),
        skills=repo.goals.skills(),
        commitments=repo.calls.commitments(),
        reviews=repo.reviews.all(),
        account_names=repo.accounts.names(),
        contact_names={contact.uid: contact.name for contact in contacts},
    )
