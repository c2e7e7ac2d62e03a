"""The touch queue, snooze, done and skip."""

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach_tui.coaching.touches import (
    after_meeting_prompt,
    mark_done,
    mark_skipped,
    next_business_day,
    queue_summary,
    snooze,
    touch_queue,
)
from coach_tui.model.errors import ValidationError
from coach_tui.model.touch import Channel, Purpose, Touch, TouchStatus

TUESDAY = date(2026, 11, 24)
FRIDAY = date(2026, 11, 27)


def touch(due: date, status: TouchStatus = TouchStatus.PLANNED) -> Touch:
    return Touch("c", "a", "p", due, Channel.EMAIL, Purpose.SHARE_INSIGHT, status=status)


def test_queue_holds_open_touches_due_by_today_oldest_first() -> None:
    touches = [
        touch(TUESDAY),
        touch(date(2026, 12, 1)),
        touch(date(2026, 11, 20)),
        touch(date(2026, 11, 10), TouchStatus.DONE),
        touch(date(2026, 11, 11), TouchStatus.SKIPPED),
    ]
    queue = touch_queue(touches, TUESDAY)
    assert [item.touch.due for item in queue] == [date(2026, 11, 20), TUESDAY]
    assert [item.label for item in queue] == ["4 days late", "today"]
    assert queue_summary(queue) == "2 due · 1 overdue"


def test_one_day_overdue_is_singular() -> None:
    [item] = touch_queue([touch(date(2026, 11, 23))], TUESDAY)
    assert item.label == "1 day late"


@pytest.mark.parametrize(
    ("due", "today", "by", "expected"),
    [
        (TUESDAY, TUESDAY, "day", date(2026, 11, 25)),
        (FRIDAY, FRIDAY, "day", date(2026, 11, 30)),  # Friday + 1 day → Monday
        (date(2026, 11, 20), TUESDAY, "day", date(2026, 11, 25)),  # overdue: from today
        (TUESDAY, TUESDAY, "week", date(2026, 12, 1)),
        (date(2026, 11, 25), date(2026, 11, 29), "week", date(2026, 12, 7)),  # Sunday + 1w → Mon
    ],
)
def test_snooze_by_a_day_or_a_week_lands_on_a_weekday(due, today, by, expected) -> None:
    moved = snooze(touch(due), today, by=by)
    assert moved.due == expected
    assert moved.is_open


def test_snooze_to_a_date_moves_weekends_to_monday_and_refuses_the_past() -> None:
    assert snooze(touch(TUESDAY), TUESDAY, to=date(2026, 12, 5)).due == date(2026, 12, 7)
    with pytest.raises(ValidationError, match="has passed"):
        snooze(touch(TUESDAY), TUESDAY, to=date(2026, 11, 23))


def test_snooze_needs_exactly_one_way() -> None:
    with pytest.raises(ValueError):
        snooze(touch(TUESDAY), TUESDAY)


def test_next_business_day() -> None:
    assert next_business_day(date(2026, 11, 28)) == date(2026, 11, 30)
    assert next_business_day(TUESDAY) == TUESDAY


def test_done_keeps_what_happened_and_a_meeting_implies_a_response() -> None:
    done = mark_done(touch(TUESDAY), TUESDAY, "  She said yes  ", got_response=False,
                     got_meeting=True)  # fmt: skip
    assert done.status is TouchStatus.DONE
    assert (done.outcome, done.got_response, done.got_meeting) == ("She said yes", True, True)
    assert done.closed_on == TUESDAY


def test_done_refuses_an_endless_outcome() -> None:
    with pytest.raises(ValidationError, match="limit"):
        mark_done(touch(TUESDAY), TUESDAY, "x" * 5_000, got_response=False, got_meeting=False)


def test_skip_needs_a_reason() -> None:
    with pytest.raises(ValidationError, match="empty"):
        mark_skipped(touch(TUESDAY), TUESDAY, "   ")
    skipped = mark_skipped(touch(TUESDAY), TUESDAY, "On leave")
    assert (skipped.status, skipped.outcome) == (TouchStatus.SKIPPED, "On leave")


def test_meeting_prompt_names_the_person_and_the_next_step() -> None:
    prompt = after_meeting_prompt("Greta Lindqvist")
    assert prompt.startswith("Greta Lindqvist agreed to meet")
    assert "Schedule the call" in prompt


SATURDAY = date(2026, 11, 28)


def test_queue_leaves_out_the_future_and_keeps_today() -> None:
    queue = touch_queue([touch(TUESDAY + timedelta(days=1)), touch(TUESDAY)], TUESDAY)
    assert [(item.touch.due, item.days_overdue) for item in queue] == [(TUESDAY, 0)]
    assert touch_queue([], TUESDAY) == []
    assert queue_summary([]) == "0 due · 0 overdue"


def test_queue_order_on_one_day_is_stable_by_account() -> None:
    later = replace(touch(TUESDAY), account_uid="b", uid="1")
    earlier = replace(touch(TUESDAY), account_uid="a", uid="2")
    assert [item.touch for item in touch_queue([later, earlier], TUESDAY)] == [earlier, later]


@pytest.mark.parametrize(
    ("due", "by", "expected"),
    [
        (date(2026, 12, 2), "day", date(2026, 12, 3)),  # not due yet: a day after its date
        (date(2026, 12, 2), "week", date(2026, 12, 9)),  # and a week after its date
        (date(2026, 12, 4), "day", date(2026, 12, 7)),  # a Friday goes to Monday
    ],
)
def test_snoozing_a_touch_not_yet_due_counts_from_its_date(due, by, expected) -> None:
    assert snooze(touch(due), TUESDAY, by=by).due == expected


def test_snooze_on_a_weekend_lands_on_monday() -> None:
    assert snooze(touch(FRIDAY), SATURDAY, by="day").due == date(2026, 11, 30)


def test_snooze_to_today_is_allowed_and_the_past_is_named() -> None:
    assert snooze(touch(date(2026, 11, 20)), TUESDAY, to=TUESDAY).due == TUESDAY
    with pytest.raises(ValidationError) as caught:
        snooze(touch(TUESDAY), TUESDAY, to=date(2026, 11, 23))
    assert caught.value.message == "Mon 23 Nov has passed; pick today or a later day."
    assert caught.value.field == "date"


@settings(max_examples=100, deadline=None)
@given(
    due=st.dates(min_value=date(2026, 1, 1), max_value=date(2027, 12, 31)),
    today=st.dates(min_value=date(2026, 1, 1), max_value=date(2027, 12, 31)),
    by=st.sampled_from(["day", "week"]),
)
def test_a_snoozed_touch_is_later_open_and_on_a_weekday(due, today, by) -> None:
    before = touch(due)
    moved = snooze(before, today, by=by)
    assert moved.due.weekday() < 5
    assert moved.due > max(due, today)
    step = 1 if by == "day" else 7
    assert moved.due <= max(due, today) + timedelta(days=step + 2)
    assert moved.is_open
    assert moved == replace(before, due=moved.due)  # the same touch, only later
    assert touch_queue([moved], today) == []


@pytest.mark.parametrize("status", [TouchStatus.DONE, TouchStatus.SKIPPED])
def test_a_closed_touch_cannot_be_done_skipped_or_snoozed_again(status) -> None:
    closed = touch(TUESDAY, status)
    attempts = [
        lambda: snooze(closed, TUESDAY, by="day"),
        lambda: snooze(closed, TUESDAY, to=FRIDAY),
        lambda: mark_done(closed, TUESDAY, "", got_response=False, got_meeting=False),
        lambda: mark_skipped(closed, TUESDAY, "Changed my mind"),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError, match=f"already {status.value}; nothing was changed"):
            attempt()


def test_done_without_words_is_allowed_and_keeps_the_rest() -> None:
    before = touch(date(2026, 11, 20))
    done = mark_done(before, TUESDAY, "", got_response=True, got_meeting=False)
    assert (done.outcome, done.got_response, done.got_meeting) == ("", True, False)
    assert (done.uid, done.due, done.channel, done.purpose) == (
        before.uid, before.due, before.channel, before.purpose
    )  # fmt: skip
    assert done.closed_on == TUESDAY  # the day it was done, not the day it was due


def test_skip_reason_is_cleaned_and_limited() -> None:
    skipped = mark_skipped(touch(TUESDAY), TUESDAY, "  Out\nof office  ")
    assert skipped.outcome == "Out of office"
    assert skipped.closed_on == TUESDAY
    with pytest.raises(ValidationError, match="The reason is 1,001 characters"):
        mark_skipped(touch(TUESDAY), TUESDAY, "x" * 1_001)


CHRISTMAS = {date(2026, 12, 25): "Christmas Day", date(2026, 12, 26): "Second Day of Christmas"}


def test_a_snooze_steps_over_the_sellers_public_holidays() -> None:
    """As campaign touches do: a touch snoozed onto Christmas goes out on the next working day."""
    christmas_eve = date(2026, 12, 24)
    by_a_day = snooze(touch(christmas_eve), christmas_eve, by="day", holidays=CHRISTMAS)
    assert by_a_day.due == date(2026, 12, 28)  # Fri 25 a holiday, then the weekend
    to_the_day = snooze(touch(TUESDAY), TUESDAY, to=date(2026, 12, 25), holidays=CHRISTMAS)
    assert to_the_day.due == date(2026, 12, 28)
    assert next_business_day(date(2026, 12, 25)) == date(2026, 12, 25)  # no holidays: as typed
