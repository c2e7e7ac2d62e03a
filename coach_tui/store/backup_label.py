"""Which backup folders and files are coach's: the label `coach-backup.json` and the names
coach writes beside it.

Kept apart from `backup.py` because `folder.py` needs it too: a folder whose data files
are all gone is still coach's while it holds a labelled backup (so `coach doctor
--restore` can put the files back). Both import this module, and neither the other.
"""

from __future__ import annotations

import re
from pathlib import Path

import orjson

from coach_tui.store.atomic import read_regular, temp_target
from coach_tui.store.layout import FAMILIES

BACKUP_DIR = "backups"
LABEL = "coach-backup.json"
LABEL_KIND = "coach backup"
DATA_FILE_NAMES = frozenset(f"{family}.json" for family in FAMILIES)
DAY_DIR = re.compile(r"^\d{4}-\d{2}-\d{2}$")
KEPT = re.compile(r"^(?P<name>[a-z]+\.json)\.kept-\d{6}(-\d+)?$")

# Records per table of one copy; `None` where not counted yet (a copy taken from disk).
Counts = dict[str, int]
Files = dict[str, Counts | None]


def backup_root(data_dir: Path) -> Path:
    """The folder holding one sub-folder per backed-up day."""
    return data_dir / BACKUP_DIR


def is_coach_name(name: str) -> bool:
    """A file name coach writes in a backup folder (a copy, a kept copy, a temp, the label)."""
    if name in DATA_FILE_NAMES or name == LABEL or KEPT.match(name):
        return True
    target = temp_target(name)
    return target is not None and (target in DATA_FILE_NAMES or target == LABEL)


def read_label(folder: Path) -> Files | None:
    """The files coach's label in `folder` names, or `None` without a label of coach's."""
    try:
        raw = orjson.loads(read_regular(folder / LABEL))
    except (OSError, orjson.JSONDecodeError):
        return None
    if not isinstance(raw, dict) or raw.get("kind") != LABEL_KIND:
        return None
    files = raw.get("files")
    if not isinstance(files, dict):
        return None
    return {
        name: counts if isinstance(counts, dict) else None
        for name, counts in files.items()
        if isinstance(name, str) and is_coach_name(name)
    }


def holds_labelled_backup(data_dir: Path) -> bool:
    """Whether `data_dir` has a daily backup coach labelled: proof the folder is coach's
    with every data file gone. (A folder recognised by the rule for backups from before
    labels is not proof enough to open a folder without asking.)"""
    root = backup_root(data_dir)
    if not root.is_dir():
        return False
    return any(
        DAY_DIR.match(path.name) and not path.is_symlink() and read_label(path) is not None
        for path in root.iterdir()
    )
