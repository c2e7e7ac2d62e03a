"""One way to say a number: plurals, shares, possessives, days and how digits are grouped."""

from datetime import date
from decimal import Decimal

import pytest

from coach_tui.coaching.pace import pace
from coach_tui.coaching.week_figures import WeekFigures, figures_summary
from coach_tui.commands import output
from coach_tui.model import wording
from coach_tui.model.week import IsoWeek
from coach_tui.model.wording import counted, days_from, numeral, possessive, share
from coach_tui.ui.screens.import_form import plan_summary
from coach_tui.ui.screens.objective_flow import days_from_today
from coach_tui.ui.widgets.goal_views import pace_label

W48 = IsoWeek(2026, 48)


@pytest.mark.parametrize(
    ("value", "noun", "plural", "said"),
    [
        (1, "day", "", "1 day"),
        (2, "day", "", "2 days"),
        (0, "review", "", "0 reviews"),
        (1, "new person", "new people", "1 new person"),
        (5000, "row", "", "5,000 rows"),
        (Decimal("2.5"), "deal", "", "2.5 deals"),
    ],
)
def test_counted_agrees_with_its_number(value, noun, plural, said) -> None:
    assert counted(value, noun, plural) == said


def test_the_commands_counted_is_the_same_function() -> None:
    assert output.counted is wording.counted


@pytest.mark.parametrize(
    ("part", "whole", "said"),
    [(1, 1, "1 of 1 account"), (0, 1, "0 of 1 account"), (3, 4_580, "3 of 4,580 accounts")],
)
def test_a_share_agrees_with_the_whole(part, whole, said) -> None:
    assert share(part, whole, "account") == said


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("Nordvale Foods", "Nordvale Foods'"),
        ("Plastics", "Plastics'"),
        ("Harbor & Finch", "Harbor & Finch's"),
        ("Acme Inc.", "Acme Inc.'s"),
        ("", ""),
    ],
)
def test_possessive(name, said) -> None:
    assert possessive(name) == said


@pytest.mark.parametrize(
    ("days", "said"),
    [(0, "today"), (1, "1 day from today"), (3, "3 days from today"), (-1, "1 day ago")],
)
def test_days_from_today(days, said) -> None:
    assert days_from(days) == said
    assert days_from_today(days) == said


def test_numbers_are_grouped_the_same_everywhere() -> None:
    assert numeral(5000) == "5,000"
    assert numeral(Decimal("4580.00")) == "4,580"
    assert numeral(Decimal("2.50")) == "2.5"


def test_the_import_summary_says_one_new_person_and_one_row() -> None:
    class Plan:  # the few facts plan_summary reads
        contacts = ["x"]
        already_in_coach = 5000
        repeated_in_file = 0
        placed = 1
        rows = ()

        def count(self, status) -> int:
            return 1

    text = plan_summary(Plan())  # type: ignore[arg-type]
    assert "1 new person to add · 5,000 already in coach · 1 row not readable" in text
    assert "1 goes straight onto an account" in text


def test_behind_is_said_without_a_second_minus() -> None:

    standing = pace(
        Decimal(100), date(2026, 1, 1), date(2026, 12, 31), Decimal(0), date(2026, 7, 1)
    )
    assert pace_label(standing) == "behind 100%"


def test_one_of_one_planned_touch_was_not_done() -> None:
    current = WeekFigures(W48, touches_planned=1)
    assert "0 of 1 planned touch" not in figures_summary(current, current, [])
    missed = figures_summary(
        WeekFigures(W48, calls_held=1, calls_prepared=1, touches_planned=1), current, []
    )
    assert "1 of 1 planned touch was not done." in missed


def test_one_deal_won_and_one_new_account_in_the_singular() -> None:
    from coach_tui.model.goal import Metric, PerformanceGoal

    year = (date(2026, 1, 1), date(2026, 12, 31))
    accounts = PerformanceGoal("New logos", Metric.NEW_ACCOUNTS, Decimal(6), *year)
    assert accounts.format_amount(Decimal(1)) == "1 new account"
    assert accounts.format_progress(Decimal(1), Decimal(6)) == "1 of 6 new accounts"
    deals = PerformanceGoal("Deals", Metric.DEALS, Decimal(6), *year)
    assert deals.format_amount(Decimal(1)) == "1 deal won"
    assert deals.format_amount(Decimal("1.25")) == "1.2 deals won"
