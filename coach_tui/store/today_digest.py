"""`today-digest.json`: what `coach today` printed last, kept beside the data it came from.

`coach today` runs in status lines every few seconds; reading the live files and working
out the agenda costs far more than printing it. The digest is a small file holding the
agenda's view, stamped with what it was computed from: every data file's identity (inode,
modification time, size), the day, the zone, the coach version, and until when the clock
alone cannot change it (the next call's time). A reader uses it only while every stamp
still matches, so it is never stale: any save (which replaces a file or appends to the
journal), another day, another zone or a newer coach sends the reader back to the files.

It is a cache, not data: never backed up, never checked by `coach doctor`, not one of the
user's files when a folder is looked at before adoption, and deleting it only costs one
slower run. It is written atomically under a fresh temporary name (`atomic.write_cache`: not
fsynced, a crash can only cost the cache), by the app or by `coach today` (which takes no
lock): two writers racing each leave a whole file whose stamps are true. This module
only knows the file; what goes in it is `services/today_digest.py`'s.
"""

from __future__ import annotations

import contextlib
import json
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from coach_tui.store.atomic import write_cache
from coach_tui.store.layout import FAMILIES, JOURNALED_FAMILIES, family_path, journal_path

FILE_NAME = "today-digest.json"
# The stamp that says a file is coach's digest (and which layout of it).
FORMAT_KEY = "coach-today-digest"
FORMAT = 1
_MAX_BYTES = 4 * 1024 * 1024  # far above any agenda: a larger file is not ours to read

Identity = list[int] | None  # [inode, modification time in ns, size]; None: no such file


def digest_path(data_dir: Path) -> Path:
    return data_dir / FILE_NAME


def identity(path: Path) -> Identity:
    try:
        found = path.stat()
    except OSError:
        return None
    return [found.st_ino, found.st_mtime_ns, found.st_size]


def live_identities(data_dir: Path, also: Sequence[Path] = ()) -> dict[str, Identity]:
    """Every data file's and journal's identity now (by name), and those of `also`, files
    outside the folder read with them (by path). A save replaces a file, which gives it a
    new inode, or appends to a journal, which changes its size."""
    found = {}
    for family in FAMILIES:
        path = family_path(data_dir, family)
        found[path.name] = identity(path)
        if family in JOURNALED_FAMILIES:
            found[journal_path(path).name] = identity(journal_path(path))
    found.update({str(path): identity(path) for path in also})
    return found


def load_digest(data_dir: Path) -> dict[str, Any] | None:
    """The digest as stored, or `None` if there is none coach could use."""
    path = digest_path(data_dir)
    try:
        with path.open("rb") as file:
            payload = file.read(_MAX_BYTES + 1)
        # The standard library's parser: a few KB take it well under a millisecond, and
        # `coach today` has it loaded already, where importing orjson costs 10-20 ms.
        document = json.loads(payload)
    except (OSError, ValueError):  # ValueError: not JSON, or not UTF-8
        return None
    if len(payload) > _MAX_BYTES or not _is_stamped(document):
        return None
    return document


def is_digest_file(path: Path) -> bool:
    """Whether `path` is a regular file holding a digest coach wrote (not a file of the
    user's that happens to bear the name)."""
    try:
        if not stat.S_ISREG(path.lstat().st_mode):
            return False
    except OSError:
        return False
    return load_digest(path.parent) is not None if path.name == FILE_NAME else False


def save_digest(data_dir: Path, document: dict[str, Any]) -> bool:
    """Write the digest atomically; `False` if it could not be (it is only a speed-up).

    A file of that name that is not a coach digest is left alone: coach replaces only
    what it wrote.
    """
    path = digest_path(data_dir)
    if (path.exists() or path.is_symlink()) and not is_digest_file(path):
        return False
    if not any(family_path(data_dir, family).exists() for family in FAMILIES):
        return False  # no coach data here: a read-only command leaves the folder as it was
    import orjson  # loaded already where a digest is written: the agenda was just read

    with contextlib.suppress(OSError):
        write_cache(path, orjson.dumps({FORMAT_KEY: FORMAT, **document}))
        return True
    return False


def _is_stamped(document: object) -> bool:
    return isinstance(document, dict) and document.get(FORMAT_KEY) == FORMAT
