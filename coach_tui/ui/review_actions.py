"""Opening the weekly review, past reviews and trends from the dashboard and the palette.

Gathering a review's context reads the data of five weeks; it lives here rather than in the
flow screen so the screen only asks questions and saves answers.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from coach_tui.coaching.review import items_to_clear, review_week_for
from coach_tui.coaching.week_report import figures_table
from coach_tui.model.clock import local_time
from coach_tui.model.review import WeekReview
from coach_tui.model.week import IsoWeek
from coach_tui.store.errors import StoreError
from coach_tui.store.first_use import first_use
from coach_tui.store.repository import Repository
from coach_tui.store.week_inputs import read_week_report
from coach_tui.ui.flow_names import review_flow_name
from coach_tui.ui.flow_opening import open_flow
from coach_tui.ui.review_context import ReviewContext
from coach_tui.ui.text import day_and_time

if TYPE_CHECKING:
    from coach_tui.ui.app import CoachApp


def next_week_calls(repo: Repository, week: IsoWeek, now: datetime) -> list[tuple[str, str]]:
    """(uid, label) of the calls still to come in the week after `week` — or the next seven
    days, when the review is written late — for picking the key calls to prep."""
    last = max(week.shifted(1).sunday, now.date() + timedelta(days=7))
    names = repo.accounts.names()
    calls = repo.calls.in_span(now.date(), last)
    return [
        (
            call.uid,
            f"{day_and_time(local_time(call.when, now))} · {names.get(call.account_uid, '?')}"
            f" · {call.kind.value} · "
            + (f"→ {call.outcome}" if call.prepared else "no outcome yet"),
        )
        for call in calls
        if now < call.when and local_time(call.when, now).date() <= last and not call.debrief
    ]


def review_context(repo: Repository, week: IsoWeek, now: datetime) -> ReviewContext:
    """Everything the review of `week` shows and may settle."""
    report = read_week_report(repo, week, now)
    today = now.date()
    recent = week >= IsoWeek.of(today).shifted(-1)
    open_touches = repo.touches.open_due_by(week.sunday) if recent else []
    promises = repo.calls.open_commitments() if recent else []
    items, more = items_to_clear(
        open_touches,
        promises,
        week,
        accounts=repo.accounts.names(),
        people=repo.contacts.names(),
    )
    return ReviewContext(
        week=week,
        figures_text=figures_table(report.rows, running=report.figures.running),
        summary=report.summary,
        skills=tuple((skill.uid, skill.skill) for skill in repo.goals.skills()),
        clear=tuple(items),
        clear_more=more,
        next_calls=tuple(next_week_calls(repo, week, now)),
        touches={touch.uid: touch for touch in open_touches},
        promises={promise.uid: promise for promise in promises},
    )


def open_weekly_review(app: CoachApp, week: IsoWeek | None = None) -> None:
    """The review of `week` (by default the one worth reviewing today), new or to edit."""
    from coach_tui.ui.kit.base import CoachScreen
    from coach_tui.ui.screens.review_flow import WeekReviewFlowScreen

    if isinstance(app.screen, WeekReviewFlowScreen):
        return
    now = app.now()
    try:
        week = week or review_week_for(
            now.date(), app.repo.reviews.weeks(), first_use=first_use(app.repo)
        )
        context = review_context(app.repo, week, now)
        existing = app.repo.reviews.get(week)
    except StoreError as error:
        app.notify(str(error), severity="error", timeout=15, markup=False)
        return

    def saved(review: WeekReview | None) -> None:
        if review is None:
            return
        focus = f" Next week's focus: {review.focus[0]}" if review.focus else ""
        app.notify(f"Review of {review.week} saved.{focus}", title="Weekly review")
        screen = app.screen
        if isinstance(screen, CoachScreen):
            screen.reload()

    open_flow(
        app,
        review_flow_name(week),
        lambda draft: WeekReviewFlowScreen(context, draft=draft, existing=existing),
        saved,
    )


def open_past_reviews(app: CoachApp) -> None:
    from coach_tui.ui.screens.reviews import ReviewsScreen

    if not isinstance(app.screen, ReviewsScreen):
        app.push_screen(ReviewsScreen())


def open_trends(app: CoachApp) -> None:
    from coach_tui.ui.screens.trends import TrendsScreen

    if not isinstance(app.screen, TrendsScreen):
        app.push_screen(TrendsScreen())
