"""What the coach says under each goal's pace: the gap in deals and advances at the seller's
own average, and the revenue no open objective covers.

The goals screen and the weekly review ask here, so both say the same. The recent span is
inside the live file's quarter (calls debriefed longer ago are archived), so this never
reads the archive, and its advances are counted without decoding a call.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from coach_tui.coaching.pace import goal_pace
from coach_tui.coaching.pace_gap import WinHistory, gap_notes, win_history
from coach_tui.model.account import ObjectiveStatus, StrategicObjective
from coach_tui.model.goal import PerformanceGoal
from coach_tui.store.repository import Repository

RECENT_WEEKS = 12


def read_win_history(
    repo: Repository, today: date, objectives: Sequence[StrategicObjective]
) -> WinHistory:
    """Every objective won, and the advances and wins of the last `RECENT_WEEKS` weeks."""
    first = today - timedelta(weeks=RECENT_WEEKS)
    advances = repo.calls.advances_between(first, today)
    wins = sum(
        1
        for objective in objectives
        if objective.status is ObjectiveStatus.ACHIEVED
        and objective.closed_at is not None
        and first <= objective.closed_at.date() <= today
    )
    return win_history(objectives, recent_advances=advances, recent_wins=wins)


def goal_notes(
    repo: Repository,
    goals: Sequence[PerformanceGoal],
    today: date,
    objectives: Sequence[StrategicObjective] | None = None,
) -> dict[str, tuple[str, ...]]:
    """Goal uid → the coach's notes under its pace (empty for a goal with nothing to say);
    `objectives`, every objective on file, when the caller has read them already."""
    if not goals:
        return {}
    if objectives is None:
        objectives = repo.objectives.all()
    history = read_win_history(repo, today, objectives)
    open_objectives = [objective for objective in objectives if objective.is_open]
    return {
        goal.uid: gap_notes(goal, goal_pace(goal, today), history, open_objectives)
        for goal in goals
    }
