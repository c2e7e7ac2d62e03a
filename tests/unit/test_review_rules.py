"""Rules of the weekly review: which week, what to clear and how, the focus, the nudges."""

from datetime import date

import pytest

from coach_tui.coaching.review import (
    CLEAR_LIMIT,
    DROPPED_IN_REVIEW,
    SETTLED_IN_REVIEW,
    ClearChoice,
    items_to_clear,
    next_week_day,
    parse_focus,
    reflection_nudge,
    review_reminder,
    review_week_for,
    settle_promise,
    settle_touch,
)
from coach_tui.model.call import Commitment, Party
from coach_tui.model.errors import ValidationError
from coach_tui.model.touch import Channel, Purpose, Touch, TouchStatus
from coach_tui.model.week import IsoWeek

W48 = IsoWeek(2026, 48)  # Mon 23 – Sun 29 Nov 2026
W47 = IsoWeek(2026, 47)


@pytest.mark.parametrize(
    ("today", "reviewed", "expected"),
    [
        (date(2026, 11, 23), set(), W47),  # Monday: last week is the one to review
        (date(2026, 11, 25), set(), W47),  # Wednesday still looks back
        (date(2026, 11, 25), {W47}, W48),  # … unless last week is done
        (date(2026, 11, 26), set(), W48),  # Thursday on: this week
        (date(2026, 11, 29), {W47, W48}, W48),  # Sunday: this week, even to edit
        (date(2027, 1, 1), set(), IsoWeek(2026, 53)),  # Friday 1 Jan is in 2026-W53
        (date(2027, 1, 4), set(), IsoWeek(2026, 53)),  # the Monday after looks back over the year
    ],
)
def test_the_week_worth_reviewing(today: date, reviewed: set, expected: IsoWeek) -> None:
    assert review_week_for(today, reviewed) == expected


def touch(due: date, *, uid: str, status: TouchStatus = TouchStatus.PLANNED) -> Touch:
    return Touch(
        "camp", "acme", "greta", due, Channel.EMAIL, Purpose.SHARE_INSIGHT, status=status, uid=uid
    )


def promise(
    due: date | None, *, uid: str, party: Party = Party.ME, done: bool = False
) -> Commitment:
    return Commitment(
        "acme", party, f"send {uid}", due=due, uid=uid, done_on=date(2026, 11, 20) if done else None
    )


def test_clear_up_lists_open_promises_first_then_touches_due_by_the_weeks_end() -> None:
    touches = [
        touch(date(2026, 11, 27), uid="t-fri"),
        touch(date(2026, 11, 18), uid="t-old"),
        touch(date(2026, 11, 30), uid="t-next-week"),
        touch(date(2026, 11, 19), uid="t-done", status=TouchStatus.DONE),
    ]
    promises = [
        promise(date(2026, 11, 26), uid="mine"),
        promise(date(2026, 11, 24), uid="theirs", party=Party.THEM),
        promise(None, uid="undated"),
        promise(date(2026, 11, 25), uid="kept", done=True),
        promise(date(2026, 12, 2), uid="later"),
    ]
    items, more = items_to_clear(
        touches, promises, W48, accounts={"acme": "Acme"}, people={"greta": "Greta"}
    )
    assert [item.uid for item in items] == ["theirs", "mine", "t-old", "t-fri"]
    assert more == 0
    assert items[0].label.startswith("Their promise · Acme · send theirs · due Tue 24 Nov")
    assert items[2].label == "Touch · Acme · Greta · email · due Wed 18 Nov"
    assert items[0].key == "promise:theirs"


def test_clear_up_is_capped_and_counts_the_rest() -> None:
    touches = [touch(date(2026, 11, 2), uid=f"t{n:02d}") for n in range(CLEAR_LIMIT + 5)]
    items, more = items_to_clear(touches, [], W48, accounts={}, people={})
    assert len(items) == CLEAR_LIMIT
    assert more == 5
    assert "? · someone no longer listed" in items[0].label


TODAY = date(2026, 11, 27)  # a Friday


def test_settling_a_touch_each_way() -> None:
    late = touch(date(2026, 11, 18), uid="t")
    done = settle_touch(late, ClearChoice.DONE, TODAY)
    assert done is not None and done.status is TouchStatus.DONE
    assert done.outcome == SETTLED_IN_REVIEW and done.closed_on == TODAY
    dropped = settle_touch(late, ClearChoice.DROP, TODAY)
    assert dropped is not None and dropped.status is TouchStatus.SKIPPED
    assert dropped.outcome == DROPPED_IN_REVIEW
    moved = settle_touch(late, ClearChoice.NEXT_WEEK, TODAY)
    assert moved is not None and moved.due == date(2026, 11, 30) and moved.is_open
    assert settle_touch(late, ClearChoice.LEAVE, TODAY) is None


def test_settling_a_closed_touch_is_refused() -> None:
    closed = touch(date(2026, 11, 18), uid="t", status=TouchStatus.DONE)
    with pytest.raises(ValidationError):
        settle_touch(closed, ClearChoice.DONE, TODAY)


def test_settling_a_promise_each_way() -> None:
    mine = promise(date(2026, 11, 20), uid="p")
    done = settle_promise(mine, ClearChoice.DONE, TODAY)
    assert done is not None and done.done_on == TODAY and not done.is_open
    moved = settle_promise(mine, ClearChoice.NEXT_WEEK, TODAY)
    assert moved is not None and moved.due == date(2026, 11, 30) and moved.is_open
    assert settle_promise(mine, ClearChoice.LEAVE, TODAY) is None
    assert settle_promise(mine, ClearChoice.DROP, TODAY) is None  # the caller deletes it


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 11, 23), date(2026, 11, 30)),
        (date(2026, 11, 28), date(2026, 11, 30)),
        (date(2026, 11, 29), date(2026, 11, 30)),
        (date(2026, 12, 31), date(2027, 1, 4)),
    ],
)
def test_next_week_is_the_coming_monday_of_the_next_iso_week(today: date, expected: date) -> None:
    assert next_week_day(today) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ()),
        ("   \n\n", ()),
        ("Get Priya to introduce the CFO", ("Get Priya to introduce the CFO",)),
        ("- one\n* two\n• three", ("one", "two", "three")),
        ("  a  \n\n  b ", ("a", "b")),
    ],
)
def test_focus_is_one_item_per_line(text: str, expected: tuple[str, ...]) -> None:
    assert parse_focus(text) == expected


def test_more_than_three_focus_items_are_refused_with_the_count() -> None:
    with pytest.raises(ValidationError, match="That is 4 focus items"):
        parse_focus("a\nb\nc\nd")


def test_a_focus_item_too_long_is_refused() -> None:
    with pytest.raises(ValidationError, match="Focus item 2"):
        parse_focus("short\n" + "x" * 201)


@pytest.mark.parametrize(
    ("key", "text", "asks"),
    [
        ("went_well", "", "Even a small thing"),
        ("went_badly", "", "Monday again"),
        ("learned", "", "did not know on Monday"),
        ("went_well", "ok", "A few more words"),
        ("learned", "The CFO worries about churn in Q1", ""),
        ("figures_note", "", ""),
    ],
)
def test_reflection_nudges(key: str, text: str, asks: str) -> None:
    nudge = reflection_nudge(key, text)
    assert (asks in nudge) if asks else nudge == ""


@pytest.mark.parametrize(
    ("today", "reviewed", "says"),
    [
        (date(2026, 11, 23), set(), "Last week (2026-W47) has no review yet"),  # Monday
        (date(2026, 11, 23), {W47}, ""),  # last week done; this week has only begun
        (date(2026, 11, 26), {W47}, ""),  # Thursday: nothing yet
        (date(2026, 11, 27), {W47}, "It is Friday: close the week"),
        (date(2026, 11, 29), {W47}, "It is Sunday"),
        (date(2026, 11, 28), {W47, W48}, ""),  # already reviewed
    ],
)
def test_the_review_reminder_speaks_at_the_weeks_end_or_for_a_missed_week(
    today: date, reviewed: set, says: str
) -> None:
    reminder = review_reminder(today, reviewed)
    assert reminder.startswith(says) if says else reminder == ""


@pytest.mark.parametrize(
    ("first_use", "expected", "reminder"),
    [
        (None, W48, ""),  # nothing recorded yet: no week to look back on
        (date(2026, 11, 24), W48, ""),  # first used this morning
        (date(2026, 11, 23), W48, ""),  # first used yesterday, this Monday
        (date(2026, 11, 22), W47, "Last week (2026-W47) has no review yet"),  # last Sunday
    ],
)
def test_no_review_is_asked_for_a_week_before_the_folder_was_first_used(
    first_use: date | None, expected: IsoWeek, reminder: str
) -> None:
    tuesday = date(2026, 11, 24)
    assert review_week_for(tuesday, set(), first_use=first_use) == expected
    assert review_reminder(tuesday, set(), first_use=first_use).startswith(reminder)
