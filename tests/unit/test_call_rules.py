"""Calls over time: upcoming, awaiting debrief, stalls, commitments; reading call times."""

from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from coach_tui.coaching.calls import (
    awaiting_debrief,
    commitment_label,
    held_at,
    marks_by_account,
    open_commitments,
    per_objective,
    stall_question,
    stall_question_from,
    stalls_by_account,
    still_ahead,
    upcoming,
)
from coach_tui.model.call import (
    Call,
    Commitment,
    Debrief,
    DebriefMark,
    Movement,
    Party,
    Prep,
    Result,
)
from coach_tui.model.dates import parse_moment
from coach_tui.model.errors import ValidationError
from tests.helpers import BERLIN

NOW = datetime(2026, 11, 24, 8, 30, tzinfo=BERLIN)
TODAY = NOW.date()


def call(days: float, movement: Movement | None = None, account: str = "a", **changes) -> Call:
    debrief = Debrief(Result.PARTLY, movement) if movement else None
    return Call(account, NOW + timedelta(days=days), debrief=debrief, **changes)


ADV, CONT = Movement.ADVANCE, Movement.CONTINUATION


def test_upcoming_is_soonest_first_and_names_the_account() -> None:
    later, sooner, past = call(3), call(1, prep=Prep("x")), call(-1)
    lines = upcoming([later, past, sooner], NOW, {"a": "Nordvale"})
    assert [line.call for line in lines] == [sooner, later]
    assert lines[0].account == "Nordvale" and lines[0].prepared and not lines[1].prepared


def test_past_calls_without_a_debrief_wait_for_one_oldest_first() -> None:
    old, older, done = call(-1), call(-5), call(-2, ADV)
    assert awaiting_debrief([old, done, older, call(1)], NOW) == [older, old]


@pytest.mark.parametrize(
    ("movements", "stalled"),
    [
        ((CONT, CONT, CONT), True),
        ((ADV, CONT, CONT, CONT), True),
        ((CONT, CONT, ADV), False),
        ((CONT, CONT), False),
        ((CONT, ADV, CONT, CONT), False),
        ((), False),
    ],
)
def test_three_continuations_in_a_row_stall(movements, stalled) -> None:
    calls = [call(-10 + i, m) for i, m in enumerate(movements)]
    question = stall_question(calls, TODAY)
    assert bool(question) is stalled
    if stalled:
        assert "3 calls in a row without a commitment" in question


def test_weeks_without_an_advance_stall_even_with_fewer_continuations() -> None:
    calls = [call(-60, ADV), call(-20, CONT), call(-3, CONT)]
    assert "No advance in 8 weeks" in stall_question(calls, TODAY)
    assert stall_question(calls, TODAY, weeks=10) == ""


def test_a_single_old_advance_with_nothing_since_is_not_a_stall() -> None:
    assert stall_question([call(-60, ADV)], TODAY) == ""


def test_stalls_are_grouped_per_account() -> None:
    calls = [call(-3 + i, CONT, account="x") for i in range(3)] + [call(-1, ADV, account="y")]
    assert set(stalls_by_account(calls, TODAY)) == {"x"}


def test_the_stall_rule_reads_only_when_and_which_way_each_debrief_went() -> None:
    # The dashboard feeds it marks straight from stored records, not whole calls.
    calls = [call(-60, ADV), call(-20, CONT), call(-3, CONT), call(2)]
    marks = [DebriefMark(c.when, c.debrief.movement) for c in calls if c.debrief]
    assert stall_question_from(marks, TODAY) == stall_question(calls, TODAY) != ""
    assert stall_question_from(list(reversed(marks)), TODAY) == stall_question(calls, TODAY)
    assert marks_by_account(calls) == {"a": marks}  # the undebriefed call has no mark
    assert DebriefMark.of(calls[-1]) is None


def test_calls_per_objective() -> None:
    calls = [call(1, objective_uid="o1"), call(2, objective_uid="o1"), call(3)]
    assert per_objective(calls) == {"o1": 2}


def test_open_commitments_soonest_first_undated_last_done_left_out() -> None:
    late = Commitment("a", Party.ME, "Send study", due=date(2026, 11, 20))
    soon = Commitment("a", Party.THEM, "Intro to CFO", due=date(2026, 11, 26))
    undated = Commitment("a", Party.THEM, "Share data")
    done = Commitment("a", Party.ME, "Call back", due=date(2026, 11, 1), done_on=TODAY)
    assert open_commitments([undated, done, soon, late], TODAY) == [late, soon, undated]
    assert [commitment_label(c, TODAY) for c in (late, soon, undated)] == [
        "4 days late", "due in 2 days", "no date",
    ]  # fmt: skip
    today = Commitment("a", Party.ME, "x", due=TODAY)
    assert commitment_label(today, TODAY) == "due today"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tomorrow 10am", datetime(2026, 11, 25, 10, 0, tzinfo=BERLIN)),
        ("fri 14:30", datetime(2026, 11, 27, 14, 30, tzinfo=BERLIN)),
        ("next tuesday 9:15", datetime(2026, 12, 1, 9, 15, tzinfo=BERLIN)),
        ("2026-12-03 16:00", datetime(2026, 12, 3, 16, 0, tzinfo=BERLIN)),
        ("3 dec at 9", datetime(2026, 12, 3, 9, 0, tzinfo=BERLIN)),
        ("12pm", datetime(2026, 11, 24, 12, 0, tzinfo=BERLIN)),
        ("today 4.30pm", datetime(2026, 11, 24, 16, 30, tzinfo=BERLIN)),
    ],
)
def test_call_times_in_words(text, expected) -> None:
    assert parse_moment(text, now=NOW) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "is empty"),
        ("tomorrow", "Add a time of day"),
        ("dec 3", "Add a time of day"),
        ("tomorrow 25:00", "is not a time of day"),
        ("someday 10am", "Could not read"),
    ],
)
def test_unreadable_call_times_say_what_works(text, message) -> None:
    with pytest.raises(ValidationError, match=message):
        parse_moment(text, now=NOW)


@pytest.mark.parametrize(
    ("hours", "ahead"),
    [(-2, False), (0, False), (0.01, True), (26, True)],  # past, this minute, seconds, tomorrow
)
def test_a_debrief_asks_first_only_for_a_call_still_ahead(hours: float, ahead: bool) -> None:
    assert still_ahead(Call("a", NOW + timedelta(hours=hours)), NOW) is ahead


def test_a_call_held_early_is_moved_to_now_in_its_own_zone() -> None:
    tokyo = ZoneInfo("Asia/Tokyo")
    planned = Call("a", datetime(2026, 11, 26, 18, 0, tzinfo=tokyo))
    held = held_at(planned, NOW.replace(second=42))
    assert held.when == NOW and held.when.tzinfo is tokyo
    assert replace(held, when=planned.when) == planned  # only the time changed
