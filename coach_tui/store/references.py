"""The links between records, and which of them an import insists on.

A record names another by its uid: a call its account, a touch its campaign. Coach never
removes an account, an objective, a campaign or a call on its own (an account goes with
everything that belongs to it), so in a folder coach wrote these always lead somewhere; an
import whose record points nowhere was written or edited by hand, and is refused (a call
of a missing account would show as "Demo · ?" forever, with no screen to reach it).

People are different: "Remove from this account" drops the person and keeps the touches
and calls that named them, and a deleted goal stays named in old reviews. Those links may
lead nowhere in a seller's own export, so an import keeps them, and counts the people's.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from coach_tui.store.codec import Record


@dataclass(frozen=True, slots=True)
class Link:
    """`table`'s field `field` (a uid, or a list of uids) names a record of `target`."""

    table: str
    field: str
    target: str
    noun: str  # what the target is, for the message: "an account"

    def uids(self, record: Record) -> Iterator[str]:
        """The uids this record names through the link ("" names nothing)."""
        value = record.get(self.field)
        for uid in value if isinstance(value, list) else [value]:
            if isinstance(uid, str) and uid:
                yield uid


# Links that always lead somewhere in data coach wrote.
REQUIRED: tuple[Link, ...] = (
    Link("objectives", "account_uid", "accounts", "an account"),
    Link("perspectives", "account_uid", "accounts", "an account"),
    Link("contacts", "account_uid", "accounts", "an account"),
    Link("entry_points", "account_uid", "accounts", "an account"),
    Link("campaigns", "account_uid", "accounts", "an account"),
    Link("touches", "account_uid", "accounts", "an account"),
    Link("touches", "campaign_uid", "campaigns", "a campaign"),
    Link("calls", "account_uid", "accounts", "an account"),
    Link("calls", "objective_uid", "objectives", "an objective"),
    Link("commitments", "account_uid", "accounts", "an account"),
    Link("commitments", "call_uid", "calls", "a call"),
)
# Links to people, which may lead nowhere once the seller removed someone.
TO_PEOPLE: tuple[Link, ...] = (
    Link("calls", "contact_uids", "contacts", "a person"),
    Link("touches", "contact_uid", "contacts", "a person"),
    Link("campaigns", "contact_uids", "contacts", "a person"),
)

# Links kept as history: a review names the week's key calls, which an account's deletion
# takes with it. Nothing to check; listed so that every link of the model has a rule.
HISTORY: tuple[Link, ...] = (Link("reviews", "key_call_uids", "calls", "a call"),)


class MissingRecord(ValueError):
    """A required link leads nowhere; `str(error)` names the record and the link."""


def _uids(tables: Mapping[str, list[Record]], table: str) -> set[object]:
    return {record.get("uid") for record in tables.get(table, [])}


def check_references(tables: Mapping[str, list[Record]]) -> None:
    """Refuse (`MissingRecord`) the first required link that leads nowhere."""
    targets = {link.target: _uids(tables, link.target) for link in REQUIRED}
    for link in REQUIRED:
        known = targets[link.target]
        for number, record in enumerate(tables.get(link.table, []), 1):
            for uid in link.uids(record):
                if uid not in known:
                    raise MissingRecord(
                        f"record {number} in '{link.table}' names {link.noun} ({uid} in "
                        f"'{link.field}') that is not in the file. Export it again from the "
                        "coach that wrote it: a file edited by hand or cut short loses records"
                    )


def naming_people_gone(tables: Mapping[str, list[Record]]) -> dict[str, int]:
    """How many records of each table name a person who is not there (none: left out)."""
    people = _uids(tables, "contacts")
    gone: dict[str, int] = {}
    for link in TO_PEOPLE:
        count = sum(
            1
            for record in tables.get(link.table, [])
            if any(uid not in people for uid in link.uids(record))
        )
        if count:
            gone[link.table] = gone.get(link.table, 0) + count
    return gone
