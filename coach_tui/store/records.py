"""Checking that every record of a file is one coach can work with.

One check for every way records come in — a data file opened, `coach doctor`, `coach
import json` — so a record the forms would refuse cannot slip in by another door.
"""

from __future__ import annotations

from collections.abc import KeysView
from pathlib import Path

from coach_tui.model.errors import ValidationError
from coach_tui.model.limits import Limits
from coach_tui.store.errors import DamagedRecord, UnreadableFile
from coach_tui.store.layout import META_TABLE, TABLE_FAMILY
from coach_tui.store.storage import RawData

# Tables whose unreadable records do not refuse their file when a folder is opened: a draft
# is work in progress, so the app sets a bad one aside in a file (`DraftRepository
# .set_aside_unreadable`) and `coach doctor` lists it, instead of the whole folder being
# refused over it. Imports still check them like any table.
SET_ASIDE_TABLES = frozenset({"drafts"})


def check_records(
    raw: RawData,
    tables: tuple[str, ...],
    path: Path,
    limits: Limits = Limits.FILES,
    *,
    at_open: bool = False,
) -> None:
    """Check every record of `tables`; a bad one makes the whole file `UnreadableFile`.

    The file may hold only `tables` (and its version stamp). Each record must have only
    its table's fields, decode into its model object and keep the model's rules (`limits`
    says which: a data file may hold text longer than a form allows, an import may not).
    A hand-edited record is reported like a damaged file, naming the file, the table, the
    record and the field, so the same advice (correct it, or restore the newest good
    backup) applies. `at_open` leaves the records of `SET_ASIDE_TABLES` to the app.
    """
    # Every table's rules, imported only when a file is checked: a start on files coach
    # wrote itself (see `verified.py`) never needs them all.
    from coach_tui.store.decoders import KINDS

    strays = raw.keys() - {*tables, META_TABLE}
    if strays:
        raise UnreadableFile(path, _stray_table(sorted(strays)[0]))
    for table in tables:
        if at_open and table in SET_ASIDE_TABLES:
            continue
        kind = KINDS[table]
        fields, decode, check = kind.fields, kind.decode, kind.check
        for doc_id, record in raw.get(table, {}).items():
            try:
                if not record.keys() <= fields:
                    raise DamagedRecord(table, doc_id, _not_of_table(record.keys(), table))
                check(decode(record, doc_id), limits)
            except DamagedRecord as error:
                reason = f"record #{doc_id} in '{table}' is damaged ({error.reason})"
                raise UnreadableFile(path, reason) from None
            except ValidationError as error:
                raise UnreadableFile(path, _breaks_a_rule(table, doc_id, error)) from None


def _stray_table(table: str) -> str:
    """A table coach would never read from this file: its records would seem lost."""
    home = TABLE_FAMILY.get(table)
    where = f"; coach keeps '{table}' in {home}.json" if home else ""
    return f"it holds a table '{table[:40]}' that does not belong in it{where}"


def _not_of_table(keys: KeysView[str], table: str) -> str:
    """What is wrong with a record holding fields its table does not have."""
    from coach_tui.store.codec import listed_keys
    from coach_tui.store.decoders import KINDS, looks_like

    kind = KINDS[table]
    found = set(keys)
    reason = f"it has fields {kind.noun} does not have: {listed_keys(found - kind.fields)}"
    other = looks_like(found)
    if other is not None and other != table:
        reason += f"; it looks like a record of '{other}' put in the wrong table"
    return reason


def _breaks_a_rule(table: str, doc_id: object, error: ValidationError) -> str:
    """ "record #3 in 'goals', field 'target': the target … is more than a trillion" """
    message = error.message.rstrip(".")
    message = message[:1].lower() + message[1:]
    field = f", field '{error.field}'" if error.field else ""
    return f"record #{doc_id} in '{table}'{field}: {message}"
