"""Decision makers: per account, all of them, and the profile links imports check against."""

from __future__ import annotations

from collections.abc import Sequence

from tinydb import Query

from coach_tui.model.contact import Contact, normalised_profile_url
from coach_tui.store.codec_entry import contact_from_record, contact_to_record
from coach_tui.store.repos.common import BY_UID, get_by_uid, upsert_by_uid
from coach_tui.store.store import Store

TABLE = "contacts"


def _by_name(contacts: list[Contact]) -> list[Contact]:
    return sorted(contacts, key=lambda contact: contact.name.casefold())


class ContactRepository:
    """Contacts belong to an account, or to none yet (imported, not placed)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def for_account(self, account_uid: str) -> list[Contact]:
        with self._store.reading() as tx:
            records = tx.table(TABLE).search(Query().account_uid == account_uid)
            return _by_name([contact_from_record(r, r.doc_id) for r in records])

    def all(self) -> list[Contact]:
        with self._store.reading() as tx:
            return _by_name([contact_from_record(r, r.doc_id) for r in tx.table(TABLE).all()])

    def get(self, uid: str) -> Contact | None:
        with self._store.reading() as tx:
            record = get_by_uid(tx.table(TABLE), uid)
            return None if record is None else contact_from_record(record, uid)

    def names(self) -> dict[str, str]:
        """uid → name of everyone, for labels in lists of touches."""
        with self._store.reading() as tx:
            return {r["uid"]: r["name"] for r in tx.table(TABLE).all()}

    def by_profile_url(self) -> dict[str, Contact]:
        """Normalised profile link → contact, to spot a person imported twice."""
        return {
            normalised_profile_url(contact.profile_url): contact
            for contact in self.all()
            if contact.profile_url
        }

    def save(self, contact: Contact) -> None:
        with self._store.transaction() as tx:
            upsert_by_uid(tx.table(TABLE), contact_to_record(contact))

    def save_many(self, contacts: Sequence[Contact]) -> None:
        """All in one write, or none (imports are all-or-nothing)."""
        known = self.names()
        with self._store.transaction() as tx:
            table = tx.table(TABLE)
            fresh = [contact_to_record(c) for c in contacts if c.uid not in known]
            table.insert_multiple(fresh)
            for contact in contacts:
                if contact.uid in known:
                    upsert_by_uid(table, contact_to_record(contact))

    def delete(self, uid: str) -> None:
        with self._store.transaction() as tx:
            tx.table(TABLE).remove(uid == BY_UID)
