"""`coach import json` refuses a record that names one the file does not hold."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rich.console import Console

from coach_tui.cli import main
from coach_tui.commands.import_json import import_json
from coach_tui.store.decoders import KINDS
from coach_tui.store.portable import PORTABLE_TABLES
from coach_tui.store.references import (
    HISTORY,
    REQUIRED,
    TO_PEOPLE,
    Link,
    MissingRecord,
    check_references,
    naming_people_gone,
)
from tests.helpers import FakeClock, quiet
from tests.unit.test_json_round_trip import records_in, write_export
from tests.unit.test_record_rules import VALID


def every_table() -> dict[str, list[dict]]:
    """One record in each table, each naming the others: a file coach could have written."""
    return {table: [make()] for table, make in VALID.items() if table in PORTABLE_TABLES}


def pointing_nowhere(link: Link) -> dict[str, list[dict]]:
    tables = every_table()
    record = tables[link.table][0]
    record[link.field] = ["gone"] if isinstance(record[link.field], list) else "gone"
    return tables


def test_a_file_whose_records_all_lead_somewhere_passes() -> None:
    check_references(every_table())
    assert naming_people_gone(every_table()) == {}


@pytest.mark.parametrize("link", REQUIRED, ids=lambda link: f"{link.table}.{link.field}")
def test_each_link_that_leads_nowhere_is_refused_naming_the_record(link: Link) -> None:
    expected = f"record 1 in '{link.table}' names {link.noun} (gone in '{link.field}')"
    with pytest.raises(MissingRecord, match=re.escape(expected)):
        check_references(pointing_nowhere(link))


def test_every_link_of_the_model_has_a_rule() -> None:
    """A field added later that names another record must be put in one of the lists."""
    ruled = {(link.table, link.field) for link in (*REQUIRED, *TO_PEOPLE, *HISTORY)}
    named = {
        (table, field)
        for table in PORTABLE_TABLES
        for field in KINDS[table].model.__dataclass_fields__
        if field.endswith(("_uid", "_uids"))
    }
    assert named == ruled


def test_people_removed_earlier_are_counted_not_refused() -> None:
    """'Remove from this account' keeps the touches and calls that named the person."""
    tables = every_table()
    tables["contacts"] = []
    check_references(tables)
    assert naming_people_gone(tables) == {"calls": 1, "touches": 1, "campaigns": 1}


def test_an_import_of_a_call_without_its_account_writes_nothing(
    tmp_path: Path, clock: FakeClock, capsys
) -> None:
    source = write_export(
        tmp_path / "x.json", pointing_nowhere(Link("calls", "account_uid", "accounts", "x"))
    )
    assert import_json(tmp_path / "data", source, console=quiet(), clock=clock) == 1
    err = " ".join(capsys.readouterr().err.split())
    assert (
        "coach: nothing imported. record 1 in 'calls' names an account (gone in "
        "'account_uid') that is not in the file. Export it again from the coach that wrote it"
    ) in err
    assert records_in(tmp_path / "data") == 0


def test_cli_import_json_refuses_a_touch_of_a_missing_campaign(tmp_path: Path, capsys) -> None:
    source = write_export(
        tmp_path / "x.json", pointing_nowhere(Link("touches", "campaign_uid", "campaigns", "x"))
    )
    data = tmp_path / "data"
    assert main(["import", "json", str(source), "--data", str(data)]) == 1
    err = " ".join(capsys.readouterr().err.split())
    assert "record 1 in 'touches' names a campaign (gone in 'campaign_uid')" in err
    assert not data.exists() or records_in(data) == 0


def test_cli_import_json_says_which_records_name_people_no_longer_there(
    tmp_path: Path, capsys
) -> None:
    tables = every_table()
    tables["contacts"] = []
    source = tmp_path / "x.json"
    source.write_text(json.dumps(json.loads(write_export(source, tables).read_text())))
    assert main(["import", "json", str(source), "--data", str(tmp_path / "data")]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "1 call, 1 touch and 1 campaign name people no longer in the file" in out


def test_the_people_note_reads_in_the_singular_too() -> None:
    from coach_tui.commands.import_json import _print_people_gone

    console = Console(record=True, width=200)
    _print_people_gone({"touches": 1}, console)
    assert console.export_text().startswith("1 touch names people no longer in the file")
