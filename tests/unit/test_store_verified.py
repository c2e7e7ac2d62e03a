"""Skipping the record check for files coach itself wrote and nobody has touched since."""

import json
import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from coach_tui.model.account import Account
from coach_tui.model.touch import Channel, Purpose, Touch, TouchStatus
from coach_tui.store import store as store_module
from coach_tui.store.archive import archive_old_history
from coach_tui.store.errors import UnreadableFile
from coach_tui.store.repository import Repository


def closed_touch(day: date) -> Touch:
    return Touch(
        "old-camp",
        "acc",
        "person",
        day,
        Channel.EMAIL,
        Purpose.SHARE_INSIGHT,
        status=TouchStatus.DONE,
        closed_on=day,
    )


def checks(monkeypatch) -> list[str]:
    """The files whose records get decoded from now on."""
    seen: list[str] = []
    real = store_module.check_records

    def spy(raw, tables, path, *args, **kwargs):
        seen.append(path.name)
        return real(raw, tables, path, *args, **kwargs)

    monkeypatch.setattr(store_module, "check_records", spy)
    return seen


def test_unchanged_files_are_not_decoded_again(data_dir: Path, clock, monkeypatch) -> None:
    repo = Repository.open(data_dir, clock=clock)
    repo.accounts.save(Account("Nordvale Foods"))
    repo.close()
    seen = checks(monkeypatch)
    Repository.open(data_dir, clock=clock).close()
    assert seen == []


def test_a_file_edited_outside_coach_is_checked_and_refused(data_dir: Path, clock) -> None:
    repo = Repository.open(data_dir, clock=clock)
    repo.accounts.save(Account("Nordvale Foods"))
    repo.close()
    path = data_dir / "accounts.json"
    raw = json.loads(path.read_text())
    (record,) = raw["accounts"].values()
    record["name"] = 42
    path.write_text(json.dumps(raw))
    with pytest.raises(UnreadableFile, match="'name' should be text"):
        Repository.open(data_dir, clock=clock)


def test_same_size_edit_is_caught_by_its_new_modification_time(
    data_dir: Path, clock, monkeypatch
) -> None:
    repo = Repository.open(data_dir, clock=clock)
    repo.accounts.save(Account("Nordvale Foods"))
    repo.close()
    path = data_dir / "accounts.json"
    before = path.stat()
    path.write_bytes(path.read_bytes().replace(b"Nordvale", b"Nordhale"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000))
    seen = checks(monkeypatch)
    Repository.open(data_dir, clock=clock).close()
    assert seen == ["accounts.json"]


def test_a_crash_leaves_stale_prints_so_changed_files_are_checked(
    data_dir: Path, clock, monkeypatch
) -> None:
    Repository.open(data_dir, clock=clock).close()
    repo = Repository.open(data_dir, clock=clock)
    repo.accounts.save(Account("Saved before the crash"))
    # No close: the process "dies" with the lock file left behind, as after a kill.
    repo.store._lock.release()
    seen = checks(monkeypatch)
    Repository.open(data_dir, clock=clock).close()
    assert "accounts.json" in seen


def test_a_garbled_fingerprint_file_only_means_a_full_check(
    data_dir: Path, clock, monkeypatch
) -> None:
    Repository.open(data_dir, clock=clock).close()
    (data_dir / "verified.json").write_text("{not json")
    seen = checks(monkeypatch)
    Repository.open(data_dir, clock=clock).close()
    assert "core.json" in seen


# --- trust by content: a copied folder keeps its trust, an edit from outside does not ----


def with_history(data_dir: Path, clock) -> None:
    """A closed folder with an account and an archive (old history moved out)."""
    repo = Repository.open(data_dir, clock=clock)
    repo.accounts.save(Account("Nordvale Foods"))
    repo.touches.save(closed_touch(date(2024, 3, 4)))
    archive_old_history(repo.store, clock().date())
    repo.close()
    assert (data_dir / "archive.json").exists()


def new_times(folder: Path) -> None:
    """What a copy, a restore or a sync does: same bytes, another modification time."""
    for path in folder.iterdir():
        if path.is_file():
            found = path.stat()
            os.utime(path, ns=(found.st_atime_ns, found.st_mtime_ns + 7_000_000_000))


def copy_of(data_dir: Path, tmp_path: Path) -> Path:
    """The folder copied elsewhere file by file (new files: new times)."""
    copy = tmp_path / "copied"
    shutil.copytree(data_dir, copy, copy_function=shutil.copyfile)
    new_times(copy)
    return copy


def same_size_edit(path: Path, old: bytes, new: bytes) -> None:
    """An edit from outside that keeps the size; its time changes as any edit's does."""
    assert len(old) == len(new)
    payload = path.read_bytes()
    assert payload.count(old) == 1
    path.write_bytes(payload.replace(old, new))
    new_times(path.parent)


def test_a_copied_folder_is_trusted_without_a_record_check(
    data_dir: Path, tmp_path: Path, clock, monkeypatch
) -> None:
    with_history(data_dir, clock)
    copy = copy_of(data_dir, tmp_path)
    seen = checks(monkeypatch)
    repo = Repository.open(copy, clock=clock)
    assert seen == []
    assert not repo.store.is_loaded("archive")  # the big file waits, as before the copy
    assert repo.touches.for_account("acc")  # the archive read now: still not checked
    assert seen == []
    repo.close()
    Repository.open(copy, clock=clock).close()  # the new times were recorded
    assert seen == []


def test_a_copied_folder_is_trusted_by_a_read_only_command(
    data_dir: Path, tmp_path: Path, clock, monkeypatch
) -> None:
    with_history(data_dir, clock)
    copy = copy_of(data_dir, tmp_path)
    seen = checks(monkeypatch)
    Repository.open(copy, clock=clock, read_only=True).close()
    assert seen == []


EDITS = {
    # A text field made a number, in the same number of bytes.
    "an account's name": ("accounts.json", b'"Nordvale Foods"', b"1234567890123456"),
    # A value that is not one of its choices, in the big file left unread at open.
    "an archived touch's status": ("archive.json", b'"status":"done"', b'"status":"dune"'),
}


@pytest.mark.parametrize("edit", EDITS.values(), ids=EDITS.keys())
def test_a_same_size_edit_with_a_new_time_is_checked_and_refused(
    data_dir: Path, clock, edit: tuple[str, bytes, bytes]
) -> None:
    with_history(data_dir, clock)
    name, old, new = edit
    same_size_edit(data_dir / name, old, new)
    with pytest.raises(UnreadableFile, match=name):
        Repository.open(data_dir, clock=clock)


def test_a_same_size_edit_that_passes_is_checked_then_trusted(
    data_dir: Path, clock, monkeypatch
) -> None:
    with_history(data_dir, clock)
    same_size_edit(data_dir / "accounts.json", b"Nordvale", b"Nordhale")
    seen = checks(monkeypatch)
    Repository.open(data_dir, clock=clock).close()
    assert seen == ["accounts.json"]
    new_times(data_dir)
    Repository.open(data_dir, clock=clock).close()
    assert seen == ["accounts.json"]  # its new bytes were recorded when they passed


def test_fingerprints_from_before_digests_are_read_and_completed_on_close(
    data_dir: Path, tmp_path: Path, clock, monkeypatch
) -> None:
    with_history(data_dir, clock)
    verified = data_dir / "verified.json"
    old_style = {name: value[:2] for name, value in json.loads(verified.read_bytes()).items()}
    verified.write_text(json.dumps(old_style))
    seen = checks(monkeypatch)
    repo = Repository.open(data_dir, clock=clock)
    assert seen == []  # trusted by size and time, as that coach recorded them
    assert not repo.store.is_loaded("archive")
    repo.close()
    recorded = json.loads(verified.read_bytes())
    assert recorded.keys() == old_style.keys()
    assert all(len(value) == 3 for value in recorded.values())
    Repository.open(copy_of(data_dir, tmp_path), clock=clock).close()
    assert seen == []
