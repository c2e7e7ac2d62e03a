"""`--data` that names nothing usable: one sentence, exit 1, and nothing created anywhere."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from coach_tui.cli import main
from coach_tui.model.why import new_why
from coach_tui.store import paths
from coach_tui.store.errors import DataDirUnavailable, LockIsAFolder
from coach_tui.store.repository import Repository
from tests.helpers import FakeClock, doctor_report

FIXTURES = Path(__file__).parents[1] / "fixtures" / "import"
READING = [
    ["today"],
    ["today", "--json"],
    ["export", "ics"],
    ["export", "json"],
    ["export", "review"],
    ["doctor"],
]


@pytest.fixture
def default_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where coach would fall back to: it must never be touched by a refused command."""
    folder = tmp_path / "default"
    monkeypatch.setenv("COACH_DATA", str(folder))
    return folder


def one_sentence_refusal(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("coach: ")
    assert captured.err.count("\n") == 1
    assert "Traceback" not in captured.err
    return captured.err


@pytest.mark.parametrize("command", READING, ids=" ".join)
def test_reading_a_folder_that_does_not_exist_is_refused(
    tmp_path: Path, default_folder: Path, command: list[str], capsys
) -> None:
    missing = tmp_path / "no-such-folder"
    assert main([*command, "--data", str(missing)]) == 1
    assert str(missing) in one_sentence_refusal(capsys)
    assert not missing.exists()
    assert not default_folder.exists()


@pytest.mark.parametrize("command", READING, ids=" ".join)
def test_reading_a_file_as_the_data_folder_is_refused(
    tmp_path: Path, default_folder: Path, command: list[str], capsys
) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine")
    assert main([*command, "--data", str(a_file)]) == 1
    assert "is a file" in one_sentence_refusal(capsys)
    assert a_file.read_text() == "mine"


@pytest.mark.parametrize("command", [*READING, ["demo"], ["import", "json", "x.json"]])
def test_an_empty_data_option_is_refused_not_read_as_the_default(
    default_folder: Path, command: list[str], capsys
) -> None:
    assert main([*command, "--data", ""]) == 1
    assert "--data was given an empty folder name" in one_sentence_refusal(capsys)
    assert not default_folder.exists()


def test_a_refused_import_creates_no_folder(tmp_path: Path, capsys) -> None:
    target = tmp_path / "new-folder"
    csv = str(FIXTURES / "Connections.csv")
    code = main(["import", "linkedin", csv, "--account", "Nope", "--data", str(target)])
    assert code == 1
    assert "nothing imported" in capsys.readouterr().err
    assert not target.exists()


def test_a_refused_import_into_an_empty_folder_leaves_it_empty(tmp_path: Path, capsys) -> None:
    target = tmp_path / "made-for-coach"
    target.mkdir()
    csv = str(FIXTURES / "Connections.csv")
    code = main(["import", "linkedin", csv, "--account", "Nope", "--data", str(target)])
    assert code == 1
    assert "nothing imported" in capsys.readouterr().err
    assert list(target.iterdir()) == []


def test_a_dry_run_into_a_folder_not_made_yet_still_reports(tmp_path: Path, capsys) -> None:
    target = tmp_path / "new-folder"
    csv = str(FIXTURES / "Connections.csv")
    assert main(["import", "linkedin", csv, "--dry-run", "--data", str(target)]) == 0
    assert "nothing was saved" in capsys.readouterr().out
    assert not target.exists()


def test_an_existing_folder_keeps_its_permissions_a_new_one_is_private(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o755)
    assert main(["demo", "--data", str(shared)]) == 0
    assert stat.S_IMODE(shared.stat().st_mode) == 0o755
    fresh = tmp_path / "fresh"
    assert main(["demo", "--data", str(fresh)]) == 0
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o700


def test_a_folder_where_the_lock_file_goes_gets_a_clear_sentence(data_dir: Path, clock) -> None:
    (data_dir / "coach.lock").mkdir(parents=True)
    with pytest.raises(LockIsAFolder) as refused:
        Repository.open(data_dir, clock=clock)
    message = str(refused.value)
    assert "folder called coach.lock" in message
    assert "move or rename that folder" in message


def test_a_read_only_disk_is_called_read_only_not_permission_denied(
    data_dir: Path, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir.mkdir()

    class ReadOnlyMount:
        f_flag = os.ST_RDONLY

    monkeypatch.setattr(paths.os, "access", lambda path, mode: False)
    monkeypatch.setattr(paths.os, "statvfs", lambda path: ReadOnlyMount())
    with pytest.raises(DataDirUnavailable) as refused:
        Repository.open(data_dir, clock=clock)
    assert "the disk is read-only" in str(refused.value)
    assert "permission denied" not in str(refused.value)


def test_a_failed_daily_backup_is_told_once_and_doctor_mentions_it(
    data_dir: Path, clock: FakeClock
) -> None:
    Repository.open(data_dir, clock=clock).close()
    clock.advance(days=1)
    (data_dir / "backups").rename(data_dir / "old-backups")
    (data_dir / "backups").write_text("a file in the way")  # the backup cannot be written

    repo = Repository.open(data_dir, clock=clock)
    problem = repo.store.take_backup_problem()
    assert problem is not None and "daily backup" in problem
    assert repo.store.take_backup_problem() is None  # told once
    repo.why.save(new_why("Saved all the same", {}, now=clock()))
    repo.close()

    _code, text = doctor_report(data_dir)
    assert "has no backup from that day" in text
