"""Trends over the weeks: the measures a seller improves slowly, one value per week.

A week without the data for a measure (no debriefs, no review) has no value rather than a
zero, so a quiet week does not read as a bad one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from coach_tui.coaching.pace import pace
from coach_tui.coaching.week_figures import MIN_DEBRIEFS, WeekFigures
from coach_tui.model.goal import Metric, PerformanceGoal
from coach_tui.model.review import WeekReview
from coach_tui.model.week import IsoWeek
from coach_tui.model.wording import counted

MIN_WEEKS, MAX_WEEKS = 12, 52


BARS = "▁▂▃▄▅▆▇█"
NO_DATA = "·"


@dataclass(frozen=True, slots=True)
class Series:
    name: str
    values: tuple[float | None, ...]  # oldest week first
    latest: str  # the newest value, as shown beside the line
    hint: str  # what to make of it, or why it is empty
    # What the bars are drawn against: a share on 0–100 (a steady 100% is a full bar, not a
    # flat bottom line), a count from 0 to its highest week.
    low: float = 0.0
    high: float = 100.0
    unit: str = "%"

    @property
    def scale(self) -> str:
        """ "0–100%", "0–12": what a full bar means."""
        return f"{self.low:.0f}–{self.high:.0f}{self.unit}"


def bar_rows(series: Series, width: int, rows: int) -> list[str]:
    """The bars of `series`, top row first: one column per week, every week as wide as the
    others, so the newest week is drawn in full (the oldest weeks go first when `width` is
    narrower than the weeks). A week without data is a dot on the bottom row."""
    values = series.values[-max(width, 1) :]
    if not values or rows < 1:
        return [""] * max(rows, 0)
    cell = max(1, width // len(values))
    levels = len(BARS) * rows
    extent = (series.high - series.low) or 1.0
    heights: list[int | None] = []
    for value in values:
        if value is None:
            heights.append(None)
            continue
        share = (min(max(value, series.low), series.high) - series.low) / extent
        heights.append(max(1, round(share * levels)))  # a zero week still shows its bar
    lines = []
    for row in reversed(range(rows)):
        line = []
        for height in heights:
            if height is None:
                mark = NO_DATA if row == 0 else " "
            else:
                part = height - row * len(BARS)
                mark = " " if part <= 0 else BARS[min(part, len(BARS)) - 1]
            line.append(mark * cell)
        lines.append("".join(line))
    return lines


def default_weeks(today: date, count: int = MIN_WEEKS) -> list[IsoWeek]:
    """The `count` weeks ending with the current one (12 to 52)."""
    count = min(max(count, MIN_WEEKS), MAX_WEEKS)
    this_week = IsoWeek.of(today)
    return [this_week.shifted(offset) for offset in range(1 - count, 1)]


def _latest(values: Sequence[float | None], shown: Callable[[float], str]) -> str:
    for value in reversed(values):
        if value is not None:
            return shown(value)
    return "—"


def _percent(value: float) -> str:
    return f"{value:.0f}%"


def _revenue_vs_pace(goal: PerformanceGoal, week: IsoWeek, today: date) -> float | None:
    """Attained at the week's end as a percentage of where the straight line is then.

    The current week is read as of today: its Sunday's share of the line is not due yet.
    """
    if week.sunday < goal.start or week.monday > min(goal.end, today):
        return None
    end = min(week.sunday, goal.end, today)
    attained = sum(
        (e.amount for e in goal.progress if goal.start <= e.on <= end),
        Decimal(0),
    )
    standing = pace(goal.target, goal.start, goal.end, attained, end)
    if standing.expected <= 0:
        return None
    return float(attained / standing.expected * 100)


def _advance_hint(debriefed: int) -> str:
    """What to make of the advance-rate line; on a handful of debriefs, that it says little."""
    if not debriefed:
        return "No debriefs in these weeks yet: debrief calls (b) to see this line."
    if debriefed < MIN_DEBRIEFS:
        return (
            f"Only {counted(debriefed, 'debrief')} in these weeks: too few to tell whether "
            "the rate is rising or falling."
        )
    return "Advances as a share of debriefed calls."


def trend_series(
    weeks: Sequence[IsoWeek],
    figures: Mapping[IsoWeek, WeekFigures],
    reviews: Mapping[IsoWeek, WeekReview],
    goals: Sequence[PerformanceGoal],
    today: date,
) -> list[Series]:
    """Advance rate, outcomes prepared, touches done, getting-better rating, revenue vs pace."""
    empty = {week: WeekFigures(week) for week in weeks}
    per_week = [figures.get(week, empty[week]) for week in weeks]
    advance = tuple(f.advance_rate for f in per_week)
    prepared = tuple(f.prepared_percent for f in per_week)
    touches = tuple(float(f.touches_done) for f in per_week)
    ratings = tuple(reviews[week].average_rating if week in reviews else None for week in weeks)
    most_touches = max((value for value in touches if value is not None), default=0.0)
    series = [
        Series(
            "Advance rate",
            advance,
            _latest(advance, _percent),
            _advance_hint(sum(f.debriefed for f in per_week)),
        ),
        Series(
            "Outcomes prepared",
            prepared,
            _latest(prepared, _percent),
            "Calls held with an outcome prepared beforehand."
            if any(v is not None for v in prepared)
            else "No calls held in these weeks yet.",
        ),
        Series(
            "Touches done",
            touches,
            _latest(touches, lambda v: f"{v:.0f}"),
            "Entry-campaign touches done each week.",
            high=max(most_touches, 1.0),
            unit="",
        ),
        Series(
            "Getting-better rating",
            ratings,
            _latest(ratings, lambda v: f"{v:.1f} of 5"),
            "Your average rating of your getting-better goals, from each weekly review."
            if any(v is not None for v in ratings)
            else "No reviews in these weeks yet: ratings come from the weekly review (r).",
            high=5.0,
            unit="",
        ),
    ]
    revenue = [g for g in goals if g.metric is Metric.REVENUE and g.start <= today]
    if revenue:
        goal = max(revenue, key=lambda g: g.start)
        values = tuple(_revenue_vs_pace(goal, week, today) for week in weeks)
        series.append(
            Series(
                f"{goal.name} against pace",
                values,
                _latest(values, _percent),
                "100% is exactly on the straight line to the target; above is ahead.",
                high=max([100.0, *(value for value in values if value is not None)]),
            )
        )
    return series
