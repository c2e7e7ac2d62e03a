"""Skipping the record check for files coach itself wrote and nobody has touched since."""

import json
import os
from pathlib import Path

import pytest

from coach_tui.model.account import Account
from coach_tui.store import store as store_module
from coach_tui.store.errors import UnreadableFile
from coach_tui.store.repository import Repository


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
