"""Plan the year's second half: each key account's objective flow, one after another.

The walk keeps its place in a draft of its own (`OBJECTIVE_WALK`), so quitting half-way
resumes with the next account.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coach_tui.coaching.plan_year import OBJECTIVE_WALK
from coach_tui.model.draft import FlowDraft
from coach_tui.model.flows.codec import typed_draft
from coach_tui.model.flows.plan_year import WalkAnswers, walk_accounts
from coach_tui.model.wording import counted
from coach_tui.ui.routes import ObjectiveRoute

if TYPE_CHECKING:
    from coach_tui.ui.host import CoachHost


class ObjectiveWalk:
    """Takes the seller through each key account's objective flow, one after another."""

    def __init__(self, app: CoachHost) -> None:
        self.app = app

    def pending(self) -> FlowDraft | None:
        return self.app.repo.drafts.get(OBJECTIVE_WALK)

    def next(self) -> None:
        """Open the objective flow of the next key account, or say the plan is complete."""
        repo = self.app.repo
        walk = self.pending()
        if walk is None:
            return
        uids = walk_accounts(walk)
        index = walk.step
        while index < len(uids) and repo.accounts.get(uids[index]) is None:
            index += 1  # deleted since the plan was made
        if index >= len(uids):
            repo.drafts.discard(OBJECTIVE_WALK)
            self.app.notify(
                "Your plan for the year is in place: targets on the dashboard, an objective "
                "on each key account.",
                title="Plan complete",
            )
            return
        account = repo.accounts.get(uids[index])
        assert account is not None
        self.app.notify(f"Key account {index + 1} of {len(uids)}: {account.name}.", markup=False)

        def done(objective: object) -> None:
            if objective is None:
                left = len(uids) - index
                self.app.notify(
                    f"Plan paused with {counted(left, 'key account')} to go. "
                    "Press y on the dashboard to carry on.",
                    title="Later",
                )
                return
            next_one = typed_draft(OBJECTIVE_WALK, index + 1, WalkAnswers(uids), self.app.now())
            repo.drafts.save(next_one)
            self.next()

        current = repo.objectives.active_for(account.uid)
        currency = repo.settings.get().currency
        self.app.open(ObjectiveRoute(account, current=current, default_currency=currency), done)
