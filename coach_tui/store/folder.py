"""What a folder is before coach uses it for data: missing, empty, coach's, or the user's.

Coach moves only into a folder that is empty or already coach's. Any other folder holds
the user's own files: the app asks before using it and the commands refuse, so coach
never adopts (and later tidies) a folder full of someone's documents by mistake.

- **empty**: nothing in it, or only what a file manager leaves behind (`.DS_Store`,
  `Thumbs.db`, `desktop.ini`) and coach's agenda digest (a cache, no one's data);
- **coach's**: it holds coach's lock file (`coach.lock`, which every coach that ever
  wrote there created before anything else), or a data file coach wrote: one of the data
  file names (`core.json` …) holding a JSON object stamped with coach's `_meta` table —
  or, from before those stamps, only tables of that file's family — or, with all of
  those gone (`rm *` in the folder leaves `backups/`), a daily backup coach labelled:
  then `coach doctor --restore` must be able to put the files back.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import orjson

from coach_tui.model.text import printable
from coach_tui.store.backup_label import holds_labelled_backup
from coach_tui.store.layout import FAMILIES, META_TABLE, family_path
from coach_tui.store.lock import LOCK_NAME
from coach_tui.store.today_digest import FILE_NAME as DIGEST_NAME
from coach_tui.store.today_digest import is_digest_file

# What file managers drop into any folder they show: it holds nothing of the user's.
FILE_MANAGER_LITTER = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})
# A data file is read to look for coach's stamp only up to this size (a five-year archive
# is about 40 MB); anything larger is not taken as proof.
_MAX_PROOF_BYTES = 256 * 1024 * 1024
_SHOWN = 3


class FolderKind(Enum):
    MISSING = "missing"
    NOT_A_FOLDER = "not a folder"
    EMPTY = "empty"
    COACH = "coach's"
    OTHER = "someone else's"


@dataclass(frozen=True, slots=True)
class Folder:
    """A folder as found, with a few of the user's entries to name in a question."""

    path: Path
    kind: FolderKind
    entries: tuple[str, ...] = ()

    def sample(self) -> str:
        """`report.tmp, thesis.docx.tmp, backups/ and 2 more` (safe to print)."""
        shown = ", ".join(printable(name) for name in self.entries[:_SHOWN])
        more = len(self.entries) - _SHOWN
        return f"{shown} and {more} more" if more > 0 else shown


def inspect_folder(path: Path) -> Folder:
    """Which kind of folder `path` is (it is not changed)."""
    try:
        found = path.stat()
    except FileNotFoundError:
        return Folder(path, FolderKind.MISSING)
    except NotADirectoryError:  # a file where a parent folder should be
        return Folder(path, FolderKind.NOT_A_FOLDER)
    if not stat.S_ISDIR(found.st_mode):
        return Folder(path, FolderKind.NOT_A_FOLDER)
    try:
        with os.scandir(path) as scan:
            entries = sorted(
                entry.name + ("/" if entry.is_dir() else "")
                for entry in scan
                if entry.name not in FILE_MANAGER_LITTER and not _is_digest(path, entry.name)
            )
    except OSError:  # unreadable: opening it will say why
        return Folder(path, FolderKind.COACH)
    if not entries:
        return Folder(path, FolderKind.EMPTY)
    if is_coach_folder(path):
        return Folder(path, FolderKind.COACH)
    return Folder(path, FolderKind.OTHER, tuple(entries))


def _is_digest(folder: Path, name: str) -> bool:
    """coach's agenda digest: a cache of its own, no one's data (see `today_digest.py`)."""
    return name == DIGEST_NAME and is_digest_file(folder / name)


def is_coach_folder(path: Path) -> bool:
    """Whether `path` holds coach's lock file, a data file coach wrote or its backups."""
    if os.path.lexists(path / LOCK_NAME):
        return True
    if any(is_coach_file(family_path(path, family), family) for family in FAMILIES):
        return True
    return holds_labelled_backup(path)


def is_coach_file(path: Path, family: str) -> bool:
    """Whether `path` is a regular file holding data coach wrote for `family`."""
    try:
        found = path.stat()
        if not stat.S_ISREG(found.st_mode) or found.st_size > _MAX_PROOF_BYTES:
            return False
        raw = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return False
    if not isinstance(raw, dict) or not raw:
        return False
    meta = raw.get(META_TABLE)
    if meta is not None:
        stamp = next(iter(meta.values()), None) if isinstance(meta, dict) and meta else None
        return isinstance(stamp, dict) and isinstance(stamp.get("schema"), int)
    return set(raw) <= set(FAMILIES[family])
