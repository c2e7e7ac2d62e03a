"""crash.log: one entry per crash, the open flows named, safe to print, and never unbounded."""

from __future__ import annotations

from pathlib import Path

from coach_tui import __version__
from coach_tui.crash_log import (
    ENTRY_MAX_CHARS,
    MAX_BYTES,
    CrashEntry,
    read_crash_log,
    write_crash_log,
)


def crash(data_dir: Path, message: str, flows: tuple[str, ...] = ()) -> None:
    try:
        raise RuntimeError(message)
    except RuntimeError as error:
        assert write_crash_log(data_dir, error, flows=flows) == data_dir / "crash.log"


def test_an_entry_names_the_time_version_error_and_open_flows(tmp_path: Path) -> None:
    crash(tmp_path, "first")
    crash(tmp_path, "second", ("review:2026-W47, step 7 of 9: Key calls",))
    first, second = read_crash_log(tmp_path)
    assert first == CrashEntry(first.when, __version__, "RuntimeError: first", ())
    assert second.error == "RuntimeError: second"
    assert second.flows == ("review:2026-W47, step 7 of 9: Key calls",)
    assert second.when[:4].isdigit()
    assert (tmp_path / "crash.log").stat().st_mode & 0o777 == 0o600


def test_the_exception_being_handled_is_the_default(tmp_path: Path) -> None:
    try:
        raise KeyError("missing")
    except KeyError:
        write_crash_log(tmp_path)
    (entry,) = read_crash_log(tmp_path)
    assert entry.error == "KeyError: 'missing'"


def test_text_quoted_in_a_traceback_cannot_drive_the_terminal(tmp_path: Path) -> None:
    crash(tmp_path, "closing tag '[/x]' \x1b]0;pwned\x07\x1b[2J \u202eevil", ("why\x1b[2J",))
    text = (tmp_path / "crash.log").read_text()
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    (entry,) = read_crash_log(tmp_path)
    assert "[/x]" in entry.error and "␛]0;pwned" in entry.error


def test_a_growing_log_drops_its_oldest_entries_never_the_newest(tmp_path: Path) -> None:
    bulky = "x" * 5_000
    for number in range(200):
        crash(tmp_path, f"crash {number} {bulky}")
    size = (tmp_path / "crash.log").stat().st_size
    assert size <= MAX_BYTES
    entries = read_crash_log(tmp_path)
    assert entries[-1].error.startswith("RuntimeError: crash 199 ")
    numbers = [int(entry.error.split()[2]) for entry in entries]
    assert numbers == list(range(numbers[0], 200))  # the newest run, in order, none lost
    assert len(numbers) >= 20


def test_one_huge_traceback_keeps_its_end(tmp_path: Path) -> None:
    crash(tmp_path, "y" * (ENTRY_MAX_CHARS * 3) + " the end")
    (entry,) = read_crash_log(tmp_path)
    assert entry.error.endswith(" the end")
    assert "characters of this traceback left out" in (tmp_path / "crash.log").read_text()


def test_a_missing_folder_or_log_is_no_error(tmp_path: Path) -> None:
    assert read_crash_log(tmp_path) == []
    try:
        raise RuntimeError("x")
    except RuntimeError as error:
        assert write_crash_log(tmp_path / "nowhere", error) is None


def test_an_older_log_without_flow_lines_still_reads(tmp_path: Path) -> None:
    (tmp_path / "crash.log").write_text(
        "--- 2026-11-20T10:00:00+01:00 coach 0.9.0\n"
        "Traceback (most recent call last):\n"
        '  File "x.py", line 1, in <module>\n'
        "ValueError: old\n"
    )
    (entry,) = read_crash_log(tmp_path)
    assert entry == CrashEntry("2026-11-20T10:00:00+01:00", "0.9.0", "ValueError: old", ())


def test_a_linked_log_is_written_through_and_trimmed_in_place(tmp_path: Path) -> None:
    data, elsewhere = tmp_path / "data", tmp_path / "elsewhere"
    data.mkdir()
    elsewhere.mkdir()
    (data / "crash.log").symlink_to(elsewhere / "coach-crashes.log")
    for number in range(120):
        crash(data, f"crash {number} " + "x" * 5_000)
    assert (data / "crash.log").is_symlink()
    assert (elsewhere / "coach-crashes.log").stat().st_size <= MAX_BYTES
    assert read_crash_log(data)[-1].error.startswith("RuntimeError: crash 119 ")
