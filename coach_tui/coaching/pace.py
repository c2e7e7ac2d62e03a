"""Pace: where a straight line through the goal's period says the seller should be by today.

Behind is said plainly, with the weekly amount that would still finish on target.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from functools import partial

from coach_tui.model.day_text import day_text
from coach_tui.model.goal import PerformanceGoal

# Within 1% of the target either side of the line counts as on pace.
TOLERANCE = Decimal("0.01")
SEVEN = Decimal(7)
WHOLE = Decimal(1)


class PaceState(Enum):
    NOT_STARTED = "not started"
    AHEAD = "ahead of pace"
    ON_PACE = "on pace"
    BEHIND = "behind pace"
    REACHED = "target reached"
    ENDED_SHORT = "ended short"


@dataclass(frozen=True, slots=True)
class Pace:
    """A goal's standing on one day."""

    attained: Decimal
    target: Decimal
    expected: Decimal  # by the end of today, on the straight line
    days_total: int
    days_elapsed: int  # counting today
    days_left: int  # counting today
    state: PaceState

    @property
    def percent(self) -> Decimal:
        """Attained as a percentage of the target."""
        return self.attained / self.target * 100

    @property
    def gap(self) -> Decimal:
        """Attained minus expected: negative when behind."""
        return self.attained - self.expected

    @property
    def behind_percent(self) -> Decimal:
        """How far short of the line, as a share of where the line is (0 if not behind)."""
        if self.expected <= 0 or self.gap >= 0:
            return Decimal(0)
        return -self.gap / self.expected * 100

    @property
    def remaining(self) -> Decimal:
        return max(self.target - self.attained, Decimal(0))

    @property
    def weeks_left(self) -> Decimal:
        return Decimal(self.days_left) / SEVEN

    @property
    def needed_per_week(self) -> Decimal | None:
        """What each remaining week needs to finish on target; None once reached or over."""
        if self.state in (PaceState.REACHED, PaceState.ENDED_SHORT) or self.days_left == 0:
            return None
        return self.remaining / self.weeks_left


def pace(target: Decimal, start: date, end: date, attained: Decimal, today: date) -> Pace:
    """The pace of any target over the inclusive period `start`..`end`, seen on `today`."""
    days_total = (end - start).days + 1
    if today < start:
        elapsed, left = 0, days_total
    elif today > end:
        elapsed, left = days_total, 0
    else:
        elapsed, left = (today - start).days + 1, (end - today).days + 1
    expected = target * Decimal(elapsed) / Decimal(days_total)
    if attained >= target:
        state = PaceState.REACHED
    elif today < start:
        state = PaceState.NOT_STARTED
    elif today > end:
        state = PaceState.ENDED_SHORT
    elif attained - expected > target * TOLERANCE:
        state = PaceState.AHEAD
    elif expected - attained > target * TOLERANCE:
        state = PaceState.BEHIND
    else:
        state = PaceState.ON_PACE
    return Pace(attained, target, expected, days_total, elapsed, left, state)


def goal_pace(goal: PerformanceGoal, today: date) -> Pace:
    """A goal's pace, counting only progress dated inside its period."""
    attained = sum(
        (entry.amount for entry in goal.progress if goal.start <= entry.on <= goal.end),
        Decimal(0),
    )
    return pace(goal.target, goal.start, goal.end, attained, today)


def _gap_words(goal: PerformanceGoal, amount: Decimal) -> str:
    """Money in whole units; counts rounded to whole things ("about 3 deals won")."""
    whole = amount.quantize(WHOLE)
    if goal.metric.is_money or whole == amount:
        return goal.format_amount(whole)
    return f"about {goal.format_amount(max(whole, WHOLE))}"


def _rate_words(goal: PerformanceGoal, weekly: Decimal) -> str:
    """The weekly need in terms a seller can act on.

    "0.4 first meetings a week" is not something anyone can do; below one a week, counts
    are said per month, and below one a month as one every so many weeks.
    """
    if goal.metric.is_money:
        return f"{goal.format_amount(weekly.quantize(WHOLE))} a week"
    if weekly >= 1:
        return f"{goal.format_amount(weekly)} a week"
    monthly = weekly * 52 / 12
    if monthly >= 1:
        return f"{goal.format_amount(monthly)} a month"
    return f"One every {int(1 / weekly)} weeks"


def pace_sentence(goal: PerformanceGoal, standing: Pace) -> str:
    """One plain line a coach would say about this goal today (money in whole units)."""
    fmt = partial(_gap_words, goal)
    progress = goal.format_progress(standing.attained, standing.target)
    if standing.state is PaceState.REACHED:
        return f"Target reached: {progress}."
    if standing.state is PaceState.ENDED_SHORT:
        return f"Period over at {progress}."
    weekly = standing.needed_per_week
    per_week = (
        f" {_rate_words(goal, weekly)} from here finishes on target." if weekly is not None else ""
    )
    if standing.state is PaceState.NOT_STARTED:
        return f"Starts {day_text(goal.start)}.{per_week}"
    if standing.state is PaceState.BEHIND:
        return (
            f"Behind pace by {fmt(-standing.gap)} ({standing.behind_percent:.0f}% short of "
            f"where the line is today).{per_week}"
        )
    if standing.state is PaceState.AHEAD:
        return f"Ahead of pace by {fmt(standing.gap)}.{per_week}"
    return f"On pace.{per_week}"
