"""Drafts of guided flows: one per flow, replaced at every step."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tinydb import Query

from coach_tui.model.draft import FlowDraft
from coach_tui.store.codec import decode, encode
from coach_tui.store.errors import DamagedRecord
from coach_tui.store.moments import moment_to_text
from coach_tui.store.set_aside import SetAside, write_set_aside
from coach_tui.store.store import Store

TABLE = "drafts"


@dataclass(frozen=True, slots=True)
class UnreadableDraft:
    """A stored draft that does not decode (a hand edit, an import from elsewhere)."""

    doc_id: int
    flow: str  # the flow it names, or "" when even that is unreadable
    reason: str


class DraftRepository:
    """Keep, fetch and drop the work in progress of guided flows."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def get(self, flow: str) -> FlowDraft | None:
        """The saved draft of `flow`, if any; `DamagedRecord` if it cannot be read."""
        with self._store.reading() as tx:
            record = tx.table(TABLE).get(Query().flow == flow)
            return None if record is None else decode("drafts", record, record.doc_id)

    def has(self, flow: str) -> bool:
        """Whether `flow` has a draft (read or not)."""
        with self._store.reading() as tx:
            return tx.table(TABLE).contains(Query().flow == flow)

    def save(self, draft: FlowDraft) -> None:
        """Store `draft`, replacing the flow's previous one."""
        with self._store.transaction() as tx:
            tx.table(TABLE).upsert(encode(draft), Query().flow == draft.flow)

    def discard(self, flow: str) -> None:
        """Drop the draft of `flow` (e.g. when the seller chooses to start over)."""
        with self._store.transaction() as tx:
            tx.table(TABLE).remove(Query().flow == flow)

    def all(self) -> list[FlowDraft]:
        """Every draft in progress (unreadable ones left out: see `unreadable`)."""
        with self._store.reading() as tx:
            return [draft for _, draft, _ in _decoded(tx.table(TABLE).all()) if draft]

    # --- drafts coach will not open ---------------------------------------------------

    def unreadable(self) -> list[UnreadableDraft]:
        """Drafts that do not decode; the folder opens with them (see `records.py`)."""
        with self._store.reading() as tx:
            return [
                UnreadableDraft(record.doc_id, _flow_of(record), reason)
                for record, draft, reason in _decoded(tx.table(TABLE).all())
                if draft is None
            ]

    def mark_stopped(self, flows: Iterable[str], when: datetime) -> list[str]:
        """Note that coach stopped on an error while these flows were open (one save).

        Returns the flows that had a draft to mark, in the order given.
        """
        wanted = list(dict.fromkeys(flows))
        if not wanted:
            return []
        with self._store.transaction() as tx:
            table = tx.table(TABLE)
            table.update({"stopped_at": moment_to_text(when)}, Query().flow.one_of(wanted))
            found = {record.get("flow") for record in table.search(Query().flow.one_of(wanted))}
        return [flow for flow in wanted if flow in found]

    def set_aside(self, flow: str, reason: str, now: datetime) -> SetAside | None:
        """Move the draft of `flow` to a file in `drafts-set-aside/`, then drop it.

        The file is written and synced before the draft leaves the store, in the same
        transaction: a failure leaves the draft where it was. None if there was no draft.
        """
        with self._store.transaction() as tx:
            table = tx.table(TABLE)
            record = table.get(Query().flow == flow)
            if record is None:
                return None
            kept = self._write(dict(record), flow, reason, now)
            table.remove(doc_ids=[record.doc_id])
            return kept

    def set_aside_unreadable(self, now: datetime) -> list[SetAside]:
        """Move every draft that cannot be read to `drafts-set-aside/` (one save, and none
        when every draft reads, as at nearly every start)."""
        if not self.unreadable():
            return []
        with self._store.transaction() as tx:
            table = tx.table(TABLE)
            found = [
                (record, reason) for record, draft, reason in _decoded(table.all()) if not draft
            ]
            kept = [
                self._write(dict(record), _flow_of(record), f"it could not be read: {reason}", now)
                for record, reason in found
            ]
            if found:
                table.remove(doc_ids=[record.doc_id for record, _ in found])
            return kept

    def _write(self, record: dict[str, Any], flow: str, reason: str, now: datetime) -> SetAside:
        path = write_set_aside(self._store.data_dir, record, flow=flow, reason=reason, now=now)
        return SetAside(flow, path, reason)


def _decoded(records: list[Any]) -> Iterable[tuple[Any, FlowDraft | None, str]]:
    """Each record with its draft, or None and the reason it cannot be read."""
    for record in records:
        try:
            yield record, decode("drafts", record, record.doc_id), ""
        except DamagedRecord as error:
            yield record, None, error.reason


def _flow_of(record: dict[str, Any]) -> str:
    flow = record.get("flow")
    return flow if isinstance(flow, str) else ""
