"""Everything the weekly figures and trends are computed from, read in one place.

The review screen, the trends screen and `coach export review` all need the same lists;
reading them here keeps the three in agreement.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from coach_tui.coaching.week_figures import WeekSources
from coach_tui.coaching.week_report import WeekReport, report_span, week_report
from coach_tui.model.goal import SkillGoal
from coach_tui.model.review import WeekReview
from coach_tui.model.week import IsoWeek
from coach_tui.store.repository import Repository


@dataclass(frozen=True, slots=True)
class WeekInputs:
    sources: WeekSources
    skills: list[SkillGoal]
    reviews: list[WeekReview]
    account_names: dict[str, str]


def read_week_inputs(repo: Repository, first: date, last: date) -> WeekInputs:
    """What happened between `first` and `last` (whole weeks), plus the small tables whole.

    At five years' volume this takes a noticeable moment: run it off the UI thread.
    """
    sources = WeekSources(
        calls=repo.calls.in_span(first, last),
        touches=repo.touches.in_span(first, last),
        contacts=repo.contacts.added_between(first, last),
        objectives=repo.objectives.all(),
        goals=repo.goals.performance(),
    )
    return WeekInputs(
        sources=sources,
        skills=repo.goals.skills(),
        reviews=repo.reviews.all(),
        account_names=repo.accounts.names(),
    )


def read_week_report(repo: Repository, week: IsoWeek, now: datetime) -> WeekReport:
    """The figures of `week` against the weeks before it, read from `repo`."""
    return week_report(week, read_week_inputs(repo, *report_span(week)).sources, now)
