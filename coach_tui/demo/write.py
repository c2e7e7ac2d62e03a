"""Writing demo data in bulk: one transaction, so each family file is written once.

Saving records one by one through the repositories would rewrite a file per record —
minutes at five-year volume. Bulk inserts go through the same codec, so what the demo
writes is exactly what the app would have saved.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from coach_tui.demo.generate import DemoData
from coach_tui.model.progress import Progress, no_progress
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


SAVING = "Saving"


def write_demo_data(
    repo: Repository, data: DemoData, progress: Progress = no_progress
) -> dict[str, int]:
    """Insert everything in one transaction; returns how many records went in per table.

    `progress` counts records encoded, table by table; the last table is counted once the
    files are written, so a full bar means saved.
    """
    items: dict[str, list[Any]] = {
        "why": data.whys,
        "goals": data.goals,
        "skill_goals": data.skills,
        "accounts": data.accounts,
        "objectives": data.objectives,
        "perspectives": data.perspectives,
        "contacts": data.contacts,
        "entry_points": data.entry_points,
        "campaigns": data.campaigns,
        "touches": data.touches,
        "calls": data.calls,
        "commitments": data.commitments,
        "reviews": data.reviews,
    }
    total = sum(len(values) for values in items.values())
    batches: dict[str, list[codec.Record]] = {}
    done = 0
    for table, values in items.items():
        progress(SAVING, done, total)
        batches[table] = _rows(values)
        done += len(values)
    with repo.store.transaction() as tx:
        for table, rows in batches.items():
            tx.table(table).insert_multiple(rows)
    progress(SAVING, total, total)
    return {table: len(rows) for table, rows in batches.items()}
