"""The touches journal: small saves append a line; every way of reading folds it in."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from coach_tui.commands.doctor import print_doctor
from coach_tui.model.touch import Channel, Purpose, Touch, TouchStatus
from coach_tui.store import journal, storage
from coach_tui.store.errors import StoreWriteError, UnreadableFile
from coach_tui.store.journal import BASE, encode_line, replay
from coach_tui.store.repository import Repository
from coach_tui.store.storage import read_family
from tests.helpers import FakeClock

TODAY = date(2026, 11, 24)


def touch(due: date = TODAY, **changes) -> Touch:
    fields = {"channel": Channel.EMAIL, "purpose": Purpose.SHARE_INSIGHT}
    return Touch("camp", "acc", "person", due, **(fields | changes))


def done(planned: Touch, note: str = "sent") -> Touch:
    return replace(planned, status=TouchStatus.DONE, closed_on=TODAY, outcome=note)


def crash_copy(data_dir: Path, target: Path) -> Path:
    """The folder as a power cut would leave it now: files on disk, no clean close."""
    shutil.copytree(data_dir, target, ignore=shutil.ignore_patterns("coach.lock"))
    return target


def journal_of(data_dir: Path) -> Path:
    return data_dir / "touches.journal"


# The format


def test_replay_applies_only_lines_of_the_files_token_and_skips_a_torn_tail() -> None:
    raw = {"_meta": {"1": {"schema": 1, BASE: "now"}}, "touches": {"1": {"uid": "a"}}}
    payload = (
        encode_line("older", [("touches", "1", {"uid": "stale"})])
        + encode_line("now", [("touches", "2", {"uid": "b"})])
        + encode_line("now", [("touches", "1", None)])
        + encode_line("now", [("touches", "3", {"uid": "torn"})])[:-9]
    )
    applied = replay(raw, payload, Path("touches.json"))
    assert applied == 2
    assert raw["touches"] == {"2": {"uid": "b"}}


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b"not json at all\n", "is not a change coach saved"),
        (b'{"base": "now"}\n', "is not a change coach saved"),
        (b'{"base": "now", "changes": [["touches", "x", {}]]}\n', "not a record"),
        (b'{"base": "now", "changes": [["touches", "1", 5]]}\n', "not a record"),
    ],
)
def test_a_complete_line_coach_did_not_write_is_damage(line: bytes, reason: str) -> None:
    raw = {"_meta": {"1": {"schema": 1, BASE: "now"}}}
    with pytest.raises(UnreadableFile) as caught:
        replay(raw, line, Path("touches.json"))
    assert reason in caught.value.reason
    assert "touches.journal" in caught.value.reason


# Saving


def test_marking_a_touch_done_appends_a_line_and_leaves_the_file_alone(repo, data_dir) -> None:
    planned = touch()
    repo.touches.save(planned)
    before = (data_dir / "touches.json").read_bytes()
    lines_before = journal_of(data_dir).read_bytes().splitlines()

    repo.touches.save(done(planned))

    assert (data_dir / "touches.json").read_bytes() == before
    lines = journal_of(data_dir).read_bytes().splitlines()
    assert lines[:-1] == lines_before
    entry = json.loads(lines[-1])
    assert entry["base"] == json.loads(before)["_meta"]["1"][BASE]
    assert [change[2]["status"] for change in entry["changes"]] == ["done"]
    assert repo.touches.for_campaign("camp") == [done(planned)]


def test_new_and_deleted_touches_are_journaled_record_by_record(repo, data_dir) -> None:
    kept, dropped = touch(), touch(TODAY + timedelta(days=3))
    repo.touches.save_many([kept, dropped])
    added = touch(TODAY + timedelta(days=9))
    repo.touches.save(added)
    repo.touches.delete(dropped.uid)

    entries = [json.loads(line) for line in journal_of(data_dir).read_bytes().splitlines()]
    assert [len(entry["changes"]) for entry in entries] == [2, 1, 1]
    assert entries[1]["changes"][0][2]["uid"] == added.uid
    assert entries[2]["changes"][0][2] is None
    on_disk, _found = read_family(data_dir / "touches.json", journaled=True)
    assert on_disk is not None
    uids = {record["uid"] for record in on_disk["touches"].values()}
    assert uids == {kept.uid, added.uid}


def test_a_long_journal_is_folded_into_a_rewrite(repo, data_dir, monkeypatch) -> None:
    planned = touch()
    repo.touches.save(planned)
    assert journal_of(data_dir).exists()
    monkeypatch.setattr(storage, "COMPACT_AFTER_BYTES", 1)

    repo.touches.save(done(planned, "second"))  # past the limit: rewritten

    assert not journal_of(data_dir).exists()
    on_disk = json.loads((data_dir / "touches.json").read_bytes())
    assert [record["outcome"] for record in on_disk["touches"].values()] == ["second"]


def test_a_failed_append_saves_nothing_and_the_journal_stays_whole(
    repo, data_dir, monkeypatch
) -> None:
    planned = touch()
    repo.touches.save(planned)
    repo.touches.save(done(planned, "kept"))
    before = journal_of(data_dir).read_bytes()
    real_write = journal.os.write

    def half_then_full(fd: int, data) -> int:
        real_write(fd, bytes(data[:10]))  # part of the line lands, then the disk is full
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(journal.os, "write", half_then_full)
    with pytest.raises(StoreWriteError, match="the disk is full"):
        repo.touches.save(done(planned, "lost"))
    monkeypatch.undo()

    assert journal_of(data_dir).read_bytes() == before
    assert repo.touches.for_campaign("camp") == [done(planned, "kept")]
    repo.touches.save(done(planned, "later"))
    assert repo.touches.for_campaign("camp") == [done(planned, "later")]


# Reading it back


def test_a_crash_keeps_every_journaled_save_and_the_next_open_folds_it_in(
    repo, data_dir, tmp_path, clock
) -> None:
    first, second = touch(), touch(TODAY + timedelta(days=1))
    repo.touches.save_many([first, second])
    repo.touches.save(done(first))
    repo.touches.save(done(second))
    crashed = crash_copy(data_dir, tmp_path / "crashed")
    assert journal_of(crashed).exists()

    reopened = Repository.open(crashed, clock=clock)
    try:
        assert sorted(t.status.value for t in reopened.touches.for_campaign("camp")) == [
            "done",
            "done",
        ]
        assert not journal_of(crashed).exists()  # folded into the file at open
        on_disk = json.loads((crashed / "touches.json").read_bytes())
        assert {record["status"] for record in on_disk["touches"].values()} == {"done"}
    finally:
        reopened.close()


def test_a_journal_left_from_before_a_rewrite_changes_nothing(
    repo, data_dir, tmp_path, clock, monkeypatch
) -> None:
    planned = touch()
    repo.touches.save(planned)
    repo.touches.save(done(planned, "journaled"))
    old_journal = journal_of(data_dir).read_bytes()
    monkeypatch.setattr(storage, "COMPACT_AFTER_BYTES", 1)
    repo.touches.save(replace(planned, idea="rewritten"))  # the journal is folded in
    assert not journal_of(data_dir).exists()
    crashed = crash_copy(data_dir, tmp_path / "crashed")
    journal_of(crashed).write_bytes(old_journal)  # as if removing it had failed

    reopened = Repository.open(crashed, clock=clock)
    try:
        assert reopened.touches.for_campaign("camp") == [replace(planned, idea="rewritten")]
        assert not journal_of(crashed).exists()
    finally:
        reopened.close()


def test_a_read_only_open_sees_journaled_saves_while_the_app_holds_the_folder(
    repo, data_dir
) -> None:
    planned = touch()
    repo.touches.save(planned)
    repo.touches.save(done(planned))
    reader = Repository.open(data_dir, read_only=True)
    try:
        assert reader.touches.for_campaign("camp") == [done(planned)]
    finally:
        reader.close()
    assert journal_of(data_dir).exists()  # a reader never rewrites anything


def test_a_clean_close_folds_the_journal_and_the_next_open_trusts_the_file(
    open_repo, data_dir
) -> None:
    repo = open_repo()
    planned = touch()
    repo.touches.save(planned)
    repo.touches.save(done(planned))
    repo.close()
    assert not journal_of(data_dir).exists()
    on_disk = json.loads((data_dir / "touches.json").read_bytes())
    assert [record["status"] for record in on_disk["touches"].values()] == ["done"]
    verified = json.loads((data_dir / "verified.json").read_bytes())
    stat = (data_dir / "touches.json").stat()
    assert verified["touches.json"][:2] == [stat.st_size, stat.st_mtime_ns]


def test_a_new_days_backup_holds_the_journaled_saves(repo, data_dir, clock: FakeClock) -> None:
    planned = touch()
    repo.touches.save(planned)
    repo.touches.save(done(planned))
    clock.advance(days=1)  # the app stays open past midnight

    repo.touches.save(touch(TODAY + timedelta(days=5)))  # the new day's first save

    day = clock().date().isoformat()
    backup = json.loads((data_dir / "backups" / day / "touches.json").read_bytes())
    statuses = sorted(record["status"] for record in backup["touches"].values())
    assert statuses == ["done"]  # the day's starting point: journal in, new save not yet


def test_doctor_restore_keeps_every_good_journal_line_and_names_the_bad_one(
    open_repo, data_dir, tmp_path, clock, capsys
) -> None:
    repo = open_repo()
    first, second = touch(), touch(TODAY + timedelta(days=1))
    repo.touches.save_many([first, second])
    repo.close()  # the morning's clean state, backed up
    repo = open_repo()
    repo.touches.save(done(first, "called"))
    repo.touches.save(done(second, "mailed"))
    crashed = crash_copy(data_dir, tmp_path / "crashed")  # SIGKILL: no close
    with journal_of(crashed).open("ab") as handle:
        handle.write(b"a line nobody wrote\n")

    with pytest.raises(UnreadableFile, match=r"line 3 of its journal \(touches\.journal\)"):
        Repository.open(crashed, clock=clock)
    assert print_doctor(crashed, restore=False) == 1
    assert "touches.journal" in capsys.readouterr().out

    assert print_doctor(crashed, restore=True) == 0
    out = " ".join(capsys.readouterr().out.split())
    (aside,) = crashed.glob("touches.journal.damaged-*")
    assert "kept the 2 good saves of its journal and set aside line 3" in out
    assert aside.name in out
    assert b"a line nobody wrote" in aside.read_bytes()
    assert not journal_of(crashed).exists()
    reopened = Repository.open(crashed, clock=clock)
    try:
        assert sorted(t.outcome for t in reopened.touches.for_campaign("camp")) == [
            "called",
            "mailed",
        ]
    finally:
        reopened.close()


@pytest.mark.parametrize(
    "bad_change",
    [
        ("touches", "77", {"uid": "zzz", "name": "an account, not a touch"}),
        ("accounts", "1", {"uid": "zzz", "name": "Acme"}),  # a table of another file
    ],
    ids=["record no form saves", "table of another file"],
)
def test_a_journal_line_that_parses_but_holds_a_bad_record_costs_only_that_line(
    open_repo, data_dir, tmp_path, clock, capsys, bad_change
) -> None:
    repo = open_repo()
    first, second = touch(), touch(TODAY + timedelta(days=1))
    repo.touches.save_many([first, second])
    repo.close()  # the morning's clean state, backed up
    repo = open_repo()
    repo.touches.save(done(first, "called"))
    repo.touches.save(done(second, "mailed"))
    crashed = crash_copy(data_dir, tmp_path / "crashed")
    token = journal.base_token(json.loads((crashed / "touches.json").read_bytes()))
    with journal_of(crashed).open("ab") as handle:
        handle.write(encode_line(token, [bad_change]))

    with pytest.raises(UnreadableFile):
        Repository.open(crashed, clock=clock)
    assert print_doctor(crashed, restore=True) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "kept the 2 good saves of its journal and set aside line 3" in out
    reopened = Repository.open(crashed, clock=clock)
    try:
        assert sorted(t.outcome for t in reopened.touches.for_campaign("camp")) == [
            "called",
            "mailed",
        ]
    finally:
        reopened.close()


def test_restoring_a_damaged_touches_file_names_the_journal_it_set_aside(
    open_repo, data_dir, tmp_path, capsys
) -> None:
    repo = open_repo()
    planned = touch()
    repo.touches.save(planned)
    repo.close()  # a good backup exists
    repo = open_repo()
    repo.touches.save(done(planned))
    crashed = crash_copy(data_dir, tmp_path / "crashed")
    (crashed / "touches.json").write_bytes(b"{broken")  # the file itself is damaged

    assert print_doctor(crashed, restore=True) == 0
    out = " ".join(capsys.readouterr().out.split())
    (aside,) = crashed.glob("touches.journal.damaged-*")
    assert f"its journal kept as {aside.name}" in out
    reopened = Repository.open(crashed)
    try:
        assert reopened.touches.for_campaign("camp") == [planned]
    finally:
        reopened.close()
