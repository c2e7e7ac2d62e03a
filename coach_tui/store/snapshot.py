"""Read-only opens see the folder as it was at one moment, even while the app saves.

`coach today` and the exports read the family files one after another without the lock.
Each file is only ever replaced whole (a rename) or, for a journal, added to a line at a
time (a half-written last line is skipped), so every file read is a version coach wrote;
but a save across files (`Store._commit_together`: the archive pass, a campaign
with its touches) renames them one at a time, and a reader could take one file from
before that save and another from after it. So the two sides follow a small protocol:

- the writer creates `.coach-publishing` before its first rename and removes it after the
  last (a crash leaves it behind like a temp file; the next writable open deletes it);
- the reader fingerprints every family file and journal (inode, modification time, size;
  a rename brings a new inode, an appended line a new size) before and after reading
  them, and looks for the marker in between. Unchanged fingerprints mean no file was
  replaced while it read, so it holds the folder as it was at one moment; no marker
  means that moment was not in the middle of a save across files. Otherwise it reads
  again, a few times, then gives up with `SnapshotBusy`. Fingerprints alone would not
  do: a reader that starts between two renames sees files that no longer change, and are
  still a mix. (Only a file replaced twice within one clock tick, at the same size, on a
  recycled inode could pass unseen.)
- a marker while no coach holds the lock is a crash leftover: nothing will change, and
  the folder is read as the crash left it (the repositories order their renames so that
  is safe, and a writable open would see the same).

A lazy family (the archive) is not parsed at open. A read-only store keeps its file open
instead (`Pin`), so a late read gets the version of the snapshot even after a writer
replaced it. Reading the newer archive would be harmless after an archive pass alone: it
publishes the archive before the live files, and readers prefer the live copy by uid, so
the moved records the snapshot still holds live show once. But other saves break that:
deleting an account also drops its archived history, and old history saved after the
snapshot (an import) and archived since would appear in it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from time import sleep
from typing import TypeVar

from coach_tui.store.errors import StoreError, UnreadableFile
from coach_tui.store.journal import journal_path
from coach_tui.store.layout import FAMILIES, JOURNALED_FAMILIES, family_path
from coach_tui.store.lock import is_locked
from coach_tui.store.storage import RawData, decode

MARKER = ".coach-publishing"
# About three and a half seconds of pauses in all: far longer than one save's renames.
TRIES = 40
PAUSE_MAX = 0.1

Fingerprint = tuple[int, int, int] | None
T = TypeVar("T")


class SnapshotBusy(StoreError):
    """The files kept changing while a read-only command read them."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__(
            f"coach kept saving to {data_dir} while this command read it, so it could not "
            "get one consistent view. Nothing was changed; run the command again in a moment."
        )


class SnapshotChanged(StoreError):
    """A pinned file was replaced where it cannot be kept open (Windows)."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path} was changed by coach while this command was reading the folder. "
            "Nothing was changed; run the command again."
        )


def fingerprint(path: Path) -> Fingerprint:
    """Which version of a file is there: a replaced file has a new inode."""
    try:
        stat = path.stat()
    except OSError:  # missing, or unreadable: reading it will say which
        return None
    return stat.st_ino, stat.st_mtime_ns, stat.st_size


def fingerprints(data_dir: Path) -> dict[str, Fingerprint]:
    """Every family file's version, and its journal's (a save appends to that instead)."""
    prints = {family: fingerprint(family_path(data_dir, family)) for family in FAMILIES}
    for family in JOURNALED_FAMILIES:
        prints[f"{family} journal"] = fingerprint(journal_path(family_path(data_dir, family)))
    return prints


def mark_publishing(data_dir: Path) -> Path:
    """Mark the folder as mid-save while several files are swapped in (writer side).

    The caller removes the marker after the last rename, whatever happens. Not fsynced:
    it only speaks to readers running now; after a crash the lock test speaks instead.
    """
    marker = data_dir / MARKER
    marker.touch()
    return marker


def read_snapshot(
    data_dir: Path, read: Callable[[], T], discard: Callable[[T], None] | None = None
) -> T:
    """`read()` the folder until no file changed and no save was half done meanwhile.

    `discard` releases what a rejected attempt holds (open files). Raises `SnapshotBusy`
    if every try overlapped a save.
    """
    for attempt in range(TRIES):
        before = fingerprints(data_dir)
        result = read()
        # The marker (and the lock) are looked at before the second fingerprints: a save
        # half done while we read is still half done then, or a file changed since.
        settled = not (data_dir / MARKER).exists() or _writer_gone(data_dir, attempt)
        if settled and fingerprints(data_dir) == before:
            return result
        if discard is not None:
            discard(result)
        sleep(min(0.002 * 2**attempt, PAUSE_MAX))
    raise SnapshotBusy(data_dir)


def _writer_gone(data_dir: Path, attempt: int) -> bool:
    """Whether a marker is a crash leftover: no coach holds the folder.

    Where the lock cannot be tested, a marker that outlasts every try counts as one.
    """
    held = is_locked(data_dir)
    return held is False or (held is None and attempt == TRIES - 1)


class Pin:
    """A file as it was in a snapshot, to read later even if a writer replaced it since.

    On POSIX the open file keeps the old version readable after a rename. Windows would
    refuse the writer's rename of an open file, so there the version is only checked.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None
        self._print = fingerprint(path)
        if self._print is not None and sys.platform != "win32":
            try:
                self._fd = os.open(path, os.O_RDONLY)
            except FileNotFoundError:  # gone meanwhile: the snapshot reads again
                self._print = None
            except OSError:  # unreadable: the late read reports it, as without a pin
                pass
            else:
                stat = os.fstat(self._fd)
                self._print = stat.st_ino, stat.st_mtime_ns, stat.st_size

    @property
    def exists(self) -> bool:
        return self._print is not None

    def read_raw(self) -> RawData | None:
        """The pinned version's parsed content (`None` if there was no file)."""
        if self._print is None:
            return None
        try:
            payload = self._read_open() if self._fd is not None else self._read_checked()
        except OSError as error:
            raise UnreadableFile(self.path, error.strerror or str(error)) from None
        return decode(payload, self.path)

    def _read_open(self) -> bytes:
        assert self._fd is not None
        size = os.fstat(self._fd).st_size
        chunks, done = [], 0
        while done < size:
            chunk = os.pread(self._fd, size - done, done)
            if not chunk:
                break
            chunks.append(chunk)
            done += len(chunk)
        return b"".join(chunks)

    def _read_checked(self) -> bytes:
        payload = self.path.read_bytes()
        if fingerprint(self.path) != self._print:
            raise SnapshotChanged(self.path)
        return payload

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
