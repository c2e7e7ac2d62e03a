"""Turning a parsed file into contacts to save: duplicates skipped, companies matched.

Everything is decided before anything is written; `apply_import` then saves all contacts
in one transaction, so a file is imported whole or not at all.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from coach_tui.interop.results import ParsedFile, RowResult, RowStatus
from coach_tui.model.contact import Contact, normalised_profile_url


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """What an import will do: the contacts to save and a line for every row."""

    source: str
    contacts: tuple[Contact, ...]
    rows: tuple[RowResult, ...]
    by_company: dict[str, int]
    placed: int  # contacts attached to an account

    def count(self, status: RowStatus) -> int:
        return sum(1 for row in self.rows if row.status is status)


def identity(contact: Contact) -> str:
    """Two records are one person when their profile links match, else name and company."""
    link = normalised_profile_url(contact.profile_url)
    if link:
        return link
    return f"{contact.name.casefold()}|{contact.company.casefold()}"


def plan_import(
    parsed: ParsedFile,
    existing: Iterable[Contact],
    *,
    account_uid: str = "",
    accounts_by_name: dict[str, str] | None = None,
) -> ImportPlan:
    """Decide each row. With `account_uid` everyone joins that account; otherwise people
    whose company matches an account's name (ignoring case) join it, the rest wait."""
    known = {identity(contact) for contact in existing}
    by_name = {name.casefold(): uid for name, uid in (accounts_by_name or {}).items()}
    chosen: list[Contact] = []
    rows: list[RowResult] = []
    for row in parsed.rows:
        if row.status is not RowStatus.READY or row.contact is None:
            rows.append(row)
            continue
        key = identity(row.contact)
        if key in known:
            rows.append(replace(row, status=RowStatus.SKIPPED, reason="already in coach"))
            continue
        known.add(key)
        target = account_uid or by_name.get(row.contact.company.casefold(), "")
        contact = replace(row.contact, account_uid=target)
        chosen.append(contact)
        rows.append(replace(row, contact=contact))
    companies = Counter(contact.company or "(no company)" for contact in chosen)
    return ImportPlan(
        parsed.source,
        tuple(chosen),
        tuple(rows),
        dict(companies.most_common()),
        sum(1 for contact in chosen if contact.account_uid),
    )
