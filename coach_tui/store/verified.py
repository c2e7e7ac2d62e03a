"""Fingerprints of the data files as coach last checked or wrote them.

Decoding every record at open is what keeps a hand-edited file from reaching the screens,
but it grows with the history and is wasted on a file coach itself wrote. A file whose
size and modification time still match what coach recorded was written by coach and
already passed. Copying the folder (a restore, a sync, a new laptop) gives every file a
new modification time without changing a byte, so coach also records a digest (SHA-256)
of each file's bytes: a file whose time changed but whose size and digest match is the
same file, and is trusted too. An edit from outside changes the bytes, hence the digest,
and brings the full check back, whatever the file's times say. A crash leaves stale
fingerprints, which only means one slower, fully checked open.

A `verified.json` from before digests (`[size, time]` per file) is still read: its files
are trusted while their times match, and get their digest when coach next closes.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import threading
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import orjson

from coach_tui.store.atomic import write_atomic

FILE_NAME = "verified.json"

# (size, modification time in ns) of a file as it is now.
Stamp = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Print:
    """One file as coach recorded it. `digest` is `None` in a file from before digests."""

    size: int
    mtime_ns: int
    digest: str | None = None

    @property
    def stamp(self) -> Stamp:
        return self.size, self.mtime_ns

    def as_json(self) -> list[int | str]:
        return [self.size, self.mtime_ns] if self.digest is None else [*self.stamp, self.digest]


def fingerprint(path: Path) -> Stamp | None:
    """The file's size and modification time now (`None` if it is not there)."""
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_size, found.st_mtime_ns


def digest_of(payload: bytes) -> str:
    """What identifies these bytes (hashlib lets other threads run while it works)."""
    return hashlib.sha256(payload).hexdigest()


def file_digest(path: Path) -> str | None:
    """The digest of a regular file's bytes, read in chunks; `None` if it cannot be read."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return None  # a pipe or a device: never wait on it
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


_hashing: ThreadPoolExecutor | None = None
_hashing_made = threading.Lock()


def _hash_beside(payload: bytes) -> Future[str]:
    """`digest_of(payload)` on a thread of its own: hashlib lets go of the interpreter
    while it hashes, so a file's digest costs the open nothing while its records are
    checked on the other core."""
    global _hashing
    with _hashing_made:
        if _hashing is None:
            _hashing = ThreadPoolExecutor(max_workers=1, thread_name_prefix="coach-digest")
    return _hashing.submit(digest_of, payload)


def _hashed(path: Path, now: Stamp) -> Print:
    """The file's print with its digest, unless it changed while it was read."""
    digest = file_digest(path)
    return Print(*now, digest if fingerprint(path) == now else None)


def _parse(value: object) -> Print | None:
    if not isinstance(value, list) or len(value) not in (2, 3):
        return None
    size, mtime_ns, *rest = value
    if not (isinstance(size, int) and isinstance(mtime_ns, int)):
        return None
    digest = rest[0] if rest else None
    if digest is not None and not isinstance(digest, str):
        return None
    return Print(size, mtime_ns, digest)


class Verified:
    """What coach recorded about each data file, and what this open found to hold.

    Files coach vouches for by content get their new times noted here, so a lazy file
    read later in the session is trusted by its times alone.
    """

    def __init__(self, prints: dict[str, Print] | None = None) -> None:
        self._prints = dict(prints or {})
        self._on_disk = dict(self._prints)  # what `verified.json` holds now
        # Files that passed the full check, their digest still being worked out.
        self._hashing: dict[str, tuple[Stamp, Future[str]]] = {}

    def _settle(self) -> None:
        """Take in the digests worked out beside the checks."""
        for name in list(self._hashing):
            found = self._hashing.pop(name, None)
            if found is not None:
                seen, digest = found
                self._prints[name] = Print(*seen, digest.result())

    @classmethod
    def load(cls, data_dir: Path) -> Verified:
        """What was recorded last time; anything unreadable counts as nothing recorded."""
        try:
            raw = orjson.loads((data_dir / FILE_NAME).read_bytes())
        except (OSError, orjson.JSONDecodeError):
            return cls()
        if not isinstance(raw, dict):
            return cls()
        prints = {name: _parse(value) for name, value in raw.items()}
        return cls({name: found for name, found in prints.items() if found is not None})

    def get(self, name: str) -> Print | None:
        self._settle()
        return self._prints.get(name)

    def trusts(self, path: Path, seen: Stamp | None, payload: bytes | None = None) -> bool:
        """Whether this file is one coach wrote or checked, unchanged since.

        `seen` is the file's size and time taken before its bytes (`payload`) were read.
        Same size and time: trusted at once. Same size, other time: trusted if the bytes
        have the recorded digest (the file is read for it when no `payload` is given).
        """
        self._settle()
        recorded = self._prints.get(path.name)
        if recorded is None or seen is None:
            return False
        if recorded.stamp == seen:
            return True
        if recorded.digest is None or recorded.size != seen[0]:
            return False
        digest = digest_of(payload) if payload is not None else file_digest(path)
        if digest != recorded.digest:
            return False
        self._prints[path.name] = Print(*seen, digest)
        return True

    def passed(self, path: Path, seen: Stamp | None, payload: bytes) -> None:
        """Note a file whose every record was just checked: the bytes read, as `seen`."""
        if seen is not None and seen[0] == len(payload):
            self._hashing[path.name] = (seen, _hash_beside(payload))

    def record(
        self, data_dir: Path, paths: Iterable[Path], *, unread: Iterable[str] = (), full: bool
    ) -> None:
        """Remember the files as they are now: just checked, or written by coach.

        A file coach has not read since it was recorded (`unread`: a lazy file left on
        disk) keeps what was recorded, whatever happened to it meanwhile. A file whose
        digest is not known is read for it, except that one unchanged since a record
        from before digests waits for a `full` record (when coach closes), off the
        start-up path. Nothing is written when nothing changed.
        """
        self._settle()
        skipped = set(unread)
        prints: dict[str, Print] = {}
        for path in paths:
            known = self._prints.get(path.name)
            now = fingerprint(path)
            if path.name in skipped and (known is None or known.stamp != now):
                if known is not None:  # changed by someone else: checked when next read
                    prints[path.name] = known
            elif known is not None and known.stamp == now and (known.digest or not full):
                prints[path.name] = known
            elif now is not None:
                prints[path.name] = _hashed(path, now)
        self._prints = prints
        if prints == self._on_disk:
            return
        payload = {name: found.as_json() for name, found in prints.items()}
        with contextlib.suppress(OSError):  # only a speed-up: never fail an open or close on it
            write_atomic(data_dir / FILE_NAME, orjson.dumps(payload))
            self._on_disk = prints
