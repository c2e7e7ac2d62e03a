"""The touch queue, snooze, done and skip."""

from datetime import date

import pytest

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
    assert [item.label for item in queue] == ["4 days overdue", "today"]
    assert queue_summary(queue) == "2 due · 1 overdue"


def test_one_day_overdue_is_singular() -> None:
    [item] = touch_queue([touch(date(2026, 11, 23))], TUESDAY)
    assert item.label == "1 day overdue"


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
