"""The data folder as plain tables, for a full export and for importing one.

An export lists each kind of record once, wherever it is stored: archived touches, calls
and promises are read back into their tables (the live copy wins, as everywhere). An
import checks every record with the rules a data file is opened with and, like a form,
every limit on size and format too (`Limits.FORMS`), upgrading older data first, before
anything is written; it then writes all files as one transaction.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import tzinfo
from pathlib import Path

from coach_tui.model.limits import Limits
from coach_tui.model.progress import Progress, no_progress
from coach_tui.store.codec import Record
from coach_tui.store.errors import NewerSchema, StoreError, UnreadableFile
from coach_tui.store.layout import FAMILIES, LAZY_FAMILIES, META_TABLE, TABLE_FAMILY
from coach_tui.store.records import check_records
from coach_tui.store.references import MissingRecord, check_references
from coach_tui.store.repos.common import stored_records
from coach_tui.store.schema import check_shape, migrate, needs_migration, stamp
from coach_tui.store.storage import RawData
from coach_tui.store.store import Store
from coach_tui.store.tiers import ARCHIVE_OF, with_archive

# Every table a seller's data has, in file order; the archive's tables are storage only.
PORTABLE_TABLES: tuple[str, ...] = tuple(
    table for family, tables in FAMILIES.items() if family not in LAZY_FAMILIES for table in tables
)


READING = "Reading your data"
CHECKING = "Checking every record"
SAVING = "Saving"


class NotImportable(StoreError):
    """The tables cannot be imported; `str(error)` says why, for the seller."""


def read_tables(store: Store, progress: Progress = no_progress) -> dict[str, list[Record]]:
    """Every record of every table, archived ones included, as stored (not copies: the
    caller only reads them, inside no transaction). `progress` counts the tables read."""
    tables: dict[str, list[Record]] = {}
    with store.reading() as tx:
        for done, table in enumerate(PORTABLE_TABLES):
            progress(READING, done, len(PORTABLE_TABLES))
            stored = (
                with_archive(tx, table)
                if table in ARCHIVE_OF
                else stored_records(tx.table(table)).items()
            )
            tables[table] = [record for _key, record in stored]
    progress(READING, len(PORTABLE_TABLES), len(PORTABLE_TABLES))
    return tables


def holds_records(store: Store) -> bool:
    """Whether any table (archive included) has a record: an import needs an empty folder."""
    with store.reading() as tx:
        return any(stored_records(tx.table(table)) for table in TABLE_FAMILY)


def checked_tables(
    tables: Mapping[str, list[Record]],
    schema: int,
    zone: tzinfo | None = None,
    progress: Progress = no_progress,
) -> dict[str, list[Record]]:
    """The tables upgraded to this coach's data version, each record checked.

    An older export's call times are read in `zone`, the seller's zone now (the machine's
    unless given; see `schema.py`). Raises `NotImportable` naming the first problem, a
    record that names one the file does not hold included (see `references.py`); nothing
    is written either way. `progress` counts the records checked, file by file.
    """
    unknown = set(tables) - set(PORTABLE_TABLES)
    if unknown:
        raise NotImportable(f"it has a table '{sorted(unknown)[0]}' that this coach does not know.")
    checked: dict[str, list[Record]] = {}
    total = sum(len(records) for records in tables.values())
    done = 0
    for family, names in FAMILIES.items():
        if family in LAZY_FAMILIES:
            continue
        progress(CHECKING, done, total)
        done += sum(len(tables.get(table, [])) for table in names)
        raw: RawData = {
            table: {str(n): record for n, record in enumerate(tables.get(table, []), 1)}
            for table in names
        }
        current = _upgraded(stamp(raw, family, schema) if schema else raw, family, zone)
        for table in names:
            records = list(current.get(table, {}).values())
            _refuse_repeated_uids(table, records)
            checked[table] = records
    try:
        check_references(checked)
    except MissingRecord as error:
        raise NotImportable(f"{error}.") from None
    progress(CHECKING, total, total)
    return checked


def _upgraded(raw: RawData, family: str, zone: tzinfo | None) -> RawData:
    source = Path(f"{family} tables")  # named in messages only
    try:
        check_shape(raw, source)
        current = migrate(raw, family, source, zone) if needs_migration(raw, source) else raw
        check_records(current, FAMILIES[family], source, Limits.FORMS)
    except UnreadableFile as error:
        raise NotImportable(error.reason.replace("record #", "record ")) from None
    except NewerSchema:
        raise NotImportable("its records were written by a newer coach than this one.") from None
    current.pop(META_TABLE, None)
    return current


def _refuse_repeated_uids(table: str, records: list[Record]) -> None:
    seen: set[str] = set()
    for record in records:
        uid = record.get("uid")
        if uid in seen:
            raise NotImportable(f"two records in '{table}' share the id {uid}.")
        if isinstance(uid, str):
            seen.add(uid)


def write_tables(
    store: Store, tables: Mapping[str, list[Record]], progress: Progress = no_progress
) -> None:
    """Add checked tables to an empty store in one save.

    The save stages every file before replacing any, so a full disk leaves the folder as
    it was. Everything lands in the live files; the archive pass (a save of its own) moves
    old history out, and if it never runs, the next start's pass does. `progress` hears
    of the save begun (one transaction: nothing to count in it) and done.
    """
    progress(SAVING, 0, None)
    with store.transaction() as tx:
        for table, records in tables.items():
            if records:
                tx.table(table).insert_multiple(records)
    progress(SAVING, 1, 1)
