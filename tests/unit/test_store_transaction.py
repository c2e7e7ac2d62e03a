"""Transactions: all changes in one atomic write, or none — on disk and in memory."""

import errno
import json
from pathlib import Path

import pytest

from coach_tui.model.draft import FlowDraft
from coach_tui.model.why import new_why
from coach_tui.services.flow_saves import save_why
from coach_tui.store import storage
from coach_tui.store.errors import StoreWriteError
from coach_tui.store.repository import Repository


def disk(data_dir: Path) -> dict:
    return json.loads((data_dir / "core.json").read_text())


def test_saving_a_why_drops_its_draft_in_the_same_write(data_dir, repo, clock, monkeypatch):
    repo.drafts.save(FlowDraft("why", 3, {"statement": "For my family"}, clock()))
    writes = []
    real = storage.write_atomic
    monkeypatch.setattr(storage, "write_atomic", lambda p, b: (writes.append(p), real(p, b)))
    save_why(repo, new_why("For my family", {}, now=clock()), draft="why")
    assert len(writes) == 1
    assert disk(data_dir)["drafts"] == {}
    assert len(disk(data_dir)["why"]) == 1


def test_exception_inside_a_transaction_changes_nothing(data_dir, repo, clock) -> None:
    before = (data_dir / "core.json").read_bytes()
    with pytest.raises(ZeroDivisionError), repo.store.transaction() as tx:
        tx.table("why").insert({"statement": "half"})
        _ = 1 / 0
    assert (data_dir / "core.json").read_bytes() == before
    assert repo.why.history() == []


def test_disk_full_keeps_disk_and_memory_on_the_last_good_state(
    data_dir, repo, clock, monkeypatch
) -> None:
    repo.why.save(new_why("Kept", {}, now=clock()))
    before = (data_dir / "core.json").read_bytes()

    def disk_full(path: Path, payload: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage, "write_atomic", disk_full)
    with pytest.raises(StoreWriteError) as caught:
        repo.why.save(new_why("Lost", {}, now=clock()))
    assert "the disk is full" in str(caught.value)
    assert "unchanged" in str(caught.value)
    monkeypatch.undo()
    assert (data_dir / "core.json").read_bytes() == before
    assert [why.statement for why in repo.why.history()] == ["Kept"]
    # The store keeps working once there is room again.
    repo.why.save(new_why("Later", {}, now=clock()))
    assert len(repo.why.history()) == 2


def test_reads_in_another_process_see_only_whole_saves(data_dir, repo, clock) -> None:
    repo.why.save(new_why("One", {}, now=clock()))
    reader = Repository.open(data_dir, read_only=True, clock=clock)
    assert [w.statement for w in reader.why.history()] == ["One"]
