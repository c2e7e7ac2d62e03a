"""Checking that every record of a file decodes into a model object."""

from __future__ import annotations

from pathlib import Path

from coach_tui.store.errors import DamagedRecord, UnreadableFile
from coach_tui.store.storage import RawData

# Tables whose unreadable records do not refuse their file when a folder is opened: a draft
# is work in progress, so the app sets a bad one aside in a file (`DraftRepository
# .set_aside_unreadable`) and `coach doctor` lists it, instead of the whole folder being
# refused over it. Imports still check them like any table.
SET_ASIDE_TABLES = frozenset({"drafts"})


def checked_at_open(tables: tuple[str, ...]) -> tuple[str, ...]:
    """The tables of a family whose records must all decode for its file to open."""
    return tuple(table for table in tables if table not in SET_ASIDE_TABLES)


def check_records(raw: RawData, tables: tuple[str, ...], path: Path) -> None:
    """Decode every record of `tables`; a bad one makes the whole file `UnreadableFile`.

    A hand-edited record is reported like a damaged file, naming the file, so the same
    advice (restore the newest good backup) applies.
    """
    # Every table's codec, imported only when a file is checked: a start on files coach
    # wrote itself (see `verified.py`) never needs them all.
    from coach_tui.store.decoders import DECODERS

    for table in tables:
        for doc_id, record in raw.get(table, {}).items():
            try:
                DECODERS[table](record, doc_id)
            except DamagedRecord as error:
                reason = f"record #{doc_id} in '{table}' is damaged ({error.reason})"
                raise UnreadableFile(path, reason) from None
