"""What the dashboard shows, gathered into one plain object so the screen only draws it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from coach_tui.coaching.objectives import ObjectiveCheck, check_objective
from coach_tui.coaching.pace import Pace, PaceState, goal_pace
from coach_tui.model.account import StrategicObjective
from coach_tui.model.goal import PerformanceGoal
from coach_tui.model.why import WhyStatement


@dataclass(frozen=True, slots=True)
class ObjectiveLine:
    """One open objective on the dashboard, with its account and what needs attention."""

    account: str
    objective: StrategicObjective
    check: ObjectiveCheck
    calls: int  # calls linked to it (the calls capability fills this in)


@dataclass(frozen=True, slots=True)
class GoalLine:
    goal: PerformanceGoal
    pace: Pace


@dataclass(frozen=True, slots=True)
class DashboardData:
    """Everything the home screen needs, computed off the UI thread."""

    today: date
    why: WhyStatement | None
    why_versions: int
    objectives: tuple[ObjectiveLine, ...] = field(default=())
    goals: tuple[GoalLine, ...] = field(default=())


def objective_lines(
    objectives: list[StrategicObjective],
    account_names: dict[str, str],
    today: date,
    calls_per_objective: dict[str, int] | None = None,
) -> tuple[ObjectiveLine, ...]:
    """Open objectives, the ones needing attention first: past their date, then incomplete,
    then by nearest date (undated last)."""
    calls = calls_per_objective or {}
    lines = [
        ObjectiveLine(
            account_names.get(objective.account_uid, "?"),
            objective,
            check_objective(objective, today),
            calls.get(objective.uid, 0),
        )
        for objective in objectives
        if objective.is_open
    ]

    def urgency(line: ObjectiveLine) -> tuple[int, date, str]:
        rank = 0 if line.check.overdue else 1 if line.check.missing else 2
        when = line.objective.target_date or date.max
        return rank, when, line.account.casefold()

    return tuple(sorted(lines, key=urgency))


_ATTENTION = {PaceState.BEHIND: 0, PaceState.ON_PACE: 1, PaceState.AHEAD: 2,
              PaceState.NOT_STARTED: 3, PaceState.REACHED: 4, PaceState.ENDED_SHORT: 0}  # fmt: skip


def goal_lines(goals: list[PerformanceGoal], today: date) -> tuple[GoalLine, ...]:
    """Goals whose period has not ended, with their pace today; behind pace first."""
    lines = [GoalLine(goal, goal_pace(goal, today)) for goal in goals if goal.end >= today]
    return tuple(sorted(lines, key=lambda line: _ATTENTION[line.pace.state]))
