"""Trends: one value per week, gaps where there is no data, revenue against the line."""

from datetime import date
from decimal import Decimal

import pytest

from coach_tui.coaching.trends import Series, bar_rows, default_weeks, trend_series
from coach_tui.coaching.week_figures import WeekFigures
from coach_tui.model.goal import Metric, PerformanceGoal, ProgressEntry
from coach_tui.model.review import SkillReflection, WeekReview
from coach_tui.model.week import IsoWeek

TODAY = date(2026, 11, 24)


def test_default_weeks_end_with_this_week_and_stay_between_12_and_52() -> None:
    weeks = default_weeks(TODAY)
    assert len(weeks) == 12 and weeks[-1] == IsoWeek(2026, 48) and weeks[0] == IsoWeek(2026, 37)
    assert len(default_weeks(TODAY, 5)) == 12
    assert len(default_weeks(TODAY, 99)) == 52
    year = default_weeks(date(2027, 1, 6), 52)
    assert IsoWeek(2026, 53) in year and year[-1] == IsoWeek(2027, 1)
    assert year == sorted(set(year))


def by_name(series) -> dict:
    return {s.name: s for s in series}


def test_series_values_with_gaps_and_latest_text() -> None:
    weeks = default_weeks(TODAY)
    figures = {
        weeks[-3]: WeekFigures(weeks[-3], calls_held=4, calls_prepared=2, advances=1,
                               continuations=3, touches_done=7),
        weeks[-1]: WeekFigures(weeks[-1], calls_held=2, calls_prepared=2, advances=2),
    }  # fmt: skip
    reviews = {
        weeks[-2]: WeekReview(
            weeks[-2],
            skills=(
                SkillReflection("s", "Ask", True, rating=4),
                SkillReflection("t", "Listen", True, rating=3),
            ),
        )
    }
    series = by_name(trend_series(weeks, figures, reviews, [], TODAY))
    assert list(series) == ["Advance rate", "Outcomes prepared", "Touches done",
                            "Getting-better rating"]  # fmt: skip
    advance = series["Advance rate"]
    assert len(advance.values) == 12
    assert advance.values[-3:] == (25.0, None, 100.0)
    assert advance.latest == "100%"
    assert series["Outcomes prepared"].values[-3] == 50.0
    assert series["Touches done"].values[-3:] == (7.0, 0.0, 0.0)
    rating = series["Getting-better rating"]
    assert rating.values[-2] == 3.5 and rating.values[-1] is None
    assert rating.latest == "3.5 of 5"


def test_empty_weeks_explain_where_the_data_comes_from() -> None:
    series = by_name(trend_series(default_weeks(TODAY), {}, {}, [], TODAY))
    assert all(value is None for value in series["Advance rate"].values)
    assert series["Advance rate"].latest == "—"
    assert "debrief" in series["Advance rate"].hint
    assert "weekly review" in series["Getting-better rating"].hint


def test_revenue_against_the_straight_line_of_this_years_goal() -> None:
    old = PerformanceGoal("Revenue 2025", Metric.REVENUE, Decimal(1), date(2025, 1, 1),
                          date(2025, 12, 31), "USD")  # fmt: skip
    goal = PerformanceGoal(
        "Revenue 2026",
        Metric.REVENUE,
        Decimal(365_000),
        date(2026, 1, 1),
        date(2026, 12, 31),
        "USD",
        progress=(ProgressEntry(date(2026, 1, 4), Decimal(1_500)),),
    )
    weeks = [IsoWeek(2025, 52), IsoWeek(2026, 1), IsoWeek(2026, 2)]
    series = by_name(trend_series(weeks, {}, {}, [old, goal], TODAY))
    revenue = series["Revenue 2026 against pace"]
    assert revenue.values[0] is None  # before the goal started
    assert revenue.values[1] == 37.5  # 1,500 logged when the line says 4,000 (4 days in)
    assert revenue.values[2] == pytest.approx(1_500 / 11_000 * 100)
    assert revenue.latest == "14%"


@pytest.mark.parametrize(
    ("today", "this_week"),
    [
        (date(2026, 11, 25), 100.0),  # Wednesday: exactly on the line so far
        (date(2026, 11, 29), 329 / 333 * 100),  # Sunday: four days of the line not met
    ],
)
def test_the_running_week_is_measured_against_the_line_as_of_today(today, this_week) -> None:
    goal = PerformanceGoal(
        "Revenue 2026",
        Metric.REVENUE,
        Decimal(365_000),
        date(2026, 1, 1),
        date(2026, 12, 31),
        "USD",
        progress=(ProgressEntry(date(2026, 1, 5), Decimal(329_000)),),
    )
    weeks = [IsoWeek(2026, 48), IsoWeek(2026, 49)]
    (*_, revenue) = trend_series(weeks, {}, {}, [goal], today)
    assert revenue.values[0] == pytest.approx(this_week)
    assert revenue.values[1] is None  # a week still to come has no value
    assert revenue.latest == f"{this_week:.0f}%"


def test_a_revenue_goal_not_started_yet_draws_no_line() -> None:
    later = PerformanceGoal("Revenue 2027", Metric.REVENUE, Decimal(9), date(2027, 1, 1),
                            date(2027, 12, 31), "USD")  # fmt: skip
    deals = PerformanceGoal("Deals 2026", Metric.DEALS, Decimal(9), date(2026, 1, 1),
                            date(2026, 12, 31))  # fmt: skip
    series = trend_series(default_weeks(TODAY), {}, {}, [later, deals], TODAY)
    assert [s.name for s in series][-1] == "Getting-better rating"
    assert all(len(s.values) == 12 for s in series)


def _series(values, **scale) -> Series:
    return Series("Outcomes prepared", tuple(values), "", "", **scale)


def test_a_steady_hundred_percent_is_a_full_bar_not_a_flat_bottom_line() -> None:
    assert bar_rows(_series([100.0] * 12), 12, 3) == ["█" * 12] * 3


def test_shares_are_drawn_on_zero_to_a_hundred() -> None:
    top, middle, bottom = bar_rows(_series([0.0, 50.0, 100.0, None]), 4, 3)
    assert bottom == "▁██·"  # a zero week keeps a sliver; a week without data is a dot
    assert middle == " ▄█ "  # 50% of three rows: one and a half
    assert top == "  █ "


def test_every_week_is_as_wide_as_the_others_and_the_newest_is_drawn() -> None:
    (line,) = bar_rows(_series([10.0, 20.0, 100.0]), 10, 1)
    assert line == "▁▁▁▂▂▂███"  # three columns each; the leftover column stays empty
    (narrow,) = bar_rows(_series([10.0] * 20 + [100.0]), 8, 1)
    assert len(narrow) == 8 and narrow.endswith("█")  # the oldest weeks give way


def test_counts_are_drawn_from_zero_to_their_highest_week() -> None:
    weeks = [IsoWeek(2026, 40 + n) for n in range(12)]
    figures = {week: WeekFigures(week, touches_done=n) for n, week in enumerate(weeks)}
    series = {s.name: s for s in trend_series(weeks, figures, {}, [], date(2026, 12, 20))}
    touches = series["Touches done"]
    assert (touches.low, touches.high, touches.scale) == (0.0, 11.0, "0–11")
    assert series["Advance rate"].scale == "0–100%"
    assert series["Getting-better rating"].scale == "0–5"


@pytest.mark.parametrize(
    ("debriefs", "hint"),
    [
        (0, "No debriefs in these weeks yet"),
        (1, "Only 1 debrief in these weeks: too few to tell"),
        (4, "Only 4 debriefs in these weeks: too few to tell"),
        (5, "Advances as a share of debriefed calls."),
    ],
)
def test_the_advance_line_claims_nothing_on_fewer_than_five_debriefs(debriefs, hint) -> None:
    weeks = default_weeks(TODAY)
    figures = {weeks[-1]: WeekFigures(weeks[-1], calls_held=debriefs, advances=debriefs)}
    (advance, *_) = trend_series(weeks, figures, {}, [], TODAY)
    assert advance.hint.startswith(hint)
