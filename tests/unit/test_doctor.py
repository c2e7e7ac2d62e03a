"""`coach doctor`: diagnosis and restore."""

import json
from pathlib import Path

from coach_tui.model.why import new_why
from coach_tui.store.doctor import FileReport, FileState, diagnose, restore_damaged
from coach_tui.store.layout import SCHEMA_VERSION
from coach_tui.store.repository import Repository


def write_core(data_dir: Path, table: str, record: dict) -> None:
    """A hand-edited core.json of the current format holding one record in `table`."""
    family = {"_meta": {"1": {"schema": SCHEMA_VERSION}}, table: {"1": record}}
    (data_dir / "core.json").write_text(json.dumps(family))


def core_report(data_dir: Path) -> FileReport:
    (report,) = [r for r in diagnose(data_dir) if r.path.name == "core.json"]
    return report


def test_every_family_file_is_reported(data_dir: Path, repo) -> None:
    names = sorted(report.path.name for report in diagnose(data_dir))
    assert names == [
        "accounts.json",
        "archive.json",
        "calls.json",
        "core.json",
        "entry.json",
        "plans.json",
        "recent.json",
        "rhythm.json",
        "touches.json",
    ]


def test_healthy_folder(data_dir: Path, repo, clock) -> None:
    repo.why.save(new_why("For my family", {}, now=clock()))
    report = core_report(data_dir)
    assert report.state is FileState.OK
    assert report.detail == "1 record"  # one why, counted in words a person uses


def test_missing_file_is_not_a_problem(tmp_path: Path) -> None:
    report = core_report(tmp_path)
    assert report.state is FileState.MISSING


def test_damaged_file_is_restored_from_newest_good_backup(data_dir: Path, clock) -> None:
    repo = Repository.open(data_dir, clock=clock)
    repo.why.save(new_why("Day one", {}, now=clock()))
    clock.advance(days=1)
    repo.why.save(new_why("Day two", {}, now=clock()))  # backs up "Day one" first
    repo.close()
    (data_dir / "core.json").write_text('{"why": {"1": {"statement": 7}}}')

    report = core_report(data_dir)
    assert report.state is FileState.DAMAGED
    assert report.newest_backup == data_dir / "backups" / "2026-11-25" / "core.json"

    restored, unrestorable = restore_damaged(data_dir, clock())
    assert unrestorable == []
    assert len(restored) == 1
    assert restored[0].moved_aside is not None
    assert restored[0].moved_aside.read_text() == '{"why": {"1": {"statement": 7}}}'
    reopened = Repository.open(data_dir, clock=clock)
    # The clean close refreshed that day's backup, so the day's work comes back too.
    assert [w.statement for w in reopened.why.history()] == ["Day two", "Day one"]
    reopened.close()


def test_damaged_record_counts_as_damaged(data_dir: Path, repo, clock) -> None:
    repo.close()
    write_core(data_dir, "settings", {"stall_weeks": "six"})
    report = core_report(data_dir)
    assert report.state is FileState.DAMAGED
    assert "'stall_weeks' should be a whole number" in report.detail


def test_an_unreadable_draft_does_not_make_its_file_damaged(data_dir: Path, repo) -> None:
    """A draft is work in progress: the app sets a bad one aside (and doctor lists it,
    see test_doctor_crashes) rather than the whole file being refused over it."""
    repo.close()
    write_core(data_dir, "drafts", {"flow": "why", "step": -1})
    assert core_report(data_dir).state is FileState.OK
