"""`coach doctor`: check every data file and, on request, put back the newest good backup."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path

from coach_tui.model.limits import Limits
from coach_tui.store.backup import day_dirs, newest_good_backup, restore
from coach_tui.store.errors import NewerSchema, StoreError, UnreadableFile
from coach_tui.store.layout import (
    FAMILIES,
    JOURNALED_FAMILIES,
    LAZY_FAMILIES,
    META_TABLE,
    family_path,
)
from coach_tui.store.lock import DataDirLock
from coach_tui.store.records import check_records
from coach_tui.store.schema import check_shape, migrate, needs_migration
from coach_tui.store.storage import RawData, read_family


class FileState(Enum):
    OK = "ok"
    MISSING = "missing"
    OLD_FORMAT = "old format"
    NEWER_FORMAT = "newer format"
    DAMAGED = "damaged"


@dataclass(frozen=True, slots=True)
class FileReport:
    """What doctor found about one data file."""

    path: Path
    state: FileState
    detail: str
    newest_backup: Path | None = None


@dataclass(frozen=True, slots=True)
class Restored:
    """A file put back from a backup, and where the damaged one was moved."""

    path: Path
    backup: Path
    moved_aside: Path | None


def check_file(data_dir: Path, family: str) -> FileReport:
    """Diagnose one family file."""
    path = family_path(data_dir, family)
    try:
        raw, _journal_found = read_family(path, journaled=family in JOURNALED_FAMILIES)
        if raw is None:
            when = (
                "once history is moved out of the daily files"
                if family in LAZY_FAMILIES
                else "when coach next opens"
            )
            return FileReport(path, FileState.MISSING, f"will be created {when}")
        check_shape(raw, path)
        old = needs_migration(raw, path)
        note = _beyond_form_limits(migrate(raw, family, path) if old else raw, family, path)
    except NewerSchema as error:
        return FileReport(path, FileState.NEWER_FORMAT, str(error))
    except UnreadableFile as error:
        backup = newest_good_backup(data_dir, path.name)
        return FileReport(path, FileState.DAMAGED, error.reason, backup)
    if old:
        return FileReport(path, FileState.OLD_FORMAT, "will be upgraded (after a backup) on open")
    records = sum(len(v) for k, v in raw.items() if k != META_TABLE)
    return FileReport(path, FileState.OK, f"{records:,} records{note}")


def _beyond_form_limits(raw: RawData, family: str, path: Path) -> str:
    """A note on the first value a form would refuse but a data file may hold (text
    longer than its form allows, see `Limits`), or "". Damage raises `UnreadableFile`.

    The check with every limit comes first, so a folder without such values (nearly
    every one) is checked once.
    """
    try:
        check_records(raw, FAMILIES[family], path, Limits.FORMS)
    except UnreadableFile as beyond:
        check_records(raw, FAMILIES[family], path)  # raises if it is damage after all
        return (
            f"; kept as it is, though a form or `coach import json` would refuse it: "
            f"{beyond.reason}"
        )
    return ""


def diagnose(data_dir: Path) -> list[FileReport]:
    """A report for every family file of `data_dir`."""
    return [check_file(data_dir, family) for family in FAMILIES]


def backup_days(data_dir: Path) -> list[str]:
    """Names of the daily backup folders, newest first."""
    return [folder.name for folder in day_dirs(data_dir)]


def restore_damaged(data_dir: Path, now: datetime) -> tuple[list[Restored], list[FileReport]]:
    """Put back the newest good backup of every damaged file.

    Takes the folder's lock for the duration so it cannot race a running app. Returns what
    was restored and the damaged files that had no backup to restore.
    """
    lock = DataDirLock(data_dir).acquire()
    try:
        restored: list[Restored] = []
        unrestorable: list[FileReport] = []
        for report in diagnose(data_dir):
            if report.state is not FileState.DAMAGED:
                continue
            if report.newest_backup is None:
                unrestorable.append(report)
                continue
            moved = restore(report.path, report.newest_backup, now)
            restored.append(Restored(report.path, report.newest_backup, moved))
        return restored, unrestorable
    except OSError as error:
        raise StoreError(
            f"Restoring failed: {error}. Files already restored stay restored."
        ) from error
    finally:
        lock.release()
