"""The day's backup taken in a thread while the app draws its first screen.

Nothing may reach a live file before the day's backup is complete, a failed backup is
kept for the app to tell, and a backup cut short leaves no label claiming it complete.
"""

from __future__ import annotations

import errno
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from coach_tui.model.account import Account
from coach_tui.store import backup as backup_module
from coach_tui.store import store as store_module
from coach_tui.store.backup_label import read_label
from coach_tui.store.repository import Repository

NEXT_DAY = "2026-11-25"


@pytest.fixture
def yesterdays_folder(data_dir: Path, clock) -> Path:
    """A folder last opened yesterday: today's first open takes the day's backup."""
    repo = Repository.open(data_dir, clock=clock)
    repo.accounts.save(Account("Yesterday's account"))
    repo.close()
    clock.advance(days=1)
    return data_dir


def held_backup(monkeypatch) -> threading.Event:
    """Make the day's backup wait, as a slow disk would, until the event is set."""
    go_on = threading.Event()
    real = store_module.daily_backup

    def slow(*args, **kwargs):
        assert go_on.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(store_module, "daily_backup", slow)
    return go_on


def open_in_background(data_dir: Path, clock) -> Repository:
    return Repository.open(data_dir, clock=clock, backup_in_background=True)


def test_a_save_waits_until_the_days_backup_is_complete(
    yesterdays_folder: Path, clock, monkeypatch
) -> None:
    go_on = held_backup(monkeypatch)
    repo = open_in_background(yesterdays_folder, clock)
    live = yesterdays_folder / "accounts.json"
    before = live.read_bytes()
    saver = threading.Thread(target=repo.accounts.save, args=(Account("Today's account"),))
    saver.start()
    saver.join(0.3)
    assert saver.is_alive()  # waiting for the backup …
    assert live.read_bytes() == before  # … with nothing written
    go_on.set()
    saver.join(10)
    day = yesterdays_folder / "backups" / NEXT_DAY
    assert b"Yesterday's account" in (day / "accounts.json").read_bytes()
    assert b"Today's account" not in (day / "accounts.json").read_bytes()
    assert b"Today's account" in live.read_bytes()
    assert read_label(day) is not None
    repo.close()


def test_closing_waits_for_the_backup_under_way(
    yesterdays_folder: Path, clock, monkeypatch
) -> None:
    go_on = held_backup(monkeypatch)
    repo = open_in_background(yesterdays_folder, clock)
    threading.Timer(0.2, go_on.set).start()
    repo.close()
    assert not repo.store._backup_thread.is_alive()
    assert read_label(yesterdays_folder / "backups" / NEXT_DAY) is not None


FAILURES: dict[str, Callable[[Path, pytest.MonkeyPatch], None]] = {
    # A file where the backups folder should be: the disk refuses the copy.
    "a refused write": lambda data_dir, _patch: _file_in_the_way(data_dir),
    # Anything unforeseen: it must not reach the terminal as a thread's traceback.
    "an unforeseen error": lambda _data_dir, patch: patch.setattr(
        store_module, "daily_backup", _gremlin
    ),
}


def _file_in_the_way(data_dir: Path) -> None:
    (data_dir / "backups").rename(data_dir / "old-backups")
    (data_dir / "backups").write_text("a file in the way")


def _gremlin(*_args, **_kwargs) -> None:
    raise RuntimeError("a gremlin in the disk")


@pytest.mark.parametrize("failure", FAILURES.values(), ids=FAILURES.keys())
def test_a_failed_backup_is_kept_to_be_told_and_the_seller_works_on(
    yesterdays_folder: Path, clock, monkeypatch, capsys, failure
) -> None:
    failure(yesterdays_folder, monkeypatch)
    repo = open_in_background(yesterdays_folder, clock)
    repo.store.wait_for_backup()
    problem = repo.store.take_backup_problem()
    assert problem is not None and "daily backup" in problem
    monkeypatch.undo()
    repo.accounts.save(Account("Saved anyway"))
    assert b"Saved anyway" in (yesterdays_folder / "accounts.json").read_bytes()
    repo.close()
    assert capsys.readouterr().err == ""


def test_a_backup_cut_short_leaves_no_label(yesterdays_folder: Path, clock, monkeypatch) -> None:
    real = backup_module.BackupCopy.write
    written: list[str] = []

    def full_after_two_copies(copy: backup_module.BackupCopy, target: Path) -> None:
        if len(written) == 2:  # where a kill or a full disk stops the copying
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(target.name)
        real(copy, target)

    monkeypatch.setattr(backup_module.BackupCopy, "write", full_after_two_copies)
    repo = open_in_background(yesterdays_folder, clock)
    repo.store.wait_for_backup()
    day = yesterdays_folder / "backups" / NEXT_DAY
    assert sorted(path.name for path in day.iterdir()) == sorted(written)
    assert read_label(day) is None
    repo.close()
    monkeypatch.undo()
    Repository.open(yesterdays_folder, clock=clock).close()  # the next start completes it
    assert read_label(day) is not None


def test_an_open_told_to_back_up_later_takes_it_before_the_first_write(
    yesterdays_folder: Path, clock
) -> None:
    repo = Repository.open(yesterdays_folder, clock=clock, backup_later=True)
    day = yesterdays_folder / "backups" / NEXT_DAY
    assert not day.exists()  # the app starts it once its first screen shows
    repo.accounts.save(Account("Today's account"))  # a write before then takes it first
    assert b"Yesterday's account" in (day / "accounts.json").read_bytes()
    assert b"Today's account" not in (day / "accounts.json").read_bytes()
    repo.close()


def test_the_backup_is_started_once_however_often_asked(yesterdays_folder: Path, clock) -> None:
    repo = Repository.open(yesterdays_folder, clock=clock, backup_later=True)
    repo.store.backup_in_background()
    first = repo.store._backup_thread
    repo.store.backup_in_background()  # under way or done: not a second copy
    assert repo.store._backup_thread is first
    repo.close()
    assert read_label(yesterdays_folder / "backups" / NEXT_DAY) is not None
