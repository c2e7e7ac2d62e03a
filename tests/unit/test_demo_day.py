"""The demo's day: what a newcomer finds on a fresh demo's morning is a good seller's day,
something to act on in every flow, and every sentence reads as a person wrote it."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from coach_tui.coaching.outcome import check_outcome
from coach_tui.commands.demo import TRY_FIRST, write_demo
from coach_tui.commands.today import run_today
from coach_tui.demo.generate import build_demo
from coach_tui.demo.today import last_working_day
from tests.grammar import LABELS, slips, texts
from tests.helpers import BERLIN, FakeClock, quiet

FRIDAY_AFTERNOON = datetime(2026, 11, 27, 16, 10, tzinfo=BERLIN)
MONDAY_EARLY = datetime(2026, 11, 30, 7, 45, tzinfo=BERLIN)
WEDNESDAY_NOON = datetime(2026, 11, 25, 12, 0, tzinfo=BERLIN)
THURSDAY_EVENING = datetime(2026, 11, 26, 21, 30, tzinfo=BERLIN)


def today_json(folder: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]) -> Any:
    capsys.readouterr()
    assert run_today(folder, as_json=True, clock=clock) == 0
    return json.loads(capsys.readouterr().out)


def assert_a_believable_day(view: Any, now: datetime) -> None:
    calls = view["calls"]
    assert 3 <= len(calls) <= 6, calls
    times = [datetime.fromisoformat(call["time"]) for call in calls]
    assert all(t.date() == now.date() and t.minute % 15 == 0 for t in times), times
    assert len({t.hour for t in times}) >= 3  # spread over the day, not bunched
    assert all(time(8, 30) <= t.time() <= time(17) for t in times)
    unprepared = [call for call in calls if not call["outcome"]]
    assert len(unprepared) == 1
    questioned = [c for c in calls if c["outcome"] and not check_outcome(c["outcome"]).is_advance]
    assert len(questioned) == 1, calls
    if sum(1 for t in times if t > now) >= 2:  # the two to act on are still ahead
        assert all(datetime.fromisoformat(c["time"]) > now for c in unprepared + questioned)
    yesterday = last_working_day(now.date())
    waiting = [datetime.fromisoformat(c["time"]).date() for c in view["to_debrief"]]
    assert yesterday in waiting
    assert all(day >= yesterday for day in waiting)  # nothing older left undebriefed
    touches = view["touches"]
    overdue = [t for t in touches if t["days_overdue"]]
    assert 5 <= len(touches) <= 15 and 1 <= len(overdue) <= 3, touches
    assert 1 <= len(view["stalled"]) <= 2, view["stalled"]
    late_promises = [p for p in view["promises"] if p["days_late"] > 0]
    assert len(late_promises) == 1 and len(view["promises"]) <= 3, view["promises"]
    assert len(view["late_objectives"]) == 1, view["late_objectives"]
    assert len(view["behind_pace"]) == 1 and "Revenue" in view["behind_pace"][0]["goal"]
    assert "short of where the line is today" in view["behind_pace"][0]["coach"]


def test_a_fresh_default_demo_opens_on_a_day_a_seller_recognises(
    data_dir: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    assert write_demo(data_dir, years=1, seed=7, console=quiet(), clock=clock) == 0
    view = today_json(data_dir, clock, capsys)
    assert_a_believable_day(view, clock())
    assert view["coach"] == "1 call today without an outcome: prep it before anything else."
    assert view["review"] is None  # Tuesday: no reminder midweek


@pytest.mark.parametrize(
    ("years", "seed", "now"),
    [
        (1, 1, FRIDAY_AFTERNOON),
        (1, 2, MONDAY_EARLY),
        (1, 4, THURSDAY_EVENING),
        (1, 5, WEDNESDAY_NOON),
        (2, 3, FRIDAY_AFTERNOON),
    ],
)
def test_the_day_keeps_its_shape_for_other_seeds_days_and_volumes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], years: int, seed: int, now: datetime
) -> None:
    clock = FakeClock(now)
    assert write_demo(tmp_path, years=years, seed=seed, console=quiet(), clock=clock) == 0
    view = today_json(tmp_path, clock, capsys)
    assert_a_believable_day(view, now)
    if now.isoweekday() == 5:  # the week the reminder is about has no review yet
        assert view["review"] and "weekly review" in view["review"]
    else:
        assert view["review"] is None  # last week was reviewed


def test_calls_fall_on_working_days_at_quarter_hours(clock: FakeClock) -> None:
    data = build_demo(clock(), years=1, seed=7)
    assert all(call.when.weekday() < 5 for call in data.calls)
    assert all(call.when.minute % 15 == 0 for call in data.calls)
    assert len({call.when.time() for call in data.calls}) > 20


@pytest.mark.parametrize("seed", [7, 1, 2, 3])
def test_every_demo_sentence_reads_as_a_person_wrote_it(clock: FakeClock, seed: int) -> None:
    data = build_demo(clock(), years=1, seed=seed)
    found = sorted(
        {slip for name, text in texts(data) for slip in slips(text, sentence=name not in LABELS)}
    )
    assert not found, "\n".join(found[:20])


def test_the_grammar_check_catches_the_slips_templates_make() -> None:
    assert slips("Roll our platform out to every plants and manufacturing site")
    assert slips("Each accounts has a owner")
    assert slips("An big step")
    assert slips("Ask the the CFO")
    assert slips("Send the deck.  Then call")
    assert slips("1 calls today")
    assert slips("Sent as planned. then nothing")
    assert slips("logged from the CRM")
    assert not slips("An hour with a user of every plant; each business sends an invoice.")


def test_coach_demo_ends_with_three_things_to_try_first(data_dir: Path, clock: FakeClock) -> None:
    out = Console(file=StringIO(), width=200)
    assert write_demo(data_dir, years=1, seed=7, console=out, clock=clock) == 0
    report = out.file.getvalue().splitlines()  # type: ignore[attr-defined]
    tries = report[report.index(TRY_FIRST) + 1 :]
    assert [t.split()[0] for t in tries] == ["p", "p", "b"]
    data = build_demo(clock(), years=1, seed=7)
    names = {a.uid: a.name for a in data.accounts}
    today = [c for c in data.calls if c.when.date() == clock().date()]
    unprepared = next(c for c in today if not c.outcome)
    assert names[unprepared.account_uid] in tries[0] and f"{unprepared.when:%H:%M}" in tries[0]
    questioned = next(c for c in today if c.outcome and not check_outcome(c.outcome).is_advance)
    assert names[questioned.account_uid] in tries[1] and questioned.outcome in tries[1]
    yesterday = clock().date() - timedelta(days=1)
    waiting = next(c for c in data.calls if c.when.date() == yesterday and c.debrief is None)
    assert names[waiting.account_uid] in tries[2]
    for text in tries:
        assert not slips(text.strip()[1:].strip())


def test_last_working_day_skips_the_weekend() -> None:
    assert last_working_day(date(2026, 11, 30)) == date(2026, 11, 27)  # Monday → Friday
    assert last_working_day(date(2026, 11, 29)) == date(2026, 11, 27)  # Sunday → Friday
    assert last_working_day(date(2026, 11, 25)) == date(2026, 11, 24)


def test_the_benchmarks_five_years_open_on_the_same_day(
    data_dir: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    """The heavy-user volume keeps a believable day too (one build, about 5 s)."""
    assert write_demo(data_dir, years=5, seed=7, console=quiet(), clock=clock) == 0
    assert_a_believable_day(today_json(data_dir, clock, capsys), clock())


@pytest.mark.parametrize("day", [2, 5, 15])
def test_a_demo_made_in_the_first_days_of_a_year_still_has_a_day_to_show(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], day: int
) -> None:
    """One year is this year so far: in January the history is days old. The day still
    has its calls, and nothing breaks for want of a past."""
    now = datetime(2027, 1, day, 9, 0, tzinfo=BERLIN)
    clock = FakeClock(now)
    assert write_demo(tmp_path, years=1, seed=7, console=quiet(), clock=clock) == 0
    view = today_json(tmp_path, clock, capsys)
    assert 3 <= len(view["calls"]) <= 6
    assert sum(1 for call in view["calls"] if not call["outcome"]) == 1
    assert len(view["touches"]) <= 15
