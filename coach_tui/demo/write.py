"""Writing demo data in bulk: one transaction, so each family file is written once.

Saving records one by one through the repositories would rewrite a file per record —
minutes at five-year volume. Bulk inserts go through the same codec, so what the demo
writes is exactly what the app would have saved.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from coach_tui.demo.generate import DemoData
from coach_tui.store import codec
from coach_tui.store.repository import Repository

# Settings and drafts do not count as a seller's data: opening the app once creates them.
SELLER_TABLES = (
    "why",
    "goals",
    "skill_goals",
    "accounts",
    "objectives",
    "perspectives",
    "contacts",
    "entry_points",
    "campaigns",
    "touches",
    "calls",
    "commitments",
    "reviews",
)


def holds_data(repo: Repository) -> bool:
    """True when the folder already has anything a seller wrote."""
    with repo.store.reading() as tx:
        return any(len(tx.table(name)) for name in SELLER_TABLES)


def _rows(items: Iterable[Any]) -> list[codec.Record]:
    return [codec.encode(item) for item in items]


def write_demo_data(repo: Repository, data: DemoData) -> dict[str, int]:
    """Insert everything in one transaction; returns how many records went in per table."""
    batches = {
        "why": _rows(data.whys),
        "goals": _rows(data.goals),
        "skill_goals": _rows(data.skills),
        "accounts": _rows(data.accounts),
        "objectives": _rows(data.objectives),
        "perspectives": _rows(data.perspectives),
        "contacts": _rows(data.contacts),
        "entry_points": _rows(data.entry_points),
        "campaigns": _rows(data.campaigns),
        "touches": _rows(data.touches),
        "calls": _rows(data.calls),
        "commitments": _rows(data.commitments),
        "reviews": _rows(data.reviews),
    }
    with repo.store.transaction() as tx:
        for table, rows in batches.items():
            tx.table(table).insert_multiple(rows)
    return {table: len(rows) for table, rows in batches.items()}
