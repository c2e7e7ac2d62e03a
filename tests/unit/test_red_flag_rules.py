"""Stall v2: silence after an advance, late client promises, and how they are said."""

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from coach_tui.coaching.red_flags import (
    AccountFlags,
    LatePromise,
    account_flags,
    business_days_late,
    flag_question,
    late_client_promises,
    may_need_holidays,
    silent_since,
)
from coach_tui.model.call import Commitment, DebriefMark, Movement, Party
from coach_tui.model.money import Money
from tests.helpers import BERLIN

TODAY = date(2026, 11, 24)  # a Tuesday
A, C = Movement.ADVANCE, Movement.CONTINUATION


def mark(days_ago: int, movement: Movement) -> DebriefMark:
    return DebriefMark(
        datetime(2026, 11, 24, 10, tzinfo=BERLIN) - timedelta(days=days_ago), movement
    )


@pytest.mark.parametrize(
    ("due", "holidays", "late"),
    [
        (date(2026, 11, 24), (), 0),  # due today
        (date(2026, 11, 25), (), 0),  # not due yet
        (date(2026, 11, 23), (), 1),  # Monday → Tuesday
        (date(2026, 11, 20), (), 2),  # Friday: the weekend does not count
        (date(2026, 11, 16), (), 6),  # a week and a day
        (date(2026, 11, 16), (date(2026, 11, 19),), 5),  # a holiday inside
    ],
)
def test_business_days_late(due, holidays, late) -> None:
    assert business_days_late(due, TODAY, holidays) == late


@pytest.mark.parametrize(
    ("due", "needs"),
    [
        (date(2026, 11, 17), False),  # 5 working days: not late whatever the calendar
        (date(2026, 11, 16), True),  # 6: a holiday could make it 5
        (date(2026, 11, 2), False),  # three weeks: late whatever the holidays
    ],
)
def test_the_holiday_calendar_is_read_only_when_it_could_decide(due, needs) -> None:
    assert may_need_holidays(due, TODAY) is needs


def promise(days_late: int, party: Party = Party.THEM, **changes) -> Commitment:
    return Commitment("a", party, "the budget figures", due=TODAY - timedelta(days=days_late),
                      call_uid="call1", **changes)  # fmt: skip


@pytest.mark.parametrize(
    ("commitment", "flagged"),
    [
        (promise(8), True),  # Mon 16 Nov: 6 working days late
        (promise(7), False),  # 5 working days: still within the week
        (promise(30, Party.ME), False),  # my own promise is the agenda's, not a red flag
        (promise(30, done_on=TODAY), False),  # kept, late or not
        (Commitment("a", Party.THEM, "undated"), False),
    ],
)
def test_only_open_client_promises_over_five_working_days_late(commitment, flagged) -> None:
    assert bool(late_client_promises([commitment], TODAY)) is flagged


def test_a_late_promise_names_who_was_on_the_call() -> None:
    [late] = late_client_promises(
        [promise(8)], TODAY, people_on={"call1": ("p1", "gone")}, names={"p1": "Paul"}
    )
    assert (late.promiser, late.lateness, late.business_days) == ("Paul", "a week late", 6)
    assert LatePromise(late.commitment, 6, 8, ("Greta", "Paul")).promiser == "Greta or Paul"
    assert LatePromise(late.commitment, 6, 8).promiser == "the client"
    assert LatePromise(late.commitment, 15, 21).lateness == "3 weeks late"


@pytest.mark.parametrize(
    ("marks", "held", "booked", "silent"),
    [
        ([mark(20, C), mark(15, A)], [], False, date(2026, 11, 9)),
        ([mark(15, A)], [], True, None),  # the next call is booked
        ([mark(10, A)], [], False, None),  # ten days is not silence yet
        ([mark(20, A), mark(15, C)], [], False, None),  # talked since: the stall rule's case
        ([mark(15, A)], [mark(3, C).when], False, None),  # a call held since, not debriefed
        ([], [], False, None),
    ],
)
def test_silent_since_the_last_advance(marks, held, booked, silent) -> None:
    assert silent_since(marks, TODAY, held_since=held, booked=booked) == silent


PAUL_LATE = LatePromise(promise(8), 6, 8, ("Paul",))


@pytest.mark.parametrize(
    ("flags", "question"),
    [
        (AccountFlags("Nordvale"), ""),
        (
            AccountFlags("Nordvale", silent=date(2026, 1, 5)),
            "Silent since 5 Jan 2026, no next call. Who owns the next step?",
        ),
        (
            AccountFlags("Nordvale", late=PAUL_LATE),
            "Paul is a week late on “the budget figures”. Ask what is in the way.",
        ),
        (
            AccountFlags("Nordvale", stall="No advance in 8 weeks. Still an opportunity?",
                         weeks_stalled=8, late=PAUL_LATE),
            "Paul is a week late on “the budget figures”. Ask what is in the way. "
            "No advance in 8 weeks. Still an opportunity?",
        ),
    ],
)  # fmt: skip
def test_what_the_coach_asks(flags, question) -> None:
    assert flag_question(flags) == question


def test_silence_is_watched_only_where_there_is_an_objective() -> None:
    marks = [mark(30, A)]
    watched = account_flags("Nordvale", marks, TODAY, weeks=6)
    unwatched = account_flags("Nordvale", marks, TODAY, weeks=6, watch_silence=False)
    assert watched.silent == date(2026, 10, 25) and watched.raised
    assert not unwatched.raised


def test_the_classic_stall_keeps_its_weeks_and_kind() -> None:
    talk = account_flags("N", [mark(70, A), mark(30, C), mark(20, C), mark(10, C)], TODAY, weeks=6)
    assert talk.continuations and talk.weeks_stalled == 10
    target = Money(Decimal(480_000), "EUR")
    quiet = account_flags("N", [mark(60, A), mark(50, C)], TODAY, weeks=6, target=target)
    assert not quiet.continuations and quiet.weeks_stalled == 8 and quiet.target == target


@pytest.mark.parametrize(
    ("flags", "brief"),
    [
        (AccountFlags("N"), ""),
        (AccountFlags("N", stall="No advance in 8 weeks.", weeks_stalled=8), "stalled"),
        (AccountFlags("N", silent=date(2026, 1, 5)), "silent"),
        (AccountFlags("N", "No advance.", 8, late=PAUL_LATE), "promise late"),
    ],
)
def test_the_flag_in_a_word_for_the_account_list(flags, brief) -> None:
    assert flags.brief == brief
