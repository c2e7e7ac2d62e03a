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
        super().__init__(f"coach cannot read {path}: {reason}. {self.kept()} {self.advice()}")

    def kept(self) -> str:
        return "The file was left exactly as it is."

    def advice(self) -> str:
        if self.newest_backup is not None:
            return (
                f"The newest good backup is {self.newest_backup}. Run `coach doctor --restore` "
                "to put it back (the damaged file is kept beside it)."
            )
        return "There is no good backup of it yet; `coach doctor` shows what it found."

    def with_backup(self, newest_backup: Path | None) -> UnreadableFile:
        """The same error, now naming the backup the user can restore."""
        return type(self)(self.path, self.reason, newest_backup)


class MissingDataFile(UnreadableFile):
    """A data file coach wrote is gone (deleted, or a link to nothing) while its folder
    has data: starting it afresh would silently lose what it held."""

    def kept(self) -> str:
        return "coach did not start an empty one in its place and changed nothing."

    def advice(self) -> str:
        if self.newest_backup is not None:
            return (
                f"The newest good backup is {self.newest_backup}. Run `coach doctor --restore` "
                "to put it back."
            )
        return (
            "There is no good backup of it; put your own copy back, or use a new folder "
            "with --data to start afresh."
        )


class DamagedJournal(UnreadableFile):
    """A line of a family's journal is not a save coach wrote."""

    def kept(self) -> str:
        return "The file and its journal were left exactly as they are."

    def advice(self) -> str:
        return (
            "Run `coach doctor --restore`: it keeps every good line of the journal and "
            "sets the bad one aside in a file it names."
        )


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


class DataDirMissing(StoreError):
    """A command that only reads was pointed at a folder that is not there."""

    def __init__(self, path: Path, *, is_file: bool = False) -> None:
        what = "is a file, not a folder" if is_file else "does not exist"
        super().__init__(
            f"There is no coach data to read at {path}: it {what}. Check --data or "
            "COACH_DATA (the app creates a new data folder the first time it opens one)."
        )
        self.path = path


class NotACoachFolder(StoreError):
    """The folder holds someone's other files and no coach data: coach will not adopt it."""

    def __init__(self, path: Path, sample: str) -> None:
        super().__init__(
            f"Left {path} alone: it holds other files ({sample}) and no coach data. "
            "Nothing was changed; give --data an empty or new folder, or open this one in "
            "the app, which asks first."
        )
        self.path = path
        self.sample = sample


class FolderDeclined(StoreError):
    """The seller answered "leave it" when asked about a folder of other files."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"Left {path} as it was and did not start. Start coach with --data and a new "
            "or empty folder to keep your data in a folder of its own."
        )
        self.path = path


class EmptyDataPath(StoreError):
    """`--data ""`: no folder named at all."""

    def __init__(self) -> None:
        super().__init__(
            "--data was given an empty folder name. Give it a folder, e.g. "
            "--data ~/coach-data; nothing was read or written."
        )


class LockIsAFolder(StoreError):
    """A folder sits where coach's lock file goes."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__(
            f"coach cannot open {data_dir}: there is a folder called coach.lock in it, where "
            "coach keeps the file that stops two coaches writing at once. Nothing was "
            "changed; move or rename that folder, then start coach again."
        )
        self.data_dir = data_dir


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
