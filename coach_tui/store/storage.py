"""TinyDB seams: an atomic orjson file storage and a write-through cache in front of it.

TinyDB re-reads its file on every query unless cached, and rewrites it on every change.
The cache keeps the parsed file in memory and writes every change straight through (a
bigger write buffer would lose saves on a crash). `hold()` lets a transaction group several
changes into one atomic write, and any failed write drops the cache so memory never
claims something the disk does not have.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
from tinydb.middlewares import Middleware
from tinydb.storages import Storage

from coach_tui.store.atomic import publish, stage, write_atomic
from coach_tui.store.errors import StoreWriteError, UnreadableFile

RawData = dict[str, dict[str, Any]]


def decode(payload: bytes, path: Path) -> RawData:
    """Parse a data file's bytes, or raise `UnreadableFile` saying what is wrong."""
    if not payload.strip():
        raise UnreadableFile(path, "it is empty")
    try:
        data = orjson.loads(payload)
    except orjson.JSONDecodeError as error:
        raise UnreadableFile(path, f"it is not valid JSON ({error})") from None
    if not isinstance(data, dict):
        raise UnreadableFile(path, "it does not hold a JSON object at the top")
    return data


def read_raw(path: Path) -> RawData | None:
    """The parsed content of `path`, or `None` if it does not exist."""
    try:
        payload = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise UnreadableFile(path, error.strerror or str(error)) from None
    return decode(payload, path)


class AtomicJSONStorage(Storage):
    """A TinyDB storage that serialises with orjson and replaces its file atomically."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only

    def read(self) -> RawData | None:
        return read_raw(self.path)

    def write(self, data: RawData) -> None:
        if self.read_only:
            raise RuntimeError(f"{self.path} was opened read-only")
        try:
            write_atomic(self.path, orjson.dumps(data))
        except OSError as error:
            raise StoreWriteError(self.path, error) from error

    def stage(self, data: RawData) -> Path:
        """The first half of `write`: the new content in a temporary file beside ours."""
        if self.read_only:
            raise RuntimeError(f"{self.path} was opened read-only")
        try:
            return stage(self.path, orjson.dumps(data))
        except OSError as error:
            raise StoreWriteError(self.path, error) from error

    def publish(self, staged: Path) -> None:
        """The second half of `write`: the staged file replaces ours."""
        try:
            publish(staged, self.path)
        except OSError as error:
            raise StoreWriteError(self.path, error) from error

    def close(self) -> None:
        """Nothing stays open between writes."""


class WriteThroughCache(Middleware):
    """Keeps the parsed file in memory; every change goes straight to disk unless held."""

    def __init__(self, storage_cls: type[Storage] = AtomicJSONStorage) -> None:
        super().__init__(storage_cls)
        self._cache: RawData | None = None
        self._held = False
        self._pending = False

    def seed(self, data: RawData) -> None:
        """Start from data already parsed (saves parsing the file twice at open)."""
        self._cache = data

    def read(self) -> RawData | None:
        if self._cache is None:
            self._cache = self.storage.read()
        return self._cache

    @property
    def is_loaded(self) -> bool:
        """Whether the file's content is in memory (read or seeded)."""
        return self._cache is not None

    def write(self, data: RawData) -> None:
        self._cache = data
        if self._held:
            self._pending = True
        else:
            self._write_through()

    def hold(self) -> None:
        """Collect changes in memory until `commit` or `discard`."""
        self._held = True

    def commit(self) -> None:
        """Write what was collected since `hold`, as one atomic file replacement."""
        self._held = False
        if self._pending:
            self._write_through()

    def stage(self) -> Path | None:
        """Like `commit`, but only write a temporary file; `None` if nothing changed.

        A transaction over several files stages them all before publishing any.
        """
        self._held = False
        if not self._pending:
            return None
        self._pending = False
        return self.storage.stage(self._cache)

    def publish(self, staged: Path) -> None:
        """Swap in what `stage` wrote."""
        self.storage.publish(staged)

    def discard(self) -> None:
        """Forget unsaved changes; the next read comes from disk."""
        self._held = False
        self._pending = False
        self._cache = None

    def _write_through(self) -> None:
        self._pending = False
        try:
            self.storage.write(self._cache)
        except BaseException:
            self._cache = None
            raise

    def close(self) -> None:
        self.storage.close()
