"""Daily backups of the data files, kept for a week, and putting one back.

A day's folder is first written when coach opens or saves on that day (the data as it stood
before the day's changes) and refreshed from memory when coach closes cleanly (the day's
work). Copies are written atomically and only from data that passed the open checks or was
written by coach itself, so a backup is never a damaged file.

Coach labels every backup folder it writes with `coach-backup.json`, naming the files it
put there and how many records of each table they hold. Only labelled folders are counted,
restored from and pruned, and pruning removes the files the label names, never the folder
wholesale: a `backups/2020-01-01` of the user's photos is not coach's and is left alone.
A folder written before labels existed is recognised by holding nothing but coach's data
file names, with coach's stamp inside them. A refresh that would leave the day's backup
with fewer records of some kind (accounts, touches …) keeps the fuller copy beside it
(`accounts.json.kept-153000`).
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import orjson

from coach_tui.model.clock import system_clock
from coach_tui.store.atomic import (
    copy_atomic,
    destination,
    discard,
    publish,
    read_regular,
    stage,
    temp_target,
    write_atomic,
)
from coach_tui.store.backup_label import (
    DATA_FILE_NAMES,
    DAY_DIR,
    KEPT,
    LABEL,
    LABEL_KIND,
    Counts,
    Files,
    backup_root,
    is_coach_name,
    read_label,
)
from coach_tui.store.errors import StoreError
from coach_tui.store.folder import is_coach_file
from coach_tui.store.journal import journal_path, move_aside
from coach_tui.store.layout import META_TABLE
from coach_tui.store.schema import check_shape, file_version
from coach_tui.store.storage import read_raw

KEEP_DAYS = 7


class BackupFolderTaken(StoreError):
    """Today's backup folder name is taken by a folder coach did not write."""

    def __init__(self, folder: Path) -> None:
        super().__init__(
            f"the daily backup was not made: {folder} holds files coach did not write, and "
            "coach never writes into someone else's folder. Move that folder elsewhere; your "
            "data files themselves are fine."
        )


@dataclass(frozen=True, slots=True)
class BackupCopy:
    """One file's content for a backup, with its record counts when already known: its
    bytes, or (`source`, see `of_file`) a file to copy as it is on disk."""

    payload: bytes | None
    counts: Counts | None = None
    source: Path | None = None

    @classmethod
    def of_file(cls, source: Path, counts: Counts | None = None) -> BackupCopy:
        """A copy of `source` made when the backup is written, by the kernel where it can:
        the day's first backup copies tens of MB, which need not pass through Python."""
        return cls(None, counts, source)

    def counted(self) -> Counts:
        if self.counts is not None:
            return self.counts
        if self.payload is not None:
            return count_records(self.payload)
        try:
            return count_records(read_regular(self.source)) if self.source else {}
        except OSError:
            return {}

    def write(self, target: Path) -> None:
        """Put this copy in place at `target`, atomically."""
        if self.payload is not None:
            write_atomic(target, self.payload)
        elif self.source is not None:
            copy_atomic(target, self.source)


def count_records(payload: bytes) -> Counts:
    """Records per table in a data file's bytes (an unreadable one counts as none)."""
    try:
        raw = orjson.loads(payload)
    except orjson.JSONDecodeError:
        return {}
    return counts_of(raw)


def counts_of(raw: Any) -> Counts:
    """Records per table of parsed data."""
    if not isinstance(raw, dict):
        return {}
    return {
        table: len(rows)
        for table, rows in raw.items()
        if table != META_TABLE and isinstance(rows, dict)
    }


def _private_dir(path: Path) -> Path:
    """Create `path` readable by its owner only (`parents=True` would use the umask)."""
    path.mkdir(mode=0o700, exist_ok=True)
    return path


# --- labels: which folders and files are coach's ---------------------------------------


def coach_files(folder: Path) -> Files | None:
    """The files coach wrote in a backup folder, or `None` if the folder is not coach's.

    A labelled folder is coach's; so is an unlabelled one that holds nothing but regular
    files under coach's names, the smallest of its data files stamped by coach (written
    before labels, or by a coach killed before it wrote the label).
    """
    if folder.is_symlink() or not folder.is_dir():
        return None
    labelled = read_label(folder)
    on_disk: Files = {}
    try:
        with os.scandir(folder) as scan:
            entries = list(scan)
    except OSError:
        return labelled
    strangers = False
    sizes: dict[str, int] = {}
    for entry in entries:
        try:
            found = entry.stat(follow_symlinks=False)
        except OSError:  # gone meanwhile
            continue
        if stat.S_ISREG(found.st_mode) and is_coach_name(entry.name):
            if entry.name != LABEL and temp_target(entry.name) is None:
                on_disk[entry.name] = None
                sizes[entry.name] = found.st_size
        else:
            strangers = True
    if labelled is not None:
        return {**on_disk, **labelled}
    copies = [name for name in on_disk if name in DATA_FILE_NAMES]
    if strangers or not copies:
        return None
    smallest = min(copies, key=sizes.__getitem__)
    return on_disk if is_coach_file(folder / smallest, smallest.removesuffix(".json")) else None


def day_dirs(data_dir: Path) -> list[Path]:
    """Coach's daily backup folders, newest first.

    A `backups` that is a link to a folder elsewhere (another disk) is followed, as the
    backups are written through it: the labels, not the path, say which folders are coach's.
    """
    root = backup_root(data_dir)
    if not root.is_dir():
        return []
    days = [
        path
        for path in root.iterdir()
        if DAY_DIR.match(path.name) and coach_files(path) is not None
    ]
    return sorted(days, key=lambda path: path.name, reverse=True)


def _write_label(folder: Path, files: Files) -> None:
    label = {"kind": LABEL_KIND, "version": 1, "files": files}
    write_atomic(folder / LABEL, orjson.dumps(label))


def _claim(folder: Path) -> Files:
    """Make `folder` coach's backup folder, or find it is already: the files in it.

    A folder coach did not write is never written into (`BackupFolderTaken`).
    """
    try:
        folder.mkdir(mode=0o700)
    except FileExistsError:
        files = coach_files(folder)
        if files is not None:
            return files
        if _left_by_a_killed_coach(folder):
            return {}
        raise BackupFolderTaken(folder) from None
    return {}


def _left_by_a_killed_coach(folder: Path) -> bool:
    """Whether `folder` holds nothing but coach's temporary files, if that: a coach was
    killed after creating it, before its first copy was in place."""
    if folder.is_symlink() or not folder.is_dir():
        return False
    with os.scandir(folder) as scan:
        return all(
            entry.is_file(follow_symlinks=False)
            and temp_target(entry.name) is not None
            and is_coach_name(entry.name)
            for entry in scan
        )


# --- writing and pruning -----------------------------------------------------------------


def daily_backup(
    data_dir: Path,
    copies: dict[str, BackupCopy],
    today: date,
    *,
    replace: bool = False,
    now: datetime | None = None,
) -> Path | None:
    """Write `{file name: copy}` into today's backup folder and prune old days.

    Without `replace`, a file already backed up today is left as it is. With it, a copy
    that would leave the day's backup with fewer records of a kind is first kept aside.
    """
    if not copies:
        return None
    day_dir = _private_dir(backup_root(data_dir)) / today.isoformat()
    files = _claim(day_dir)
    wanted = {
        name: copy for name, copy in copies.items() if replace or not (day_dir / name).exists()
    }
    if replace:
        files |= _keep_fuller(day_dir, files, wanted, now or system_clock())
    for name, copy in wanted.items():
        copy.write(day_dir / name)
        files[name] = copy.counts
    _write_label(day_dir, files)
    prune(data_dir, keep=KEEP_DAYS)
    return day_dir


def _kind(table: str) -> str:
    """What a table holds, wherever the record lives now (`touches_archive` → touches)."""
    return table.removesuffix("_archive").removesuffix("_recent")


def _totals(counts: Iterable[Counts]) -> dict[str, int]:
    totals: dict[str, int] = {}
    for one in counts:
        for table, number in one.items():
            totals[_kind(table)] = totals.get(_kind(table), 0) + number
    return totals


def _keep_fuller(
    day_dir: Path, files: Files, wanted: dict[str, BackupCopy], now: datetime
) -> Files:
    """Keep aside the copies a refresh would replace with emptier ones; return them.

    Kinds are compared over the files written together, so records that only moved
    between them (the archive pass moves old touches to `archive.json`, and both files
    are refreshed) keep nothing aside; a file not written counts the same before and after.
    """
    replaced = [name for name in wanted if (day_dir / name).exists()]
    if not replaced:
        return {}
    old = {name: _counted(day_dir / name, files.get(name)) for name in replaced}
    new = {name: copy.counted() for name, copy in wanted.items()}
    before, after = _totals(old.values()), _totals(new.values())
    shrunk = {kind for kind, total in before.items() if after.get(kind, 0) < total}
    kept: Files = {}
    for name in replaced:
        lost = {
            _kind(table)
            for table, number in old.get(name, {}).items()
            if new[name].get(table, 0) < number
        }
        if lost & shrunk:
            aside = _free_name(day_dir, f"{name}.kept-{now:%H%M%S}")
            _keep_as(day_dir / name, aside)  # the day keeps its copy until the new one lands
            kept[aside.name] = old.get(name)
    return kept


def _counted(path: Path, counts: Counts | None) -> Counts:
    if counts is not None:
        return counts
    try:
        return count_records(path.read_bytes())
    except OSError:
        return {}


def _free_name(folder: Path, name: str) -> Path:
    candidate, number = folder / name, 1
    while os.path.lexists(candidate):
        number += 1
        candidate = folder / f"{name}-{number}"
    return candidate


def snapshot(data_dir: Path, files: list[Path], label: str, now: datetime) -> Path:
    """A one-off labelled backup (e.g. before a migration); never pruned automatically."""
    target_dir = _private_dir(backup_root(data_dir)) / f"{label}-{now:%Y%m%dT%H%M%S}"
    written = _claim(target_dir)
    for path in files:
        if path.exists():
            write_atomic(target_dir / path.name, path.read_bytes())
            written[path.name] = None
    _write_label(target_dir, written)
    return target_dir


def prune(data_dir: Path, *, keep: int) -> list[Path]:
    """Remove coach's daily folders beyond the newest `keep`; return what was removed.

    Only the files coach wrote go (and its temporary files for them); a folder that still
    holds something else afterwards stays, without coach's label.
    """
    stale = day_dirs(data_dir)[keep:]
    for folder in stale:
        remove_backup(folder)
    return stale


def remove_backup(folder: Path) -> None:
    """Delete what coach wrote in one backup folder, then the folder if that emptied it."""
    files = coach_files(folder) or {}
    with os.scandir(folder) as scan:
        temps = [
            entry.name for entry in scan if temp_target(entry.name) and is_coach_name(entry.name)
        ]
    for name in [*files, *temps]:
        with contextlib.suppress(OSError):
            (folder / name).unlink()
    with contextlib.suppress(OSError):
        (folder / LABEL).unlink()
    with contextlib.suppress(OSError):
        folder.rmdir()  # refused while anything of the user's is still in it


# --- reading backups back ---------------------------------------------------------------


def is_good_copy(path: Path) -> bool:
    """Whether `path` parses and has the shape of a data file."""
    try:
        raw = read_raw(path)
        if raw is None:
            return False
        check_shape(raw, path)
        file_version(raw, path)
    except StoreError:
        return False
    return True


def newest_good_backup(data_dir: Path, file_name: str) -> Path | None:
    """The newest daily copy of `file_name` that is itself readable."""
    for folder in day_dirs(data_dir):
        candidate = folder / file_name
        if candidate.exists() and is_good_copy(candidate):
            return candidate
    return None


def has_backup_copy(data_dir: Path, file_name: str) -> bool:
    """Whether any of coach's daily backups holds `file_name`: proof coach wrote it."""
    return any((folder / file_name).exists() for folder in day_dirs(data_dir))


def missing_reason(data_dir: Path, path: Path) -> str | None:
    """Why a data file that is not there counts as lost, or `None` for one not made yet.

    A file is lost when a link in its place points at nothing, or when one of coach's
    backups holds a copy (so coach wrote it before). A fresh folder, or a file only later
    history creates (the archive), is simply new.
    """
    if path.is_symlink():
        return f"it is a link to {path.readlink()}, which does not exist"
    if has_backup_copy(data_dir, path.name):
        return "it is missing, though coach kept data in it before (a backup of it exists)"
    return None


def kept_copies(data_dir: Path) -> list[Path]:
    """Fuller copies a day's refresh kept aside, newest day first."""
    return [
        folder / name
        for folder in day_dirs(data_dir)
        for name in sorted(coach_files(folder) or {})
        if KEPT.match(name) and (folder / name).exists()
    ]


@dataclass(frozen=True, slots=True)
class PutBack:
    """Where a restore kept what it replaced: the damaged file and its journal, if any."""

    damaged: Path | None
    journal: Path | None


def restore(target: Path, backup: Path, now: datetime) -> PutBack:
    """Put `backup` in place of `target`, keeping a damaged `target` aside (never deleting it).

    A journal of the target's saves since its last rewrite is moved aside with it: its
    lines belong to the damaged file (or are the damage), not to the backup. A target
    that is a link is restored where it points. The backup is staged first and the damaged
    file kept under a second name before the swap, so the data file is never missing.
    """
    suffix = f"damaged-{now:%Y%m%dT%H%M%S}"
    real = destination(target)
    tmp = stage(target, backup.read_bytes())
    moved_aside = None
    try:
        if real.exists():
            moved_aside = _free_name(real.parent, f"{real.name}.{suffix}")
            _keep_as(real, moved_aside)
        journal = move_aside(journal_path(target), suffix)
    except BaseException:
        discard(tmp)
        raise
    publish(tmp, target)
    return PutBack(moved_aside, journal)


def _keep_as(path: Path, kept: Path) -> None:
    """Give `path` a second name (a hard link); a rename where links are not supported."""
    try:
        os.link(path, kept)
    except OSError:
        path.replace(kept)
