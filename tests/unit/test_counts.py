"""Counts are whole numbers: typed, planned, imported or found by `coach doctor`."""

from datetime import date
from decimal import Decimal

import pytest

from coach_tui.model.counts import check_count, parse_count
from coach_tui.model.errors import ValidationError
from coach_tui.model.goal import (
    Metric,
    PerformanceGoal,
    ProgressEntry,
    check_goal,
    new_performance_goal,
)
from coach_tui.model.limits import Limits

YEAR = (date(2027, 1, 1), date(2027, 12, 31))


@pytest.mark.parametrize(
    ("typed", "count"), [("2", 2), ("1,500", 1500), ("2k", 2000), ("1.5k", 1500)]
)
def test_a_whole_count_is_read(typed, count) -> None:
    assert parse_count(typed) == count


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("2.5", "The count counts whole things, and '2.5' is not a whole number. Type 2 or 3."),
        ("0.5", "The count counts whole things, and '0.5' is not a whole number. Type 1."),
        ("2,5", "The count counts whole things, and '2,5' is not a whole number. Type 2 or 3."),
    ],
)
def test_a_fraction_of_a_count_is_refused_with_a_sentence(typed, said) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_count(typed)
    assert refused.value.message == said


def test_a_new_count_goal_of_two_and_a_half_is_refused() -> None:
    with pytest.raises(ValidationError, match="not a whole number"):
        new_performance_goal(
            name="New accounts 2027",
            metric=Metric.NEW_ACCOUNTS,
            target="2.5",
            start=YEAR[0],
            end=YEAR[1],
            default_currency="USD",
        )


def test_a_revenue_goal_keeps_its_cents() -> None:
    goal = new_performance_goal(
        name="Revenue 2027",
        metric=Metric.REVENUE,
        target="1200.50",
        start=YEAR[0],
        end=YEAR[1],
        default_currency="USD",
    )
    assert goal.target == Decimal("1200.50")


@pytest.mark.parametrize(
    ("target", "progress", "field"),
    [(Decimal("2.5"), Decimal(1), "target"), (Decimal(6), Decimal("0.5"), "progress 1 amount")],
)
def test_a_stored_count_with_a_fraction_is_refused_by_imports_and_kept_by_the_file_check(
    target, progress, field
) -> None:
    """`coach import json` and `coach doctor` apply the forms' limits; a data file from
    before this rule still opens."""
    goal = PerformanceGoal(
        "New accounts",
        Metric.NEW_ACCOUNTS,
        target,
        *YEAR,
        progress=(ProgressEntry(date(2027, 2, 1), progress),),
    )
    with pytest.raises(ValidationError) as refused:
        check_goal(goal, Limits.FORMS)
    assert refused.value.field == field
    assert "not a whole number" in refused.value.message
    check_goal(goal, Limits.FILES)


def test_check_count_passes_whole_numbers_through() -> None:
    assert check_count(Decimal("3.00")) == 3
