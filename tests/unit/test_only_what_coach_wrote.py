"""Coach deletes only what it can prove it wrote, and never moves into someone's folder.

The issue's scenario: `--data docs`, where `docs/` holds `report.tmp`, `thesis.docx.tmp`
and a `backups/` with nine dated folders of photos. Opening and quitting deleted both
`.tmp` files and the three oldest photo folders, and `doctor` counted the photo folders
as coach backups.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from coach_tui.cli import main
from coach_tui.commands.doctor import print_doctor
from coach_tui.model.why import new_why
from coach_tui.store.backup import LABEL, day_dirs, newest_good_backup
from coach_tui.store.errors import NotACoachFolder
from coach_tui.store.folder import FolderKind, inspect_folder
from coach_tui.store.repository import Repository
from tests.helpers import FakeClock, doctor_report


def users_files(folder: Path) -> dict[str, bytes]:
    """The user's documents: two `.tmp` files and nine dated folders of photos."""
    files = {"report.tmp": b"my report", "thesis.docx.tmp": b"my thesis"}
    for day in range(1, 10):
        files[f"backups/2020-01-0{day}/photo.jpg"] = f"photo {day}".encode()
    for name, content in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(content)
    return files


def still_there(folder: Path, files: dict[str, bytes]) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in files if (folder / name).exists()}


def everything(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


def write(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    return folder


def test_the_issue_folder_survives_open_quit_and_doctor_untouched(docs: Path, clock, capsys):
    files = users_files(docs)
    before = everything(docs)

    with pytest.raises(NotACoachFolder) as refused:  # open + quit, as a command would
        Repository.open(docs, clock=clock).close()
    assert print_doctor(docs, restore=True) == 1
    assert main(["today", "--data", str(docs)]) == 1
    assert main(["demo", "--data", str(docs)]) == 1

    assert still_there(docs, files) == files
    assert everything(docs) == before  # not even a lock file was left
    assert "report.tmp" in str(refused.value) and "Nothing was changed" in str(refused.value)
    err = capsys.readouterr().err
    assert "not a coach data folder" in err
    assert "Traceback" not in err


def test_an_adopted_folder_keeps_every_file_of_the_user_through_days_of_backups(
    docs: Path, clock: FakeClock
) -> None:
    files = users_files(docs)
    for _day in range(10):  # more days than backups are kept: pruning runs
        repo = Repository.open(docs, clock=clock, adopt=True)
        repo.why.save(new_why(f"Day {clock().date()}", {}, now=clock()))
        repo.close()
        clock.advance(days=1)

    assert still_there(docs, files) == files
    coach_days = [folder.name for folder in day_dirs(docs)]
    assert len(coach_days) == 7
    assert all(name.startswith("2026-") for name in coach_days)
    assert all((docs / "backups" / name / LABEL).exists() for name in coach_days)
    assert not (docs / "backups" / "2026-11-24").exists()  # coach's oldest, pruned
    assert "Daily backups: 7 (newest 2026-12-03)" in doctor_report(docs)[1]


def test_inside_a_coach_folder_too_only_coachs_own_temp_names_and_labelled_backups_go(
    data_dir: Path, clock: FakeClock
) -> None:
    Repository.open(data_dir, clock=clock).close()  # a coach folder: lock, data, a backup
    files = users_files(data_dir)
    (data_dir / "core.json.tmp").write_bytes(b"a name coach never writes")
    files["core.json.tmp"] = b"a name coach never writes"
    crash_leftover = data_dir / ".core.json.0badf00d.coach-tmp"
    crash_leftover.write_bytes(b'{"half a save')

    for _day in range(9):
        clock.advance(days=1)
        Repository.open(data_dir, clock=clock).close()

    assert still_there(data_dir, files) == files
    assert not crash_leftover.exists()
    assert len(day_dirs(data_dir)) == 7


def test_a_photo_dropped_into_a_coach_backup_outlives_its_pruning(data_dir, clock) -> None:
    Repository.open(data_dir, clock=clock).close()
    first_day = data_dir / "backups" / "2026-11-24"
    (first_day / "photo.jpg").write_bytes(b"mine")
    for _day in range(8):
        clock.advance(days=1)
        Repository.open(data_dir, clock=clock).close()
    # Coach removed its own copies and its label; the folder stays for the photo.
    assert [path.name for path in first_day.iterdir()] == ["photo.jpg"]
    assert "2026-11-24" not in [folder.name for folder in day_dirs(data_dir)]


def test_a_days_folder_of_the_users_is_never_written_into(data_dir, clock) -> None:
    Repository.open(data_dir, clock=clock).close()
    clock.advance(days=1)
    theirs = data_dir / "backups" / "2026-11-25"
    theirs.mkdir()
    (theirs / "core.json").write_bytes(b"the user's own core.json")

    repo = Repository.open(data_dir, clock=clock)
    problem = repo.store.take_backup_problem()
    repo.close()

    assert (theirs / "core.json").read_bytes() == b"the user's own core.json"
    assert sorted(path.name for path in theirs.iterdir()) == ["core.json"]
    assert problem is not None and str(theirs) in problem


def test_backups_written_before_labels_still_count_and_restore(data_dir, clock) -> None:
    repo = Repository.open(data_dir, clock=clock)
    repo.why.save(new_why("Before labels", {}, now=clock()))
    repo.close()
    (data_dir / "backups" / "2026-11-24" / LABEL).unlink()  # as an older coach left it
    assert [folder.name for folder in day_dirs(data_dir)] == ["2026-11-24"]
    copy = data_dir / "backups" / "2026-11-24" / "core.json"
    assert newest_good_backup(data_dir, "core.json") == copy


@pytest.mark.parametrize(
    ("setup", "kind"),
    [
        (lambda folder: None, FolderKind.EMPTY),
        (lambda folder: (folder / ".DS_Store").write_bytes(b""), FolderKind.EMPTY),
        (lambda folder: (folder / "notes.txt").write_text("x"), FolderKind.OTHER),
        (lambda folder: (folder / "coach.lock").write_text(""), FolderKind.COACH),
        (
            lambda folder: (folder / "core.json").write_bytes(
                b'{"_meta": {"1": {"schema": 1, "family": "core"}}}'
            ),
            FolderKind.COACH,
        ),
        (lambda folder: (folder / "core.json").write_bytes(b'{"why": {}}'), FolderKind.COACH),
        (lambda folder: (folder / "plans.json").write_bytes(b'{"my": "plans"}'), FolderKind.OTHER),
        (
            lambda folder: write(folder / "backups/2026-11-24/calls.json", b'{"calls": []}'),
            FolderKind.OTHER,
        ),
        (
            lambda folder: write(
                folder / "backups/2026-11-24/coach-backup.json",
                b'{"kind": "coach backup", "version": 1, "files": {}}',
            ),
            FolderKind.COACH,
        ),
    ],
    ids=[
        "empty",
        "file-manager litter",
        "notes",
        "lock",
        "stamped",
        "before stamps",
        "theirs",
        "a phone's calls backup",
        "coach's labelled backups only",
    ],
)
def test_what_counts_as_empty_and_as_coachs(docs: Path, setup, kind: FolderKind) -> None:
    setup(docs)
    assert inspect_folder(docs).kind is kind


def test_an_empty_folder_is_used_as_it_is(docs: Path, clock) -> None:
    (docs / ".DS_Store").write_bytes(b"")
    Repository.open(docs, clock=clock).close()
    assert (docs / "core.json").exists()
