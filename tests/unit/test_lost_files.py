"""A data file that is gone from a folder with data is damage, never a fresh empty start.

The issue: `rm accounts.json` in a folder with data → `doctor` said "missing — will be
created", `doctor --restore` said "Nothing needed restoring", opening the app wrote an
empty file and the day's backup went from 60 accounts to 0. The same for `core.json` and
for a link in its place that points at nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coach_tui.cli import main
from coach_tui.model.account import Account
from coach_tui.model.clock import system_clock
from coach_tui.model.why import new_why
from coach_tui.store import backup
from coach_tui.store.archive import archive_old_history
from coach_tui.store.backup import kept_copies
from coach_tui.store.doctor import FileState, diagnose
from coach_tui.store.errors import MissingDataFile
from coach_tui.store.repository import Repository
from tests.helpers import FakeClock, doctor_report

ACCOUNTS = 60


def seller_folder(data_dir: Path, clock: FakeClock) -> None:
    """A folder with a why and 60 accounts, closed cleanly (today's backup holds them)."""
    repo = Repository.open(data_dir, clock=clock)
    repo.why.save(new_why("For my family", {}, now=clock()))
    for number in range(ACCOUNTS):
        repo.accounts.save(Account(name=f"Account {number}", created_at=clock()))
    repo.close()


def backed_up_accounts(data_dir: Path) -> int:
    copy = json.loads((data_dir / "backups" / "2026-11-24" / "accounts.json").read_bytes())
    return len(copy["accounts"])


@pytest.mark.parametrize("name", ["accounts.json", "core.json"])
def test_a_deleted_file_is_refused_reported_and_restored(
    data_dir: Path, clock: FakeClock, name: str, capsys
) -> None:
    seller_folder(data_dir, clock)
    (data_dir / name).unlink()
    backup = data_dir / "backups" / "2026-11-24" / name

    with pytest.raises(MissingDataFile) as refused:
        Repository.open(data_dir, clock=clock)
    assert str(data_dir / name) in str(refused.value)
    assert str(backup) in str(refused.value)
    assert "coach doctor --restore" in str(refused.value)
    assert not (data_dir / name).exists()  # no empty file in its place
    assert main(["today", "--data", str(data_dir)]) == 1
    assert str(backup) in capsys.readouterr().err
    assert backed_up_accounts(data_dir) == ACCOUNTS

    (report,) = [r for r in diagnose(data_dir) if r.path.name == name]
    assert report.state is FileState.DAMAGED
    assert "missing" in report.detail
    assert report.newest_backup == backup
    code, text = doctor_report(data_dir, restore=True)
    assert f"Restored {name} from {backup}" in text
    assert code == 0

    repo = Repository.open(data_dir, clock=clock)
    assert len(repo.accounts.all()) == ACCOUNTS
    assert repo.why.current() is not None
    repo.close()
    assert backed_up_accounts(data_dir) == ACCOUNTS


def test_a_file_put_back_by_restore_is_no_change_without_a_backup(
    data_dir: Path, clock: FakeClock
) -> None:
    """Right after `--restore`, doctor must not warn that the day's backup failed: the
    restored file is a backup's copy. A change no backup holds still warns."""
    seller_folder(data_dir, clock)  # backed up on the clock's day, long before the real one
    (data_dir / "accounts.json").write_bytes(b"{broken")
    # Doctor runs on the real clock, as the file times it compares are real.
    _code, text = doctor_report(data_dir, restore=True, clock=system_clock)
    assert "Restored accounts.json" in text
    assert "no backup from that day" not in text

    (data_dir / "core.json").write_bytes((data_dir / "core.json").read_bytes() + b"\n")
    _code, text = doctor_report(data_dir, clock=system_clock)
    assert "Your data changed today but has no backup from that day" in text


def test_a_link_to_nothing_in_place_of_a_file_is_damage_and_restore_refills_its_target(
    data_dir: Path, tmp_path: Path, clock: FakeClock
) -> None:
    seller_folder(data_dir, clock)
    synced = tmp_path / "synced"
    synced.mkdir()
    (data_dir / "accounts.json").unlink()
    (data_dir / "accounts.json").symlink_to(synced / "accounts.json")

    with pytest.raises(MissingDataFile, match=r"is a link to .*which does not exist"):
        Repository.open(data_dir, clock=clock)
    (report,) = [r for r in diagnose(data_dir) if r.path.name == "accounts.json"]
    assert report.state is FileState.DAMAGED
    assert doctor_report(data_dir)[0] == 1

    doctor_report(data_dir, restore=True)
    assert (data_dir / "accounts.json").is_symlink()
    assert len(json.loads((synced / "accounts.json").read_bytes())["accounts"]) == ACCOUNTS


def test_a_folder_left_with_only_its_backups_is_still_coachs_and_restores(
    data_dir: Path, clock: FakeClock, capsys
) -> None:
    seller_folder(data_dir, clock)
    for path in data_dir.iterdir():  # `rm *`: every file goes, the backups folder stays
        if path.is_file():
            path.unlink()

    assert main(["today", "--data", str(data_dir)]) == 1
    assert "coach doctor --restore" in capsys.readouterr().err  # not "not a coach folder"
    code, text = doctor_report(data_dir, restore=True)
    assert "Restored accounts.json" in text
    assert code == 0
    repo = Repository.open(data_dir, clock=clock)
    assert len(repo.accounts.all()) == ACCOUNTS
    repo.close()


def test_a_fresh_folder_and_files_not_made_yet_start_normally(data_dir: Path, clock) -> None:
    Repository.open(data_dir, clock=clock).close()
    assert not (data_dir / "archive.json").exists()  # made by the first archive pass only
    repo = Repository.open(data_dir, clock=clock)
    repo.close()
    states = {report.path.name: report.state for report in diagnose(data_dir)}
    assert states["archive.json"] is FileState.MISSING
    assert FileState.DAMAGED not in states.values()


def test_a_day_that_empties_a_table_keeps_the_fuller_backup_beside_the_new_one(
    data_dir: Path, clock: FakeClock
) -> None:
    seller_folder(data_dir, clock)
    repo = Repository.open(data_dir, clock=clock)
    for account in repo.accounts.all():
        repo.accounts.delete(account.uid)
    repo.close()

    assert backed_up_accounts(data_dir) == 0  # the day's work, as it is now
    (kept,) = kept_copies(data_dir)
    assert kept.parent.name == "2026-11-24"
    assert kept.name.startswith("accounts.json.kept-")
    assert len(json.loads(kept.read_bytes())["accounts"]) == ACCOUNTS
    _code, text = doctor_report(data_dir)
    assert str(kept) in text


def test_a_refresh_that_fails_after_keeping_the_fuller_copy_leaves_the_days_copy_in_place(
    data_dir: Path, clock: FakeClock, monkeypatch
) -> None:
    seller_folder(data_dir, clock)
    repo = Repository.open(data_dir, clock=clock)
    for account in repo.accounts.all():
        repo.accounts.delete(account.uid)
    written = backup.write_atomic

    def full_disk(path: Path, payload: bytes) -> None:
        if path.name == "accounts.json":  # the refresh dies once the fuller copy is kept
            raise OSError(28, "No space left on device")
        written(path, payload)

    monkeypatch.setattr(backup, "write_atomic", full_disk)
    repo.close()

    assert backed_up_accounts(data_dir) == ACCOUNTS  # the day's copy never went missing
    assert repo.store.backup_problem is not None


def test_records_that_only_moved_to_the_archive_keep_nothing_aside(data_dir, clock) -> None:
    from tests.unit.test_archive import LONG_AGO, closed_touch

    repo = Repository.open(data_dir, clock=clock)
    repo.touches.save(closed_touch(LONG_AGO))
    repo.close()
    repo = Repository.open(data_dir, clock=clock)
    assert archive_old_history(repo.store, clock().date())
    repo.close()
    assert kept_copies(data_dir) == []
