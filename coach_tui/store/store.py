"""The data folder as a whole: opening it safely, transactions, and closing it.

Opening checks every file before anything is written: a damaged or hand-broken file stops
the open with a message naming the newest good backup, and is never overwritten; so does a
data file that is gone while a backup shows coach kept data in it (it is never started
afresh, empty). A folder that holds other files and no coach data is not opened unless the
user agreed (`adopt`, see `folder.py`), and after a crash only coach's own temporary files
are cleared. Older
formats are migrated after a labelled backup. All access goes through one re-entrant
mutex because TinyDB is not thread-safe and loads run in worker threads. A read-only open
takes no lock and reads one consistent snapshot of the files (see `snapshot.py`).
"""

from __future__ import annotations

import errno
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from pathlib import Path

import orjson
from tinydb import TinyDB
from tinydb.table import Table

from coach_tui.model.clock import Clock, system_clock
from coach_tui.store.atomic import discard, remove_stale_tmp
from coach_tui.store.backup import (
    BackupCopy,
    backup_root,
    counts_of,
    daily_backup,
    has_backup_copy,
    missing_reason,
    newest_good_backup,
    snapshot,
)
from coach_tui.store.backup_label import Counts
from coach_tui.store.errors import (
    DataDirMissing,
    DataDirUnavailable,
    MissingDataFile,
    NotACoachFolder,
    StoreError,
    StoreWriteError,
    UnreadableFile,
    describe_os_error,
)
from coach_tui.store.folder import Folder, FolderKind, inspect_folder
from coach_tui.store.journal import journal_path
from coach_tui.store.layout import (
    FAMILIES,
    JOURNALED_FAMILIES,
    LAZY_FAMILIES,
    SCHEMA_VERSION,
    TABLE_FAMILY,
    family_path,
)
from coach_tui.store.lock import DataDirLock
from coach_tui.store.paths import ensure_private_dir
from coach_tui.store.records import check_records
from coach_tui.store.schema import check_shape, migrate, needs_migration, stamp
from coach_tui.store.snapshot import MARKER, Pin, mark_publishing, read_snapshot
from coach_tui.store.storage import (
    AtomicJSONStorage,
    RawData,
    WriteThroughCache,
    family_bytes,
    read_family_file,
    write_family,
)
from coach_tui.store.today_digest import FILE_NAME as DIGEST_NAME
from coach_tui.store.verified import FILE_NAME as VERIFIED_NAME
from coach_tui.store.verified import Verified, fingerprint

# The files coach writes atomically in the data folder: only their temporary files are
# ever cleared after a crash (with the marker of a save across files).
WRITTEN_FILES = frozenset({*(f"{family}.json" for family in FAMILIES), VERIFIED_NAME, DIGEST_NAME})


class Transaction:
    """Access to tables inside `Store.transaction()` or `Store.reading()`."""

    def __init__(self, store: Store, *, writable: bool) -> None:
        self._store = store
        self._writable = writable
        self.held: dict[str, TinyDB] = {}
        self.failed = False  # a joined write raised: the whole unit is dropped
        self._committed: list[Callable[[], None]] = []

    def after_commit(self, then: Callable[[], None]) -> None:
        """Run `then` once the outermost transaction has written its files (never if it
        fails): for a file outside the data folder that must change only with them."""
        self._committed.append(then)

    def table(self, name: str) -> Table:
        """The TinyDB table `name`; in a write transaction its file is held until commit."""
        family = TABLE_FAMILY[name]
        db = self._store.database(family)
        if self._writable and family not in self.held:
            db.storage.hold()
            self.held[family] = db
        return db.table(name)


class Store:
    """An open data folder. Use `Store.open`; close it when the app exits."""

    def __init__(
        self,
        data_dir: Path,
        raws: dict[str, RawData],
        *,
        read_only: bool,
        lock: DataDirLock | None,
        clock: Clock,
        trusted: Verified | None = None,
        pins: dict[str, Pin] | None = None,
    ) -> None:
        self.data_dir = data_dir
        self.read_only = read_only
        self._lock = lock
        self._clock = clock
        self._mutex = threading.RLock()
        self._backup_day: date | None = None
        # Held while a day's backup is written: every write to a data file takes it first
        # (`backup_if_new_day`), so none lands before the day's backup is complete.
        self._backup_lock = threading.Lock()
        self._backup_thread: threading.Thread | None = None
        self.backup_problem: str | None = None
        self._problem_shown: str | None = None
        self._trusted = trusted or Verified()
        self._pins = pins or {}  # read-only: lazy files as they were in the snapshot
        # A lazy family left out of `raws` is opened on first use (see `database`).
        self._dbs = {family: self._make_db(family, raw) for family, raw in raws.items()}
        self._open: Transaction | None = None  # the write under way (its thread holds the mutex)

    def today(self) -> date:
        """Today by the store's clock (imports date the people they add with it)."""
        return self._clock().date()

    def now(self) -> datetime:
        """Now by the store's clock (a saved call is stamped with it)."""
        return self._clock()

    @classmethod
    def open(
        cls,
        data_dir: Path,
        *,
        read_only: bool = False,
        clock: Clock = system_clock,
        adopt: bool = False,
        missing_ok: bool = False,
    ) -> Store:
        """Lock (unless read-only), check, migrate and back up the folder, then open it.

        Every file is parsed, upgraded in memory and record-checked before anything is
        written, so a damaged file is refused without being touched. A folder that holds
        other files and no coach data is refused (`NotACoachFolder`) unless `adopt` says
        the user agreed to it. A read-only open needs the folder to exist, unless
        `missing_ok` (a dry run into a folder an import would create).
        """
        folder = inspect_folder(data_dir)
        if read_only:
            return cls._open_read_only(folder, clock, missing_ok=missing_ok)
        if folder.kind is FolderKind.NOT_A_FOLDER:
            error = NotADirectoryError(errno.ENOTDIR, "not a folder", str(data_dir))
            raise DataDirUnavailable(data_dir, error)
        if folder.kind is FolderKind.OTHER and not adopt:
            raise NotACoachFolder(data_dir, folder.sample())
        ensure_private_dir(data_dir)
        lock = DataDirLock(data_dir).acquire()
        try:
            remove_stale_tmp(data_dir, WRITTEN_FILES, markers=(MARKER,))
            trusted = Verified.load(data_dir)
            zone = clock().tzinfo
            raws = {
                family: _load_checked(data_dir, family, trusted, zone=zone)
                for family in FAMILIES
                if not _can_wait(data_dir, family, trusted)
            }
            _write_upgrades(data_dir, raws, clock)
            paths = [family_path(data_dir, family) for family in FAMILIES]
            unread = [path.name for path in paths if path.stem not in raws]
            trusted.record(data_dir, paths, unread=unread, full=False)
            current = {family: loaded.current for family, loaded in raws.items()}
            store = cls(data_dir, current, read_only=False, lock=lock, clock=clock, trusted=trusted)
        except BaseException:
            lock.release()
            raise
        return store

    @classmethod
    def _open_read_only(cls, folder: Folder, clock: Clock, *, missing_ok: bool) -> Store:
        """Every file as it was at one moment, though the app may be saving meanwhile.

        A lazy family is pinned rather than parsed: read later, it is still the version
        of that moment. Upgrades happen in memory only; nothing is written.
        """
        data_dir = folder.path
        if folder.kind is FolderKind.NOT_A_FOLDER:
            raise DataDirMissing(data_dir, is_file=True)
        if folder.kind is FolderKind.MISSING and not missing_ok:
            raise DataDirMissing(data_dir)
        if folder.kind is FolderKind.OTHER:
            raise NotACoachFolder(data_dir, folder.sample())
        zone = clock().tzinfo
        found = read_snapshot(data_dir, lambda: _read_all(data_dir, zone), _ReadOnly.close)
        return cls(
            data_dir,
            found.raws,
            read_only=True,
            lock=None,
            clock=clock,
            trusted=found.trusted,
            pins=found.pins,
        )

    def files(self) -> list[Path]:
        """Every family file of this folder."""
        return [family_path(self.data_dir, family) for family in FAMILIES]

    def database(self, family: str) -> TinyDB:
        """The TinyDB object of one family (callers hold the mutex via a transaction).

        A lazy family is read here the first time it is asked for. It was found unchanged
        since coach last wrote it when the folder was opened, so its records are trusted.
        """
        db = self._dbs.get(family)
        if db is None:
            with self._mutex:
                db = self._dbs.get(family)
                if db is None:
                    db = self._dbs[family] = self._make_db(family, self._load_late(family))
        return db

    def _load_late(self, family: str) -> RawData:
        """Read a lazy family as `open` would have: checked unless trusted, upgraded."""
        pin = self._pins.pop(family, None)
        try:
            loaded = _load_checked(
                self.data_dir, family, self._trusted, pin, zone=self._clock().tzinfo
            )
        finally:
            if pin is not None:
                pin.close()
        if not self.read_only and loaded.on_disk is not None and loaded.needs_write:
            self.backup_if_new_day()
            _write_upgrades(self.data_dir, {family: loaded}, self._clock)
        return loaded.current

    def load_aside(self, family: str) -> None:
        """Read a lazy family's file into memory without holding the store meanwhile.

        A background job that is about to need a big file (the archive, tens of MB after
        years) loads it here first, so screens reading on the UI thread are not kept
        waiting while it is parsed and checked. The store is held only to put the result
        in place; if another thread loaded the family meanwhile, its copy is kept.
        """
        if family in self._dbs or self.read_only:  # a read-only open reads its snapshot's pin
            self.database(family)
            return
        db = self._make_db(family, self._load_late(family))
        with self._mutex:
            self._dbs.setdefault(family, db)

    def is_loaded(self, family: str) -> bool:
        """Whether a (lazy) family's file has been read into memory yet."""
        db = self._dbs.get(family)
        return db is not None and db.storage.is_loaded

    @contextmanager
    def reading(self) -> Iterator[Transaction]:
        """Consistent reads across tables while no save can interleave."""
        with self._mutex:
            yield Transaction(self, writable=False)

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """Changes made inside are written once per file at the end, or not at all.

        A transaction opened inside another one joins it: the repositories' writes of one
        user action (a unit of work, see `repository.py`) commit together at the end of the
        outermost one. A joined write that fails drops the whole unit, even if the failure
        is caught in between.
        """
        if self.read_only:
            raise RuntimeError("this store was opened read-only")
        with self._mutex:
            if self._open is not None:
                yield from self._joined(self._open)
                return
            tx = self._open = Transaction(self, writable=True)
            try:
                yield tx
            except BaseException:
                self._rollback(list(tx.held))
                raise
            finally:
                self._open = None
            if tx.failed:
                self._rollback(list(tx.held))
                raise RuntimeError("a write inside this save failed; nothing was saved")
            self.backup_if_new_day()
            if len(tx.held) > 1:
                self._commit_together(tx.held)
            else:
                for family, db in tx.held.items():
                    try:
                        db.storage.commit()
                    except BaseException:
                        self._rollback([family])
                        raise
            for then in tx._committed:
                then()

    @staticmethod
    def _joined(tx: Transaction) -> Iterator[Transaction]:
        try:
            yield tx
        except BaseException:
            tx.failed = True
            raise

    def _commit_together(self, held: dict[str, TinyDB]) -> None:
        """Write every changed file beside its target first, then swap them in.

        A full disk or a refused write fails while staging, before any file is replaced,
        so a save across files lands whole or not at all. Files are swapped in the order
        first used: a crash between two renames keeps the earlier ones (see the repos).
        Read-only commands are told the swap is under way (`snapshot.mark_publishing`).
        """
        staged: list[tuple[str, Path]] = []
        try:
            for family, db in held.items():
                tmp = db.storage.stage()
                if tmp is not None:
                    staged.append((family, tmp))
        except BaseException:
            for _family, tmp in staged:
                discard(tmp)
            self._rollback(list(held))
            raise
        if len(staged) < 2:  # one rename is atomic by itself
            self._publish(held, staged)
            return
        try:
            marker = mark_publishing(self.data_dir)
        except OSError as error:  # nothing was swapped in: the save fails whole
            for _family, tmp in staged:
                discard(tmp)
            self._rollback(list(held))
            raise StoreWriteError(self.data_dir, error) from error
        try:
            self._publish(held, staged)
        finally:
            discard(marker)

    def _publish(self, held: dict[str, TinyDB], staged: list[tuple[str, Path]]) -> None:
        for index, (family, tmp) in enumerate(staged):
            try:
                held[family].storage.publish(tmp)
            except BaseException:
                for _later, later_tmp in staged[index + 1 :]:
                    discard(later_tmp)
                self._rollback([name for name, _tmp in staged[index:]])
                raise

    def close(self) -> None:
        """Back up the day's work, then release the folder for the next coach."""
        self.wait_for_backup()
        with self._mutex:
            if self._lock is not None:
                self._fold_journals()
                self._backup_current_state()
                unread = [path.name for path in self.files() if path.stem not in self._dbs]
                self._trusted.record(self.data_dir, self.files(), unread=unread, full=True)
            for db in self._dbs.values():
                db.close()
            for pin in self._pins.values():
                pin.close()
            self._pins.clear()
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def _fold_journals(self) -> None:
        """Rewrite each journaled file with its journal folded in, so the next open reads
        one file per family and trusts it. If that fails the journal stays: nothing lost."""
        for db in self._dbs.values():
            try:
                db.storage.compact()
            except (StoreWriteError, UnreadableFile) as error:
                self.backup_problem = f"tidying a journal failed: {error}"

    def _make_db(self, family: str, raw: RawData | None) -> TinyDB:
        cache = WriteThroughCache(AtomicJSONStorage)
        db = TinyDB(
            family_path(self.data_dir, family),
            read_only=self.read_only,
            journaled=family in JOURNALED_FAMILIES,
            storage=cache,
        )
        if raw is not None:
            db.storage.seed(raw)
        return db

    def _rollback(self, families: list[str]) -> None:
        """Drop in-memory changes: the next read of these families comes from disk."""
        for family in families:
            self._dbs[family].storage.discard()
            if family in LAZY_FAMILIES:  # read again, stamped, when next used
                del self._dbs[family]
            else:
                self._dbs[family] = self._make_db(family, None)

    def backup_if_new_day(self) -> None:
        """Copy today's starting point of every file into the backups, once per day.

        Called after the records were checked at open and before each write to a data
        file, so every backup is a file that was known to be good. A backup under way in
        the background (`backup_in_background`) is waited for.
        """
        with self._mutex, self._backup_lock:
            if self._backup_day != self._clock().date():
                self._back_up_day(counts=None)

    def backup_in_background(self) -> None:
        """Start the day's backup in a thread, so the app draws its first screen meanwhile.

        It copies what open checked, and is safe to run beside the screens: they read
        from memory, and every write to a data file waits for it (`backup_if_new_day`).
        The lock is taken here, before the thread runs, so no save can slip in first. The
        records per table are counted now, from memory as open left it. A failure is kept
        in `backup_problem`, as for a backup taken at once.
        """
        if self._backup_day == self._clock().date() or self._backup_thread is not None:
            return  # taken, or under way
        counts = {family: self._counts_as_on_disk(family) for family in FAMILIES}
        self._backup_lock.acquire()
        thread = threading.Thread(
            target=self._back_up_and_release, args=(counts,), name="coach-daily-backup"
        )
        self._backup_thread = thread
        try:
            thread.start()
        except BaseException:
            self._backup_lock.release()
            raise

    def _back_up_and_release(self, counts: dict[str, Counts | None]) -> None:
        try:
            self._back_up_day(counts)
        except Exception as error:  # in a thread, it would reach the terminal as a traceback
            self.backup_problem = (
                f"the daily backup in {backup_root(self.data_dir)} was not made ({error}). "
                "Your data files themselves are fine; coach tries again at your next save."
            )
        finally:
            self._backup_lock.release()

    def wait_for_backup(self) -> None:
        """Return once a backup started in the background has finished."""
        thread = self._backup_thread
        if thread is not None:
            thread.join()

    def _back_up_day(self, counts: dict[str, Counts | None] | None) -> None:
        """The day's backup (the caller holds `_backup_lock`); `counts` as the store
        counted them when the files were as on disk, or `None` to count them now."""
        today = self._clock().date()
        day_dir = backup_root(self.data_dir) / today.isoformat()
        copies = {}  # only what today's backup lacks: the archive alone is tens of MB
        skipped = None
        for family in FAMILIES:
            path = family_path(self.data_dir, family)
            if (day_dir / path.name).exists():
                continue
            counted = self._counts_as_on_disk(family) if counts is None else counts[family]
            # What is on disk now, journal included: the pending save is not in it yet.
            try:
                copy = _as_on_disk(path, family in JOURNALED_FAMILIES, counted)
            except UnreadableFile as error:  # changed from outside since open: no copy
                skipped = f"the daily backup left out a file: {error}"
                continue
            if copy is not None:
                copies[path.name] = copy
        self._write_backup(copies, today, replace=False)
        self.backup_problem = skipped or self.backup_problem
        self._backup_day = today

    def _counts_as_on_disk(self, family: str) -> dict[str, int] | None:
        """Records per table of a family whose memory holds exactly what is on disk (read
        and nothing unsaved), so a backup's label can say them without parsing the copy."""
        db = self._dbs.get(family)
        if db is None or not db.storage.is_loaded or db.storage.has_unsaved:
            return None
        return counts_of(db.storage.read())

    def take_backup_problem(self) -> str | None:
        """A backup problem not handed out before (the app shows each one once)."""
        with self._mutex:
            problem = self.backup_problem
            if problem is None or problem == self._problem_shown:
                return None
            self._problem_shown = problem
            return problem

    def _backup_current_state(self) -> None:
        """Refresh today's backup with the data as coach holds it now (on a clean close).

        A file whose backup copy was written after its last change is skipped: at five
        years the unchanged archive alone would be tens of MB to copy at every close.
        """
        today = self._clock().date()
        day_dir = backup_root(self.data_dir) / today.isoformat()
        copies = {}
        for family in FAMILIES:
            path = family_path(self.data_dir, family)
            # No file, nothing saved: a lazy family read into memory but never written.
            if not path.exists() or _backed_up_since_changed(path, day_dir / path.name):
                continue
            if self.is_loaded(family):
                raw = self._dbs[family].storage.read()
                copies[path.name] = BackupCopy(orjson.dumps(raw), counts_of(raw))
            else:  # a lazy family never read: the file is its state
                copies[path.name] = BackupCopy.of_file(path)
        self._write_backup(copies, today, replace=True)

    def _write_backup(self, copies: dict[str, BackupCopy], today: date, *, replace: bool) -> None:
        try:
            daily_backup(self.data_dir, copies, today, replace=replace, now=self._clock())
            self.backup_problem = None
        except StoreError as error:
            self.backup_problem = str(error)
        except OSError as error:
            # A failed backup must not block the seller's work; the app and doctor say so.
            where = backup_root(self.data_dir)
            self.backup_problem = (
                f"the daily backup in {where} failed: {describe_os_error(error)}. Your data "
                "files themselves are saved as usual."
            )


@dataclass(frozen=True, slots=True)
class _Loaded:
    """One family file as found on disk and as this coach will use it."""

    on_disk: RawData | None
    current: RawData
    journal_found: bool = False

    @property
    def needs_write(self) -> bool:
        """New, upgraded, or with a journal to fold into the file."""
        return self.is_upgrade or self.on_disk is None or self.journal_found

    @property
    def is_upgrade(self) -> bool:
        return self.on_disk is not None and self.on_disk is not self.current


def _as_on_disk(path: Path, journaled: bool, counts: Counts | None) -> BackupCopy | None:
    """A family's backup copy: the file itself, or with a journal its bytes with the
    journal folded in; `None` without a file."""
    if journaled and journal_path(path).exists():
        content = family_bytes(path, journaled=True)
        return None if content is None else BackupCopy(content, counts)
    return BackupCopy.of_file(path, counts) if path.exists() else None


def _backed_up_since_changed(path: Path, copy: Path) -> bool:
    """Whether `copy` has `path`'s size and was written after `path` last changed."""
    try:
        source, backup = path.stat(), copy.stat()
    except OSError:
        return False
    return source.st_size == backup.st_size and backup.st_mtime_ns > source.st_mtime_ns


def _can_wait(data_dir: Path, family: str, trusted: Verified) -> bool:
    """A lazy family is left unread at open when its file is one coach wrote or checked:
    the same size and time, or (a copied folder) the same bytes, as recorded.

    Anything else (no fingerprint, an edit from outside, a crash after a write) checks
    it now like every other file, so a damaged archive is still caught at open.
    """
    if family not in LAZY_FAMILIES:
        return False
    path = family_path(data_dir, family)
    if not os.path.lexists(path):
        return not has_backup_copy(data_dir, path.name)  # never written yet: nothing to read
    return trusted.trusts(path, fingerprint(path))


def _load_checked(
    data_dir: Path,
    family: str,
    trusted: Verified,
    pin: Pin | None = None,
    *,
    zone: tzinfo | None,
) -> _Loaded:
    """Parse, shape-check, upgrade (in memory) and record-check one family file.

    `zone` is the seller's zone now, which older call times are read in (see `schema.py`).

    The shape and record checks are skipped for a file unchanged since coach last checked or
    wrote it, or holding the very bytes it did (see `verified.py`); a pinned file was, when
    it was pinned (`_can_wait`). A problem raises `UnreadableFile` naming the newest good
    backup.
    """
    path = family_path(data_dir, family)
    try:
        payload: bytes | None = None
        if pin is None:
            seen = fingerprint(path)  # before reading: a later change shows as a new time
            found = read_family_file(path, journaled=family in JOURNALED_FAMILIES)
            payload, raw, journal_found = found.payload, found.raw, found.journal_found
            unchanged = payload is not None and trusted.trusts(path, seen, payload)
        else:
            seen, raw, journal_found, unchanged = None, pin.read_raw(), False, True
        unchanged = unchanged and not journal_found
        if raw is None:
            _refuse_if_lost(data_dir, path)
            return _Loaded(None, stamp({}, family), journal_found)
        if not unchanged:  # a file exactly as coach wrote it has the shape coach gave it
            check_shape(raw, path)
        current = migrate(raw, family, path, zone) if needs_migration(raw, path) else raw
        if not unchanged or current is not raw:
            check_records(current, FAMILIES[family], path, at_open=True)
            if payload is not None and current is raw and not journal_found:
                trusted.passed(path, seen, payload)
    except UnreadableFile as error:
        raise error.with_backup(newest_good_backup(data_dir, path.name)) from None
    return _Loaded(raw, current, journal_found)


def _refuse_if_lost(data_dir: Path, path: Path) -> None:
    """Refuse to start a data file afresh when that would silently drop what it held."""
    reason = missing_reason(data_dir, path)
    if reason is not None:
        raise MissingDataFile(path, reason)


@dataclass(frozen=True, slots=True)
class _ReadOnly:
    """What one attempt at a read-only snapshot found."""

    trusted: Verified
    raws: dict[str, RawData]
    pins: dict[str, Pin]

    def close(self) -> None:
        for pin in self.pins.values():
            pin.close()


def _read_all(data_dir: Path, zone: tzinfo | None) -> _ReadOnly:
    """Every family file once: parsed and checked, or (a trusted lazy one) pinned."""
    trusted = Verified.load(data_dir)
    raws: dict[str, RawData] = {}
    pins: dict[str, Pin] = {}
    try:
        for family in FAMILIES:
            if _can_wait(data_dir, family, trusted):
                pins[family] = Pin(family_path(data_dir, family))
            else:
                raws[family] = _load_checked(data_dir, family, trusted, zone=zone).current
    except BaseException:
        _ReadOnly(trusted, raws, pins).close()
        raise
    return _ReadOnly(trusted, raws, pins)


def _write_upgrades(data_dir: Path, loaded: dict[str, _Loaded], clock: Clock) -> None:
    """Write new and migrated files, after a labelled backup of the ones being migrated."""
    migrated = [family_path(data_dir, family) for family, item in loaded.items() if item.is_upgrade]
    try:
        if migrated:
            snapshot(data_dir, migrated, f"before-v{SCHEMA_VERSION}", clock())
        for family, item in loaded.items():
            if item.needs_write:
                path = family_path(data_dir, family)
                write_family(path, item.current, journaled=family in JOURNALED_FAMILIES)
    except OSError as error:
        raise StoreWriteError(data_dir, error) from error
