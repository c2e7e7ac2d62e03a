"""Decision makers: per account, all of them, and the profile links imports check against."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from tinydb import Query

from coach_tui.model.contact import BuyingRole, Contact, RosterEntry, normalised_profile_url
from coach_tui.store.codec import decode, encode
from coach_tui.store.repos.common import BY_UID, get_by_uid, stored_records, upsert_by_uid
from coach_tui.store.store import Store
from coach_tui.store.tiers import with_archive

TABLE = "contacts"


def _by_name(contacts: list[Contact]) -> list[Contact]:
    return sorted(contacts, key=lambda contact: contact.name.casefold())


# Looked up, not constructed: the dashboard reads every contact's role at each start.
_ROLES: dict[object, BuyingRole] = {role.value: role for role in BuyingRole}


def _role(value: object) -> BuyingRole:
    """A stored role (checked when the file was opened); unknown if it is not one."""
    try:
        return _ROLES.get(value, BuyingRole.UNKNOWN)
    except TypeError:  # not even text
        return BuyingRole.UNKNOWN


class ContactRepository:
    """Contacts belong to an account, or to none yet (imported, not placed)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def for_account(self, account_uid: str) -> list[Contact]:
        with self._store.reading() as tx:
            records = tx.table(TABLE).search(Query().account_uid == account_uid)
            return _by_name([decode("contacts", r, r.doc_id) for r in records])

    def all(self) -> list[Contact]:
        with self._store.reading() as tx:
            stored = stored_records(tx.table(TABLE))  # no TinyDB Document per record
            return _by_name([decode("contacts", r, k) for k, r in stored.items()])

    def roster(self) -> list[RosterEntry]:
        """Everyone's name, account and buying role, straight from the stored records: the
        dashboard's coverage notes need no more, and decoding whole contacts costs many
        times as much."""
        with self._store.reading() as tx:
            return [
                RosterEntry(
                    record["uid"],
                    record["name"],
                    record.get("account_uid") or "",
                    _role(record.get("role")),
                )
                for record in stored_records(tx.table(TABLE)).values()
            ]

    def added_between(self, first: date, last: date) -> list[Contact]:
        """People added between `first` and `last` inclusive (the weekly figures count them)."""
        low, high = first.isoformat(), last.isoformat()
        with self._store.reading() as tx:
            stored = stored_records(tx.table(TABLE))
            return [
                decode("contacts", r, k)
                for k, r in stored.items()
                if low <= (r.get("added_on") or "") <= high
            ]

    def get(self, uid: str) -> Contact | None:
        with self._store.reading() as tx:
            record = get_by_uid(tx.table(TABLE), uid)
            return None if record is None else decode("contacts", record, uid)

    def names(self) -> dict[str, str]:
        """uid → name of everyone, for labels in lists of touches."""
        with self._store.reading() as tx:
            return {r["uid"]: r["name"] for r in stored_records(tx.table(TABLE)).values()}

    def by_profile_url(self) -> dict[str, Contact]:
        """Normalised profile link → contact, to spot a person imported twice."""
        return {
            normalised_profile_url(contact.profile_url): contact
            for contact in self.all()
            if contact.profile_url
        }

    def unplaced(self) -> dict[str, list[Contact]]:
        """People not on any account yet (imported), grouped by company to place them.

        Companies are matched ignoring case and outer spaces, keyed as the first person
        (by name) spells them; groups come alphabetically, people without a company last
        (key "").
        """
        groups: dict[str, tuple[str, list[Contact]]] = {}
        for contact in self.all():
            if contact.account_uid:
                continue
            company = contact.company.strip()
            groups.setdefault(company.casefold(), (company, []))[1].append(contact)
        ordered = sorted(groups.items(), key=lambda item: (item[0] == "", item[0]))
        return {company: people for _, (company, people) in ordered}

    def save(self, contact: Contact) -> None:
        with self._store.transaction() as tx:
            upsert_by_uid(tx.table(TABLE), encode(contact))

    def save_many(self, contacts: Sequence[Contact]) -> None:
        """All in one write, or none (imports are all-or-nothing); a later duplicate uid wins.

        Every contact is encoded before anything changes, and the stored ones are found in
        one pass, so an import of thousands costs one table rewrite, not one per person.
        """
        records = {contact.uid: encode(contact) for contact in contacts}
        with self._store.transaction() as tx:
            table = tx.table(TABLE)
            stored = {r["uid"]: r.doc_id for r in table.all()}
            changed = [stored[uid] for uid in records if uid in stored]
            if changed:
                table.update(lambda doc: doc.update(records[doc["uid"]]), doc_ids=changed)
            fresh = [record for uid, record in records.items() if uid not in stored]
            if fresh:
                table.insert_multiple(fresh)

    def referenced(self, uids: Iterable[str]) -> set[str]:
        """Those of `uids` that a touch, campaign or call points at, archived ones included
        (merging two records of one person must keep every reference whole)."""
        wanted = set(uids)
        found: set[str] = set()
        with self._store.reading() as tx:
            for _, touch in with_archive(tx, "touches"):
                if touch.get("contact_uid") in wanted:
                    found.add(touch["contact_uid"])
            for table in ("campaigns", "calls"):
                for _, record in with_archive(tx, table):
                    found.update(wanted.intersection(record.get("contact_uids") or ()))
        return found

    def merge(self, keep: Contact, gone_uid: str) -> None:
        """Save `keep` and remove the record it absorbed, in one write."""
        record = encode(keep)
        with self._store.transaction() as tx:
            table = tx.table(TABLE)
            upsert_by_uid(table, record)
            table.remove(gone_uid == BY_UID)

    def delete(self, uid: str) -> None:
        with self._store.transaction() as tx:
            tx.table(TABLE).remove(uid == BY_UID)
