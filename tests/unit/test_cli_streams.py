"""`coach` in a shell: pipes, standard streams, argument order, odd files, a prompt on a
terminal. Each test runs `python -m coach_tui` as a user would, with no terminal unless it
makes one."""

from __future__ import annotations

import contextlib
import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import account_names_in, folder_with_one_account

FIXTURES = Path(__file__).parent.parent / "fixtures" / "import"
COACH = [sys.executable, "-m", "coach_tui"]
WIDE = {**os.environ, "COLUMNS": "1000"}  # Rich wraps at 80 off a terminal, even in a path


def coach(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run coach with no terminal: standard input is empty (as in CI) unless given."""
    return subprocess.run(
        [*COACH, *args],
        input=stdin,
        stdin=subprocess.DEVNULL if stdin is None else None,
        capture_output=True,
        timeout=120,
        preexec_fn=_memory_capped,
        env=WIDE,
    )


def _memory_capped() -> None:
    """A runaway read ends in MemoryError at 2 GB, not in a machine out of memory."""
    import resource

    with contextlib.suppress(ValueError, OSError):  # a system that will not cap it
        resource.setrlimit(resource.RLIMIT_AS, (2 * 2**30, 2 * 2**30))


def said(result: subprocess.CompletedProcess[bytes]) -> str:
    """What coach told the user on standard error, with Rich's line wrapping undone."""
    return " ".join(result.stderr.decode().split())


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return folder_with_one_account(tmp_path / "data")


# --- a reader that closes the pipe ---------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["today"],
        ["today", "--plain"],
        ["today", "--json"],
        ["doctor"],
        ["export", "json", "-"],
        ["export", "ics"],
        ["export", "review"],
        ["--help"],
    ],
)
def test_a_closed_pipe_is_quiet_and_exit_0(data: Path, command: list[str]) -> None:
    """`coach today | head -1`: the reader left once it had what it wanted."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # a reader that is already gone: every write meets a closed pipe
    try:
        result = subprocess.run(
            [*COACH, *command, "--data", str(data)],
            cwd=data.parent,
            stdin=subprocess.DEVNULL,
            stdout=write_end,
            stderr=subprocess.PIPE,
            timeout=120,
            env=WIDE,
        )
    finally:
        os.close(write_end)
    assert result.stderr.decode() == ""
    assert result.returncode == 0


@pytest.mark.parametrize(
    ("command", "code"),
    [
        (["export", "ics", "{tmp}/cal.ics"], 0),  # "Wrote …" to nobody: still a success
        (["export", "ics", "{tmp}/no-such-folder/cal.ics"], 1),
        (["import", "json", "{tmp}/missing.json"], 1),
        (["export", "ics", "--week", "2026-W48"], 2),
    ],
)
def test_messages_nobody_reads_leave_the_exit_status_true(
    data: Path, tmp_path: Path, command: list[str], code: int
) -> None:
    """`coach … 2>&1 | head -0`: the messages are lost, whether it worked is not."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    argv = [word.replace("{tmp}", str(tmp_path)) for word in command]
    try:
        result = subprocess.run(
            [*COACH, *argv, "--data", str(data)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=write_end,
            timeout=120,
            env=WIDE,
        )
    finally:
        os.close(write_end)
    assert result.returncode == code
    assert (tmp_path / "cal.ics").exists() is (code == 0)


# --- standard streams ----------------------------------------------------------------------


def test_dash_exports_to_standard_output_and_import_json_dash_reads_standard_input(
    data: Path, tmp_path: Path
) -> None:
    exported = subprocess.run(
        [*COACH, "export", "json", "-", "--data", str(data)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert exported.returncode == 0 and exported.stdout.startswith(b"{")
    assert not (tmp_path / "-").exists()
    copy = tmp_path / "copy"
    imported = coach("import", "json", "-", "--data", str(copy), stdin=exported.stdout)
    assert imported.returncode == 0, said(imported)
    assert "from standard input" in imported.stdout.decode()
    assert account_names_in(copy) == ["Nordvale Foods"]


def test_only_import_json_reads_standard_input(tmp_path: Path) -> None:
    result = coach("import", "linkedin", "-", "--data", str(tmp_path / "data"))
    assert result.returncode == 2
    assert "only json reads standard input" in said(result)
    assert not (tmp_path / "data").exists()


def test_import_json_dash_at_a_terminal_says_what_to_pipe_instead_of_waiting(
    tmp_path: Path,
) -> None:
    """Typed without a pipe, `-` would wait in silence for an export typed by hand."""
    pty = pytest.importorskip("pty")
    master, terminal = pty.openpty()
    child = subprocess.Popen(
        [*COACH, "import", "json", "-", "--data", str(tmp_path / "data")],
        stdin=terminal,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=WIDE,
    )
    os.close(terminal)
    try:
        _out, err = child.communicate(timeout=60)  # waiting for input fails here
    except subprocess.TimeoutExpired:
        child.kill()
        raise
    finally:
        os.close(master)
    assert child.returncode == 2
    assert " ".join(err.decode().split()) == (
        "coach import json - reads an export piped into it, e.g. coach import json - < "
        "export.json; here standard input is the terminal. Nothing was imported."
    )
    assert not (tmp_path / "data").exists()


@pytest.mark.parametrize(
    ("command", "closed", "code", "sentence"),
    [
        (["export", "ics", "-"], 1, 1, "Could not write to standard output: it is closed."),
        (["today", "--json"], 1, 0, ""),
        (["today"], 1, 0, ""),
        (
            ["import", "json", "-"],
            0,
            1,
            "coach: nothing imported. Standard input could not be read: it is closed.",
        ),
    ],
)
def test_a_closed_standard_stream_gets_a_sentence_not_a_crash(
    data: Path, tmp_path: Path, command: list[str], closed: int, code: int, sentence: str
) -> None:
    folder = tmp_path / "new" if command[0] == "import" else data
    result = subprocess.run(
        [*COACH, *command, "--data", str(folder)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        preexec_fn=lambda: os.close(closed),  # as `>&-` or `<&-` in a shell
        timeout=120,
        env=WIDE,
    )
    assert said(result) == sentence
    assert result.returncode == code


# --- the order of options and file names ---------------------------------------------------


@pytest.mark.parametrize(
    "order",
    [
        ["export", "review", "--week", "2026-W48", "{file}"],  # the README's order
        ["export", "review", "{file}", "--week", "2026-W48"],
        ["export", "--week", "2026-W48", "review", "{file}"],
        ["export", "review", "--force", "{file}", "--week", "2026-W48"],
    ],
)
def test_options_and_file_names_go_in_any_order(data: Path, tmp_path: Path, order: list[str]):
    target = tmp_path / "rev.md"
    argv = [word.replace("{file}", str(target)) for word in order]
    result = coach(*argv, "--data", str(data))
    assert result.returncode == 0, said(result)
    assert "2026-W48" in target.read_text()


# --- files that are not what they seem -----------------------------------------------------


def test_a_missing_import_file_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "nonexistent.json"
    result = coach("import", "json", str(missing), "--data", str(tmp_path / "data"))
    assert result.returncode == 1
    assert said(result) == f"coach: nothing imported. There is no file at {missing}."


@pytest.mark.parametrize(
    ("kind", "name"),
    [("linkedin", "Connections.csv"), ("vcard", "people.vcf"), ("json", "export.json")],
)
def test_a_file_linked_to_dev_zero_is_refused_with_a_sentence(
    tmp_path: Path, kind: str, name: str
) -> None:
    endless = tmp_path / name
    endless.symlink_to("/dev/zero")
    result = coach("import", kind, str(endless), "--data", str(tmp_path / "data"))
    assert result.returncode == 1
    assert "is a device, not a" in said(result)
    assert "Error" not in said(result) and "Traceback" not in said(result)
    assert not (tmp_path / "data").exists()


# --- exports never damage, never overwrite unasked -----------------------------------------


def test_an_export_onto_a_data_file_is_refused_and_the_folder_still_opens(data: Path) -> None:
    result = coach("export", "ics", str(data / "accounts.json"), "--data", str(data))
    assert result.returncode == 1
    assert "inside coach's data folder" in said(result)
    assert account_names_in(data) == ["Nordvale Foods"]


def test_without_a_terminal_an_existing_file_is_kept_and_force_is_suggested(
    data: Path, tmp_path: Path
) -> None:
    target = tmp_path / "cal.ics"
    target.write_text("my calendar")
    result = coach("export", "ics", str(target), "--data", str(data))
    assert result.returncode == 1
    refusal = f"{target} already exists; nothing was written. Add --force to replace it."
    assert said(result) == refusal
    assert target.read_text() == "my calendar"
    forced = coach("export", "ics", str(target), "--force", "--data", str(data))
    assert forced.returncode == 0
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")


@pytest.mark.parametrize(("answer", "replaced"), [(b"y\n", True), (b"n\n", False)])
def test_on_a_terminal_coach_asks_before_replacing(
    data: Path, tmp_path: Path, answer: bytes, replaced: bool
) -> None:
    pty = pytest.importorskip("pty")
    target = tmp_path / "cal.ics"
    target.write_text("my calendar")
    master, terminal = pty.openpty()
    child = subprocess.Popen(
        [*COACH, "export", "ics", str(target), "--data", str(data)],
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        env={**os.environ, "TERM": "xterm", "COLUMNS": "200"},
    )
    os.close(terminal)
    shown = _read_until(master, b"Replace it?")
    assert b"already exists" in shown
    os.write(master, answer)
    shown += _read_until(master, None)
    os.close(master)
    assert child.wait(timeout=120) == (0 if replaced else 1)
    assert target.read_text().startswith("BEGIN:VCALENDAR") is replaced


def _read_until(fd: int, wanted: bytes | None) -> bytes:
    """What the terminal shows, up to `wanted` (or until the program ends)."""
    seen = b""
    deadline = time.monotonic() + 120  # a stuck child fails the test instead of hanging it
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 1)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the program ended and closed the terminal
            return seen
        if not chunk:
            return seen
        seen += chunk
        if wanted is not None and wanted in seen:
            return seen
    raise AssertionError(f"the terminal never showed {wanted!r}; it showed {seen!r}")
