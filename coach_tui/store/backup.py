"""Daily backups of the data files, kept for a week, and putting one back.

A day's folder is first written when coach opens or saves on that day (the data as it stood
before the day's changes) and refreshed from memory when coach closes cleanly (the day's
work). Copies are written atomically and only from data that passed the open checks or was
written by coach itself, so a backup is never a damaged file.
"""

from __future__ import annotations

import re
import shutil
from datetime import date, datetime
from pathlib import Path

from coach_tui.store.atomic import write_atomic
from coach_tui.store.errors import StoreError
from coach_tui.store.journal import journal_path, move_aside
from coach_tui.store.schema import check_shape, file_version
from coach_tui.store.storage import read_raw

BACKUP_DIR = "backups"
KEEP_DAYS = 7
_DAY_DIR = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def backup_root(data_dir: Path) -> Path:
    """The folder holding one sub-folder per backed-up day."""
    return data_dir / BACKUP_DIR


def _private_dir(path: Path) -> Path:
    """Create `path` readable by its owner only (`parents=True` would use the umask)."""
    path.mkdir(mode=0o700, exist_ok=True)
    return path


def daily_backup(
    data_dir: Path, payloads: dict[str, bytes], today: date, *, replace: bool = False
) -> Path | None:
    """Write `{file name: content}` into today's backup folder and prune old days.

    Without `replace`, a file already backed up today is left as it is.
    """
    if not payloads:
        return None
    day_dir = _private_dir(backup_root(data_dir)) / today.isoformat()
    day_dir.mkdir(mode=0o700, exist_ok=True)
    for name, payload in payloads.items():
        target = day_dir / name
        if replace or not target.exists():
            write_atomic(target, payload)
    prune(data_dir, keep=KEEP_DAYS)
    return day_dir


def snapshot(data_dir: Path, files: list[Path], label: str, now: datetime) -> Path:
    """A one-off labelled backup (e.g. before a migration); never pruned automatically."""
    target_dir = _private_dir(backup_root(data_dir)) / f"{label}-{now:%Y%m%dT%H%M%S}"
    target_dir.mkdir(mode=0o700, exist_ok=True)
    for path in files:
        if path.exists():
            write_atomic(target_dir / path.name, path.read_bytes())
    return target_dir


def day_dirs(data_dir: Path) -> list[Path]:
    """Daily backup folders, newest first."""
    root = backup_root(data_dir)
    if not root.is_dir():
        return []
    days = [path for path in root.iterdir() if path.is_dir() and _DAY_DIR.match(path.name)]
    return sorted(days, key=lambda path: path.name, reverse=True)


def prune(data_dir: Path, *, keep: int) -> list[Path]:
    """Remove daily folders beyond the newest `keep`; return what was removed."""
    stale = day_dirs(data_dir)[keep:]
    for folder in stale:
        shutil.rmtree(folder, ignore_errors=True)
    return stale


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


def restore(target: Path, backup: Path, now: datetime) -> Path | None:
    """Put `backup` in place of `target`, moving a damaged `target` aside (never deleting it).

    A journal of the target's saves since its last rewrite is moved aside with it: its
    lines belong to the damaged file (or are the damage), not to the backup.
    Returns where the damaged file was moved, if there was one.
    """
    moved_aside = None
    suffix = f"damaged-{now:%Y%m%dT%H%M%S}"
    if target.exists():
        moved_aside = target.with_name(f"{target.name}.{suffix}")
        target.replace(moved_aside)
    move_aside(journal_path(target), suffix)
    write_atomic(target, backup.read_bytes())
    return moved_aside
