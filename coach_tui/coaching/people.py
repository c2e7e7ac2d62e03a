"""Everyone coach knows, as the People screen lists them, and when two records are one person.

Pure functions over contacts and account names: which people an account should take in
(their company is its name), which record a new one likely repeats, and what two records
of one person become when merged. Names are compared through `model.folding`, the same
rule every filter uses.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from enum import Enum

from coach_tui.model.contact import (
    CONTACT_NOTE_MAX,
    BuyingRole,
    Contact,
    Relationship,
    normalised_profile_url,
)
from coach_tui.model.errors import ValidationError
from coach_tui.model.folding import company_key, fold, matches, person_key


class PeopleSort(Enum):
    """How the People list is ordered; people on no account come first in each."""

    COMPANY = "company"
    NAME = "name"
    ACCOUNT = "account"

    def next(self) -> PeopleSort:
        members = list(PeopleSort)
        return members[(members.index(self) + 1) % len(members)]


@dataclass(frozen=True, slots=True)
class PersonRow:
    """A person with the name of the account they are on ("" when on none)."""

    contact: Contact
    account: str

    @property
    def placed(self) -> bool:
        return bool(self.contact.account_uid)


def person_rows(contacts: Iterable[Contact], accounts: Mapping[str, str]) -> list[PersonRow]:
    """Each contact with its account's name (`accounts` is uid → name)."""
    return [PersonRow(contact, accounts.get(contact.account_uid, "")) for contact in contacts]


def filter_people(rows: list[PersonRow], text: str) -> list[PersonRow]:
    """Rows where every word of `text` is in the name, title, company, account or email."""
    if not text.strip():
        return rows
    return [
        row
        for row in rows
        if matches(
            text,
            row.contact.name,
            row.contact.title,
            row.contact.company,
            row.account,
            row.contact.email,
        )
    ]


def sort_people(rows: list[PersonRow], by: PeopleSort) -> list[PersonRow]:
    """People on no account first (they are the ones to place), then by `by`, then name."""

    def key(row: PersonRow) -> tuple[bool, str, str]:
        name = fold(row.contact.name)
        if by is PeopleSort.COMPANY:
            company = company_key(row.contact.company) or "\uffff"  # no company: last
            return row.placed, company, name
        if by is PeopleSort.ACCOUNT:
            return row.placed, fold(row.account), name
        return row.placed, name, ""

    return sorted(rows, key=key)


def people_of_company(contacts: Iterable[Contact], account_name: str) -> list[Contact]:
    """People on no account whose company is `account_name` (case, accents and legal form
    aside: "Corvid Analytics, Inc." belongs to the account "Corvid Analytics")."""
    wanted = company_key(account_name)
    if not wanted:
        return []
    return [
        contact
        for contact in contacts
        if not contact.account_uid and company_key(contact.company) == wanted
    ]


def likely_duplicates(candidate: Contact, contacts: Iterable[Contact]) -> list[Contact]:
    """Stored people `candidate` probably is: the same profile link, the same email, or
    the same name at the same company. The candidate itself (same uid) is left out."""
    name = person_key(candidate.name)
    company = company_key(candidate.company)
    email = candidate.email.strip().casefold()
    link = normalised_profile_url(candidate.profile_url)
    found = []
    for contact in contacts:
        if contact.uid == candidate.uid:
            continue
        if (
            (email and contact.email.strip().casefold() == email)
            or (link and normalised_profile_url(contact.profile_url) == link)
            or (
                name
                and person_key(contact.name) == name
                and company_key(contact.company) == company
            )
        ):
            found.append(contact)
    return found


# Fields whose stored value is empty text until the seller learns it.
_TEXT_FIELDS = tuple(
    f.name
    for f in fields(Contact)
    if f.name not in {"uid", "name", "account_uid", "role", "relationship", "added_on"}
)
_CLOSENESS = list(Relationship)


def survivor_of(first: Contact, second: Contact, referenced: set[str]) -> tuple[Contact, Contact]:
    """(the record that stays, the one merged into it).

    The one touches, campaigns or calls point at stays, so no history loses its person;
    else the one on an account; else `second` (the record the seller merged onto).
    `ValidationError` when both have history: merging would rewrite it.
    """
    first_used, second_used = first.uid in referenced, second.uid in referenced
    if first_used and second_used:
        raise ValidationError(
            f"Both records of {first.name} have touches or calls of their own, so merging "
            "them would rewrite that history. Both are kept; remove the one you no longer "
            "need from its account (e, D) if they really are one person."
        )
    if first_used or (not second_used and first.account_uid and not second.account_uid):
        return first, second
    return second, first


def merged(keep: Contact, other: Contact) -> Contact:
    """`keep` with what only `other` knew: empty details filled in, the earlier date added,
    the closer relationship, a known role, and both notes on what matters to them."""
    changes: dict[str, object] = {
        name: getattr(other, name)
        for name in _TEXT_FIELDS
        if not getattr(keep, name) and getattr(other, name)
    }
    if keep.what_matters and other.what_matters and other.what_matters != keep.what_matters:
        both = f"{keep.what_matters}\n\n{other.what_matters}"
        if len(both) > CONTACT_NOTE_MAX:
            raise ValidationError(
                f"Together, the two notes on what matters to {keep.name} are longer than "
                f"{CONTACT_NOTE_MAX:,} characters. Nothing was merged; shorten one first."
            )
        changes["what_matters"] = both
    if not keep.account_uid and other.account_uid:
        changes["account_uid"] = other.account_uid
    if keep.role is BuyingRole.UNKNOWN and other.role is not BuyingRole.UNKNOWN:
        changes["role"] = other.role
    if _CLOSENESS.index(other.relationship) > _CLOSENESS.index(keep.relationship):
        changes["relationship"] = other.relationship
    dates = [day for day in (keep.added_on, other.added_on) if day is not None]
    if dates:
        changes["added_on"] = min(dates)
    return replace(keep, **changes)  # type: ignore[arg-type]


def duplicate_warning(twin: Contact, account: str, others: int = 0) -> str:
    """What to say before saving someone who is probably `twin` (on `account`, or none)."""
    at = f" at {twin.company}" if twin.company else ""
    where = f"on {account}" if account else "on no account yet"
    more = f" (and {others:,} more like them)" if others else ""
    return (
        f"{twin.name}{at} is already in coach, {where}{more}. To keep one record, press esc "
        "and use People (p): a puts them on an account, m merges two records. Press ctrl+s "
        "again to save this one as well."
    )
