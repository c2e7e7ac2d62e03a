"""`coach today`: the agenda, the coach's line, JSON, NO_COLOR, and reading beside the app."""

import io
import json
import os
import subprocess
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from rich.console import Console

from coach_tui.cli import main
from coach_tui.coaching.agenda import build_agenda, priority_picks
from coach_tui.coaching.dashboard import goal_lines, touch_lines
from coach_tui.commands.today import SHOWN_PROMISES, SHOWN_STALLED, print_agenda
from coach_tui.model import clock
from coach_tui.model.account import Account, ExpansionKind, ObjectiveStatus, StrategicObjective
from coach_tui.model.call import Call, Commitment, Party, Prep
from coach_tui.model.goal import Metric, PerformanceGoal, ProgressEntry
from coach_tui.model.touch import Channel, Purpose, Touch
from coach_tui.model.why import new_why
from coach_tui.services.today_digest import VIEW_VERSION, agenda_view
from coach_tui.store.repository import Repository
from tests.coach_at import at, stopped_at
from tests.helpers import BERLIN

NOW = datetime(2026, 11, 24, 8, 30, tzinfo=BERLIN)
TODAY = NOW.date()
NAMES = {"a": "Nordvale Foods"}


def agenda(**parts):
    args = {"calls": [], "touches": [], "commitments": [], "stalls": {}, "goals": []}
    args.update(parts)
    return build_agenda(NOW, "For my family", names=NAMES, **args)


def touch(days_ago: int) -> Touch:
    due = TODAY - timedelta(days=days_ago)
    return Touch("c", "a", "p", due, Channel.EMAIL, Purpose.SHARE_INSIGHT)


def behind_goal() -> PerformanceGoal:
    progress = (ProgressEntry(date(2026, 3, 1), Decimal(100_000)),)
    year = (date(2026, 1, 1), date(2026, 12, 31))
    return PerformanceGoal(
        "Revenue 2026", Metric.REVENUE, Decimal(1_200_000), *year, "USD", progress=progress
    )


def test_only_todays_calls_are_listed() -> None:
    calls = [Call("a", NOW.replace(hour=14)), Call("a", NOW + timedelta(days=1))]
    assert [c.when.hour for c in agenda(calls=calls).calls] == [14]


def test_coach_line_puts_an_unprepared_call_first() -> None:
    calls = [Call("a", NOW.replace(hour=14)), Call("a", NOW.replace(hour=16), prep=Prep("x"))]
    result = agenda(calls=calls, touches=touch_lines([touch(3)], TODAY, NAMES, {}))
    assert result.coach_line.startswith("1 call today without an outcome")


def test_then_overdue_touches_then_my_promises_then_pace_then_stalls() -> None:
    overdue = touch_lines([touch(3), touch(1)], TODAY, NAMES, {})
    mine = [Commitment("a", Party.ME, "Send the study", due=TODAY)]
    goals = goal_lines([behind_goal()], TODAY)
    stalls = {"a": "3 calls in a row without a commitment."}
    assert agenda(touches=overdue).coach_line.startswith("2 touches are overdue")
    assert agenda(commitments=mine).coach_line.startswith("You promised 1 thing")
    assert agenda(goals=goals).coach_line.startswith("1 goal is behind pace")
    assert agenda(stalls=stalls).coach_line.startswith("1 account has stalled")
    assert agenda().coach_line.startswith("No calls today")


def test_a_call_waiting_for_its_debrief_is_listed_whatever_its_day() -> None:
    yesterday = Call("a", NOW - timedelta(days=1))
    debriefed_later = Call("a", NOW + timedelta(hours=2))  # still ahead: not waiting
    result = agenda(
        to_debrief=[debriefed_later, yesterday], touches=touch_lines([touch(3)], TODAY, NAMES, {})
    )
    assert [(c.account, c.when.date()) for c in result.to_debrief] == [
        ("Nordvale Foods", TODAY - timedelta(days=1))
    ]
    assert result.coach_line.startswith("1 call waits for a debrief")
    out = Console(file=io.StringIO(), width=200, color_system=None)
    print_agenda(result, out)
    assert "To debrief (1)" in out.file.getvalue()
    assert "Mon 23 Nov 08:30  Nordvale Foods" in out.file.getvalue()


def test_the_coach_line_never_repeats_a_listed_stall_or_late_objective() -> None:
    question = "3 calls in a row without a commitment."
    stalled = agenda(stalls={"a": question})
    late = agenda(objectives=[objective(TODAY - timedelta(days=4), description="Win the north")])
    for result in (stalled, late):
        out = Console(file=io.StringIO(), width=200, color_system=None)
        print_agenda(result, out)
        printed = out.file.getvalue()
        listed = question if result is stalled else "“Win the north” is 4 days past its date"
        assert printed.count(listed) == 1, printed


def objective(target: date | None, description: str = "All plants on our suite", **changes):
    return StrategicObjective(
        "a", description, ExpansionKind.WIDER_DEPLOYMENT, target_date=target, **changes
    )


def test_objectives_past_their_date_are_listed_longest_late_first() -> None:
    objectives = [
        objective(TODAY - timedelta(days=1)),
        objective(TODAY - timedelta(days=30), description="Win the north"),
        objective(TODAY),  # due today: not late yet
        objective(None),
        objective(TODAY - timedelta(days=9), status=ObjectiveStatus.ACHIEVED),
    ]
    result = agenda(objectives=objectives)
    assert result.late == (
        ("Nordvale Foods", "“Win the north” is 30 days past its date"),
        ("Nordvale Foods", "“All plants on our suite” is 1 day past its date"),
    )
    assert result.coach_line.startswith("2 objectives are past their dates")
    # Pace comes before a late objective; a late objective before a stall.
    goals = goal_lines([behind_goal()], TODAY)
    assert agenda(objectives=objectives, goals=goals).coach_line.startswith("1 goal is behind")
    stalls = {"a": "3 calls in a row without a commitment."}
    assert "past their dates" in agenda(objectives=objectives, stalls=stalls).coach_line


def test_promises_due_are_late_or_today_only() -> None:
    promises = [
        Commitment("a", Party.THEM, "Share data", due=TODAY - timedelta(days=2)),
        Commitment("a", Party.ME, "Send study", due=TODAY + timedelta(days=3)),
        Commitment("a", Party.ME, "Undated"),
    ]
    [due] = agenda(commitments=promises).promises
    assert (due.whose, due.what, due.due) == ("theirs", "Share data", "2 days late")


def test_what_is_left_out_is_counted_in_words_that_agree() -> None:
    promises = [
        Commitment("a", Party.THEM, f"Share data {n}", due=TODAY) for n in range(SHOWN_PROMISES + 1)
    ]
    out = Console(file=io.StringIO(), width=200, color_system=None)
    print_agenda(agenda(commitments=promises), out)
    assert "… and 1 more (coach today --all shows them)" in out.file.getvalue()
    everything = Console(file=io.StringIO(), width=200, color_system=None)
    print_agenda(agenda(commitments=promises), everything, everything=True)
    assert f"Share data {SHOWN_PROMISES}" in everything.file.getvalue()
    assert "more (coach today" not in everything.file.getvalue()


def test_every_stalled_account_is_counted_when_the_list_is_cut() -> None:
    stalls = {f"a{n}": f"Question {n}?" for n in range(24)}
    names = {uid: f"Account {uid}" for uid in stalls}
    result = build_agenda(NOW, "", calls=[], touches=[], commitments=[], stalls=stalls,
                          goals=[], names=names)  # fmt: skip
    out = Console(file=io.StringIO(), width=200, color_system=None)
    print_agenda(result, out)
    printed = out.file.getvalue()
    assert printed.count("Stalled — ") == SHOWN_STALLED
    assert f"… and {24 - SHOWN_STALLED} more (coach today --all shows them)" in printed


@pytest.fixture
def on_tuesday_in_berlin(monkeypatch: pytest.MonkeyPatch) -> None:
    """`coach today`, in this process or another (`coach_at`), sees NOW in Berlin, whatever
    the machine's clock and zone: at 23:59 or on the night the clocks change too."""
    monkeypatch.setenv("TZ", "Europe/Berlin")
    monkeypatch.setattr(clock, "datetime", stopped_at(NOW))


def seed(data_dir: Path) -> None:
    repo = Repository.open(data_dir)
    repo.why.save(new_why("I sell so my kids see steady work.", {}, now=NOW))
    account = Account("Nordvale Foods")
    repo.accounts.save(account)
    repo.calls.save(Call(account.uid, NOW.replace(hour=17)))  # later today, no prep
    repo.close()


@pytest.mark.usefixtures("on_tuesday_in_berlin")
def test_prints_the_agenda_with_a_loud_missing_outcome(tmp_path: Path, capsys) -> None:
    seed(tmp_path)
    assert main(["today", "--data", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "I sell so my kids see steady work." in out
    assert "Nordvale Foods" in out and "⚠ no outcome yet — prep it" in out
    assert "Coach: 1 call today without an outcome" in out


# The documented shape of `coach today --json` (README "coach today for scripts and
# status lines"): a key renamed, removed or of another type must raise "version".
JSON_SHAPE = {
    "version": int, "date": str, "why": str, "calls": list, "to_debrief": list,
    "touches": list, "promises": list, "stalled": list, "behind_pace": list,
    "late_objectives": list, "review": (str, type(None)), "coach": str,
}  # fmt: skip
JSON_ITEMS = {
    "calls": {"time": str, "account": str, "kind": str, "outcome": (str, type(None))},
    "to_debrief": {"time": str, "account": str, "kind": str},
    "touches": {"due": str, "days_overdue": int, "account": str, "to": str, "channel": str,
                "purpose": str},
    "promises": {"account": str, "whose": str, "what": str, "due": str, "days_late": int},
    "stalled": {"account": str, "question": str},
    "behind_pace": {"goal": str, "coach": str},
    "late_objectives": {"account": str, "objective": str},
}  # fmt: skip


def test_the_json_shape_is_pinned_key_by_key() -> None:
    full = agenda(
        calls=[Call("a", NOW.replace(hour=14)), Call("a", NOW.replace(hour=16), prep=Prep("x"))],
        to_debrief=[Call("a", NOW - timedelta(days=1))],
        touches=touch_lines([touch(3)], TODAY, NAMES, {}),
        commitments=[Commitment("a", Party.ME, "Send the study", due=TODAY - timedelta(days=2))],
        stalls={"a": "What would they agree to?"},
        goals=goal_lines([behind_goal()], TODAY),
        objectives=[objective(TODAY - timedelta(days=4))],
    )
    view = json.loads(json.dumps(agenda_view(full)))  # as a script reads it
    assert view["version"] == VIEW_VERSION == 1
    assert set(view) == set(JSON_SHAPE)
    for key, kind in JSON_SHAPE.items():
        assert isinstance(view[key], kind), key
    for key, fields in JSON_ITEMS.items():
        assert view[key], f"{key}: the pin needs an item to check"
        for item in view[key]:
            assert set(item) == set(fields), key
            for field, kind in fields.items():
                assert isinstance(item[field], kind), f"{key}.{field}"
    assert datetime.fromisoformat(view["calls"][0]["time"]).tzinfo is not None
    assert view["promises"][0]["days_late"] == 2 and view["calls"][0]["outcome"] is None


@pytest.mark.usefixtures("on_tuesday_in_berlin")
def test_json_is_that_shape_on_standard_output(tmp_path: Path, capsys) -> None:
    seed(tmp_path)
    assert main(["today", "--json", "--data", str(tmp_path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == set(JSON_SHAPE) and data["version"] == 1
    [call] = data["calls"]
    assert call["account"] == "Nordvale Foods" and call["outcome"] is None


def coach_today(data_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*at(NOW), "today", "--data", str(data_dir)],
        capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60,
        env={**os.environ, **env},
    )  # fmt: skip


@pytest.mark.usefixtures("on_tuesday_in_berlin")
def test_no_color_is_honoured_and_colour_is_used_otherwise(tmp_path: Path) -> None:
    seed(tmp_path)
    coloured = coach_today(tmp_path, FORCE_COLOR="1")
    plain = coach_today(tmp_path, FORCE_COLOR="1", NO_COLOR="1")
    assert "\x1b[31" in coloured.stdout or "\x1b[1;31" in coloured.stdout
    assert "\x1b[31" not in plain.stdout and "\x1b[1;31" not in plain.stdout
    assert plain.returncode == coloured.returncode == 0


@pytest.mark.usefixtures("on_tuesday_in_berlin")
def test_runs_while_the_app_holds_the_folder(tmp_path: Path) -> None:
    seed(tmp_path)
    app = Repository.open(tmp_path)  # the full-screen app, holding the lock
    try:
        result = coach_today(tmp_path)
    finally:
        app.close()
    assert result.returncode == 0, result.stderr
    assert "Nordvale Foods" in result.stdout


def test_the_agenda_is_offered_as_priorities_most_pressing_first() -> None:
    calls = [Call("a", NOW.replace(hour=14)), Call("a", NOW.replace(hour=16), prep=Prep("x"))]
    waiting = [Call("a", NOW - timedelta(days=1))]
    mine = [Commitment("a", Party.ME, "Send the study", due=TODAY)]
    result = agenda(
        calls=calls,
        to_debrief=waiting,
        commitments=mine,
        touches=touch_lines([touch(3), touch(0)], TODAY, NAMES, {}),
        stalls={"a": "What would they agree to?"},
    )
    assert priority_picks(result) == (
        "Prep the call with Nordvale Foods at 14:30",
        "Debrief the call with Nordvale Foods of Mon 23 Nov",
        "Clear the 2 touches due, 1 overdue",
        "Keep my promise to Nordvale Foods: Send the study",
        "Restart Nordvale Foods: What would they agree to?",
    )
    assert priority_picks(agenda()) == ()
