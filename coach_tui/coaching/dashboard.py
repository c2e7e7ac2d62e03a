"""What the dashboard shows, gathered into one plain object so the screen only draws it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from coach_tui.coaching.calls import CallLine
from coach_tui.coaching.coverage import coverage_brief
from coach_tui.coaching.objectives import ObjectiveCheck, check_objective
from coach_tui.coaching.pace import Pace, PaceState, goal_pace
from coach_tui.coaching.touches import QueueItem, touch_queue
from coach_tui.model.account import StrategicObjective
from coach_tui.model.contact import Contact, RosterEntry
from coach_tui.model.day import DayPlan
from coach_tui.model.goal import PerformanceGoal
from coach_tui.model.touch import Touch
from coach_tui.model.why import WhyStatement

if TYPE_CHECKING:  # the agenda builds on these lines
    from coach_tui.coaching.agenda import AgendaCall


@dataclass(frozen=True, slots=True)
class ObjectiveLine:
    """One open objective on the dashboard, with its account and what needs attention."""

    account: str
    objective: StrategicObjective
    check: ObjectiveCheck
    calls: int  # calls linked to it (the calls capability fills this in)
    coverage: str = ""  # the gap in its map of decision makers, if any
    stall: str = ""  # the coach's question when the account's calls stopped moving


@dataclass(frozen=True, slots=True)
class TouchLine:
    """One touch due, with the names the panel shows."""

    item: QueueItem
    account: str
    who: str


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
    touches: tuple[TouchLine, ...] = field(default=())
    calls: Sequence[CallLine] = field(default=())
    to_debrief: tuple[AgendaCall, ...] = field(default=())  # see `calls_to_debrief`
    day: DayPlan | None = None


def objective_lines(
    objectives: list[StrategicObjective],
    account_names: dict[str, str],
    today: date,
    calls_per_objective: dict[str, int] | None = None,
    contacts: Sequence[Contact | RosterEntry] | None = None,
    stalls: dict[str, str] | None = None,
    met: dict[str, frozenset[str]] | None = None,
) -> tuple[ObjectiveLine, ...]:
    """Open objectives, the ones needing attention first: past their date, then incomplete,
    then by nearest date (undated last). With `contacts`, each line names its coverage gap;
    with `met` (account uid → people on its calls), an economic buyer never met is one."""
    calls = calls_per_objective or {}
    people: dict[str, list[Contact | RosterEntry]] = {}
    for contact in contacts or ():
        people.setdefault(contact.account_uid, []).append(contact)
    lines = [
        ObjectiveLine(
            account_names.get(objective.account_uid, "?"),
            objective,
            check_objective(objective, today),
            calls.get(objective.uid, 0),
            coverage_brief(
                people.get(objective.account_uid, []),
                None if met is None else met.get(objective.account_uid, frozenset()),
            )
            if contacts is not None
            else "",
            (stalls or {}).get(objective.account_uid, ""),
        )
        for objective in objectives
        if objective.is_open
    ]

    def urgency(line: ObjectiveLine) -> tuple[int, date, str]:
        rank = 0 if line.check.overdue or line.stall else 1 if line.check.missing else 2
        when = line.objective.target_date or date.max
        return rank, when, line.account.casefold()

    return tuple(sorted(lines, key=urgency))


_ATTENTION = {PaceState.BEHIND: 0, PaceState.ON_PACE: 1, PaceState.AHEAD: 2,
              PaceState.NOT_STARTED: 3, PaceState.REACHED: 4, PaceState.ENDED_SHORT: 0}  # fmt: skip


def goal_lines(goals: list[PerformanceGoal], today: date) -> tuple[GoalLine, ...]:
    """Goals whose period has not ended, with their pace today; behind pace first."""
    lines = [GoalLine(goal, goal_pace(goal, today)) for goal in goals if goal.end >= today]
    return tuple(sorted(lines, key=lambda line: _ATTENTION[line.pace.state]))


def touch_lines(
    touches: Sequence[Touch],
    today: date,
    account_names: dict[str, str],
    contact_names: dict[str, str],
) -> tuple[TouchLine, ...]:
    """The touch queue with names, overdue first."""
    return tuple(
        TouchLine(
            item,
            account_names.get(item.touch.account_uid, "?"),
            contact_names.get(item.touch.contact_uid, "someone no longer listed"),
        )
        for item in touch_queue(touches, today)
    )
