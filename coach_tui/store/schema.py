"""The data format's version, the checks a file must pass, and migrations between versions.

Every family file carries a `_meta` table: `{"1": {"schema": N, "family": "core"}}`.
A file without it is version 0 — a plain TinyDB file, as written by hand or by a
pre-release. A migration is a pure function from one version's raw data to the next, so
it can be tested on a fixture and run after a backup.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from contextlib import suppress
from datetime import datetime, tzinfo
from pathlib import Path

from coach_tui.model.clock import local_zone
from coach_tui.model.dates import real_wall_time
from coach_tui.model.ids import new_uid
from coach_tui.store.errors import NewerSchema, UnreadableFile
from coach_tui.store.layout import META_TABLE, SCHEMA_VERSION
from coach_tui.store.moments import zoned_to_text
from coach_tui.store.storage import RawData

# A migration gets the zone the seller is in now: older files stored times without one.
Migration = Callable[[RawData, str, tzinfo], RawData]
# Tables whose records hold a time the seller scheduled (a call's `when`).
SCHEDULED = {"calls": "when", "calls_archive": "when"}


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


def _v0_to_v1(raw: RawData, family: str, _zone: tzinfo) -> RawData:
    """Version 1 gives every record a stable `uid` and stamps the file."""
    for table, records in raw.items():
        if table == META_TABLE:
            continue
        for record in records.values():
            record.setdefault("uid", new_uid())
    return stamp(raw, family, 1)


def _v1_to_v2(raw: RawData, family: str, zone: tzinfo) -> RawData:
    """Version 2 stores a call's time as wall time + zone name (see `moments.zoned_to_text`).

    Version 1 stored the offset of the moment the call was typed, so a call typed in
    winter for a summer date sat an hour off. The typed clock time is what the seller
    meant: when the stored offset is one the seller's zone uses (its winter or summer
    time), the call was typed here, and its clock time is kept with the offset of its own
    date. An offset the zone never uses means it was typed elsewhere: then the moment is
    kept, shown on the zone's clock.
    """
    for table, field in SCHEDULED.items():
        for record in raw.get(table, {}).values():
            value = record.get(field)
            if isinstance(value, str):
                record[field] = _zoned(value, record.get("created_at"), zone)
    return stamp(raw, family, 2)


def _zoned(text: str, created: object, zone: tzinfo) -> str:
    """A version-1 time in version 2's form; left as it is if it does not read (the
    record check that follows reports it)."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text
    if moment.tzinfo is None:
        return text
    wall = moment.replace(tzinfo=None)
    years = {moment.year}
    if isinstance(created, str):
        with suppress(ValueError):  # a damaged creation time: the record check says so
            years.add(datetime.fromisoformat(created).year)
    seasons = [datetime(year, month, 1) for year in years for month in (1, 7)]
    offsets = {zone.utcoffset(day) for day in [*seasons, wall]}
    if moment.utcoffset() in offsets:
        return zoned_to_text(real_wall_time(wall.replace(tzinfo=zone)))
    return zoned_to_text(moment.astimezone(zone))


MIGRATIONS: dict[int, Migration] = {0: _v0_to_v1, 1: _v1_to_v2}


def needs_migration(raw: RawData, path: Path) -> bool:
    """Whether `raw` is older than this coach's format (and refuse it if newer)."""
    version = file_version(raw, path)
    if version > SCHEMA_VERSION:
        raise NewerSchema(path, version, SCHEMA_VERSION)
    return version < SCHEMA_VERSION


def migrate(raw: RawData, family: str, path: Path, zone: tzinfo | None = None) -> RawData:
    """A migrated copy of `raw` at the current version; the input is left unchanged.

    `zone` is the seller's zone now (the machine's unless given): older call times are
    read as its clock times (see `_v1_to_v2`).
    """
    zone = local_zone() if zone is None else zone
    version = file_version(raw, path)
    upgraded = copy.deepcopy(raw)
    while version < SCHEMA_VERSION:
        upgraded = MIGRATIONS[version](upgraded, family, zone)
        version = file_version(upgraded, path)
    return upgraded
