"""The first day a folder was used, read from the dated records its first steps leave."""

from datetime import date, timedelta

from coach_tui.model.account import Account
from coach_tui.model.day import DayPlan, Priority
from coach_tui.model.review import WeekReview
from coach_tui.model.week import IsoWeek
from coach_tui.model.why import new_why
from coach_tui.store.first_use import first_use


def test_a_new_folder_has_no_first_use(open_repo) -> None:
    assert first_use(open_repo()) is None


def test_the_earliest_dated_step_is_the_first_use(open_repo, clock) -> None:
    repo = open_repo()
    today = clock().date()
    repo.why.save(new_why("For my family.", {}, now=clock()))
    assert first_use(repo) == today
    repo.accounts.save(Account("Nordvale Foods", created_at=clock() - timedelta(days=3)))
    repo.days.save(DayPlan(today - timedelta(days=9), (Priority("Call Greta"),)))
    assert first_use(repo) == today - timedelta(days=9)
    repo.reviews.save(WeekReview(IsoWeek(2026, 40)))
    assert first_use(repo) == IsoWeek(2026, 40).monday


def test_an_account_from_before_creation_dates_means_long_ago(open_repo, clock) -> None:
    repo = open_repo()
    repo.why.save(new_why("For my family.", {}, now=clock()))
    repo.accounts.save(Account("Nordvale Foods"))
    assert first_use(repo) == date.min
