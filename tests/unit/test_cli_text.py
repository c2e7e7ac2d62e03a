"""Hostile text through every command that prints or exports: shown literally, never obeyed.

Each hostile string (markup, escape sequences, NUL, bell, CR, a bidi override, 5,000
characters, emoji and combining marks) fills every field the commands print, in a folder of
its own, as a hand-edited file would. Every output must exit cleanly, show the text
(control codes as their pictures, `printable()`), and hold no control code or bidi
override in any byte (Rich's own colours aside). File names and error sentences too.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import orjson
import pytest
from rich.console import Console

from coach_tui.cli import main
from coach_tui.commands.demo import write_demo
from coach_tui.commands.doctor import print_doctor
from coach_tui.commands.export import export_ics
from coach_tui.commands.export_json import export_json
from coach_tui.commands.export_review import export_review
from coach_tui.commands.import_contacts import run_import
from coach_tui.commands.import_json import import_json
from coach_tui.commands.today import run_today
from coach_tui.interop.json_envelope import FORMAT, FORMAT_VERSION
from coach_tui.model.text import clean_characters, clean_text, printable
from coach_tui.store.layout import SCHEMA_VERSION
from coach_tui.store.portable import read_tables
from coach_tui.store.repository import Repository
from tests.cli_text_records import HOSTILE, forbidden_in, last_week, seed_records, shown
from tests.helpers import FakeClock, quiet, squeezed, strings_in

CASES = list(HOSTILE)
LONG = "5,000 characters"
# The commands that date what they show run on the tests' Tuesday, as the seed does: a run
# that crosses midnight, a Sunday night or a change of the clocks reads the same records.
CLOCK = FakeClock()


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One data folder per hostile string, every printed field holding it."""
    folders = {}
    for case, text in HOSTILE.items():
        folder = tmp_path_factory.mktemp("hostile") / "data"
        seed_records(folder, text, CLOCK())
        folders[case] = folder
    return folders


def terminal(buffer: io.StringIO | None = None) -> Console:
    """A Rich console that believes it writes to a colour terminal."""
    return Console(
        file=buffer or io.StringIO(), force_terminal=True, color_system="truecolor", width=160
    )


def check(output: str, text: str, *, styled: bool = False, crlf: bool = False) -> None:
    """No control code or bidi override in `output`, and `text` shown literally in it."""
    assert forbidden_in(output, styled=styled, crlf=crlf) == []
    if styled:
        output = re.sub(r"\x1b\[[0-9;]*m", "", output)
    assert squeezed(shown(text)) in squeezed(output)


# --- coach today -----------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES)
def test_today_on_a_terminal_shows_stored_text_literally(seeded, case) -> None:
    buffer = io.StringIO()
    assert run_today(seeded[case], console=terminal(buffer), clock=CLOCK) == 0
    output = buffer.getvalue()
    check(output, HOSTILE[case], styled=True)
    assert "\x1b[" in output  # it did style (so the check above looked past real colours)


@pytest.mark.parametrize("case", CASES)
def test_today_plain_writes_no_escape_code_at_all(seeded, case, capsys, monkeypatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")  # Rich would style: stdout "is" a terminal
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert run_today(seeded[case], plain=True, clock=CLOCK) == 0
    output = capsys.readouterr().out
    assert "\x1b" not in printable(output) and "\x1b" not in output
    check(output, HOSTILE[case])


@pytest.mark.parametrize("case", CASES)
def test_today_json_values_are_printable(seeded, case, capsys) -> None:
    assert run_today(seeded[case], as_json=True, clock=CLOCK) == 0
    output = capsys.readouterr().out
    assert forbidden_in(output) == []
    document = orjson.loads(output)
    values = "".join(strings_in(document))
    assert forbidden_in(values) == []  # what `jq -r` would print
    assert shown(HOSTILE[case]) in values


# --- exports ---------------------------------------------------------------------------


def ics_text(payload: str) -> str:
    """The text an iCalendar reader sees: lines unfolded, text escapes undone."""
    unfolded = payload.replace("\r\n ", "").replace("\r\n", "\n")
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], unfolded)


@pytest.mark.parametrize("case", CASES)
def test_calendar_export_shows_stored_text_literally(seeded, case, tmp_path) -> None:
    target = tmp_path / "calendar.ics"
    assert export_ics(seeded[case], target, console=quiet(), clock=CLOCK) == 0
    payload = target.read_bytes().decode("utf-8")
    assert forbidden_in(payload, crlf=True) == []
    text = ics_text(payload)
    assert shown(HOSTILE[case]) in text or squeezed(shown(HOSTILE[case])) in squeezed(text)


@pytest.mark.parametrize("case", CASES)
def test_review_export_shows_stored_text_literally(seeded, case, tmp_path) -> None:
    target = tmp_path / "review.md"
    week = str(last_week(CLOCK().date()))
    assert export_review(seeded[case], target, week_text=week, console=quiet(), clock=CLOCK) == 0
    markdown = target.read_text(encoding="utf-8")
    assert forbidden_in(markdown) == []
    unescaped = re.sub(r"\\(.)", r"\1", markdown)
    assert squeezed(shown(HOSTILE[case])) in squeezed(unescaped)
    # Stored text reshapes nothing: the only headings are the review's own.
    headings = [line for line in markdown.splitlines() if line.lstrip().startswith("#")]
    assert headings[0].startswith("# Weekly review · ")
    assert {heading.removeprefix("## ") for heading in headings[1:]} <= REVIEW_SECTIONS


REVIEW_SECTIONS = {
    "The week in numbers", "What the numbers say", "What went well", "What did not",
    "What I learned about my clients", "Getting better", "Next week's focus",
    "Key calls to prep",
}  # fmt: skip


@pytest.mark.parametrize("case", CASES)
def test_json_export_is_faithful_and_leaves_no_control_code_raw(seeded, case, tmp_path) -> None:
    target = tmp_path / "export.json"
    assert export_json(seeded[case], target, console=quiet()) == 0
    payload = target.read_bytes()
    assert forbidden_in(payload.decode("utf-8")) == []
    repo = Repository.open(seeded[case], read_only=True)
    try:
        stored = read_tables(repo.store)
    finally:
        repo.close()
    exported = orjson.loads(payload)["tables"]
    for table, records in stored.items():
        key = lambda record: orjson.dumps(record, option=orjson.OPT_SORT_KEYS)  # noqa: E731
        assert sorted(map(key, exported[table])) == sorted(map(key, records)), table
    assert HOSTILE[case] in "".join(strings_in(exported))


# --- imports ---------------------------------------------------------------------------


def export_file(path: Path, tables: dict[str, list[dict]]) -> Path:
    document = {"format": FORMAT, "format_version": FORMAT_VERSION, "schema": SCHEMA_VERSION,
                "tables": tables}  # fmt: skip
    path.write_bytes(orjson.dumps(document))
    return path


# 5,000 characters exceed what a form takes in a name; what an import does with text over a
# form's limit is the record checks' business, not cleaning's (it holds no control code).
@pytest.mark.parametrize("case", [case for case in CASES if case != LONG])
def test_import_json_cleans_text_as_typing_does_and_says_so(seeded, case, tmp_path) -> None:
    repo = Repository.open(seeded[case], read_only=True)
    try:
        tables = read_tables(repo.store)
    finally:
        repo.close()
    source = export_file(tmp_path / "hand-edited.json", tables)
    target = tmp_path / "imported"
    buffer = io.StringIO()  # not a terminal: no "Saving…" spinner (it moves the cursor)
    assert import_json(target, source, console=Console(file=buffer, width=160)) == 0
    text = HOSTILE[case]
    imported = Repository.open(target, read_only=True)
    try:
        [account] = imported.accounts.all()
        [call] = [c for c in imported.calls.all() if c.prep and c.debrief is None]
        why = imported.why.current()
    finally:
        imported.close()
    assert account.name == clean_characters(text)
    assert call.prep is not None and call.prep.objections == clean_characters(text)
    assert why is not None and why.statement == clean_characters(text)
    output = buffer.getvalue()
    assert forbidden_in(output) == []
    changed = clean_characters(text) != text
    assert ("held control codes or direction overrides" in output) == changed
    # Exported again, nothing hostile is left for any terminal or file.
    assert export_json(target, tmp_path / "again.json", console=quiet()) == 0
    again = orjson.loads((tmp_path / "again.json").read_bytes())["tables"]
    assert not any(forbidden_in(value) for value in strings_in(again))


def test_import_json_cleans_a_draft_as_typing_does_keeping_its_tabs(tmp_path) -> None:
    typed = "line one\tindented\r\nline two \x1b[2J\u202eend"
    draft = {"flow": "prep", "step": 1, "answers": {"note": typed}, "updated_at": None}
    account = {"uid": "a1", "name": "Acme\tEast \x1b]0;T\x07", "research": {}}
    source = export_file(tmp_path / "edited.json", {"drafts": [draft], "accounts": [account]})
    assert import_json(tmp_path / "data", source, console=quiet()) == 0
    repo = Repository.open(tmp_path / "data", read_only=True)
    try:
        saved = repo.drafts.get("prep")
        [named] = repo.accounts.all()
    finally:
        repo.close()
    # A draft keeps what was typed, as `keepable` does in the app; a record as a form saves it.
    assert saved is not None and saved.answer("note") == "line one\tindented\nline two [2J\u202eend"
    assert named.name == "Acme East ]0;T"


@pytest.mark.parametrize("case", CASES)
def test_import_json_refusal_quoting_a_record_shows_it_literally(case, tmp_path, capsys) -> None:
    text = HOSTILE[case]
    uid = text[:60]  # the refusal quotes the repeated id; ids are short
    record = {"uid": uid, "name": "Acme", "research": {}}
    source = export_file(tmp_path / "twice.json", {"accounts": [record, dict(record)]})
    assert main(["import", "json", str(source), "--data", str(tmp_path / "new")]) == 1
    err = capsys.readouterr().err
    assert forbidden_in(err) == []
    assert "nothing imported" in err and squeezed(shown(clean_characters(uid))) in squeezed(err)


def connections_csv(path: Path, text: str) -> Path:
    """A LinkedIn export: one person named `text` at company `text`, one unreadable row."""
    rows = [
        ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"],
        [text, "Ann", "", "", text, text, "04 Mar 2024"],
        ["", "", "", "", "", "", text],  # no name: listed as not readable, quoting the row
    ]
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


@pytest.mark.parametrize("case", CASES)
def test_linkedin_summary_names_people_and_companies_literally(case, tmp_path, capsys) -> None:
    text = HOSTILE[case]
    source = connections_csv(tmp_path / "Connections.csv", text)
    buffer = io.StringIO()
    code = run_import(tmp_path / "data", "linkedin", source, console=terminal(buffer))
    if "\x00" in text:  # NUL makes it a binary file, refused whole with a sentence
        assert code == 1 and forbidden_in(capsys.readouterr().err) == []
        return
    assert code == 0
    output = buffer.getvalue()
    assert forbidden_in(output, styled=True) == []
    plain_output = re.sub(r"\x1b\[[0-9;]*m", "", output)
    if case != LONG:  # 5,000 characters are refused as a name: "the limit is 120"
        assert squeezed(clean_text(text, multiline=False)) in squeezed(plain_output)


# --- file and folder names, error and crash sentences ----------------------------------


def path_text(text: str) -> str | None:
    """`text` as a folder name (a path can hold neither NUL nor 5,000 characters)."""
    if "\x00" in text:
        return None
    return text[:200]


PATH_CASES = [case for case in CASES if path_text(HOSTILE[case]) is not None]


@pytest.fixture
def hostile_dir(tmp_path: Path, request) -> tuple[Path, str]:
    name = path_text(HOSTILE[request.param])
    assert name is not None
    folder = tmp_path / name
    folder.mkdir(parents=True)
    return folder, str(folder)


@pytest.mark.parametrize("hostile_dir", PATH_CASES, indirect=True)
def test_doctor_names_the_folder_literally(hostile_dir) -> None:
    folder, _name = hostile_dir
    seed_records(folder / "data", "Acme", CLOCK())
    buffer = io.StringIO()
    print_doctor(folder / "data", restore=False, console=terminal(buffer))
    check(buffer.getvalue(), str(folder / "data"), styled=True)


@pytest.mark.parametrize("hostile_dir", PATH_CASES, indirect=True)
def test_demo_refusal_names_the_folder_literally(hostile_dir) -> None:
    folder, _name = hostile_dir
    seed_records(folder, "Acme", CLOCK())
    buffer = io.StringIO()
    assert write_demo(folder, years=1, seed=1, console=terminal(buffer)) == 1
    check(buffer.getvalue(), str(folder), styled=True)


@pytest.mark.parametrize("hostile_dir", PATH_CASES, indirect=True)
def test_export_messages_name_the_file_literally(hostile_dir, tmp_path) -> None:
    folder, _name = hostile_dir
    data = tmp_path / "data"
    seed_records(data, "Acme", CLOCK())
    for export, name in ((export_ics, "out.ics"), (export_json, "out.json")):
        buffer = io.StringIO()
        assert export(data, folder / name, console=terminal(buffer)) == 0
        check(buffer.getvalue(), str(folder / name), styled=True)
        buffer = io.StringIO()  # written again: refused, as the file is there already
        assert export(data, folder / name, console=terminal(buffer)) == 1
        check(buffer.getvalue(), str(folder / name), styled=True)
    buffer = io.StringIO()  # a folder where the file should go: refused
    (folder / "taken").mkdir()
    assert export_ics(data, folder / "taken", console=terminal(buffer)) == 1
    check(buffer.getvalue(), str(folder / "taken"), styled=True)


@pytest.mark.parametrize("hostile_dir", PATH_CASES, indirect=True)
def test_import_messages_name_the_file_literally(hostile_dir, tmp_path, capsys) -> None:
    folder, _name = hostile_dir
    source = connections_csv(folder / f"{folder.name}.csv", "Greta")
    not_csv = folder / f"{folder.name}.txt"
    not_csv.write_text("Greta")
    missing = folder / "missing.json"
    data = str(tmp_path / "d")
    assert main(["import", "linkedin", str(source), "--data", data]) == 0
    summary = capsys.readouterr()
    assert main(["import", "linkedin", str(not_csv), "--data", data]) == 1
    assert main(["import", "json", str(missing), "--data", str(tmp_path / "e")]) == 1
    refusals = capsys.readouterr()
    assert forbidden_in(summary.out + summary.err + refusals.out + refusals.err) == []
    assert squeezed(shown(source.name)) in squeezed(summary.out)
    assert squeezed(shown(not_csv.name)) in squeezed(refusals.err)
    assert squeezed(shown(str(missing))) in squeezed(refusals.err)


@pytest.mark.parametrize("case", CASES)
def test_an_unexpected_error_quoting_text_is_reported_literally(
    case, tmp_path, capsys, monkeypatch
) -> None:
    text = HOSTILE[case]

    def crash(*_args, **_kwargs):
        raise RuntimeError(text)

    monkeypatch.setattr("coach_tui.commands.today.run_today", crash)
    Repository.open(tmp_path).close()  # crash.log is only ever written into coach's folder
    assert main(["today", "--data", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert forbidden_in(err) == []
    assert squeezed(shown(text)) in squeezed(err) and "Your saved data is safe" in err
    log = (tmp_path / "crash.log").read_text(encoding="utf-8")
    assert forbidden_in(log) == [] and squeezed(shown(text)) in squeezed(log)


def test_a_long_path_is_printed_whole_so_it_can_be_copied(tmp_path, capsys) -> None:
    folder = tmp_path / ("a-folder-with-a-long-name-" * 4) / "data"
    seed_records(folder, "Acme", CLOCK())
    target = tmp_path / ("an-export-with-a-long-name-" * 4 + ".json")
    assert main(["doctor", "--data", str(folder)]) == 0
    assert main(["demo", "--data", str(folder)]) == 1
    assert main(["export", "json", str(target), "--data", str(folder)]) == 0
    captured = capsys.readouterr()
    printed = captured.out + captured.err  # a pipe: Rich would fold at 80 columns
    assert f"Data folder: {folder}\n" in printed
    assert f"{folder} already holds your data" in printed
    assert f"coach import json {target} --data NEW_FOLDER" in printed
