"""Writing demo data in bulk: one transaction, so each family file is written once.

Saving records one by one through the repositories would rewrite a file per record —
minutes at five-year volume. Bulk inserts go through the same codecs, so what the demo
writes is exactly what the app would have saved.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from coach_tui.demo.generate import DemoData
from coach_tui.store import codec, codec_calls, codec_entry, codec_reviews
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


def _rows(encode: Callable[[Any], codec.Record], items: Iterable[Any]) -> list[codec.Record]:
    return [encode(item) for item in items]


def write_demo_data(repo: Repository, data: DemoData) -> dict[str, int]:
    """Insert everything in one transaction; returns how many records went in per table."""
    batches = {
        "why": _rows(codec.why_to_record, data.whys),
        "goals": _rows(codec.goal_to_record, data.goals),
        "skill_goals": _rows(codec.skill_to_record, data.skills),
        "accounts": _rows(codec.account_to_record, data.accounts),
        "objectives": _rows(codec.objective_to_record, data.objectives),
        "perspectives": _rows(codec.perspective_to_record, data.perspectives),
        "contacts": _rows(codec_entry.contact_to_record, data.contacts),
        "entry_points": _rows(codec_entry.entry_point_to_record, data.entry_points),
        "campaigns": _rows(codec_entry.campaign_to_record, data.campaigns),
        "touches": _rows(codec_entry.touch_to_record, data.touches),
        "calls": _rows(codec_calls.call_to_record, data.calls),
        "commitments": _rows(codec_calls.commitment_to_record, data.commitments),
        "reviews": _rows(codec_reviews.review_to_record, data.reviews),
    }
    with repo.store.transaction() as tx:
        for table, rows in batches.items():
            tx.table(table).insert_multiple(rows)
    return {table: len(rows) for table, rows in batches.items()}
