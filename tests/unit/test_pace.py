"""Pace: a straight line through the period says where the seller should be by today."""

from datetime import date
from decimal import Decimal

import pytest

from coach_tui.coaching.pace import PaceState, goal_pace, pace, pace_sentence
from coach_tui.model.goal import Metric, PerformanceGoal, ProgressEntry

START, END = date(2026, 1, 1), date(2026, 12, 31)  # 365 days
TARGET = Decimal(36_500)  # 100 a day, so the line is easy to read
DAY_100 = date(2026, 4, 10)  # 31 + 28 + 31 + 10


def year_2026(attained: int | str, today: date):
    return pace(TARGET, START, END, Decimal(attained), today)


def revenue_goal(*entries: tuple[date, int | str], target: int = 36_500) -> PerformanceGoal:
    return PerformanceGoal(
        name="Revenue 2026",
        metric=Metric.REVENUE,
        target=Decimal(target),
        start=START,
        end=END,
        currency="EUR",
        progress=tuple(ProgressEntry(on, Decimal(amount)) for on, amount in entries),
    )


def deals_goal(*entries: tuple[date, int]) -> PerformanceGoal:
    return PerformanceGoal(
        name="Deals 2026",
        metric=Metric.DEALS,
        target=Decimal(12),
        start=START,
        end=END,
        progress=tuple(ProgressEntry(on, Decimal(amount)) for on, amount in entries),
    )


@pytest.mark.parametrize(
    ("today", "expected", "elapsed", "left"),
    [
        (date(2025, 6, 1), 0, 0, 365),  # long before
        (date(2025, 12, 31), 0, 0, 365),  # the day before
        (date(2026, 1, 1), 100, 1, 365),  # the first day counts in full by its end
        (date(2026, 1, 2), 200, 2, 364),
        (DAY_100, 10_000, 100, 266),
        (date(2026, 7, 2), 18_300, 183, 183),  # the middle day
        (date(2026, 11, 24), 32_800, 328, 38),  # the project's today
        (date(2026, 12, 31), 36_500, 365, 1),  # the last day: the whole target
        (date(2027, 1, 1), 36_500, 365, 0),  # after the end
        (date(2030, 1, 1), 36_500, 365, 0),
    ],
)
def test_expected_is_on_the_line_by_the_end_of_today(today, expected, elapsed, left) -> None:
    standing = year_2026(0, today)
    assert standing.expected == expected
    assert standing.days_total == 365
    assert standing.days_elapsed == elapsed
    assert standing.days_left == left


@pytest.mark.parametrize(
    ("today", "expected", "elapsed", "left"),
    [
        (date(2028, 1, 1), 100, 1, 366),
        (date(2028, 2, 28), 5_900, 59, 308),
        (date(2028, 2, 29), 6_000, 60, 307),  # the leap day itself
        (date(2028, 3, 1), 6_100, 61, 306),
        (date(2028, 12, 31), 36_600, 366, 1),
    ],
)
def test_a_leap_year_has_366_days_on_the_line(today, expected, elapsed, left) -> None:
    standing = pace(Decimal(36_600), date(2028, 1, 1), date(2028, 12, 31), Decimal(0), today)
    assert standing.days_total == 366
    assert standing.expected == expected
    assert standing.days_elapsed == elapsed
    assert standing.days_left == left


def test_a_period_across_a_leap_day_counts_it() -> None:
    standing = pace(Decimal(100), date(2028, 2, 1), date(2028, 3, 10), Decimal(0), date(2028, 3, 1))
    assert standing.days_total == 29 + 10
    assert standing.days_elapsed == 30


@pytest.mark.parametrize(
    ("attained", "today", "state"),
    [
        # Before the period: not started, whatever the line says.
        (0, date(2025, 12, 31), PaceState.NOT_STARTED),
        (10_000, date(2025, 12, 31), PaceState.NOT_STARTED),
        # Tolerance is 1% of the target (365) either side of the line (10,000 on day 100).
        ("10000", DAY_100, PaceState.ON_PACE),
        ("10365", DAY_100, PaceState.ON_PACE),  # exactly at the edge: still on pace
        ("10365.01", DAY_100, PaceState.AHEAD),
        ("9635", DAY_100, PaceState.ON_PACE),
        ("9634.99", DAY_100, PaceState.BEHIND),
        (0, DAY_100, PaceState.BEHIND),
        # First day: 100 expected, inside the tolerance from zero.
        (0, date(2026, 1, 1), PaceState.ON_PACE),
        (465, date(2026, 1, 1), PaceState.ON_PACE),
        (466, date(2026, 1, 1), PaceState.AHEAD),
        (466, date(2026, 1, 2), PaceState.ON_PACE),  # the line moved on by a day
        # Last day: anything short of the whole target by more than 1% is behind.
        ("36135", date(2026, 12, 31), PaceState.ON_PACE),
        ("36134.99", date(2026, 12, 31), PaceState.BEHIND),
        # Reached wins over everything else, even before the start or after the end.
        (36_500, DAY_100, PaceState.REACHED),
        (50_000, date(2026, 12, 31), PaceState.REACHED),
        (36_500, date(2025, 12, 1), PaceState.REACHED),
        (36_500, date(2027, 3, 1), PaceState.REACHED),
        # After the end, anything short is ended short, even within the tolerance.
        ("36499.99", date(2027, 1, 1), PaceState.ENDED_SHORT),
        (0, date(2027, 1, 1), PaceState.ENDED_SHORT),
    ],
)
def test_state_of_a_goal_on_a_day(attained, today, state) -> None:
    assert year_2026(attained, today).state is state


def test_needed_per_week_spreads_what_is_left_over_the_days_left() -> None:
    standing = year_2026(32_800, date(2026, 11, 24))
    assert standing.remaining == 3_700
    assert standing.weeks_left == Decimal(38) / 7
    assert standing.needed_per_week is not None
    assert abs(standing.needed_per_week - Decimal(3_700 * 7) / 38) < Decimal("1e-20")


@pytest.mark.parametrize(
    ("attained", "today", "per_week"),
    [
        (0, date(2025, 12, 31), 700),  # not started: the whole target over the whole period
        (0, date(2026, 1, 1), 700),  # the first day still counts as left
        (36_000, date(2026, 12, 31), 3_500),  # one day left: the rest, at a weekly rate
        (29_500, date(2026, 12, 25), 7_000),  # one week left
    ],
)
def test_needed_per_week_on_the_edges_of_the_period(attained, today, per_week) -> None:
    needed = year_2026(attained, today).needed_per_week
    assert needed is not None
    assert needed.quantize(Decimal("0.01")) == per_week


@pytest.mark.parametrize(
    ("attained", "today"),
    [
        (36_500, DAY_100),  # reached
        (40_000, date(2026, 12, 31)),  # reached and more
        (1_000, date(2027, 1, 1)),  # ended short: no more weeks
    ],
)
def test_nothing_is_needed_per_week_once_reached_or_over(attained, today) -> None:
    standing = year_2026(attained, today)
    assert standing.needed_per_week is None
    if standing.state is PaceState.REACHED:
        assert standing.remaining == 0


@pytest.mark.parametrize(
    ("attained", "today", "behind"),
    [
        (7_500, DAY_100, Decimal(25)),  # 2,500 short of 10,000
        (0, DAY_100, Decimal(100)),
        ("9634.99", DAY_100, Decimal("3.6501")),
        (10_000, DAY_100, Decimal(0)),  # on the line
        (20_000, DAY_100, Decimal(0)),  # ahead is not behind
        (0, date(2025, 12, 31), Decimal(0)),  # no line yet: nothing to be behind
    ],
)
def test_behind_percent_is_the_shortfall_as_a_share_of_the_line(attained, today, behind):
    assert year_2026(attained, today).behind_percent == behind


def test_gap_and_percent_read_the_same_numbers() -> None:
    standing = year_2026(7_300, DAY_100)
    assert standing.gap == -2_700
    assert standing.percent == 20
    assert standing.remaining == 29_200


def test_goal_pace_counts_only_progress_inside_the_period() -> None:
    goal = revenue_goal(
        (date(2025, 12, 31), 5_000),  # the day before: last year's deal
        (START, 1_000),  # the first day counts
        (date(2026, 3, 1), 2_000),
        (END, 4_000),  # the last day counts (a deal booked ahead of time)
        (date(2027, 1, 1), 9_000),  # the day after: next year's
    )
    standing = goal_pace(goal, DAY_100)
    assert standing.attained == 7_000
    assert goal.attained == 21_000  # the goal itself still holds every entry
    assert standing.state is PaceState.BEHIND


def test_progress_outside_the_period_never_reaches_the_target() -> None:
    goal = revenue_goal((date(2025, 12, 1), 40_000))
    assert goal_pace(goal, date(2026, 6, 1)).state is PaceState.BEHIND
    assert goal_pace(goal, date(2027, 1, 1)).state is PaceState.ENDED_SHORT


def test_goal_reached_early_says_so_for_the_rest_of_the_period() -> None:
    goal = revenue_goal((date(2026, 3, 1), 20_000), (date(2026, 5, 1), 16_500))
    for today in (date(2026, 5, 1), date(2026, 11, 24), END, date(2027, 2, 1)):
        assert goal_pace(goal, today).state is PaceState.REACHED


def test_a_goal_with_no_progress_is_zero_on_the_line() -> None:
    standing = goal_pace(revenue_goal(), date(2026, 11, 24))
    assert standing.attained == 0
    assert standing.expected == 32_800
    assert standing.behind_percent == 100


@pytest.mark.parametrize(
    ("entries", "today", "sentence"),
    [
        ((), date(2025, 12, 1), "Starts 1 Jan 2026. €700 a week from here finishes on target."),
        (
            ((date(2026, 2, 1), 7_500),),
            DAY_100,
            "Behind pace by €2,500 (25% short of where the line is today). "
            "€763 a week from here finishes on target.",
        ),
        (
            ((date(2026, 2, 1), 12_000),),
            DAY_100,
            "Ahead of pace by €2,000. €645 a week from here finishes on target.",
        ),
        (
            ((date(2026, 2, 1), 10_000),),
            DAY_100,
            "On pace. €697 a week from here finishes on target.",
        ),
        (
            ((date(2026, 2, 1), 20_000), (date(2026, 4, 1), 16_500)),
            DAY_100,
            "Target reached: €36,500 of €36,500.",
        ),
        (
            ((date(2026, 2, 1), 30_000),),
            date(2027, 1, 15),
            "Period over at €30,000 of €36,500.",
        ),
    ],
)
def test_pace_sentence_for_a_revenue_goal(entries, today, sentence) -> None:
    goal = revenue_goal(*entries)
    assert pace_sentence(goal, goal_pace(goal, today)) == sentence


def test_pace_sentence_rounds_money_to_whole_units() -> None:
    goal = revenue_goal((date(2026, 2, 1), "1234.56"))
    assert pace_sentence(goal, goal_pace(goal, DAY_100)) == (
        "Behind pace by €8,765 (88% short of where the line is today). "
        "€928 a week from here finishes on target."
    )


@pytest.mark.parametrize(
    ("entries", "today", "sentence"),
    [
        (
            (),
            date(2026, 11, 24),
            "Behind pace by about 11 deals won (100% short of where the line is today). "
            "2.2 deals won a week from here finishes on target.",
        ),
        (((date(2026, 3, 1), 12),), date(2026, 11, 24), "Target reached: 12 of 12 deals won."),
        (((date(2026, 3, 1), 5),), date(2027, 1, 1), "Period over at 5 of 12 deals won."),
    ],
)
def test_pace_sentence_for_a_count_goal(entries, today, sentence) -> None:
    goal = deals_goal(*entries)
    assert pace_sentence(goal, goal_pace(goal, today)) == sentence


@pytest.mark.parametrize(
    ("entries", "today", "sentence"),
    [
        # 6 of 12 by 1 Sep: the line is at 8; 6 left over 17.4 weeks is 1.5 a month.
        (
            ((date(2026, 3, 1), 6),),
            date(2026, 9, 1),
            "Behind pace by about 2 deals won (25% short of where the line is today). "
            "1.5 deals won a month from here finishes on target.",
        ),
        # 8 of 12 by 1 Sep: on the line; 4 left over 17.4 weeks is once every 4 weeks.
        (
            ((date(2026, 3, 1), 8),),
            date(2026, 9, 1),
            "On pace. One every 4 weeks from here finishes on target.",
        ),
    ],
)
def test_slow_count_needs_are_said_per_month_or_every_few_weeks(entries, today, sentence) -> None:
    goal = deals_goal(*entries)
    assert pace_sentence(goal, goal_pace(goal, today)) == sentence
