"""Accounts: list, add, edit, archive, and delete with an undo in the same session."""

from __future__ import annotations

import copy
from dataclasses import dataclass, replace
from datetime import datetime

from tinydb import Query

from coach_tui.model.account import Account, Perspective, StrategicObjective
from coach_tui.store.codec import Record, decode, encode
from coach_tui.store.repos.common import BY_UID, get_by_uid, upsert_by_uid
from coach_tui.store.store import Store

TABLE = "accounts"


# Tables whose records belong to one account and go (and come back) with it. Their
# records are kept raw: undo writes back exactly what was there.
BELONGING = (
    "contacts",
    "entry_points",
    "campaigns",
    "touches",
    "calls",
    "commitments",
    "touches_archive",
    "calls_archive",
    "commitments_archive",
    "campaigns_archive",
    "touches_recent",
)


@dataclass(frozen=True, slots=True)
class DeletedAccount:
    """Everything a delete removed, so the session can put it back exactly."""

    account: Account
    objectives: tuple[StrategicObjective, ...]
    perspectives: tuple[Perspective, ...]
    belonging: tuple[tuple[str, tuple[Record, ...]], ...] = ()


class AccountRepository:
    """The seller's accounts; archived ones are kept but hidden by default."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def all(self, *, include_archived: bool = False) -> list[Account]:
        """Accounts by name (case-insensitive)."""
        with self._store.reading() as tx:
            accounts = [decode("accounts", r, r.doc_id) for r in tx.table(TABLE).all()]
        if not include_archived:
            accounts = [account for account in accounts if not account.archived]
        return sorted(accounts, key=lambda account: account.name.casefold())

    def get(self, uid: str) -> Account | None:
        with self._store.reading() as tx:
            record = get_by_uid(tx.table(TABLE), uid)
            return None if record is None else decode("accounts", record, uid)

    def names(self) -> dict[str, str]:
        """uid → name of every account, archived included (for labels)."""
        with self._store.reading() as tx:
            return {r["uid"]: r["name"] for r in tx.table(TABLE).all()}

    def name_taken(self, name: str, *, except_uid: str = "") -> bool:
        """Whether another account already has this name (ignoring case)."""
        wanted = name.casefold()
        return any(
            account.name.casefold() == wanted and account.uid != except_uid
            for account in self.all(include_archived=True)
        )

    def save(self, account: Account) -> None:
        """Add `account`, or replace the one with the same uid."""
        with self._store.transaction() as tx:
            upsert_by_uid(tx.table(TABLE), encode(account))

    def set_archived(self, uid: str, when: datetime | None) -> Account | None:
        """Archive (with a moment) or bring back (with None); returns the updated account."""
        account = self.get(uid)
        if account is None:
            return None
        updated = replace(account, archived_at=when)
        self.save(updated)
        return updated

    def delete(self, uid: str) -> DeletedAccount | None:
        """Remove an account with everything that belongs to it, in one transaction.

        The transaction spans several files: all are written beside their targets before
        any is swapped in, so a refused write (a full disk) changes nothing. Only a crash
        between two renames leaves the earlier ones swapped; the account's own file goes
        first, so the worst case is people or touches left without their account (kept,
        invisible) — never an account that silently lost its people.
        """
        with self._store.transaction() as tx:
            accounts = tx.table(TABLE)
            record = get_by_uid(accounts, uid)
            if record is None:
                return None
            belongs = Query().account_uid == uid
            objectives = tx.table("objectives").search(belongs)
            perspectives = tx.table("perspectives").search(belongs)
            # Read through a reading view: only files that really lose records are written.
            with self._store.reading() as view:
                belonging = tuple(
                    (name, tuple(dict(r) for r in view.table(name).search(belongs)))
                    for name in BELONGING
                )
            deleted = DeletedAccount(
                decode("accounts", record, uid),
                tuple(decode("objectives", r, r.doc_id) for r in objectives),
                tuple(decode("perspectives", r, r.doc_id) for r in perspectives),
                belonging,
            )
            accounts.remove(uid == BY_UID)
            tx.table("objectives").remove(belongs)
            tx.table("perspectives").remove(belongs)
            for name, records in belonging:
                if records:
                    tx.table(name).remove(belongs)
        return deleted

    def restore(self, deleted: DeletedAccount) -> None:
        """Undo a delete: the account and everything it had come back with the same uids.

        Safe to repeat (records already back are not added twice), and the account is
        swapped in last, so a crash between files leaves it deleted rather than back
        without its people; running the undo again completes it.
        """
        with self._store.transaction() as tx:
            for name, records in deleted.belonging:
                if not records:
                    continue
                table = tx.table(name)
                present = {
                    r["uid"] for r in table.search(Query().account_uid == deleted.account.uid)
                }
                missing = [copy.deepcopy(r) for r in records if r["uid"] not in present]
                if missing:
                    table.insert_multiple(missing)
            for objective in deleted.objectives:
                upsert_by_uid(tx.table("objectives"), encode(objective))
            for perspective in deleted.perspectives:
                upsert_by_uid(tx.table("perspectives"), encode(perspective))
            upsert_by_uid(tx.table(TABLE), encode(deleted.account))
