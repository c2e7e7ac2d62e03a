"""Numbers read right on screen: one account, one review, a name ending in s, behind pace."""

from coach_tui.model.account import Account
from coach_tui.model.review import WeekReview
from coach_tui.model.week import IsoWeek
from coach_tui.ui.screens.account import AccountScreen
from coach_tui.ui.screens.accounts import AccountsScreen
from coach_tui.ui.screens.objective_flow import ObjectiveFlowScreen
from coach_tui.ui.screens.reviews import ReviewsScreen
from tests.helpers import on_screen
from tests.ui.flow import paste, run, settle


async def test_one_account_and_a_name_ending_in_s(make_app, with_why, open_repo, clock) -> None:
    repo = open_repo()
    repo.accounts.save(Account(name="Plastics", created_at=clock()))
    repo.close()
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, AccountsScreen)
        assert "1 of 1 account · sorted by" in on_screen(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, AccountScreen)
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, ObjectiveFlowScreen)
        await pilot.press("ctrl+s")  # the first kind
        await paste(pilot, "Their second plant runs on our suite")
        await pilot.press("ctrl+s")
        await pilot.pause()
        text = on_screen(app)
    assert "Which of Plastics' own goals does it serve?" in text
    assert "Plastics's" not in text


async def test_one_past_review_is_one_review(make_app, with_why, open_repo) -> None:
    repo = open_repo()
    repo.reviews.save(WeekReview(IsoWeek(2026, 40), went_well="Signed the Acme pilot"))
    repo.close()
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        assert isinstance(app.screen, ReviewsScreen)
        assert app.screen.sub_title == "1 review"
