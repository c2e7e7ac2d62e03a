"""Drafts coach will not open are kept as files, never dropped; a bad one never blocks a folder."""

from __future__ import annotations

import errno
import json
import os
from datetime import timedelta
from pathlib import Path

import pytest

from coach_tui.model.draft import FlowDraft, flow_label
from coach_tui.store.errors import StoreError, StoreWriteError, UnreadableFile
from coach_tui.store.records import check_records
from coach_tui.store.repository import Repository
from tests.helpers import hand_edit_draft

REVIEW = "review:2026-W47"


def test_a_stopped_mark_is_kept_until_the_draft_is_saved_again(repo: Repository, clock) -> None:
    repo.drafts.save(FlowDraft(REVIEW, 3, {"went_well": "A lot"}, clock()))
    assert repo.drafts.mark_stopped([REVIEW, "why"], clock()) == [REVIEW]  # "why" has none
    draft = repo.drafts.get(REVIEW)
    assert draft is not None and draft.stopped_at == clock()
    assert repo.drafts.get("why") is None

    repo.drafts.save(FlowDraft(REVIEW, 4, {"went_well": "A lot"}, clock()))
    draft = repo.drafts.get(REVIEW)
    assert draft is not None and draft.stopped_at is None


def test_setting_a_draft_aside_writes_it_to_a_private_file_then_drops_it(
    repo: Repository, data_dir: Path, clock
) -> None:
    words = "Het ging goed — 進展 ✓\nline two \x1b]0;pwned\x07 \u202eevil"
    repo.drafts.save(FlowDraft(REVIEW, 2, {"went_well": words}, clock()))
    kept = repo.drafts.set_aside(REVIEW, "coach stopped on an error", clock())
    assert kept is not None
    assert kept.path.parent == data_dir / "drafts-set-aside"
    assert kept.path.name == "review-2026-W47-20261124-083000.json"
    assert repo.drafts.get(REVIEW) is None
    text = kept.path.read_text(encoding="utf-8")
    assert "進展" in text  # readable words, not \\u escapes
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    stored = json.loads(text)
    assert stored["draft"]["answers"]["went_well"] == words  # exactly what was typed
    assert stored["reason"] == "coach stopped on an error"
    assert kept.path.stat().st_mode & 0o777 == 0o600
    assert kept.path.parent.stat().st_mode & 0o777 == 0o700


def test_a_second_draft_set_aside_in_the_same_second_gets_its_own_file(
    repo: Repository, clock
) -> None:
    paths = []
    for words in ("first", "second"):
        repo.drafts.save(FlowDraft(REVIEW, 0, {"went_well": words}, clock()))
        kept = repo.drafts.set_aside(REVIEW, "again", clock())
        assert kept is not None
        paths.append(kept.path)
    assert [p.name for p in paths] == [
        "review-2026-W47-20261124-083000.json",
        "review-2026-W47-20261124-083000-2.json",
    ]
    assert "second" in paths[1].read_text()


def test_a_failed_write_keeps_the_draft_and_leaves_no_file(
    repo: Repository, data_dir: Path, clock, monkeypatch
) -> None:
    repo.drafts.save(FlowDraft(REVIEW, 0, {"went_well": "keep me"}, clock()))

    def disk_full(_fd: int, _data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", disk_full)
    with pytest.raises(StoreWriteError, match="the disk is full"):
        repo.drafts.set_aside(REVIEW, "x", clock())
    monkeypatch.undo()
    assert list((data_dir / "drafts-set-aside").iterdir()) == []
    draft = repo.drafts.get(REVIEW)
    assert draft is not None and draft.answer("went_well") == "keep me"


def test_a_linked_set_aside_folder_is_refused_and_the_draft_kept(
    repo: Repository, data_dir: Path, tmp_path: Path, clock
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (data_dir / "drafts-set-aside").symlink_to(elsewhere)
    repo.drafts.save(FlowDraft(REVIEW, 0, {"went_well": "keep me"}, clock()))
    with pytest.raises(StoreError, match="is a link"):
        repo.drafts.set_aside(REVIEW, "x", clock())
    assert list(elsewhere.iterdir()) == []
    assert repo.drafts.get(REVIEW) is not None


def test_a_folder_with_an_unreadable_draft_opens_and_sets_it_aside(
    open_repo, data_dir: Path, clock
) -> None:
    open_repo().close()
    hand_edit_draft(data_dir, {"flow": REVIEW, "step": -2, "answers": {"focus": "Words"}}, doc_id=9)
    hand_edit_draft(data_dir, {"flow": 7, "answers": "not a map"}, doc_id=10)

    repo = open_repo()  # used to refuse the folder: "core.json … record #9 is damaged"
    found = repo.drafts.unreadable()
    assert [(d.doc_id, d.flow) for d in found] == [(9, REVIEW), (10, "")]
    assert repo.drafts.all() == []
    with pytest.raises(StoreError):
        repo.drafts.get(REVIEW)  # the flow's opener sets it aside on this
    kept = repo.drafts.set_aside_unreadable(clock())
    assert sorted(k.path.name for k in kept) == [
        "draft-20261124-083000.json",
        "review-2026-W47-20261124-083000.json",
    ]
    assert repo.drafts.unreadable() == []
    assert json.loads(kept[0].path.read_text())["draft"]["answers"] == {"focus": "Words"}
    assert "'step' is negative" in kept[0].reason


def test_setting_aside_nothing_writes_nothing(repo: Repository, data_dir: Path, clock) -> None:
    """Run at every start: with every draft readable it must not rewrite core.json."""
    repo.drafts.save(FlowDraft(REVIEW, 0, {}, clock()))
    before = (data_dir / "core.json").stat().st_mtime_ns
    clock.advance(minutes=1)
    assert repo.drafts.set_aside_unreadable(clock()) == []
    assert (data_dir / "core.json").stat().st_mtime_ns == before
    assert not (data_dir / "drafts-set-aside").exists()


def test_imports_still_refuse_an_unreadable_draft(tmp_path: Path) -> None:
    raw = {"drafts": {"1": {"flow": "why", "step": "two"}}}
    with pytest.raises(UnreadableFile, match="'step' should be a whole number"):
        check_records(raw, ("drafts",), tmp_path / "import")
    check_records(raw, ("drafts",), tmp_path / "core.json", at_open=True)  # the app sets it aside


@pytest.mark.parametrize(
    ("flow", "label"),
    [
        ("why", "Your why"),
        ("plan-year", "Plan the year"),
        ("review:2026-W47", "The weekly review of 2026-W47"),
        ("prep:abc", "A call's prep"),
        ("debrief:abc", "A call's debrief"),
        ("campaign:abc", "An account's entry campaign"),
        ("objective:abc", "An account's strategic objective"),
        ("mystery", "The flow 'mystery'"),
    ],
)
def test_every_flow_has_a_name_people_use(flow: str, label: str) -> None:
    assert flow_label(flow) == label


def test_the_stopped_mark_survives_reopening(open_repo, clock) -> None:
    repo = open_repo()
    repo.drafts.save(FlowDraft("why", 1, {"gives": "x"}, clock()))
    repo.drafts.mark_stopped(["why"], clock() - timedelta(minutes=5))
    repo.close()
    draft = open_repo().drafts.get("why")
    assert draft is not None and draft.stopped_at == clock() - timedelta(minutes=5)
