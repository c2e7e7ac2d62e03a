"""Each account's entry point: where the seller starts, why there, who owns it."""

from __future__ import annotations

from tinydb import Query

from coach_tui.model.contact import EntryPoint
from coach_tui.store.codec import decode, encode
from coach_tui.store.repos.common import BY_UID
from coach_tui.store.store import Store

TABLE = "entry_points"


class EntryPointRepository:
    """One entry point per account; saving another replaces it."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def for_account(self, account_uid: str) -> EntryPoint | None:
        with self._store.reading() as tx:
            found = tx.table(TABLE).get(Query().account_uid == account_uid)
            if not isinstance(found, dict):
                return None
            return decode("entry_points", found, account_uid)

    def save(self, entry: EntryPoint) -> None:
        with self._store.transaction() as tx:
            tx.table(TABLE).upsert(encode(entry), Query().account_uid == entry.account_uid)

    def delete(self, uid: str) -> None:
        """Forget an entry point (the account keeps its people and campaigns)."""
        with self._store.transaction() as tx:
            tx.table(TABLE).remove(uid == BY_UID)
