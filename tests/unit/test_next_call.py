"""The calls a call leaves behind: promises as commitments, the next call, a split's follow-up."""

from datetime import date, datetime, timedelta

import pytest

from coach_tui.coaching.next_call import (
    Promised,
    carried_call,
    commitments_from,
    follow_up_call,
    next_call,
)
from coach_tui.model.call import Call, CallKind, Party, Prep
from coach_tui.model.errors import ValidationError
from tests.helpers import BERLIN, TUESDAY_MORNING

CALL = Call(
    "acc",
    datetime(2026, 11, 23, 10, 0, tzinfo=BERLIN),
    kind=CallKind.MEETING,
    contact_uids=("p1", "p2"),
    objective_uid="obj",
    prep=Prep("CFO agrees to a pilot", size="large"),
    uid="first",
)
FRIDAY = date(2026, 11, 27)


def test_each_promise_with_words_becomes_a_commitment_of_the_call() -> None:
    promised = [
        Promised(Party.THEM, "  Share the plant data ", FRIDAY),
        Promised(Party.ME, "   "),
        Promised(Party.ME, "Send the pilot plan"),
    ]
    found = commitments_from(CALL, promised)
    assert [(c.party, c.what, c.due, c.call_uid, c.account_uid) for c in found] == [
        (Party.THEM, "Share the plant data", FRIDAY, "first", "acc"),
        (Party.ME, "Send the pilot plan", None, "first", "acc"),
    ]


def test_a_promise_a_commitment_cannot_hold_is_refused() -> None:
    with pytest.raises(ValidationError, match="promise"):
        commitments_from(CALL, [Promised(Party.ME, "x" * 5_000)])


def test_the_next_call_carries_the_next_step_as_a_sized_draft() -> None:
    when = datetime(2026, 12, 1, 9, 30, tzinfo=BERLIN)
    found = next_call(CALL, "  Priya books the CFO meeting ", when, now=TUESDAY_MORNING)
    assert found is not None
    assert (found.account_uid, found.when, found.kind) == ("acc", when, CallKind.MEETING)
    assert (found.contact_uids, found.objective_uid) == (("p1", "p2"), "obj")
    assert found.created_at == TUESDAY_MORNING and found.debrief is None
    assert found.prep == Prep("Priya books the CFO meeting", size="small", carried_from="first")
    assert found.carried_outcome and not found.prepared


def test_no_date_agreed_means_no_next_call_and_no_step_means_no_draft() -> None:
    when = datetime(2026, 12, 1, 9, 30, tzinfo=BERLIN)
    assert next_call(CALL, "Priya books the CFO meeting", None, now=TUESDAY_MORNING) is None
    bare = next_call(CALL, "  ", when, now=TUESDAY_MORNING)
    assert bare is not None and bare.prep is None


def test_a_big_outcome_is_sized_large_on_the_call_it_is_carried_to() -> None:
    big = "Sign the group-wide contract for all twelve plants"
    carried = carried_call(CALL, CALL.when, big, now=TUESDAY_MORNING)
    assert carried.prep is not None and carried.prep.size == "large"


def test_a_split_follow_up_is_a_week_later_on_the_wall_clock() -> None:
    # 2027-03-22 10:00 CET; a week later the clocks have gone forward: still 10:00 CEST.
    before = Call("acc", datetime(2027, 3, 22, 10, 0, tzinfo=BERLIN), uid="spring")
    found = follow_up_call(before, "The board signs the rollout", now=TUESDAY_MORNING)
    assert found is not None
    assert found.when == datetime(2027, 3, 29, 10, 0, tzinfo=BERLIN)
    assert found.when - before.when == timedelta(weeks=1)
    assert found.prep is not None and found.prep.carried_from == "spring"
    assert follow_up_call(before, "", now=TUESDAY_MORNING) is None


def test_a_follow_up_outcome_a_call_cannot_hold_is_refused() -> None:
    with pytest.raises(ValidationError, match="follow-up"):
        follow_up_call(CALL, "x" * 50_000, now=TUESDAY_MORNING)
