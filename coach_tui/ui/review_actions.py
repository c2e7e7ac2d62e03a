"""Opening the weekly review, past reviews and trends from the dashboard and the palette.

Gathering a review's context reads the data of five weeks; `services/weekly_review.py` does
it, so the flow screen only asks questions and saves answers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coach_tui.model.review import WeekReview
from coach_tui.model.week import IsoWeek
from coach_tui.services.weekly_review import review_context, week_to_review
from coach_tui.store.errors import StoreError
from coach_tui.ui.flow_names import review_flow_name
from coach_tui.ui.flow_opening import open_flow

if TYPE_CHECKING:
    from coach_tui.ui.app import CoachApp


def open_weekly_review(app: CoachApp, week: IsoWeek | None = None) -> None:
    """The review of `week` (by default the one worth reviewing today), new or to edit."""
    from coach_tui.ui.kit.base import CoachScreen
    from coach_tui.ui.screens.review_flow import WeekReviewFlowScreen

    if isinstance(app.screen, WeekReviewFlowScreen):
        return
    now = app.now()
    try:
        week = week or week_to_review(app.repo, now)
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
