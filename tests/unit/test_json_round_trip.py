"""`coach export json` / `coach import json`: everything out, everything back, byte for byte."""

from __future__ import annotations

import errno
import json
import re
from datetime import date, timedelta
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

from coach_tui.cli import main
from coach_tui.commands.demo import write_demo
from coach_tui.commands.export_json import export_json
from coach_tui.commands.import_json import import_json
from coach_tui.interop.json_envelope import FORMAT, FORMAT_VERSION, encode_export
from coach_tui.model.account import Account, Research
from coach_tui.model.contact import Contact
from coach_tui.model.draft import FlowDraft, keepable
from coach_tui.model.settings import Settings
from coach_tui.model.text import clean_text
from coach_tui.model.touch import Campaign
from coach_tui.model.why import WhyStatement, new_why
from coach_tui.store.codec import encode
from coach_tui.store.layout import FAMILIES, SCHEMA_VERSION, family_path
from coach_tui.store.lock import DataDirLock
from coach_tui.store.portable import PORTABLE_TABLES
from coach_tui.store.repository import Repository
from tests.helpers import FakeClock, quiet
from tests.unit.test_store_failures import FailingDisk


def exported(data_dir: Path, clock: FakeClock, target: Path) -> bytes:
    assert export_json(data_dir, target, console=quiet(), clock=clock) == 0
    return target.read_bytes()


def data_files(folder: Path) -> dict[str, bytes]:
    """The family files of a folder (what an import must not half-write)."""
    return {
        family: family_path(folder, family).read_bytes()
        for family in FAMILIES
        if family_path(folder, family).exists()
    }


def records_in(folder: Path) -> int:
    total = 0
    for payload in data_files(folder).values():
        tables = orjson.loads(payload)
        total += sum(len(rows) for name, rows in tables.items() if name != "_meta")
    return total


@pytest.fixture(scope="module")
def demo_export(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """A year of demo history (part of it archived) and its export."""
    folder = tmp_path_factory.mktemp("demo")
    clock = FakeClock()
    assert write_demo(folder / "data", years=1, seed=11, console=quiet(), clock=clock) == 0
    return folder / "data", exported(folder / "data", clock, folder / "export.json")


def test_a_year_of_history_survives_export_import_export_unchanged(
    demo_export: tuple[Path, bytes], tmp_path: Path, clock: FakeClock
) -> None:
    source, first = demo_export
    target = tmp_path / "imported"
    (tmp_path / "first.json").write_bytes(first)
    assert import_json(target, tmp_path / "first.json", console=quiet(), clock=clock) == 0
    assert exported(target, clock, tmp_path / "second.json") == first
    # Old history went back to the archive, as in the folder it came from.
    assert family_path(target, "archive").stat().st_size > 100_000
    assert records_in(target) == records_in(source)


def test_the_export_lists_archived_history_in_its_own_table(
    demo_export: tuple[Path, bytes],
) -> None:
    source, payload = demo_export
    document = json.loads(payload)
    assert (document["format"], document["format_version"], document["schema"]) == (
        FORMAT,
        FORMAT_VERSION,
        SCHEMA_VERSION,
    )
    assert set(document["tables"]) == set(PORTABLE_TABLES)
    assert not any(name.endswith("_archive") for name in document["tables"])
    repo = Repository.open(source, read_only=True)
    try:
        every_touch = repo.touches.count()
        archived = repo.store.database("archive").storage.read()["touches_archive"]
    finally:
        repo.close()
    assert archived  # the demo did archive some touches: the export must carry them
    assert len(document["tables"]["touches"]) == every_touch
    assert {r["uid"] for r in archived.values()} <= {
        r["uid"] for r in document["tables"]["touches"]
    }


TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40).filter(
    str.strip
)
# Records hold text as the forms save it (`clean_text`); an import cleans text by that rule,
# so only what coach itself can store is expected back byte for byte. Drafts keep what was
# typed (`keepable`): their answers stay any text.
LINE = TEXT.map(lambda raw: clean_text(raw, multiline=False)).filter(bool)
PARAGRAPH = TEXT.map(lambda raw: clean_text(raw, multiline=True)).filter(bool)


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    why=TEXT,
    names=st.lists(LINE, min_size=0, max_size=4),
    research=PARAGRAPH,
    people=st.lists(LINE, max_size=3),
    answers=st.dictionaries(st.text(max_size=8), st.text(max_size=60), max_size=4),
    step=st.integers(0, 9),
    stall_weeks=st.integers(2, 26),
)
def test_any_data_round_trips_exactly(
    tmp_path_factory: pytest.TempPathFactory,
    why: str,
    names: list[str],
    research: str,
    people: list[str],
    answers: dict[str, str],
    step: int,
    stall_weeks: int,
) -> None:
    clock = FakeClock()
    folder = tmp_path_factory.mktemp("any")
    repo = Repository.open(folder / "data", clock=clock)
    try:
        repo.why.save(new_why(why.strip(), {}, now=clock()))
        for name in names:
            account = Account(name.strip(), Research(direction=research), created_at=clock())
            repo.accounts.save(account)
            for person in people:
                repo.contacts.save(Contact(person.strip(), account.uid, added_on=clock().date()))
        kept = {key: keepable(value) for key, value in answers.items()}
        repo.drafts.save(FlowDraft("prep", step, kept, clock()))
        repo.settings.save(Settings(theme="coach-light", stall_weeks=stall_weeks))
    finally:
        repo.close()
    first = exported(folder / "data", clock, folder / "one.json")
    assert import_json(folder / "copy", folder / "one.json", console=quiet(), clock=clock) == 0
    assert exported(folder / "copy", clock, folder / "two.json") == first
    assert seen_by_the_app(folder / "copy", clock) == seen_by_the_app(folder / "data", clock)


def by_uid(record: Account | Contact | WhyStatement) -> str:
    return record.uid


def seen_by_the_app(folder: Path, clock: FakeClock) -> tuple:
    """What the screens would show of a folder, read through the repositories.

    Records that sort alike on screen (two accounts of one name) may swap places, as
    storage order is not kept; ordering by uid compares the records themselves.
    """
    repo = Repository.open(folder, read_only=True, clock=clock)
    try:
        return (
            repo.settings.get(),
            repo.drafts.get("prep"),
            sorted(repo.accounts.all(), key=by_uid),
            sorted(repo.contacts.all(), key=by_uid),
            sorted(repo.why.history(), key=by_uid),
        )
    finally:
        repo.close()


def write_export(path: Path, tables: dict, **envelope: object) -> Path:
    document = {"format": FORMAT, "format_version": 1, "schema": SCHEMA_VERSION}
    document.update(envelope)
    document["tables"] = tables
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def its_owners() -> dict[str, list[dict]]:
    """The account and campaign `a_touch` records belong to: an import refuses a touch of
    an account or a campaign the file does not hold."""
    return {
        "accounts": [encode(Account("Acme", uid="acct"))],
        "campaigns": [encode(Campaign("acct", "Entry", date(2026, 11, 2), (), uid="camp"))],
    }


def a_touch(uid: str, **changes: object) -> dict:
    record = {
        "uid": uid,
        "campaign_uid": "camp",
        "account_uid": "acct",
        "contact_uid": "c1",
        "due": "2026-11-20",
        "channel": "email",
        "purpose": "share relevant insight",
        "idea": None,
        "status": "planned",
        "outcome": None,
        "got_response": False,
        "got_meeting": False,
        "closed_on": None,
    }
    record.update(changes)
    return record


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "not valid JSON"),
        (b"[1, 2]", "not a coach export"),
        (b'{"format": "something else", "tables": {}}', "not a coach export"),
    ],
)
def test_a_file_that_is_not_an_export_is_refused(
    tmp_path: Path, clock: FakeClock, capsys, content: bytes, message: str
) -> None:
    source = tmp_path / "x.json"
    source.write_bytes(content)
    assert import_json(tmp_path / "data", source, console=quiet(), clock=clock) == 1
    assert message in capsys.readouterr().err
    assert records_in(tmp_path / "data") == 0


@pytest.mark.parametrize(
    ("tables", "envelope", "message"),
    [
        ({}, {"format_version": 2}, "newer coach"),
        ({}, {"schema": SCHEMA_VERSION + 1}, "newer coach"),
        ({}, {"schema": "one"}, '"schema" is missing or is not a whole number'),
        ({"secrets": []}, {}, "table 'secrets'"),
        ({"touches_archive": []}, {}, "table 'touches_archive'"),
        ({"touches": {"1": {}}}, {}, "table 'touches' is not a list"),
        ({"touches": [a_touch("t1"), 7]}, {}, "record 2 of table 'touches'"),
        ({"touches": [a_touch("t1", due="the 5th")]}, {}, "record 1 in 'touches' is damaged"),
        ({"touches": [a_touch("t1"), a_touch("t1")]}, {}, "share the id t1"),
    ],
)
def test_a_bad_export_is_refused_whole_and_nothing_is_written(
    tmp_path: Path, clock: FakeClock, capsys, tables: dict, envelope: dict, message: str
) -> None:
    good = [a_touch(f"ok{n}") for n in range(3)]
    source = write_export(
        tmp_path / "x.json", {"touches": good, **its_owners(), **tables}, **envelope
    )
    assert import_json(tmp_path / "data", source, console=quiet(), clock=clock) == 1
    err = capsys.readouterr().err
    assert "nothing imported" in err and message in err
    assert records_in(tmp_path / "data") == 0


def test_an_older_export_is_upgraded_on_import(tmp_path: Path, clock: FakeClock) -> None:
    """Version 0 records had no uid; importing gives them one, like opening an old file."""
    touch = a_touch("x")
    del touch["uid"]
    source = write_export(tmp_path / "old.json", {"touches": [touch], **its_owners()}, schema=0)
    assert import_json(tmp_path / "data", source, console=quiet(), clock=clock) == 0
    repo = Repository.open(tmp_path / "data", read_only=True, clock=clock)
    try:
        (imported,) = repo.touches.for_campaign("camp")
    finally:
        repo.close()
    assert len(imported.uid) == 32


def test_import_only_goes_into_an_empty_folder(
    demo_export: tuple[Path, bytes], tmp_path: Path, clock: FakeClock, capsys
) -> None:
    _source, payload = demo_export
    target = tmp_path / "mine"
    repo = Repository.open(target, clock=clock)
    repo.accounts.save(Account("Already here"))
    repo.close()
    before = data_files(target)
    (tmp_path / "e.json").write_bytes(payload)
    assert import_json(target, tmp_path / "e.json", console=quiet(), clock=clock) == 1
    assert "already holds data" in capsys.readouterr().err
    assert data_files(target) == before


def test_a_folder_opened_once_but_never_used_counts_as_empty(
    tmp_path: Path, clock: FakeClock
) -> None:
    target = tmp_path / "fresh"
    Repository.open(target, clock=clock).close()  # the app was opened and closed
    source = write_export(tmp_path / "x.json", {"touches": [a_touch("t1")], **its_owners()})
    assert import_json(target, source, console=quiet(), clock=clock) == 0
    assert records_in(target) == 3


def test_a_dry_run_checks_everything_and_writes_nothing(tmp_path: Path, clock: FakeClock) -> None:
    source = write_export(tmp_path / "x.json", {"touches": [a_touch("t1")], **its_owners()})
    out = Console(record=True, width=100)
    assert import_json(tmp_path / "data", source, dry_run=True, console=out, clock=clock) == 0
    text = out.export_text()
    assert "Would import 3 records from" in text and "nothing was saved" in text
    assert not (tmp_path / "data").exists()


def test_a_full_disk_during_import_leaves_the_folder_empty(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    target = tmp_path / "data"
    Repository.open(target, clock=clock).close()
    before = data_files(target)
    tables = {"touches": [a_touch("t1")], **its_owners()}
    source = write_export(tmp_path / "x.json", tables)
    FailingDisk("write", errno.ENOSPC, {"accounts.json"}).install(monkeypatch)
    assert main(["import", "json", str(source), "--data", str(target)]) == 1
    assert "the disk is full" in capsys.readouterr().err
    monkeypatch.undo()
    assert data_files(target) == before  # the touches file was staged, never swapped in


def test_export_works_while_coach_is_open(
    demo_export: tuple[Path, bytes], tmp_path: Path, clock: FakeClock
) -> None:
    source, payload = demo_export
    lock = DataDirLock(source).acquire()
    try:
        assert exported(source, clock, tmp_path / "again.json") == payload
    finally:
        lock.release()


def test_the_commands_are_wired_into_coach(tmp_path: Path, capsys) -> None:
    data = tmp_path / "data"
    repo = Repository.open(data)
    repo.accounts.save(Account("Nordvale", created_at=FakeClock()() - timedelta(days=3)))
    repo.close()
    assert main(["export", "json", "--data", str(data)]) == 0
    printed = capsys.readouterr().out
    assert json.loads(printed)["tables"]["accounts"][0]["name"] == "Nordvale"
    (tmp_path / "out.json").write_text(printed, encoding="utf-8")
    assert main(["import", "json", str(tmp_path / "out.json"), "--data", str(tmp_path / "b")]) == 0
    said = " ".join(capsys.readouterr().out.split())  # Rich wraps long paths onto new lines
    assert "Imported 1 record from" in said and f"coach --data {tmp_path / 'b'}" in said
    assert main(["import", "json", "x.json", "--account", "Acme"]) == 2
    assert main(["export", "json", "--week", "2026-W01", "--data", str(data)]) == 2


def test_an_unwritable_export_target_is_reported(tmp_path: Path, clock: FakeClock) -> None:
    Repository.open(tmp_path / "data", clock=clock).close()
    out = Console(record=True, width=200)
    target = tmp_path / "no-such-folder" / "x.json"
    assert export_json(tmp_path / "data", target, console=out, clock=clock) == 1
    said = out.export_text()
    assert "Could not write" in said and "the folder does not exist" in said


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(exclude_categories=("Cs",))))
def test_any_text_reads_back_exactly_and_no_control_character_is_written_raw(text: str) -> None:
    payload = encode_export(SCHEMA_VERSION, {"accounts": [{"uid": "a", "name": text}]})
    assert orjson.loads(payload)["tables"]["accounts"] == [{"uid": "a", "name": text}]
    raw = payload.decode("utf-8")
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff]", raw)
