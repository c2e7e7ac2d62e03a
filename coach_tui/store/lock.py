"""One coach per data folder.

TinyDB has no locking, and two processes rewriting the same file lose each other's saves
or worse. The app takes an exclusive lock for its whole lifetime; a second one is refused.
Read-only commands never take it: they read files that are only ever replaced atomically
(and `snapshot.py` asks `is_locked` whether a half-done save still has a writer).
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import IO

from coach_tui.store.errors import DataDirLocked, DataDirUnavailable, LockIsAFolder

LOCK_NAME = "coach.lock"

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(handle: IO[str]) -> bool:
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _held_elsewhere(fd: int) -> bool | None:
        return None  # testing would need write access and could block the app's start

else:
    import fcntl

    def _try_lock(handle: IO[str]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _held_elsewhere(fd: int) -> bool | None:
        try:  # a shared lock, dropped when the caller closes `fd` a moment later
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        except OSError:
            return None
        return False


class DataDirLock:
    """An exclusive lock on a data folder, held until `release` or process exit.

    The open file object must stay referenced: closing it drops the lock. The operating
    system releases it if the process dies, so a crash never leaves the folder locked.
    """

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.path = data_dir / LOCK_NAME
        self._handle: IO[str] | None = None

    @property
    def held(self) -> bool:
        """Whether this object currently holds the lock."""
        return self._handle is not None

    def acquire(self) -> DataDirLock:
        """Take the lock or raise `DataDirLocked` naming the process that has it."""
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except IsADirectoryError:
            raise LockIsAFolder(self.data_dir) from None
        except OSError as error:
            raise DataDirUnavailable(self.data_dir, error) from error
        handle = os.fdopen(fd, "r+", encoding="utf-8")
        if not _try_lock(handle):
            holder = ""
            with contextlib.suppress(OSError, UnicodeDecodeError):
                holder = handle.read(32).strip()
            handle.close()
            raise DataDirLocked(self.data_dir, holder)
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._handle = handle
        return self

    def release(self) -> None:
        """Let another coach open the folder."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None


def is_locked(data_dir: Path) -> bool | None:
    """Whether a coach holds the folder now; `None` where that cannot be told.

    Asked by read-only commands only when a save looks half done. The test holds a
    shared lock for an instant: a coach starting in that very instant would be refused,
    which needs a crash leftover and a start within microseconds of the check.
    """
    try:
        fd = os.open(data_dir / LOCK_NAME, os.O_RDONLY)
    except FileNotFoundError:
        return False  # no coach has ever opened this folder for writing
    except OSError:
        return None
    try:
        return _held_elsewhere(fd)
    finally:
        os.close(fd)
