"""Putting an export's bytes where the seller asked, without damaging anything on the way.

What is at the target decides how it is written:

- nothing, or a regular file (also behind a symlink, which is kept: the file it points to is
  replaced): written as coach writes its own files (`store/atomic.py`): a temporary file
  with a fresh random name, created exclusively beside the file, is written, synced and
  renamed over it, so a crash or a full disk leaves the old file whole and a planted
  `cal.ics.tmp` link is never followed;
- a pipe, a terminal or another device: written straight through, as a shell's `>` does
  (a rename would put a regular file in place of the pipe, and its reader would get
  nothing);
- `None`: standard output.

A target inside the data folder, by any path (a symlink, `..`, a second mount of it), is
refused: coach's own files are replaced only by the store itself.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

from coach_tui.store.atomic import write_atomic


class ExportRefused(Exception):
    """The target is not a place an export may go; `str(error)` says why, for the seller."""


@dataclass(frozen=True, slots=True)
class Destination:
    """Where an export goes, as found before anything was read or written."""

    path: Path | None  # None: standard output
    atomic: bool  # a regular file (new or existing): staged beside it and renamed over it
    overwrites: bool  # something holding content is there: replaced only when asked


STANDARD_OUTPUT = Destination(path=None, atomic=False, overwrites=False)


def find_destination(target: Path | None, data_dir: Path) -> Destination:
    """What writing to `target` would mean; `ExportRefused` if it must not be written.

    An `OSError` says the path cannot even be looked at (a file where a folder should be,
    a link pointing to itself, no permission).
    """
    if target is None:
        return STANDARD_OUTPUT
    real = Path(os.path.realpath(target))
    if real == Path(os.path.realpath(data_dir)):
        raise ExportRefused(
            f"{target} is coach's data folder. Nothing was written; give the name of a file "
            "outside it."
        )
    if is_inside(real, data_dir):
        raise ExportRefused(
            f"{target} is inside coach's data folder ({data_dir}), where an export could "
            "overwrite your data. Nothing was written; choose a place outside that folder."
        )
    try:
        found = Path(target).stat()  # through any symlink: what is really there
    except FileNotFoundError:
        # Nothing there yet (or a link to nothing: the file it names is created).
        return Destination(path=real, atomic=True, overwrites=False)
    if stat.S_ISDIR(found.st_mode):
        raise ExportRefused(
            f"{target} is a folder. Nothing was written; give the name of a file, "
            f"e.g. {target / 'coach-export'}."
        )
    if stat.S_ISREG(found.st_mode):
        return Destination(path=real, atomic=True, overwrites=True)
    # A pipe or a device is opened by the name given: /dev/stdout is a link to a pipe
    # that has no name of its own. A disk device holds content, like a file.
    return Destination(path=Path(target), atomic=False, overwrites=stat.S_ISBLK(found.st_mode))


def is_inside(path: Path, folder: Path) -> bool:
    """Whether `path` (resolved) is `folder` or anything within it.

    Names are compared after resolving links and `..`; folders are also compared by
    identity (device and inode), which catches a second mount of the folder and a
    case-insensitive file system spelling its name differently.
    """
    real = Path(os.path.realpath(path))
    home = Path(os.path.realpath(folder))
    if real == home or home in real.parents:
        return True
    try:
        wanted = _identity(home)
    except OSError:
        return False
    for candidate in (real, *real.parents):
        with contextlib.suppress(OSError):
            if _identity(candidate) == wanted:
                return True
    return False


def _identity(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_dev, info.st_ino


def write_export(destination: Destination, payload: bytes) -> None:
    """Write `payload` to `destination`; an `OSError` says why it could not be.

    `BrokenPipeError` (standard output's reader has gone, as with `| head`) is left to the
    caller, which ends quietly.
    """
    if destination.path is None:
        if sys.stdout is None:  # started with standard output closed (`>&-`)
            raise OSError(errno.EBADF, "it is closed")
        sys.stdout.flush()  # text printed before keeps its place
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
    elif destination.atomic:
        write_atomic(destination.path, payload)
    else:
        write_through(destination.path, payload)


def write_through(path: Path, payload: bytes) -> None:
    """Write into the pipe or device at `path` as it is (its reader gets every byte)."""
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
    try:
        _write_all(fd, payload)
    finally:
        os.close(fd)


def _write_all(fd: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        written = os.write(fd, view)
        view = view[written:]
