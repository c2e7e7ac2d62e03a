"""Strategic objectives: one open per account, the closed ones kept as history."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from tinydb import Query

from coach_tui.model.account import ObjectiveStatus, StrategicObjective
from coach_tui.store.codec import decode, encode
from coach_tui.store.repos.common import get_by_uid, upsert_by_uid
from coach_tui.store.store import Store

TABLE = "objectives"
_OPEN = Query().status == ObjectiveStatus.OPEN.value
_LONG_AGO = datetime.min.replace(tzinfo=UTC)


class ObjectiveRepository:
    """Set, edit and close strategic objectives."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def active_for(self, account_uid: str) -> StrategicObjective | None:
        with self._store.reading() as tx:
            found = tx.table(TABLE).get(_OPEN & (Query().account_uid == account_uid))
            return None if not isinstance(found, dict) else decode("objectives", found)

    def history_for(self, account_uid: str) -> list[StrategicObjective]:
        """Achieved and dropped objectives of an account, most recently closed first."""
        with self._store.reading() as tx:
            records = tx.table(TABLE).search((Query().account_uid == account_uid) & ~_OPEN)
            closed = [decode("objectives", r, r.doc_id) for r in records]
        # A closed objective without a closing moment sorts last instead of crashing the list.
        return sorted(closed, key=lambda o: o.closed_at or _LONG_AGO, reverse=True)

    def all(self) -> list[StrategicObjective]:
        """Open and closed, for the weekly figures (objectives achieved in a week)."""
        with self._store.reading() as tx:
            return [decode("objectives", r, r.doc_id) for r in tx.table(TABLE).all()]

    def all_open(self) -> list[StrategicObjective]:
        with self._store.reading() as tx:
            return [decode("objectives", r, r.doc_id) for r in tx.table(TABLE).search(_OPEN)]

    def save(self, objective: StrategicObjective) -> None:
        """Save the open objective of its account (replacing its earlier wording).

        Refuses a second open objective for one account: close the current one first.
        """
        with self._store.transaction() as tx:
            table = tx.table(TABLE)
            other = table.get(_OPEN & (Query().account_uid == objective.account_uid))
            if isinstance(other, dict) and other["uid"] != objective.uid and objective.is_open:
                raise ValueError("the account already has an open objective")
            upsert_by_uid(table, encode(objective))

    def close(
        self, uid: str, status: ObjectiveStatus, note: str, when: datetime
    ) -> StrategicObjective | None:
        """Mark an objective achieved or dropped; it moves to the account's history."""
        if status is ObjectiveStatus.OPEN:
            raise ValueError("closing needs achieved or dropped")
        with self._store.transaction() as tx:
            table = tx.table(TABLE)
            record = get_by_uid(table, uid)
            if record is None:
                return None
            closed = replace(
                decode("objectives", record, uid), status=status, closed_at=when, closing_note=note
            )
            upsert_by_uid(table, encode(closed))
        return closed

    def reopen(self, objective: StrategicObjective) -> None:
        """Undo a close: the objective becomes the open one again."""
        self.save(replace(objective, status=ObjectiveStatus.OPEN, closed_at=None, closing_note=""))
