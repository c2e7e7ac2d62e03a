"""Team members' perspectives on accounts."""

from __future__ import annotations

from tinydb import Query

from coach_tui.model.account import Perspective
from coach_tui.store.codec import decode, encode
from coach_tui.store.repos.common import BY_UID, upsert_by_uid
from coach_tui.store.store import Store

TABLE = "perspectives"


class PerspectiveRepository:
    """Add, list and remove what colleagues see in an account."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def for_account(self, account_uid: str) -> list[Perspective]:
        """Newest first (by the day it was said)."""
        with self._store.reading() as tx:
            records = tx.table(TABLE).search(Query().account_uid == account_uid)
            found = [decode("perspectives", r, r.doc_id) for r in records]
        return sorted(found, key=lambda p: p.said_on, reverse=True)

    def save(self, perspective: Perspective) -> None:
        with self._store.transaction() as tx:
            upsert_by_uid(tx.table(TABLE), encode(perspective))

    def delete(self, uid: str) -> None:
        with self._store.transaction() as tx:
            tx.table(TABLE).remove(uid == BY_UID)
