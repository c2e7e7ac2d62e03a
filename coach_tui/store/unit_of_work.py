"""One user action's writes, across table families: saved together, or not at all.

Inside `with repo.unit_of_work() as uow:` every repository write joins one transaction
(see `Store.transaction`), and the guided flow the action finishes has its draft dropped
through `uow`: the repositories themselves know nothing of the screens' drafts. Files are
swapped in in the order first written, so write the record before dropping its draft: a
crash in between keeps the draft, never loses the work.
"""

from __future__ import annotations

from coach_tui.store.repos.drafts import DraftRepository


class UnitOfWork:
    """The handle of an open unit of work (`Repository.unit_of_work`)."""

    def __init__(self, drafts: DraftRepository) -> None:
        self._drafts = drafts

    def discard_draft(self, flow: str | None) -> None:
        """Drop the draft of the guided flow this action finishes (None: no flow)."""
        if flow is not None:
            self._drafts.discard(flow)
