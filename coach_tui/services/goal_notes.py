"""What the coach says under each goal's pace: the gap in deals and advances at the seller's
own average, and the revenue no open objective covers.

The goals screen and the weekly review ask here, so both say the same. The recent span is
the live file's quarter (calls debriefed longer ago are archived), so this never reads the
archive.
"""

from __future__ import annotations

from datetime import date, timedelta

from coach_tui.coaching.pace import goal_pace
from coach_tui.coaching.pace_gap import WinHistory, gap_notes, win_history
from coach_tui.model.account import ObjectiveStatus
from coach_tui.model.call import Movement
from coach_tui.model.goal import PerformanceGoal
from coach_tui.store.repository import Repository

RECENT_WEEKS = 12


def read_win_history(repo: Repository, today: date) -> WinHistory:
    """Every objective won, and the advances and wins of the last `RECENT_WEEKS` weeks."""
    first = today - timedelta(weeks=RECENT_WEEKS)
    advances = sum(
        1
        for call in repo.calls.in_span(first, today)
        if call.debrief is not None
        and call.debrief.movement is Movement.ADVANCE
        and first <= call.when.date() <= today
    )
    objectives = repo.objectives.all()
    wins = sum(
        1
        for objective in objectives
        if objective.status is ObjectiveStatus.ACHIEVED
        and objective.closed_at is not None
        and first <= objective.closed_at.date() <= today
    )
    return win_history(objectives, recent_advances=advances, recent_wins=wins)


def goal_notes(
    repo: Repository, goals: list[PerformanceGoal], today: date
) -> dict[str, tuple[str, ...]]:
    """Goal uid → the coach's notes under its pace (empty for a goal with nothing to say)."""
    if not goals:
        return {}
    history = read_win_history(repo, today)
    open_objectives = repo.objectives.all_open()
    return {
        goal.uid: gap_notes(goal, goal_pace(goal, today), history, open_objectives)
        for goal in goals
    }
