"""Drafts coach will not open again, kept as files in the data folder rather than deleted.

A draft that cannot be read, or whose flow stopped coach, is written here before it leaves
the store, so starting a flow afresh never costs the seller the words they typed. Coach
writes these files and never deletes them: the seller reads what they need and removes
them (`coach doctor` lists them).
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from coach_tui.store.atomic import FILE_MODE, fsync_dir
from coach_tui.store.errors import StoreError, StoreWriteError

SET_ASIDE_DIR = "drafts-set-aside"
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9_-]+")
_NAME_MAX_CHARS = 60


@dataclass(frozen=True, slots=True)
class SetAside:
    """One draft moved out of the store: which flow it was and the file that keeps it."""

    flow: str
    path: Path
    reason: str


def set_aside_dir(data_dir: Path) -> Path:
    return data_dir / SET_ASIDE_DIR


def set_aside_files(data_dir: Path) -> list[Path]:
    """The set-aside drafts in `data_dir`, by name (the flow, then when it was set aside)."""
    folder = set_aside_dir(data_dir)
    if not folder.is_dir() or folder.is_symlink():
        return []
    return sorted(path for path in folder.glob("*.json") if path.is_file())


def write_set_aside(
    data_dir: Path, record: dict[str, Any], *, flow: str, reason: str, now: datetime
) -> Path:
    """Write one draft record to a new file in `drafts-set-aside/` and return its path.

    The file is created exclusively (never over another file, never through a symlink) and
    synced before this returns, so the caller may then drop the draft from the store.
    """
    folder = set_aside_dir(data_dir)
    document = {
        "what": "A draft coach set aside instead of opening it. The answers you typed are "
        "under 'draft' → 'answers'. Coach does not read this file again; delete it when "
        "you no longer need it.",
        "flow": flow,
        "set_aside_at": now.isoformat(timespec="seconds"),
        "reason": reason,
        "draft": record,
    }
    payload = (_readable_json(document) + "\n").encode("utf-8", errors="surrogatepass")
    try:
        if folder.is_symlink():
            raise StoreError(
                f"{folder} is a link, so coach will not write into it. Nothing was set aside "
                "and your draft stays where it was; replace the link with a folder."
            )
        folder.mkdir(mode=0o700, exist_ok=True)
        path = _create_new(folder, _file_stem(flow, now), payload)
        fsync_dir(folder)
    except OSError as error:
        raise StoreWriteError(folder, error) from error
    return path


def _file_stem(flow: str, now: datetime) -> str:
    name = _UNSAFE_NAME.sub("-", flow).strip("-")[:_NAME_MAX_CHARS] or "draft"
    return f"{name}-{now.strftime('%Y%m%d-%H%M%S')}"


def _create_new(folder: Path, stem: str, payload: bytes) -> Path:
    """Write `payload` to a file that did not exist (`stem.json`, `stem-2.json`, …)."""
    for attempt in range(1, 1000):
        path = folder / (f"{stem}.json" if attempt == 1 else f"{stem}-{attempt}.json")
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, FILE_MODE)
        except FileExistsError:
            continue
        try:
            view = memoryview(payload)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        except BaseException:
            os.close(fd)
            path.unlink(missing_ok=True)  # our own half-written file, never another
            raise
        os.close(fd)
        return path
    raise FileExistsError(f"too many set-aside drafts named {stem}")


def _readable_json(document: dict[str, Any]) -> str:
    """Indented JSON a person can read, with nothing in it that acts on a terminal.

    Words stay as typed (not \\u escapes), but every control or format character (ESC,
    C1 codes, bidi overrides, lone surrogates) is written as a \\u escape: the file shows
    exactly what was stored, and `cat` of it cannot move the cursor or reorder a line.
    """
    text = json.dumps(document, ensure_ascii=False, indent=2)
    return "".join(
        f"\\u{ord(char):04x}"
        if unicodedata.category(char) in ("Cc", "Cf", "Cs") and char != "\n"
        else char
        for char in text
    )
