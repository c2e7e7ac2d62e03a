"""`coach today --format` for status bars, and `--plain` for files: what each prints."""

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from coach_tui.cli import main
from coach_tui.commands.status_line import FIELDS, status_fields
from coach_tui.demo.generate import build_demo
from coach_tui.demo.write import write_demo_data
from coach_tui.model import clock
from coach_tui.model.account import Account
from coach_tui.model.call import Call, Prep
from coach_tui.store.repository import Repository
from tests.coach_at import stopped_at
from tests.helpers import BERLIN

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=BERLIN)
TEMPLATE = "{calls} calls · next {next_time} {next_account}"


def view(*calls: tuple[int, str, str | None]) -> dict:
    """An agenda's view with today's calls at (hour, account, outcome)."""
    return {
        "date": NOW.date().isoformat(),
        "why": "For my\nfamily",
        "calls": [
            {"time": NOW.replace(hour=h).isoformat(), "account": a, "kind": "call", "outcome": o}
            for h, a, o in calls
        ],
        "to_debrief": [{"time": NOW.isoformat(), "account": "x", "kind": "call"}],
        "touches": [{"days_overdue": 3}, {"days_overdue": 0}],
        "promises": [{"days_late": 0}, {"days_late": 2}, {"days_late": 1}],
        "stalled": [],
        "behind_pace": [],
        "late_objectives": [],
        "coach": "Prep it.",
    }


def test_the_next_call_is_the_first_not_begun_and_the_counts_add_up() -> None:
    fields = status_fields(view((9, "Early", "x"), (14, "Osprey", None), (16, "Late", "y")), NOW)
    assert set(fields) == set(FIELDS)
    assert fields["calls"] == 3 and fields["calls_left"] == 2 and fields["unprepared"] == 1
    assert (fields["next_time"], fields["next_in"], fields["next_account"]) == (
        "14:00", "2h00m", "Osprey"
    )  # fmt: skip
    assert fields["next_outcome"] == "" and fields["next_kind"] == "call"
    assert (fields["debriefs"], fields["touches_due"], fields["overdue"]) == (1, 2, 1)
    assert (fields["promises"], fields["promises_late"]) == (3, 2)
    assert fields["why"] == "For my family"  # one line for a status bar


def test_with_no_call_ahead_the_next_call_fields_are_empty() -> None:
    fields = status_fields(view((9, "Early", "x")), NOW)
    next_fields = [name for name in FIELDS if name.startswith("next_")]
    assert [fields[name] for name in next_fields] == [""] * len(next_fields)
    assert TEMPLATE.format_map(fields) == "1 calls · next  "


@pytest.fixture
def at_noon_in_berlin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    monkeypatch.setattr(clock, "datetime", stopped_at(NOW))


@pytest.mark.usefixtures("at_noon_in_berlin")
def test_a_status_line_is_one_safe_line(tmp_path: Path, capsys) -> None:
    with Repository.open(tmp_path, clock=lambda: NOW) as repo:
        hostile = Account("Os\x1b]0;pwned\x07prey\x00\nInc")
        repo.accounts.save(hostile)
        repo.calls.save(Call(hostile.uid, NOW + timedelta(minutes=25), prep=Prep("A yes")))
    assert main(["today", "--data", str(tmp_path), "--format", TEMPLATE + " {next_outcome}"]) == 0
    out = capsys.readouterr().out
    assert out == "1 calls · next 12:25 Os␛]0;pwned␇prey␀ Inc A yes\n"


@pytest.mark.parametrize(
    ("template", "named"),
    [
        ("{calls} · {next_acount}", "there is no field 'next_acount'. The fields are: calls, "),
        ("{calls.real}", "there is no field 'calls.real'"),
        ("{}", "there is no field a field without a name"),
        ("{calls", "the template is not valid (expected '}' before end of string)"),
        ("{next_time:d}", "cannot be filled (Unknown format code 'd' for object of type 'str')"),
        ("{calls:{next_time}}", "the format of {calls} holds another field ('{next_time}')"),
    ],
)
def test_a_template_it_cannot_fill_is_one_sentence_and_exit_2(
    template: str, named: str, tmp_path: Path, capsys
) -> None:
    assert main(["today", "--data", str(tmp_path / "not-read"), "--format", template]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("coach today --format: ") and named in err
    assert err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.usefixtures("at_noon_in_berlin")
def test_plain_has_no_trailing_space_and_no_escape_code(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    with Repository.open(tmp_path, clock=lambda: NOW) as repo:
        write_demo_data(repo, build_demo(NOW, years=1, seed=7))
    assert main(["today", "--plain", "--all", "--data", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) > 20 and "Calls today" in lines  # tables, titles and lists
    assert [line for line in lines if line != line.rstrip() or "\x1b" in line] == []
