"""The account list as the seller sees it: one row per account, filtered and sorted.

Pure functions, so filtering as you type is cheap and testable without a screen.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum

from coach_tui.coaching.objectives import ObjectiveCheck, check_objective
from coach_tui.model.account import Account, StrategicObjective
from coach_tui.model.folding import matches
from coach_tui.model.money import Money


class AccountSort(Enum):
    NAME = "name"
    OBJECTIVE_DATE = "objective date"
    FINANCIAL_TARGET = "financial target"

    def next(self) -> AccountSort:
        members = list(AccountSort)
        return members[(members.index(self) + 1) % len(members)]


@dataclass(frozen=True, slots=True)
class AccountRow:
    """An account with its open objective (if any) and what the coach notices about it."""

    account: Account
    objective: StrategicObjective | None
    check: ObjectiveCheck | None
    red_flag: str = ""  # the stall v2 flag in a word ('promise late', 'silent', 'stalled')

    @property
    def flag(self) -> str:
        """A short flag for the list: what needs attention first (a deal going quiet
        before a form left incomplete)."""
        if self.objective is None:
            return self.red_flag or "no objective"
        assert self.check is not None
        if self.check.overdue:
            return "late"
        if self.red_flag:
            return self.red_flag
        if self.check.missing:
            return "incomplete"
        return ""


def account_rows(
    accounts: list[Account],
    open_objectives: list[StrategicObjective],
    today: date,
    red_flags: Mapping[str, str] | None = None,
) -> list[AccountRow]:
    """Join accounts with their open objectives and (account uid →) red flag words."""
    by_account = {objective.account_uid: objective for objective in open_objectives}
    flags = red_flags or {}
    rows = []
    for account in accounts:
        objective = by_account.get(account.uid)
        check = None if objective is None else check_objective(objective, today)
        rows.append(AccountRow(account, objective, check, flags.get(account.uid, "")))
    return rows


def filter_rows(rows: list[AccountRow], text: str) -> list[AccountRow]:
    """Rows whose account name or objective contains every word of `text` (case and
    accents folded: "ost" finds "Østfold Energi")."""
    if not text.strip():
        return rows
    return [
        row
        for row in rows
        if matches(text, row.account.name, row.objective.description if row.objective else "")
    ]


def sort_rows(rows: list[AccountRow], by: AccountSort) -> list[AccountRow]:
    """Name A–Z; nearest objective date first; biggest financial target first.

    Rows without the sorted value go last, in name order.
    """
    by_name = sorted(rows, key=lambda row: row.account.name.casefold())
    if by is AccountSort.NAME:
        return by_name
    if by is AccountSort.OBJECTIVE_DATE:
        dated = [r for r in by_name if r.objective and r.objective.target_date]
        rest = [r for r in by_name if not (r.objective and r.objective.target_date)]
        return sorted(dated, key=_target_date) + rest
    valued = [r for r in by_name if r.objective and r.objective.financial_target]
    rest = [r for r in by_name if not (r.objective and r.objective.financial_target)]
    return by_currency_then_amount(valued) + rest


def by_currency_then_amount(rows: list[AccountRow]) -> list[AccountRow]:
    """Biggest target first within each currency; €250,000 and $250,000 are not the same
    amount, so currencies are never mixed in one order. The currency most targets are in
    comes first, then the others (by how many, then by code)."""
    currencies = Counter(_target(row).currency for row in rows)
    rank = {code: n for n, (code, _) in enumerate(
        sorted(currencies.items(), key=lambda item: (-item[1], item[0]))
    )}  # fmt: skip
    return sorted(rows, key=lambda row: (rank[_target(row).currency], -_target(row).amount))


def _target(row: AccountRow) -> Money:
    assert row.objective is not None and row.objective.financial_target is not None
    return row.objective.financial_target


def _target_date(row: AccountRow) -> date:
    assert row.objective is not None and row.objective.target_date is not None
    return row.objective.target_date
