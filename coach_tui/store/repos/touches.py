"""Touches: the largest table (tens of thousands for a heavy user), changed one at a time.

A save looks the touch up through a uid → document id index instead of scanning every
record. The index is only a hint: each hit is checked against the record it points to and
a miss falls back to a scan, so writes made elsewhere (a new campaign, a deleted account)
can never make it update the wrong record.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from tinydb import Query
from tinydb.table import Table

from coach_tui.model.touch import Touch, TouchStatus
from coach_tui.store.codec import Record
from coach_tui.store.codec_entry import touch_from_record, touch_to_record
from coach_tui.store.repos.common import BY_UID
from coach_tui.store.store import Store

TABLE = "touches"
_OPEN = TouchStatus.PLANNED.value


class TouchRepository:
    """Planned, done and skipped touches of every campaign."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._doc_ids: dict[str, int] = {}

    # --- reading ----------------------------------------------------------------------

    def _decode(self, records: list) -> list[Touch]:
        return sorted(
            (touch_from_record(r, r.doc_id) for r in records),
            key=lambda touch: (touch.due, touch.uid),
        )

    def for_campaign(self, campaign_uid: str) -> list[Touch]:
        """By date."""
        with self._store.reading() as tx:
            return self._decode(tx.table(TABLE).search(Query().campaign_uid == campaign_uid))

    def for_account(self, account_uid: str) -> list[Touch]:
        with self._store.reading() as tx:
            return self._decode(tx.table(TABLE).search(Query().account_uid == account_uid))

    def open_due_by(self, day: date) -> list[Touch]:
        """Planned touches due on or before `day`, across every account (the daily queue).

        Dates are stored as ISO text, so comparing the text compares the dates; only the
        few matching records are decoded.
        """
        last = day.isoformat()
        with self._store.reading() as tx:
            records = tx.table(TABLE).search(
                (Query().status == _OPEN) & Query().due.test(lambda due: due <= last)
            )
            return self._decode(records)

    def planned(self) -> list[Touch]:
        """Every touch still to do, whatever its date (for exports)."""
        with self._store.reading() as tx:
            return self._decode(tx.table(TABLE).search(Query().status == _OPEN))

    def get(self, uid: str) -> Touch | None:
        with self._store.reading() as tx:
            record = self._find(tx.table(TABLE), uid)
            return None if record is None else touch_from_record(record, uid)

    def count(self) -> int:
        with self._store.reading() as tx:
            return len(tx.table(TABLE))

    # --- writing ----------------------------------------------------------------------

    def _find(self, table: Table, uid: str) -> Record | None:
        doc_id = self._doc_ids.get(uid)
        if doc_id is not None:
            record = table.get(doc_id=doc_id)
            if isinstance(record, dict) and record.get("uid") == uid:
                return record
        found = table.get(uid == BY_UID)
        if not isinstance(found, dict):
            self._doc_ids.pop(uid, None)
            return None
        self._doc_ids[uid] = found.doc_id
        return found

    def _put(self, table: Table, touch: Touch) -> None:
        record = touch_to_record(touch)
        existing = self._find(table, touch.uid)
        if existing is None:
            self._doc_ids[touch.uid] = table.insert(record)
        else:
            table.update(record, doc_ids=[existing.doc_id])

    def save(self, touch: Touch) -> None:
        """Add the touch, or replace the stored one with the same uid."""
        with self._store.transaction() as tx:
            self._put(tx.table(TABLE), touch)

    def save_many(self, touches: Sequence[Touch]) -> None:
        """Several touches in one write, all or none."""
        try:
            with self._store.transaction() as tx:
                table = tx.table(TABLE)
                for touch in touches:
                    self._put(table, touch)
        except BaseException:
            self._doc_ids.clear()  # memory was rolled back; ids handed out are void
            raise

    def delete(self, uid: str) -> None:
        with self._store.transaction() as tx:
            table = tx.table(TABLE)
            record = self._find(table, uid)
            if record is not None:
                table.remove(doc_ids=[record.doc_id])
                self._doc_ids.pop(uid, None)
