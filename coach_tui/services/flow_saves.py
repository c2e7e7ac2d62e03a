"""The last save of the simpler guided flows: the record, and the flow's draft dropped, in
one unit of work (written in that order, so a crash in between keeps the draft)."""

from __future__ import annotations

from collections.abc import Sequence

from coach_tui.model.account import StrategicObjective
from coach_tui.model.call import Commitment
from coach_tui.model.day import DayPlan
from coach_tui.model.review import WeekReview
from coach_tui.model.touch import Touch
from coach_tui.model.why import WhyStatement
from coach_tui.store.repository import Repository


def save_why(repo: Repository, why: WhyStatement, *, draft: str | None = None) -> None:
    """A new version of the seller's why."""
    with repo.unit_of_work() as uow:
        repo.why.save(why)
        uow.discard_draft(draft)


def save_objective(
    repo: Repository, objective: StrategicObjective, *, draft: str | None = None
) -> None:
    """An account's open objective (ValueError if the account has another open one)."""
    with repo.unit_of_work() as uow:
        repo.objectives.save(objective)
        uow.discard_draft(draft)


def save_review(
    repo: Repository,
    review: WeekReview,
    *,
    touches: Sequence[Touch] = (),
    commitments: Sequence[Commitment] = (),
    dropped_commitments: Sequence[str] = (),
    draft: str | None = None,
) -> None:
    """A weekly review with what its clear-up settled (touches closed or moved, promises
    kept, moved or dropped)."""
    with repo.unit_of_work() as uow:
        repo.reviews.save(
            review,
            touches=touches,
            commitments=commitments,
            dropped_commitments=dropped_commitments,
        )
        uow.discard_draft(draft)


def save_day_plan(repo: Repository, plan: DayPlan, *, draft: str | None = None) -> None:
    """The day's priorities, replacing the day's earlier plan."""
    with repo.unit_of_work() as uow:
        repo.days.save(plan)
        uow.discard_draft(draft)
