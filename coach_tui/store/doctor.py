"""`coach doctor`: check every data file and, on request, put back the newest good backup.

A data file that is gone while a backup shows coach kept data in it (or a link in its
place that points at nothing) is damage, like a file that does not parse: `--restore`
brings it back. A journal with a line coach did not write is repaired instead of
replaced: its good lines are kept, and the bad ones set aside in a file that is named.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from pathlib import Path

import orjson

from coach_tui.model.limits import Limits
from coach_tui.store.atomic import write_atomic
from coach_tui.store.backup import day_dirs, missing_reason, newest_good_backup, restore
from coach_tui.store.errors import DamagedJournal, NewerSchema, StoreError, UnreadableFile
from coach_tui.store.folder import FolderKind, inspect_folder
from coach_tui.store.journal import (
    Change,
    journal_path,
    move_aside,
    read_journal,
    restamp,
    salvage,
)
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
from coach_tui.store.storage import RawData, read_family, read_raw


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
    # Only a line of the file's journal is bad: the file itself reads.
    journal_damaged: bool = False


@dataclass(frozen=True, slots=True)
class Restored:
    """A file put back from a backup (or its journal repaired), and what was kept aside."""

    path: Path
    backup: Path | None
    moved_aside: Path | None
    journal_aside: Path | None = None
    kept_saves: int = 0
    set_aside_lines: tuple[int, ...] = ()


def folder_refusal(data_dir: Path) -> str | None:
    """Why doctor has nothing to check in `data_dir`, or `None` when it can look."""
    folder = inspect_folder(data_dir)
    if folder.kind is FolderKind.MISSING:
        return f"There is no data folder at {data_dir}: nothing to check."
    if folder.kind is FolderKind.NOT_A_FOLDER:
        return f"{data_dir} is a file, not a data folder: nothing to check."
    if folder.kind is FolderKind.OTHER:
        return (
            f"{data_dir} is not a coach data folder: it holds other files "
            f"({folder.sample()}) and no coach data. Nothing was checked or changed."
        )
    return None


def check_file(data_dir: Path, family: str) -> FileReport:
    """Diagnose one family file."""
    path = family_path(data_dir, family)
    raw, journal_found = None, False
    try:
        raw, journal_found = read_family(path, journaled=family in JOURNALED_FAMILIES)
        if raw is None:
            lost = missing_reason(data_dir, path)
            if lost is not None:
                return FileReport(
                    path, FileState.DAMAGED, lost, newest_good_backup(data_dir, path.name)
                )
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
    except DamagedJournal as error:
        backup = newest_good_backup(data_dir, path.name)
        return FileReport(path, FileState.DAMAGED, error.reason, backup, journal_damaged=True)
    except UnreadableFile as error:
        backup = newest_good_backup(data_dir, path.name)
        # A record that fails its check may have come in by a journal line: `--restore`
        # then tries keeping the file and the journal's other lines before a backup.
        in_journal = raw is not None and journal_found
        return FileReport(path, FileState.DAMAGED, error.reason, backup, journal_damaged=in_journal)
    if old:
        return FileReport(path, FileState.OLD_FORMAT, "will be upgraded (after a backup) on open")
    records = sum(len(v) for k, v in raw.items() if k != META_TABLE)
    plural = "" if records == 1 else "s"
    return FileReport(path, FileState.OK, f"{records:,} record{plural}{note}")


def _beyond_form_limits(raw: RawData, family: str, path: Path) -> str:
    """A note on the first value a form would refuse but a data file may hold (text
    longer than its form allows, see `Limits`), or "". Damage raises `UnreadableFile`.

    The check with every limit comes first, so a folder without such values (nearly
    every one) is checked once. Drafts are left to `draft_doctor`, as the open leaves them
    to the app.
    """
    tables = FAMILIES[family]
    try:
        check_records(raw, tables, path, Limits.FORMS, at_open=True)
    except UnreadableFile as beyond:
        check_records(raw, tables, path, at_open=True)  # raises if it is damage after all
        return (
            f"; kept as it is, though a form or `coach import json` would refuse it: "
            f"{beyond.reason}"
        )
    return ""


def diagnose(data_dir: Path) -> list[FileReport]:
    """A report for every family file of `data_dir`."""
    return [check_file(data_dir, family) for family in FAMILIES]


def backup_days(data_dir: Path) -> list[str]:
    """Names of coach's daily backup folders (only those it labelled), newest first."""
    return [folder.name for folder in day_dirs(data_dir)]


def restore_damaged(data_dir: Path, now: datetime) -> tuple[list[Restored], list[FileReport]]:
    """Put back the newest good backup of every damaged (or lost) file.

    A family whose file reads but whose journal holds a bad line keeps its file and every
    good line of the journal instead. Takes the folder's lock for the duration so it
    cannot race a running app. Returns what was restored and the damaged files that had
    no backup to restore.
    """
    lock = DataDirLock(data_dir).acquire()
    try:
        restored: list[Restored] = []
        unrestorable: list[FileReport] = []
        for report in diagnose(data_dir):
            if report.state is not FileState.DAMAGED:
                continue
            repaired = repair_journal(report.path, now) if report.journal_damaged else None
            if repaired is not None:
                restored.append(repaired)
            elif report.newest_backup is None:
                unrestorable.append(report)
            else:
                put_back = restore(report.path, report.newest_backup, now)
                restored.append(
                    Restored(report.path, report.newest_backup, put_back.damaged, put_back.journal)
                )
        return restored, unrestorable
    except OSError as error:
        raise StoreError(
            f"Restoring failed: {error}. Files already restored stay restored."
        ) from error
    finally:
        lock.release()


def repair_journal(path: Path, now: datetime) -> Restored | None:
    """Fold every good line of `path`'s journal into it; the journal as it was is kept.

    A good line parses and holds only records of the family's tables that pass their
    checks. `None` when no line was bad, or the file itself does not pass the checks with
    the good lines in (then only a backup helps). The file is rewritten first, with a
    fresh token, and only then the old journal renamed: a crash in between leaves lines
    that no longer apply, not lost saves.
    """
    family = path.stem
    journal = journal_path(path)
    try:
        raw = read_raw(path)
        payload = read_journal(journal)
        if raw is None or payload is None:
            return None
        kept, bad = salvage(raw, payload, path, _line_checker(family, path))
        if not bad:
            return None
        check_shape(raw, path)
        check_records(
            migrate(raw, family, path) if needs_migration(raw, path) else raw,
            FAMILIES[family],
            path,
            at_open=True,
        )
    except StoreError:
        return None
    restamp(raw)
    write_atomic(path, orjson.dumps(raw))
    aside = move_aside(journal, f"damaged-{now:%Y%m%dT%H%M%S}")
    return Restored(path, None, None, aside, kept, tuple(bad))


def _line_checker(family: str, path: Path) -> Callable[[list[Change]], bool]:
    """Whether one journal line's records are ones coach could have saved to `family`."""
    tables = FAMILIES[family]

    def accept(changes: list[Change]) -> bool:
        line: RawData = {}
        for table, doc_id, record in changes:
            rows = line.setdefault(table, {})
            if record is not None:
                rows[doc_id] = record
        try:
            check_records(line, tables, path)
        except UnreadableFile:
            return False
        return True

    return accept


def backup_warnings(data_dir: Path, today: date) -> list[str]:
    """What is wrong with the backups themselves: a day of changes with no backup (the
    daily backup failed: a full or read-only disk, a folder in its way)."""
    days = day_dirs(data_dir)
    newest = date.fromisoformat(days[0].name) if days else None
    changed = _change_since(data_dir, newest, days)
    if changed is None:
        return []
    when = "today" if changed == today else f"on {changed.isoformat()}"
    since = f"the newest is from {newest.isoformat()}" if newest else "there is none"
    return [
        f"Your data changed {when} but has no backup from that day ({since}). The app "
        "makes one when it opens; if it said it could not, check that the disk has room "
        "and the backups folder can be written."
    ]


def _change_since(data_dir: Path, newest: date | None, days: list[Path]) -> date | None:
    """The last day (local time) after `newest` that a data file changed into something no
    backup holds (a file `--restore` just put back from a backup is no change)."""
    found = None
    for family in FAMILIES:
        path = family_path(data_dir, family)
        for changed in (path, journal_path(path)):
            try:
                day = datetime.fromtimestamp(changed.stat().st_mtime).date()
            except OSError:
                continue
            if newest is not None and day <= newest:
                continue
            if changed is path and _as_backed_up(path, days):
                continue
            found = day if found is None else max(found, day)
    return found


def _as_backed_up(path: Path, days: list[Path]) -> bool:
    """Whether the newest backup holding `path`'s name holds exactly what it holds."""
    copy = next((day / path.name for day in days if (day / path.name).exists()), None)
    try:
        return (
            copy is not None
            and copy.stat().st_size == path.stat().st_size
            and copy.read_bytes() == path.read_bytes()
        )
    except OSError:
        return False
