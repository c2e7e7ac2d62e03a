"""TinyDB seams: an atomic orjson file storage and a write-through cache in front of it.

TinyDB re-reads its file on every query unless cached, and rewrites it on every change.
The cache keeps the parsed file in memory and writes every change straight through (a
bigger write buffer would lose saves on a crash). `hold()` lets a transaction group several
changes into one atomic write, and any failed write drops the cache so memory never
claims something the disk does not have. In a journaled family, a transaction whose
changes were all named record by record (`write_records`, `recording`) is saved as one
appended journal line instead of a rewrite (see `journal.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
from tinydb.middlewares import Middleware
from tinydb.storages import Storage

from coach_tui.store.atomic import publish, read_regular, stage, write_atomic
from coach_tui.store.errors import StoreWriteError, UnreadableFile
from coach_tui.store.journal import (
    COMPACT_AFTER_BYTES,
    Change,
    append_line,
    base_token,
    encode_line,
    journal_path,
    read_journal,
    remove_journal,
    replay,
    restamp,
)

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


def read_payload(path: Path) -> bytes | None:
    """The bytes of `path`, or `None` if it does not exist (nor does what a link there
    points to)."""
    try:
        return read_regular(path)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise UnreadableFile(path, error.strerror or str(error)) from None


def read_raw(path: Path) -> RawData | None:
    """The parsed content of `path`, or `None` if it does not exist."""
    payload = read_payload(path)
    return None if payload is None else decode(payload, path)


@dataclass(frozen=True, slots=True)
class FamilyFile:
    """A family file as read: its bytes, parsed with its journal applied, and whether a
    journal was there at all (`None`s when there is no file)."""

    payload: bytes | None
    raw: RawData | None
    journal_found: bool


def read_family_file(path: Path, *, journaled: bool) -> FamilyFile:
    """Read a family file and its journal (see `read_family`), keeping the bytes read."""
    payload = read_payload(path)
    raw = None if payload is None else decode(payload, path)
    return FamilyFile(payload, raw, journaled and apply_journal(path, raw))


def read_family(path: Path, *, journaled: bool) -> tuple[RawData | None, bool]:
    """A family file with its journal applied, and whether a journal was there at all.

    A journal found means the file alone is not the family's state: the caller checks
    the records afresh and folds the journal in at the next rewrite.
    """
    found = read_family_file(path, journaled=journaled)
    return found.raw, found.journal_found


def apply_journal(path: Path, raw: RawData | None) -> bool:
    """Replay the journal of `path` onto its parsed file; whether there was a journal."""
    payload = read_journal(journal_path(path))
    if payload is None:
        return False
    if raw is not None:
        replay(raw, payload, path)
    return True


def family_bytes(path: Path, *, journaled: bool) -> bytes | None:
    """The family's state on disk as one file's bytes (what a backup copies)."""
    if not journaled or not journal_path(path).exists():
        try:
            return read_regular(path)
        except FileNotFoundError:
            return None
    raw, _found = read_family(path, journaled=True)
    return None if raw is None else orjson.dumps(raw)


def write_family(path: Path, raw: RawData, *, journaled: bool) -> None:
    """Rewrite a family file whole (atomically); a journaled one starts a fresh journal."""
    if journaled:
        restamp(raw)
    write_atomic(path, orjson.dumps(raw))
    if journaled:
        _forget_journal(path)


def _forget_journal(path: Path) -> None:
    """Remove the journal a rewrite made obsolete. If that fails its lines carry the old
    token and no longer apply, so the save still stands."""
    with suppress(OSError):
        remove_journal(journal_path(path))


class AtomicJSONStorage(Storage):
    """A TinyDB storage that serialises with orjson and replaces its file atomically."""

    def __init__(self, path: Path, *, read_only: bool = False, journaled: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self.journaled = journaled

    def read(self) -> RawData | None:
        raw, _found = read_family(self.path, journaled=self.journaled)
        return raw

    def write(self, data: RawData) -> None:
        self._refuse_if_read_only()
        try:
            write_family(self.path, data, journaled=self.journaled)
        except OSError as error:
            raise StoreWriteError(self.path, error) from error

    def append(self, data: RawData, changes: list[Change]) -> bool:
        """Save `changes` as one journal line; `False` when the file must be rewritten
        instead (not journaled, no token on disk yet, or the journal is due to fold in)."""
        self._refuse_if_read_only()
        token = base_token(data)
        journal = journal_path(self.path)
        if not self.journaled or token is None or _size(journal) > COMPACT_AFTER_BYTES:
            return False
        try:
            append_line(journal, encode_line(token, changes))
        except OSError as error:
            raise StoreWriteError(journal, error) from error
        return True

    @property
    def has_journal(self) -> bool:
        return self.journaled and journal_path(self.path).exists()

    def stage(self, data: RawData) -> Path:
        """The first half of `write`: the new content in a temporary file beside ours."""
        self._refuse_if_read_only()
        if self.journaled:
            restamp(data)
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
        if self.journaled:
            _forget_journal(self.path)

    def close(self) -> None:
        """Nothing stays open between writes."""

    def _refuse_if_read_only(self) -> None:
        if self.read_only:
            raise RuntimeError(f"{self.path} was opened read-only")


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


class WriteThroughCache(Middleware):
    """Keeps the parsed file in memory; every change goes straight to disk unless held."""

    def __init__(self, storage_cls: type[Storage] = AtomicJSONStorage) -> None:
        super().__init__(storage_cls)
        self._cache: RawData | None = None
        self._held = False
        self._pending = False
        # What the held changes touched, record by record, while every write named them.
        self._changed: dict[tuple[str, str], None] = {}
        self._whole = False
        self._recording = False

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

    @property
    def has_unsaved(self) -> bool:
        """Whether memory holds changes not written yet (inside a transaction)."""
        return self._pending

    def write(self, data: RawData) -> None:
        if not self._recording:
            self._whole = True  # TinyDB rebuilt a table: no list of records to journal
        self._after_write(data)

    def write_records(self, data: RawData, table: str, keys: Iterable[str]) -> None:
        """A write that changed (or deleted) exactly the records `keys` of `table`."""
        self._note(table, keys)
        self._after_write(data)

    @contextmanager
    def recording(self, table: str) -> Iterator[Callable[[Iterable[str]], None]]:
        """Let TinyDB write inside; the caller names the doc ids it changed.

        Naming none while something was written counts as a whole-file change, so a
        forgotten call costs a rewrite, never a lost record.
        """
        named: list[str] = []
        self._recording = True
        try:
            yield named.extend
        finally:
            self._recording = False
        if named:
            self._note(table, named)
        elif self._pending:
            self._whole = True

    def hold(self) -> None:
        """Collect changes in memory until `commit` or `discard`."""
        self._held = True

    def commit(self) -> None:
        """Write what was collected since `hold`: one journal line, or the whole file."""
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
        self._forget_changes()
        return self.storage.stage(self._cache)

    def publish(self, staged: Path) -> None:
        """Swap in what `stage` wrote."""
        self.storage.publish(staged)

    def discard(self) -> None:
        """Forget unsaved changes; the next read comes from disk."""
        self._held = False
        self._pending = False
        self._forget_changes()
        self._cache = None

    def compact(self) -> None:
        """Fold the journal into a rewrite of the file (at close, before a backup)."""
        if self.storage.has_journal and self.read() is not None:
            self._whole = True
            self._write_through()

    def _note(self, table: str, keys: Iterable[str]) -> None:
        self._changed.update(((table, key), None) for key in keys)

    def _after_write(self, data: RawData) -> None:
        self._cache = data
        if self._held:
            self._pending = True
        else:
            self._write_through()

    def _write_through(self) -> None:
        self._pending = False
        changes = [] if self._whole else self._changes()
        self._forget_changes()
        try:
            if not changes or not self.storage.append(self._cache, changes):
                self.storage.write(self._cache)
        except BaseException:
            self._cache = None
            raise

    def _changes(self) -> list[Change]:
        assert self._cache is not None
        return [(table, key, self._cache.get(table, {}).get(key)) for table, key in self._changed]

    def _forget_changes(self) -> None:
        self._changed = {}
        self._whole = False

    def close(self) -> None:
        self.storage.close()
