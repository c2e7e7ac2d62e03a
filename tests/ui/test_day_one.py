"""Day one: no weekly review is asked for a week that ended before coach was first used.

"Today" is Tuesday 24 Nov 2026, 08:30 in Berlin: early in the week, when the week just
ended (2026-W47) is usually the one to review.
"""

from datetime import timedelta

from coach_tui.model.week import IsoWeek
from coach_tui.model.why import new_why
from coach_tui.ui.screens.dashboard import DashboardScreen
from coach_tui.ui.screens.morning import MorningPlanScreen
from coach_tui.ui.screens.review_flow import WeekReviewFlowScreen
from tests.helpers import screen_text, squashed
from tests.ui.flow import run, settle


def seed_why(open_repo, when) -> None:
    repo = open_repo()
    repo.why.save(new_why("I sell so my kids see steady work.", {}, now=when))
    repo.close()


async def test_on_day_one_no_review_is_asked_and_r_opens_the_running_week(
    make_app, open_repo, clock
) -> None:
    seed_why(open_repo, clock())  # the seller's first step, this morning
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, MorningPlanScreen)
        assert "has no review yet" not in squashed(screen_text(app))
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, WeekReviewFlowScreen)
        assert app.screen.flow == f"review:{IsoWeek.of(clock().date())}"


async def test_a_seller_who_used_coach_last_week_is_asked_for_its_review(
    make_app, open_repo, clock
) -> None:
    seed_why(open_repo, clock() - timedelta(days=6))  # last Wednesday
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        assert "Last week (2026-W47) has no review yet" in squashed(screen_text(app))
