"""The last save of the simpler guided flows: the record, and the flow's draft dropped, in
one unit of work (written in that order, so a crash in between keeps the draft)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from coach_tui.model.account import Account, StrategicObjective
from coach_tui.model.call import Commitment
from coach_tui.model.day import DayPlan
from coach_tui.model.draft import FlowDraft
from coach_tui.model.goal import PerformanceGoal
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


def save_year_plan(
    repo: Repository,
    goals: Sequence[PerformanceGoal],
    *,
    currency: str | None = None,
    new_accounts: Sequence[Account] = (),
    walk: FlowDraft | None = None,
    draft: str | None = None,
) -> None:
    """The year's targets, the key accounts it names for the first time and the walk
    through their objectives (`walk`, a draft of its own), with `currency` as the new
    default when given. Saved whole: a retry after a failure adds no account twice."""
    with repo.unit_of_work() as uow:
        if currency is not None:
            repo.settings.save(replace(repo.settings.get(), currency=currency))
        for goal in goals:
            repo.goals.save(goal)
        for account in new_accounts:
            repo.accounts.save(account)
        if walk is not None:
            repo.drafts.save(walk)
        uow.discard_draft(draft)
