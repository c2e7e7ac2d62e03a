"""A unit of work: the repositories' writes of one user action commit together, or not at all."""

import json
from pathlib import Path

import pytest

from coach_tui.model.call import Call
from coach_tui.model.draft import FlowDraft
from coach_tui.model.why import new_why
from coach_tui.store.errors import StoreWriteError
from coach_tui.store.repository import Repository
from tests.helpers import TUESDAY_MORNING
from tests.unit.faults import NthWriteFails


def on_disk(data_dir: Path, family: str) -> dict:
    return json.loads((data_dir / f"{family}.json").read_text())


def test_writes_inside_reach_the_disk_only_when_the_unit_ends(data_dir, repo, clock) -> None:
    repo.drafts.save(FlowDraft("why", 1, {"statement": "For my family"}, clock()))
    call = Call("acc", TUESDAY_MORNING)
    with repo.unit_of_work() as uow:
        repo.calls.save(call)
        repo.why.save(new_why("For my family", {}, now=clock()))
        uow.discard_draft("why")
        assert on_disk(data_dir, "calls").get("calls", {}) == {}
        assert on_disk(data_dir, "core").get("why", {}) == {}
        assert repo.calls.get(call.uid) is not None  # the unit reads its own writes
    assert [c["uid"] for c in on_disk(data_dir, "calls")["calls"].values()] == [call.uid]
    assert len(on_disk(data_dir, "core")["why"]) == 1
    assert on_disk(data_dir, "core").get("drafts", {}) == {}


def test_an_error_inside_saves_nothing_in_any_file_or_in_memory(data_dir, repo, clock) -> None:
    repo.drafts.save(FlowDraft("why", 1, {}, clock()))
    before = {family: on_disk(data_dir, family) for family in ("core", "calls")}
    call = Call("acc", TUESDAY_MORNING)
    with pytest.raises(ZeroDivisionError), repo.unit_of_work() as uow:
        repo.calls.save(call)
        uow.discard_draft("why")
        _ = 1 / 0
    assert {family: on_disk(data_dir, family) for family in ("core", "calls")} == before
    assert repo.calls.get(call.uid) is None
    assert repo.drafts.get("why") is not None


def test_a_failed_write_caught_inside_still_drops_the_whole_unit(data_dir, repo, clock) -> None:
    """Swallowing a repository's refusal must not save the rest of the action half done."""
    repo.drafts.save(FlowDraft("objective", 1, {}, clock()))
    call = Call("acc", TUESDAY_MORNING)
    with pytest.raises(RuntimeError, match="nothing was saved"), repo.unit_of_work() as uow:
        repo.calls.save(call)
        with pytest.raises(ZeroDivisionError), repo.store.transaction():
            _ = 1 / 0
        uow.discard_draft("objective")
    assert repo.calls.get(call.uid) is None
    assert repo.drafts.get("objective") is not None
    repo.calls.save(call)  # the store keeps working
    assert repo.calls.get(call.uid) is not None


def test_a_full_disk_at_the_second_file_saves_neither(data_dir, repo, clock, monkeypatch) -> None:
    repo.drafts.save(FlowDraft("why", 1, {}, clock()))
    call = Call("acc", TUESDAY_MORNING)
    disk = NthWriteFails(monkeypatch)
    with pytest.raises(StoreWriteError), repo.unit_of_work() as uow:
        repo.calls.save(call)
        uow.discard_draft("why")
    assert disk.written == ["calls.json", "core.json"]
    monkeypatch.undo()
    reopened = Repository.open(data_dir, read_only=True, clock=clock)
    assert reopened.calls.get(call.uid) is None
    assert reopened.drafts.get("why") is not None
    assert repo.calls.get(call.uid) is None


def test_discarding_no_draft_is_allowed(repo) -> None:
    call = Call("acc", TUESDAY_MORNING)
    with repo.unit_of_work() as uow:
        repo.calls.save(call)
        uow.discard_draft(None)
    assert repo.calls.get(call.uid) is not None
