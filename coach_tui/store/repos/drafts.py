"""Drafts of guided flows: one per flow, replaced at every step."""

from __future__ import annotations

from tinydb import Query

from coach_tui.model.draft import FlowDraft
from coach_tui.store.codec import draft_from_record, draft_to_record
from coach_tui.store.store import Store

TABLE = "drafts"


class DraftRepository:
    """Keep, fetch and drop the work in progress of guided flows."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def get(self, flow: str) -> FlowDraft | None:
        """The saved draft of `flow`, if any."""
        with self._store.reading() as tx:
            record = tx.table(TABLE).get(Query().flow == flow)
            return None if record is None else draft_from_record(record, record.doc_id)

    def save(self, draft: FlowDraft) -> None:
        """Store `draft`, replacing the flow's previous one."""
        with self._store.transaction() as tx:
            tx.table(TABLE).upsert(draft_to_record(draft), Query().flow == draft.flow)

    def discard(self, flow: str) -> None:
        """Drop the draft of `flow` (e.g. when the seller chooses to start over)."""
        with self._store.transaction() as tx:
            tx.table(TABLE).remove(Query().flow == flow)

    def all(self) -> list[FlowDraft]:
        """Every draft in progress."""
        with self._store.reading() as tx:
            return [draft_from_record(r, r.doc_id) for r in tx.table(TABLE).all()]
