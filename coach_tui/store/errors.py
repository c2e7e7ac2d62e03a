"""Store failures, each carrying a message written for the person at the keyboard.

Every message says what happened, what was kept safe, and what to do next.
"""

from __future__ import annotations

import errno
from pathlib import Path


class StoreError(Exception):
    """Base of everything the store raises on purpose; `str(error)` is user-facing."""


class DataDirLocked(StoreError):
    """Another coach process holds the data directory."""

    def __init__(self, data_dir: Path, holder: str) -> None:
        who = f" (process {holder})" if holder else ""
        super().__init__(
            f"another coach is already using {data_dir}{who}. Close that one first: two "
            "copies writing the same data would damage it. Nothing was changed."
        )
        self.data_dir = data_dir


class UnreadableFile(StoreError):
    """A data file exists but is not a coach data file we can read."""

    def __init__(self, path: Path, reason: str, newest_backup: Path | None = None) -> None:
        self.path = path
        self.reason = reason
        self.newest_backup = newest_backup
        if newest_backup is not None:
            advice = (
                f"The newest good backup is {newest_backup}. Run `coach doctor --restore` to "
                "put it back (the damaged file is kept beside it)."
            )
        else:
            advice = "There is no good backup of it yet; `coach doctor` shows what it found."
        super().__init__(
            f"coach cannot read {path}: {reason}. The file was left exactly as it is. {advice}"
        )

    def with_backup(self, newest_backup: Path | None) -> UnreadableFile:
        """The same error, now naming the backup the user can restore."""
        return UnreadableFile(self.path, self.reason, newest_backup)


class NewerSchema(StoreError):
    """The data was written by a newer coach than this one."""

    def __init__(self, path: Path, found: int, known: int) -> None:
        super().__init__(
            f"{path} was written by a newer coach (data version {found}; this one knows up "
            f"to {known}). Upgrade coach to open it. The file was not touched."
        )


class DamagedRecord(StoreError):
    """One record inside a readable file does not have the shape coach expects."""

    def __init__(self, table: str, doc_id: object, reason: str) -> None:
        self.table = table
        self.doc_id = doc_id
        self.reason = reason
        super().__init__(
            f"A record in '{table}' (#{doc_id}) is damaged: {reason}. Nothing was changed; "
            "`coach doctor` can restore the newest good backup."
        )


class StoreWriteError(StoreError):
    """A save did not reach the disk; what is on disk is unchanged."""

    def __init__(self, path: Path, error: OSError) -> None:
        super().__init__(
            f"Could not save to {path}: {describe_os_error(error)}. What was on disk before is "
            "unchanged, and this change was not saved."
        )
        self.path = path


class DataDirUnavailable(StoreError):
    """The data directory cannot be created or opened."""

    def __init__(self, path: Path, error: OSError) -> None:
        super().__init__(
            f"coach cannot use the data folder {path}: {describe_os_error(error)}. Choose "
            "another with --data or COACH_DATA."
        )


def describe_os_error(error: OSError) -> str:
    """A short plain-words reason for an operating-system error."""
    plain = {
        errno.ENOSPC: "the disk is full",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.EROFS: "the disk is read-only",
        errno.EDQUOT: "the disk quota is used up",
        errno.ENOENT: "the folder does not exist",
        errno.ENOTDIR: "a file is in the way where a folder should be",
    }
    return plain.get(error.errno or 0, error.strerror or str(error))
