"""Small helpers the repositories share."""

from __future__ import annotations

from tinydb import Query
from tinydb.table import Table

from coach_tui.store.codec import Record

BY_UID = Query().uid


def upsert_by_uid(table: Table, record: Record) -> None:
    """Insert `record`, or replace the stored record with the same uid."""
    table.upsert(record, record["uid"] == BY_UID)


def stored_records(table: Table) -> dict[str, Record]:
    """The table as stored: doc id text → record, without TinyDB building a Document per
    record (which costs more than the work on tens of thousands). Read-only outside writes."""
    data = table.storage.read()
    return {} if data is None else data.get(table.name, {})


def get_by_uid(table: Table, uid: str) -> Record | None:
    found = table.get(uid == BY_UID)
    return found if isinstance(found, dict) else None
