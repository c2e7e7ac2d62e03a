"""What the weekly figures and trends are computed from, read in one place.

The review screen, the trends screen and `coach export review` all need the same lists;
reading them here keeps the three in agreement.
"""

from __future__ import annotations

from datetime import date, datetime

from coach_tui.coaching.trends import Series, default_weeks, trend_series
from coach_tui.coaching.week_figures import WeekSources, figures_by_week
from coach_tui.coaching.week_report import WeekReport, report_span, week_report
from coach_tui.model.day_text import near_moment_text
from coach_tui.model.review import WeekReview
from coach_tui.model.week import IsoWeek
from coach_tui.store.repository import Repository


def read_week_sources(repo: Repository, first: date, last: date) -> WeekSources:
    """What happened between `first` and `last` (whole weeks), plus objectives and goals.

    Records outside the span are skipped before decoding; at five years' volume a year of
    weeks still takes a noticeable moment, so the trends screen reads it in a worker.
    """
    return WeekSources(
        calls=repo.calls.in_span(first, last),
        touches=repo.touches.in_span(first, last),
        contacts=repo.contacts.added_between(first, last),
        objectives=repo.objectives.all(),
        goals=repo.goals.performance(),
    )


def read_week_report(repo: Repository, week: IsoWeek, now: datetime) -> WeekReport:
    """The figures of `week` against the weeks before it, read from `repo`."""
    return week_report(week, read_week_sources(repo, *report_span(week)), now)


def key_call_labels(repo: Repository, review: WeekReview | None, now: datetime) -> dict[str, str]:
    """uid → "Tue 01 Dec 09:00 · Nordvale Foods — outcome: the CFO joins" for the
    review's key calls still on file: a key call is one to prep, so its outcome (or that
    it has none yet) is what the list is for."""
    if review is None or not review.key_call_uids:
        return {}
    names = repo.accounts.names()
    calls = [call for uid in review.key_call_uids if (call := repo.calls.get(uid)) is not None]
    return {
        call.uid: f"{near_moment_text(call.when.astimezone(now.tzinfo), now.date())} · "
        f"{names.get(call.account_uid, '?')} — "
        + (f"outcome: {call.prep.outcome}" if call.prep and call.prep.outcome else "no outcome yet")
        for call in calls
    }


def read_trends(repo: Repository, now: datetime, weeks: int) -> list[Series]:
    """The trend lines of the last `weeks` weeks (12 to 52), ending with this one."""
    span = default_weeks(now.date(), weeks)
    sources = read_week_sources(repo, span[0].monday, span[-1].sunday)
    reviews = {review.week: review for review in repo.reviews.all()}
    figures = figures_by_week(span, sources, now)
    return trend_series(span, figures, reviews, sources.goals, now.date())
