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
    publish(stage(path, payload), path)


def stage(path: Path, payload: bytes) -> Path:
    """Write `payload` durably to a temporary file beside `path` and return it.

    On failure (a full disk, say) nothing is left behind. `publish` then swaps it in;
    staging every file of a save first means a full disk fails before any is replaced.
    """
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
        discard(tmp)
        raise
    os.close(fd)
    return tmp


def publish(tmp: Path, path: Path) -> None:
    """Rename a staged file over `path` (atomic), then make the rename durable."""
    try:
        tmp.replace(path)
    except BaseException:
        discard(tmp)
        raise
    fsync_dir(path.parent)


def discard(tmp: Path) -> None:
    """Remove a staged file that will not be published."""
    with contextlib.suppress(OSError):
        tmp.unlink()


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
