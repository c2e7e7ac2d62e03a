"""A reply without a meeting: the person's next touches move to the day they named."""

from dataclasses import replace
from datetime import date

import pytest

from coach_tui.coaching.touches import moved_line, moved_to_their_date
from coach_tui.model.errors import ValidationError
from coach_tui.model.touch import Channel, Purpose, Touch, TouchStatus

TODAY = date(2026, 11, 24)  # a Tuesday


def touch(who: str, day: int, month: int = 12, *, uid: str = "", **extra) -> Touch:
    return Touch("camp", "acc", who, date(2026, month, day), Channel.EMAIL,
                 Purpose.SHARE_INSIGHT, uid=uid or f"{who}-{month}-{day}", **extra)  # fmt: skip


REPLIED = touch("greta", 24, 11, status=TouchStatus.DONE, got_response=True)


@pytest.mark.parametrize(
    ("plan", "to", "expected"),
    [
        # Greta's next two touches move so the first is on the day she named; the gap stays.
        ([touch("greta", 1), touch("greta", 8)], date(2027, 1, 11),
         [date(2027, 1, 11), date(2027, 1, 18)]),
        # A moved touch landing on a weekend goes to the Monday after.
        ([touch("greta", 4), touch("greta", 6)], date(2027, 1, 8),
         [date(2027, 1, 8), date(2027, 1, 11)]),
        # Two touches rounding to one working day (one moved by hand to a Sunday): one a day.
        ([touch("greta", 4), touch("greta", 6)], date(2026, 12, 5),
         [date(2026, 12, 7), date(2026, 12, 8)]),
        # Her next touch is already after the day she named: nothing moves.
        ([touch("greta", 18)], date(2026, 12, 10), []),
        ([touch("greta", 10)], date(2026, 12, 10), []),
        # Nothing planned for her.
        ([], date(2027, 1, 11), []),
    ],
)  # fmt: skip
def test_her_touches_move_to_the_day_she_named(plan, to, expected) -> None:
    assert [t.due for t in moved_to_their_date(plan, REPLIED, to, TODAY)] == expected


def test_only_her_open_touches_in_this_campaign_move() -> None:
    plan = [
        touch("greta", 1),
        touch("hiro", 2),
        touch("greta", 3, status=TouchStatus.SKIPPED),
        Touch("other", "acc", "greta", date(2026, 12, 4), Channel.PHONE, Purpose.PIQUE_CURIOSITY),
        REPLIED,  # the touch she replied to is done already
    ]
    moved = moved_to_their_date(plan, REPLIED, date(2027, 1, 11), TODAY)
    assert [(t.uid, t.due) for t in moved] == [("greta-12-1", date(2027, 1, 11))]


def test_a_moved_touch_never_lands_on_a_public_holiday() -> None:
    moved = moved_to_their_date(
        [touch("greta", 1)], REPLIED, date(2027, 1, 1), TODAY, holidays={date(2027, 1, 1)}
    )
    assert [t.due for t in moved] == [date(2027, 1, 4)]


def test_a_day_that_has_passed_is_refused_with_a_sentence() -> None:
    with pytest.raises(ValidationError) as caught:
        moved_to_their_date([touch("greta", 1)], REPLIED, date(2026, 11, 20), TODAY)
    assert caught.value.message == (
        "Fri 20 Nov has passed; give the day they named, today or later."
    )


def test_the_seller_is_told_where_the_touches_went() -> None:
    moved = [replace(touch("greta", 1), due=date(2027, 1, 11)),
             replace(touch("greta", 8), due=date(2027, 1, 18))]  # fmt: skip
    assert moved_line("Greta", moved) == (
        "Moved 2 touches to Greta to start Mon 11 Jan 2027, as they asked (u undoes)."
    )
