"""Where an export may go, and how it gets there: never into the data folder, never over a
file without being asked, never through a planted link, and through pipes as they are."""

from __future__ import annotations

import errno
import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import Console

from coach_tui.cli import main
from coach_tui.commands.delivery import prepare_target
from coach_tui.interop.writing import (
    STANDARD_OUTPUT,
    Destination,
    find_destination,
    is_inside,
    write_export,
)
from tests.helpers import account_names_in, folder_with_one_account, quiet

PAYLOAD = b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return folder_with_one_account(tmp_path / "data")


@pytest.fixture(autouse=True)
def wide_messages(monkeypatch) -> None:
    """Rich wraps messages to 80 columns off a terminal, even inside a long path."""
    monkeypatch.setenv("COLUMNS", "1000")


# --- never inside the data folder ----------------------------------------------------------


INSIDE: dict[str, Callable[[Path], Path]] = {
    "a data file": lambda data: data / "accounts.json",
    "the core file": lambda data: data / "core.json",
    "the journal": lambda data: data / "touches.journal",
    "the fingerprints": lambda data: data / "verified.json",
    "the lock": lambda data: data / "coach.lock",
    "a backup": lambda data: data / "backups" / "2026-11-24" / "accounts.json",
    "a theme": lambda data: data / "themes" / "mine.toml",
    "a new name in it": lambda data: data / "calendar.ics",
    "the folder itself": lambda data: data,
    "through ..": lambda data: data / "backups" / ".." / "accounts.json",
    "through a link to the folder": lambda data: _linked(data) / "accounts.json",
    "through a link to the file": lambda data: _linked(data / "accounts.json"),
    "through a dangling link into it": lambda data: _linked(data / "new.ics"),
}


def _linked(target: Path) -> Path:
    """A symlink to `target`, outside the data folder (beside it)."""
    outside = target.parent if target.name == "data" else target.parent.parent
    link = outside / f"link-to-{target.name}"
    link.symlink_to(target)
    return link


@pytest.mark.parametrize("where", list(INSIDE))
@pytest.mark.parametrize("kind", ["ics", "json", "review"])
def test_no_export_writes_inside_the_data_folder(data: Path, capsys, where: str, kind: str):
    target = INSIDE[where](data)
    before = {path: path.read_bytes() for path in data.rglob("*") if path.is_file()}
    assert main(["export", kind, str(target), "--force", "--data", str(data)]) == 1
    said = capsys.readouterr().err
    assert "data folder" in said and "Nothing was written" in said
    assert {path: path.read_bytes() for path in data.rglob("*") if path.is_file()} == before
    assert account_names_in(data) == ["Nordvale Foods"]  # the folder still opens


def test_the_issue_case_exits_1_and_the_next_open_still_works(data: Path, capsys) -> None:
    assert main(["export", "ics", str(data / "accounts.json"), "--data", str(data)]) == 1
    assert "inside coach's data folder" in capsys.readouterr().err
    assert account_names_in(data) == ["Nordvale Foods"]


def test_a_name_sharing_a_prefix_is_not_inside(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    (folder / "backups").mkdir(parents=True)
    (tmp_path / "data-old").mkdir()
    assert is_inside(folder / "backups" / "x.ics", folder)
    assert not is_inside(tmp_path / "x.ics", folder)
    assert not is_inside(tmp_path / "data-old" / "x.ics", folder)


def test_a_second_name_resolving_cannot_see_is_recognised_by_identity(
    tmp_path: Path, monkeypatch
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    alias = tmp_path / "mounted-again"
    alias.symlink_to(folder)
    # A bind mount or a case-insensitive disk gives the folder a second name that no
    # resolving reveals; a link whose resolving is switched off stands in for one.
    monkeypatch.setattr(os.path, "realpath", lambda path, **_: str(path))
    assert is_inside(alias / "accounts.json", folder)
    assert not is_inside(tmp_path / "accounts.json", folder)


def test_a_file_beside_the_folder_is_fine(data: Path, capsys) -> None:
    target = data.parent / "calendar.ics"
    assert main(["export", "ics", str(target), "--data", str(data)]) == 0
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")


# --- an existing file is replaced only when asked -------------------------------------------


def test_an_existing_file_is_kept_without_force(data: Path, capsys) -> None:
    target = data.parent / "calendar.ics"
    target.write_text("my own notes")
    assert main(["export", "ics", str(target), "--data", str(data)]) == 1
    said = capsys.readouterr().err
    assert "already exists" in said and "--force" in said
    assert target.read_text() == "my own notes"


@pytest.mark.parametrize("kind", ["ics", "json", "review"])
def test_force_replaces_an_existing_file(data: Path, capsys, kind: str) -> None:
    target = data.parent / "out"
    target.write_text("old")
    assert main(["export", kind, str(target), "--force", "--data", str(data)]) == 0
    assert target.read_text() != "old"
    assert target.stat().st_mode & 0o777 == 0o600  # private, like the data files


def test_a_yes_at_the_prompt_replaces_and_a_no_keeps(data: Path) -> None:
    target = data.parent / "calendar.ics"
    target.write_text("old")
    asked: list[Path] = []

    def answer(yes: bool) -> Callable[[Path, Console], bool]:
        def consent(path: Path, _: Console) -> bool:
            asked.append(path)
            return yes

        return consent

    assert prepare_target(target, data, quiet(), consent=answer(False)) is None
    found = prepare_target(target, data, quiet(), consent=answer(True))
    assert found is not None and found.overwrites
    assert asked == [target, target]
    assert prepare_target(target, data, quiet(), force=True, consent=answer(False)) is not None
    assert len(asked) == 2  # --force does not ask


def test_a_new_file_needs_no_consent(data: Path) -> None:
    def never(path: Path, _: Console) -> bool:
        raise AssertionError("asked about a file that does not exist")

    target = data.parent / "new.ics"
    assert prepare_target(target, data, quiet(), consent=never) is not None


# --- files, links and temporary files ------------------------------------------------------


@pytest.mark.parametrize("kind", ["ics", "json", "review"])
def test_a_planted_tmp_link_is_never_followed(data: Path, capsys, kind: str) -> None:
    outside = data.parent / "exports"
    outside.mkdir()
    victim = outside / "victim.txt"
    victim.write_text("precious")
    (outside / "cal.tmp").symlink_to(victim)  # what the old fixed temporary name was
    assert main(["export", kind, str(outside / "cal"), "--data", str(data)]) == 0
    assert victim.read_text() == "precious"
    assert (outside / "cal.tmp").is_symlink()
    assert sorted(path.name for path in outside.iterdir()) == ["cal", "cal.tmp", "victim.txt"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch):
    target = tmp_path / "cal.ics"
    target.write_bytes(b"old")

    def full_disk(fd: int, data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full_disk)
    with pytest.raises(OSError):
        write_export(Destination(target, atomic=True, overwrites=True), PAYLOAD)
    monkeypatch.undo()
    assert target.read_bytes() == b"old"
    assert [path.name for path in tmp_path.iterdir()] == ["cal.ics"]


def test_a_link_at_file_is_kept_and_the_file_it_names_is_replaced(data: Path, capsys) -> None:
    synced = data.parent / "Dropbox"
    synced.mkdir()
    (synced / "cal.ics").write_text("last week")
    link = data.parent / "cal.ics"
    link.symlink_to(synced / "cal.ics")
    assert main(["export", "ics", str(link), "--force", "--data", str(data)]) == 0
    assert link.is_symlink()  # the seller's link survives
    assert (synced / "cal.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_a_link_at_file_asks_like_the_file_it_names(data: Path, capsys) -> None:
    (data.parent / "real.ics").write_text("keep me")
    link = data.parent / "cal.ics"
    link.symlink_to("real.ics")
    assert main(["export", "ics", str(link), "--data", str(data)]) == 1
    assert (data.parent / "real.ics").read_text() == "keep me"


def test_a_folder_is_refused_with_a_sentence(data: Path, capsys) -> None:
    assert main(["export", "ics", str(data.parent), "--data", str(data)]) == 1
    assert "is a folder" in capsys.readouterr().err


# --- pipes, devices and standard output ----------------------------------------------------


def test_a_named_pipe_gets_every_byte_and_stays_a_pipe(data: Path, capsys) -> None:
    pipe = data.parent / "calendar.pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    assert main(["export", "ics", str(pipe), "--data", str(data)]) == 0
    reader.join(timeout=30)
    assert received and received[0].startswith(b"BEGIN:VCALENDAR")
    assert received[0].rstrip().endswith(b"END:VCALENDAR")
    assert pipe.is_fifo()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="this system has no /dev/full")
@pytest.mark.parametrize("kind", ["ics", "json", "review"])
def test_a_full_device_is_a_failure_with_a_sentence(data: Path, capsys, kind: str) -> None:
    # Through a link of our own, so that old code (which renamed over the target) could
    # never replace the machine's /dev/full.
    full = data.parent / "full.out"
    full.symlink_to("/dev/full")
    assert main(["export", kind, str(full), "--data", str(data)]) == 1
    said = " ".join(capsys.readouterr().err.split())  # Rich wraps long lines
    assert said == f"Could not write {full}: the disk is full."
    assert full.is_symlink() and Path("/dev/full").is_char_device()


def test_dash_is_standard_output_and_writes_no_file(
    data: Path, tmp_path: Path, monkeypatch, capsysbinary
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["export", "ics", "-", "--data", str(data)]) == 0
    assert capsysbinary.readouterr().out.startswith(b"BEGIN:VCALENDAR")
    assert not (tmp_path / "-").exists()
    assert find_destination(None, data) == STANDARD_OUTPUT


def test_a_file_named_dash_is_reached_as_dot_slash_dash(
    data: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["export", "ics", "./-", "--data", str(data)]) == 0
    assert (tmp_path / "-").read_bytes().startswith(b"BEGIN:VCALENDAR")
