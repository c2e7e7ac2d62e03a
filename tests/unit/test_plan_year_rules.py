"""Planning the year: which year, the year's goals, and the key accounts typed as lines."""

from datetime import date
from decimal import Decimal

import pytest

from coach_tui.coaching.plan_year import (
    MAX_KEY_ACCOUNTS,
    goal_name,
    key_accounts,
    new_goal_period,
    parse_year,
    planned_goal,
    year_goal,
    year_to_plan,
)
from coach_tui.model.account import Account
from coach_tui.model.errors import ValidationError
from coach_tui.model.goal import Metric, PerformanceGoal, ProgressEntry


@pytest.mark.parametrize(
    ("today", "year"),
    [(date(2026, 1, 5), 2026), (date(2026, 9, 30), 2026), (date(2026, 10, 1), 2027),
     (date(2026, 12, 31), 2027)],
)  # fmt: skip
def test_from_october_the_plan_is_for_next_year(today: date, year: int) -> None:
    assert year_to_plan(today) == year
    # A new goal starts on the same year: not the one ending in a few weeks.
    assert new_goal_period(today) == (date(year, 1, 1), date(year, 12, 31))


@pytest.mark.parametrize("text", ["2025", "2026", " 2027 ", "2028"])
def test_years_near_today_are_accepted(text: str) -> None:
    assert parse_year(text, date(2026, 11, 24)) == int(text)


@pytest.mark.parametrize("text", ["2024", "2029", "next", "", "20 27", "-2027"])
def test_other_years_are_refused(text: str) -> None:
    with pytest.raises(ValidationError, match="Plan a year from 2025 to 2028"):
        parse_year(text, date(2026, 11, 24))


def test_replanning_keeps_the_goals_progress_and_id() -> None:
    existing = PerformanceGoal(
        "Revenue 2027", Metric.REVENUE, Decimal(1_000_000), date(2027, 1, 1),
        date(2027, 12, 31), currency="USD",
        progress=(ProgressEntry(date(2027, 2, 1), Decimal(50_000)),),
    )  # fmt: skip
    updated = planned_goal(existing, Metric.REVENUE, 2027, Decimal(1_500_000), "EUR")
    assert updated.uid == existing.uid
    assert updated.progress == existing.progress
    assert (updated.target, updated.currency) == (Decimal(1_500_000), "EUR")


def test_new_goal_covers_the_calendar_year_and_counts_have_no_currency() -> None:
    goal = planned_goal(None, Metric.DEALS, 2027, Decimal(24), "USD")
    assert (goal.name, goal.start, goal.end, goal.currency) == (
        "Deals won 2027",
        date(2027, 1, 1),
        date(2027, 12, 31),
        "",
    )
    assert goal_name(Metric.NEW_ACCOUNTS, 2030) == "New accounts 2030"


def test_year_goal_matches_metric_and_exact_calendar_year() -> None:
    goals = [
        planned_goal(None, Metric.DEALS, 2026, Decimal(10), ""),
        planned_goal(None, Metric.DEALS, 2027, Decimal(20), ""),
        PerformanceGoal("H1", Metric.DEALS, Decimal(5), date(2027, 1, 1), date(2027, 6, 30)),
    ]
    found = year_goal(goals, Metric.DEALS, 2027)
    assert found is not None
    assert found.target == Decimal(20)
    assert year_goal(goals, Metric.REVENUE, 2027) is None


def test_key_accounts_match_existing_names_in_any_case_and_skip_repeats() -> None:
    nordvale = Account(name="Nordvale Foods")
    keys = key_accounts(
        "  NORDVALE foods \n\nHarbor & Finch\nnordvale foods\nharbor & finch", [nordvale]
    )
    assert keys.existing == (nordvale,)
    assert keys.new_names == ("Harbor & Finch",)
    assert keys.count == 2


def test_too_many_key_accounts_is_refused() -> None:
    text = "\n".join(f"Account {n}" for n in range(MAX_KEY_ACCOUNTS + 1))
    with pytest.raises(ValidationError, match="more than one sitting"):
        key_accounts(text, [])


def test_a_name_too_long_is_refused_with_the_usual_message() -> None:
    with pytest.raises(ValidationError, match="The account's name is"):
        key_accounts("x" * 500, [])
