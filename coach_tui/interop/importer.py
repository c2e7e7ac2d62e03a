"""Turning a parsed file into contacts to save: duplicates skipped, companies grouped.

Everything is decided before anything is written; `apply_import` then saves every new
contact with one `save_many` (one transaction), so a file is imported whole or not at all.
The shell command and the app's import screen both go through here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Protocol

from coach_tui.interop.errors import ImportFailed
from coach_tui.interop.results import ParsedFile, RowResult, RowStatus
from coach_tui.model.contact import Contact, normalised_profile_url
from coach_tui.model.folding import company_key, person_key

ALREADY_IN_COACH = "already in coach"
NO_COMPANY = ""


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """What an import will do: the contacts to save and what became of every row.

    `by_company` groups the new contacts by company (first spelling seen, matched ignoring
    case; people without one under ""), biggest group first, ready to attach to accounts.
    """

    source: str
    contacts: tuple[Contact, ...]
    rows: tuple[RowResult, ...]
    by_company: dict[str, list[Contact]]
    already_in_coach: int = 0
    repeated_in_file: int = 0
    blank_rows: int = 0

    @property
    def placed(self) -> int:
        """How many new contacts go straight onto an account."""
        return sum(1 for contact in self.contacts if contact.account_uid)

    def count(self, status: RowStatus) -> int:
        return sum(1 for row in self.rows if row.status is status)

    @property
    def with_notes(self) -> list[RowResult]:
        """Imported rows that lost a detail on the way (an unreadable email, say)."""
        return [row for row in self.rows if row.status is RowStatus.IMPORTED and row.reason]


class _Known:
    """The people coach already has (or this file already named), for spotting repeats.

    Two records are one person when their profile links match. When either has no link,
    the same name at the same company (`person_key` and `company_key`: case, accents,
    spacing and legal form aside) is taken to be the same person.
    """

    def __init__(self) -> None:
        self._links: dict[str, str] = {}  # normalised link → where it was first seen
        self._names: dict[str, dict[str, str]] = {}  # name|company → {link or "": where}

    def add(self, contact: Contact, where: str) -> None:
        link = normalised_profile_url(contact.profile_url)
        if link:
            self._links.setdefault(link, where)
        self._names.setdefault(_name_key(contact), {}).setdefault(link, where)

    def find(self, contact: Contact) -> str | None:
        """Where this person was seen before, or None when they are new."""
        link = normalised_profile_url(contact.profile_url)
        if link and link in self._links:
            return self._links[link]
        same_name = self._names.get(_name_key(contact), {})
        if not link and same_name:
            return next(iter(same_name.values()))
        return same_name.get("")


def _name_key(contact: Contact) -> str:
    return f"{person_key(contact.name)}|{company_key(contact.company)}"


def plan_import(
    parsed: ParsedFile,
    existing: Iterable[Contact],
    account_uid: str = "",
    *,
    accounts_by_name: Mapping[str, str] | None = None,
    added_on: date | None = None,
) -> ImportPlan:
    """Decide every row without writing anything.

    With `account_uid` everyone new joins that account; otherwise people whose company is
    an account's name (`accounts_by_name`: name → uid, matched by `company_key`: case,
    accents and legal form aside) join it, and
    the rest wait unplaced. People already in coach or repeated in the file are skipped.
    """
    known = _Known()
    for contact in existing:
        known.add(contact, ALREADY_IN_COACH)
    by_name = {company_key(name): uid for name, uid in (accounts_by_name or {}).items()}
    chosen: list[Contact] = []
    rows: list[RowResult] = []
    already = repeated = 0
    for row in parsed.rows:
        if row.status is not RowStatus.IMPORTED or row.contact is None:
            rows.append(row)
            continue
        seen = known.find(row.contact)
        if seen is not None:
            if seen == ALREADY_IN_COACH:
                already += 1
                reason = ALREADY_IN_COACH
            else:
                repeated += 1
                reason = f"same person as {seen}"
            rows.append(replace(row, status=RowStatus.SKIPPED, reason=reason))
            continue
        known.add(row.contact, f"line {row.line}")
        company = company_key(row.contact.company)
        target = account_uid or (by_name.get(company, "") if company else "")
        contact = replace(row.contact, account_uid=target, added_on=added_on)
        chosen.append(contact)
        rows.append(replace(row, contact=contact))
    return ImportPlan(
        source=parsed.source,
        contacts=tuple(chosen),
        rows=tuple(rows),
        by_company=group_by_company(chosen),
        already_in_coach=already,
        repeated_in_file=repeated,
        blank_rows=parsed.blank_rows,
    )


def group_by_company(contacts: Iterable[Contact]) -> dict[str, list[Contact]]:
    """Company → its people, biggest first; "Acme" and "ACME" are one company."""
    groups: dict[str, list[Contact]] = {}
    spelling: dict[str, str] = {}
    for contact in contacts:
        key = contact.company.casefold()
        groups.setdefault(spelling.setdefault(key, contact.company), []).append(contact)
    return dict(sorted(groups.items(), key=lambda item: (-len(item[1]), item[0].casefold())))


def find_account(accounts: Mapping[str, str], name: str) -> str:
    """The uid of the account called `name` (ignoring case and outer spaces).

    `accounts` is uid → name, as `repo.accounts.names()` gives it. An unknown name is an
    `ImportFailed`: placing hundreds of people on the wrong account is worse than stopping.
    """
    wanted = name.strip().casefold()
    for uid, account_name in accounts.items():
        if account_name.strip().casefold() == wanted:
            return uid
    names = sorted(accounts.values(), key=str.casefold)
    if names:
        shown = ", ".join(f"“{n}”" for n in names[:8])
        more = f" and {len(names) - 8} more" if len(names) > 8 else ""
        have = f"Your accounts are {shown}{more}."
    else:
        have = "There are no accounts in coach yet."
    raise ImportFailed(
        f"There is no account called “{name.strip()}”. {have} Add it in coach first (a, then "
        "n), or leave out --account to place people on the account named like their company."
    )


class _ContactSaver(Protocol):
    def save_many(self, contacts: Sequence[Contact]) -> None: ...


class _RepositoryWithContacts(Protocol):
    @property
    def contacts(self) -> _ContactSaver: ...


def apply_import(repo: _RepositoryWithContacts, plan: ImportPlan) -> int:
    """Save the plan's contacts in one write (all or none); how many were saved."""
    if plan.contacts:
        repo.contacts.save_many(list(plan.contacts))
    return len(plan.contacts)
