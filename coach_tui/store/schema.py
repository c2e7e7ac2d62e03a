"""The data format's version, the checks a file must pass, and migrations between versions.

Every family file carries a `_meta` table: `{"1": {"schema": N, "family": "core"}}`.
A file without it is version 0 — a plain TinyDB file, as written by hand or by a
pre-release. A migration is a pure function from one version's raw data to the next, so
it can be tested on a fixture and run after a backup.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

from coach_tui.model.ids import new_uid
from coach_tui.store.errors import NewerSchema, UnreadableFile
from coach_tui.store.layout import META_TABLE, SCHEMA_VERSION
from coach_tui.store.storage import RawData

Migration = Callable[[RawData, str], RawData]


def file_version(raw: RawData, path: Path) -> int:
    """The schema version stamped in a file (0 when there is no stamp)."""
    meta = raw.get(META_TABLE)
    if not meta:
        return 0
    stamp = next(iter(meta.values()), None) if isinstance(meta, dict) else None
    version = stamp.get("schema") if isinstance(stamp, dict) else None
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise UnreadableFile(path, "its version stamp (_meta) is not a positive whole number")
    return version


def check_shape(raw: RawData, path: Path) -> None:
    """Refuse a file whose tables are not `{id: record}` objects."""
    for table, records in raw.items():
        if not isinstance(records, dict):
            raise UnreadableFile(path, f"table '{table}' is not a JSON object")
        for doc_id, record in records.items():
            if not doc_id.isdigit():
                raise UnreadableFile(path, f"table '{table}' has a record id '{doc_id}'")
            if not isinstance(record, dict):
                raise UnreadableFile(path, f"record {doc_id} of table '{table}' is not an object")


def stamp(raw: RawData, family: str, version: int = SCHEMA_VERSION) -> RawData:
    """`raw` with its version stamp set."""
    raw[META_TABLE] = {"1": {"schema": version, "family": family}}
    return raw


def _v0_to_v1(raw: RawData, family: str) -> RawData:
    """Version 1 gives every record a stable `uid` and stamps the file."""
    for table, records in raw.items():
        if table == META_TABLE:
            continue
        for record in records.values():
            record.setdefault("uid", new_uid())
    return stamp(raw, family, 1)


MIGRATIONS: dict[int, Migration] = {0: _v0_to_v1}


def needs_migration(raw: RawData, path: Path) -> bool:
    """Whether `raw` is older than this coach's format (and refuse it if newer)."""
    version = file_version(raw, path)
    if version > SCHEMA_VERSION:
        raise NewerSchema(path, version, SCHEMA_VERSION)
    return version < SCHEMA_VERSION


def migrate(raw: RawData, family: str, path: Path) -> RawData:
    """A migrated copy of `raw` at the current version; the input is left unchanged."""
    version = file_version(raw, path)
    upgraded = copy.deepcopy(raw)
    while version < SCHEMA_VERSION:
        upgraded = MIGRATIONS[version](upgraded, family)
        version = file_version(upgraded, path)
    return upgraded
