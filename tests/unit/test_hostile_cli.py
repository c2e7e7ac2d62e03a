"""End to end: the real `coach` commands on a folder whose every text field is hostile.

`tests/hostile.py` fills every text field of every record with markup, click actions,
links, terminal control (title set, screen wipe, NUL, BEL, CR, a bidi override), long and
wide text. Each command runs as a user runs it — `coach today` on a terminal (a pty), the
others into pipes and files — on the tests' Tuesday in Berlin (`tests/coach_at.py`), and
must exit cleanly, show the text as typed, and write no control character the data brought
(Rich's own colours on a terminal aside).
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import termios
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from coach_tui.model.text import printable
from coach_tui.store.layout import FAMILIES, family_path
from coach_tui.store.portable import read_tables
from coach_tui.store.repository import Repository
from tests.cli_text_records import FORBIDDEN as CONTROL
from tests.cli_text_records import RICH_STYLE
from tests.coach_at import at
from tests.helpers import TUESDAY_MORNING, short_temp_dir, squeezed, strings_in
from tests.hostile import FORBIDDEN, LITERALS, HostileFolder, seed_hostile


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HostileFolder]:
    root = tmp_path_factory.mktemp("hostile-cli")
    with short_temp_dir() as victim:
        yield seed_hostile(root / "data", now=TUESDAY_MORNING, victim_dir=victim)


# The seed's day and zone, whatever the machine's clock and zone say.
COACH = at(TUESDAY_MORNING)
IN_BERLIN = {**os.environ, "TZ": "Europe/Berlin"}


def coach(*args: str) -> subprocess.CompletedProcess[bytes]:
    """`coach ARGS` with its output going to pipes, as in a script."""
    return subprocess.run(
        [*COACH, *args], capture_output=True, stdin=subprocess.DEVNULL, timeout=120, env=IN_BERLIN
    )


def coach_on_a_terminal(*args: str, columns: int = 120) -> tuple[int, str]:
    """`coach ARGS` on a pseudo-terminal: Rich styles, and every byte it sends is kept."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    env = {key: value for key, value in IN_BERLIN.items() if key not in ("NO_COLOR", "TERM")}
    process = subprocess.Popen(
        [*COACH, *args],
        stdin=follower, stdout=follower, stderr=follower, env={**env, "TERM": "xterm-256color"},
    )  # fmt: skip
    os.close(follower)
    received = b""
    while select.select([leader], [], [], 120)[0]:
        try:
            chunk = os.read(leader, 65_536)
        except OSError:  # the command ended and closed its side
            break
        if not chunk:
            break
        received += chunk
    os.close(leader)
    # The terminal turns each line end into CR LF; a CR of the data's own would stay alone.
    return process.wait(timeout=120), received.decode("utf-8").replace("\r\n", "\n")


def sent_from_data(output: str, *, styled: bool = False) -> list[str]:
    """Forbidden characters in `output` (Rich's colour codes taken out when `styled`)."""
    if styled:
        output = RICH_STYLE.sub("", output)
    return [char for char in FORBIDDEN if char in output]


def assert_literals_shown(output: str) -> None:
    for literal in LITERALS:
        assert squeezed(literal) in squeezed(output), literal


def test_today_on_a_terminal(hostile: HostileFolder) -> None:
    code, output = coach_on_a_terminal("today", "--data", str(hostile.data_dir))
    assert code == 0, output
    assert "\x1b[" in output  # Rich did style: the check below looks past real colours only
    assert sent_from_data(output, styled=True) == []
    assert_literals_shown(RICH_STYLE.sub("", output))
    assert "Traceback" not in output and not hostile.victim_file.exists()


@pytest.mark.parametrize("columns", [120, 80])
def test_today_plain_on_a_terminal_sends_no_escape_code(hostile, columns: int) -> None:
    data = str(hostile.data_dir)
    code, output = coach_on_a_terminal("today", "--plain", "--data", data, columns=columns)
    assert code == 0, output
    assert sent_from_data(output) == [] and CONTROL.findall(output) == []
    assert_literals_shown(output)
    assert squeezed(printable("\x1b]0;PWNED\x07")) in squeezed(output)  # shown as ␛]0;PWNED␇


def test_today_json(hostile: HostileFolder) -> None:
    result = coach("today", "--json", "--data", str(hostile.data_dir))
    assert result.returncode == 0, result.stderr
    output = result.stdout.decode("utf-8")
    values = strings_in(orjson.loads(output))
    assert sent_from_data(output) == [] and sent_from_data("".join(values)) == []
    assert_literals_shown("\n".join(values))


def export(hostile: HostileFolder, fmt: str, target: Path, *options: str) -> str:
    result = coach("export", fmt, str(target), *options, "--data", str(hostile.data_dir))
    assert result.returncode == 0, result.stderr
    message = (result.stdout + result.stderr).decode("utf-8")
    assert sent_from_data(message) == []
    return target.read_bytes().decode("utf-8")


def test_calendar_export(hostile: HostileFolder, tmp_path: Path) -> None:
    payload = export(hostile, "ics", tmp_path / "calendar.ics")
    assert sent_from_data(payload.replace("\r\n", "\n")) == []
    unfolded = payload.replace("\r\n ", "")  # long lines are folded; text escapes undone:
    unfolded = re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], unfolded)
    assert "Max [/] Typed · [link=file:///etc/passwd]Link[/] · Lee [Hiring]" in unfolded
    assert printable("\x1b]0;PWNED\x07") in unfolded


def test_review_export(hostile: HostileFolder, tmp_path: Path) -> None:
    from coach_tui.model.week import IsoWeek

    week = str(IsoWeek.of(TUESDAY_MORNING.date()).shifted(-1))  # the seeded review
    markdown = export(hostile, "review", tmp_path / "review.md", "--week", week)
    assert sent_from_data(markdown) == []
    assert_literals_shown(re.sub(r"\\(.)", r"\1", markdown))


def test_json_export_is_faithful(hostile: HostileFolder, tmp_path: Path) -> None:
    payload = export(hostile, "json", tmp_path / "everything.json")
    assert sent_from_data(payload) == []
    repo = Repository.open(hostile.data_dir, read_only=True)
    try:
        stored = read_tables(repo.store)
    finally:
        repo.close()
    tables = orjson.loads(payload)["tables"]
    for table, records in stored.items():
        key = lambda record: orjson.dumps(record, option=orjson.OPT_SORT_KEYS)  # noqa: E731
        assert sorted(map(key, tables[table])) == sorted(map(key, records)), table


def test_import_json_cleans_every_text_and_the_folder_prints_clean(hostile, tmp_path) -> None:
    export(hostile, "json", tmp_path / "everything.json")
    target = tmp_path / "imported"
    result = coach("import", "json", str(tmp_path / "everything.json"), "--data", str(target))
    assert result.returncode == 0, result.stderr
    summary = result.stdout.decode("utf-8")
    assert sent_from_data(summary) == [] and "held control codes" in summary
    for family in FAMILIES:
        path = family_path(target, family)
        if not path.exists():
            continue
        for table, records in orjson.loads(path.read_bytes()).items():
            texts = "".join(strings_in(records))
            # Drafts keep what was typed, as in the app (`keepable`): no control codes.
            found = CONTROL.findall(texts.replace("\t", " "))
            if table == "drafts":
                found = [char for char in found if not "\u202a" <= char <= "\u2069"]
            assert found == [], (family, table)
    code, output = coach_on_a_terminal("today", "--plain", "--data", str(target))
    assert code == 0 and sent_from_data(output) == []
    assert_literals_shown(output)


def test_doctor_and_a_refused_demo(hostile: HostileFolder) -> None:
    for args in (["doctor"], ["demo"]):
        code, output = coach_on_a_terminal(*args, "--data", str(hostile.data_dir))
        assert "Traceback" not in output and sent_from_data(output, styled=True) == []
        assert code == (1 if args == ["demo"] else 0), output
