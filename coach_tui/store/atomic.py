"""Writing a file so that a crash leaves either the old content or the new, never a mix.

The recipe: write a temporary file in the same folder, flush and fsync it, rename it over
the target (atomic on POSIX and Windows), then fsync the folder so the rename itself
survives a power cut.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

TMP_SUFFIX = ".tmp"
FILE_MODE = 0o600


def write_atomic(path: Path, payload: bytes) -> None:
    """Replace `path` with `payload` atomically; on failure the old file is untouched."""
    tmp = path.with_name(path.name + TMP_SUFFIX)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        view = memoryview(payload)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    os.close(fd)
    try:
        tmp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    """Make a rename inside `folder` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_stale_tmp(folder: Path) -> list[Path]:
    """Delete temp files a killed process left behind; return what was removed."""
    removed = []
    for tmp in folder.glob(f"*{TMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            tmp.unlink()
            removed.append(tmp)
    return removed
