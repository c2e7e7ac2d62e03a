"""What a goal's gap means in the seller's own currency of work: deals and advances.

"€600k to go" is a number; "≈12 deals at your €52k average" is a plan. The averages are the
seller's own — the value of the objectives they won, the advances they logged per objective
won — so with no history the coach says nothing rather than invent a benchmark. And a
revenue target the open objectives do not cover is questioned: where is the rest coming from?
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from coach_tui.coaching.pace import Pace, PaceState
from coach_tui.model.account import ObjectiveStatus, StrategicObjective
from coach_tui.model.goal import Metric, PerformanceGoal
from coach_tui.model.money import compact_money
from coach_tui.model.wording import counted

# A goal with nothing left to win, or whose period is over, has no gap to turn into work.
_NO_GAP = (PaceState.REACHED, PaceState.ENDED_SHORT)


@dataclass(frozen=True, slots=True)
class WinHistory:
    """The seller's own record: every objective won, and — over a recent span — how many
    advances they logged and how many objectives they won in it."""

    won: tuple[StrategicObjective, ...] = ()
    recent_advances: int = 0
    recent_wins: int = 0

    def average_deal(self, currency: str) -> Decimal | None:
        """The mean value of the objectives won in `currency`; None without any."""
        values = [
            target.amount
            for objective in self.won
            if (target := objective.financial_target) is not None and target.currency == currency
        ]
        return sum(values, Decimal(0)) / len(values) if values else None

    @property
    def advances_per_win(self) -> Decimal | None:
        """Advances logged per objective won over the recent span; None without a win."""
        if not self.recent_wins or not self.recent_advances:
            return None
        return Decimal(self.recent_advances) / self.recent_wins


def win_history(
    objectives: Sequence[StrategicObjective], *, recent_advances: int, recent_wins: int
) -> WinHistory:
    """The history from every objective on file and the recent span's counts."""
    won = tuple(o for o in objectives if o.status is ObjectiveStatus.ACHIEVED)
    return WinHistory(won, recent_advances, recent_wins)


def _whole(value: Decimal) -> int:
    return max(1, math.ceil(value))


def gap_in_deals(goal: PerformanceGoal, standing: Pace, history: WinHistory) -> str:
    """ "€600k to go: ≈12 deals at your €52k average, about 108 advances at your 9 per win." """
    if standing.state in _NO_GAP or standing.remaining <= 0:
        return ""
    per_win = history.advances_per_win
    if goal.metric is Metric.DEALS:
        if per_win is None:
            return ""
        advances = _whole(standing.remaining * per_win)
        return (
            f"{goal.format_amount(standing.remaining)} to go: about "
            f"{counted(advances, 'advance')} at your {per_win:.0f} per objective won."
        )
    if goal.metric is not Metric.REVENUE:
        return ""
    average = history.average_deal(goal.currency)
    if average is None or average <= 0:
        return ""
    deals = _whole(standing.remaining / average)
    said = (
        f"{compact_money(standing.remaining, goal.currency)} to go: ≈{counted(deals, 'deal')} "
        f"at your {compact_money(average, goal.currency)} average"
    )
    if per_win is not None:
        advances = counted(_whole(deals * per_win), "advance")
        said += f", about {advances} at your {per_win:.0f} per win"
    return f"{said}."


def unplanned_revenue(
    goal: PerformanceGoal, standing: Pace, open_objectives: Sequence[StrategicObjective]
) -> str:
    """The question when the open objectives' values do not add up to what a revenue goal
    still needs; empty when they do. Objectives due after the goal's period, or in another
    currency, do not count towards it."""
    if goal.metric is not Metric.REVENUE or standing.state in _NO_GAP:
        return ""
    remaining = standing.remaining
    if remaining <= 0:
        return ""
    planned = sum(
        (
            target.amount
            for objective in open_objectives
            if (target := objective.financial_target) is not None
            and target.currency == goal.currency
            and (objective.target_date is None or objective.target_date <= goal.end)
        ),
        Decimal(0),
    )
    if planned >= remaining:
        return ""
    money = lambda amount: compact_money(amount, goal.currency)  # noqa: E731
    if not planned:
        return (
            f"No open objective puts a value on the {money(remaining)} still to win for "
            f"{goal.name}. Which accounts will it come from?"
        )
    return (
        f"Your open objectives add up to {money(planned)} of the {money(remaining)} still to "
        f"win. Where is the other {money(remaining - planned)} coming from?"
    )


def gap_notes(
    goal: PerformanceGoal,
    standing: Pace,
    history: WinHistory,
    open_objectives: Sequence[StrategicObjective],
) -> tuple[str, ...]:
    """What the coach says under a goal's pace: the gap as work, then what is unplanned."""
    notes = (
        gap_in_deals(goal, standing, history),
        unplanned_revenue(goal, standing, open_objectives),
    )
    return tuple(note for note in notes if note)
