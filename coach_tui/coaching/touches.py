"""The touch queue and what a seller does with a touch: done, skipped, or snoozed — and,
after a reply without a meeting, the person's next touches moved to the day they named.

Snoozes land on a business day: a touch moved "a day" on a Friday waits until Monday,
because nobody reads a cold email on Saturday.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from dateutil.relativedelta import relativedelta

from coach_tui.model.day_text import weekday_day_text, weekday_text
from coach_tui.model.errors import ValidationError
from coach_tui.model.touch import OUTCOME, SKIP_REASON, Touch, TouchStatus
from coach_tui.model.wording import counted


@dataclass(frozen=True, slots=True)
class QueueItem:
    """One touch due, with how late it is."""

    touch: Touch
    days_overdue: int

    @property
    def label(self) -> str:
        if self.days_overdue <= 0:
            return "today"
        return f"{counted(self.days_overdue, 'day')} late"


def touch_queue(touches: Sequence[Touch], today: date) -> list[QueueItem]:
    """Open touches due today or earlier: the oldest first, so nothing rots at the bottom."""
    due = [touch for touch in touches if touch.is_open and touch.due <= today]
    due.sort(key=lambda touch: (touch.due, touch.account_uid, touch.uid))
    return [QueueItem(touch, (today - touch.due).days) for touch in due]


def next_business_day(day: date, holidays: Collection[date] = ()) -> date:
    """`day` itself on a working day; else the next weekday that is not one of the seller's
    public `holidays`."""
    while day.weekday() >= 5 or day in holidays:
        day += relativedelta(days=1)
    return day


def _require_open(touch: Touch) -> None:
    """A touch is closed once: done or skipped stays that way (undo restores the old one)."""
    if not touch.is_open:
        raise ValidationError(
            f"That touch is already {touch.status.value}; nothing was changed. "
            "Edit it on the account if the record is wrong.",
            field="status",
        )


def snooze(
    touch: Touch,
    today: date,
    *,
    by: Literal["day", "week"] | None = None,
    to: date | None = None,
    holidays: Collection[date] = (),
) -> Touch:
    """The touch moved later: a day or a week, or to a given date, always to a working day
    (a weekday that is not one of the seller's public `holidays`).

    A day or a week counts from the later of its date and today, so snoozing an overdue
    touch never leaves it overdue and snoozing a future one always moves it on.
    """
    if (by is None) == (to is None):
        raise ValueError("snooze takes either `by` or `to`")
    _require_open(touch)
    if to is not None:
        if to < today:
            raise ValidationError(
                f"{weekday_text(to)} has passed; pick today or a later day.", field="date"
            )
        target = to
    else:
        step = relativedelta(days=1) if by == "day" else relativedelta(weeks=1)
        target = max(touch.due, today) + step
    return replace(touch, due=next_business_day(target, holidays))


def mark_done(
    touch: Touch, today: date, outcome: str, *, got_response: bool, got_meeting: bool
) -> Touch:
    """Done, with what happened; a meeting implies a response."""
    _require_open(touch)
    text = OUTCOME.clean(outcome)
    return replace(
        touch,
        status=TouchStatus.DONE,
        outcome=text,
        got_response=got_response or got_meeting,
        got_meeting=got_meeting,
        closed_on=today,
    )


def mark_skipped(touch: Touch, today: date, why: str) -> Touch:
    """Skipped, with the reason (required: the weekly review looks for patterns)."""
    _require_open(touch)
    text = SKIP_REASON.clean(why)
    return replace(touch, status=TouchStatus.SKIPPED, outcome=text, closed_on=today)


def moved_to_their_date(
    touches: Sequence[Touch], replied: Touch, to: date, today: date, holidays: Collection[date] = ()
) -> list[Touch]:
    """The planned touches to the person who `replied` (in its campaign), moved so the
    first falls on `to` — the date they gave — and the rest keep their order and spacing
    after it, each on a working day, one a day. Empty when their next touch is already on
    or after `to`.

    A reply without a meeting ("not now, try me after the trade fair") is the client
    setting the pace: chasing them before then spends touches they asked you to hold.
    """
    if to < today:
        raise ValidationError(
            f"{weekday_text(to)} has passed; give the day they named, today or later.",
            field="date",
        )
    theirs = sorted(
        (
            touch
            for touch in touches
            if touch.is_open
            and touch.campaign_uid == replied.campaign_uid
            and touch.contact_uid == replied.contact_uid
            and touch.uid != replied.uid
        ),
        key=lambda touch: (touch.due, touch.uid),
    )
    if not theirs or theirs[0].due >= to:
        return []
    shift = to - theirs[0].due
    moved: list[Touch] = []
    for touch in theirs:
        day = next_business_day(touch.due + shift, holidays)
        if moved and day <= moved[-1].due:  # rounding to a working day met the one before
            day = next_business_day(moved[-1].due + relativedelta(days=1), holidays)
        moved.append(replace(touch, due=day))
    return moved


def moved_line(who: str, moved: Sequence[Touch]) -> str:
    """What the seller is told once the touches moved."""
    first = min(touch.due for touch in moved)
    return (
        f"Moved {counted(len(moved), 'touch', 'touches')} to {who} to start "
        f"{weekday_day_text(first)}, as they asked (u undoes)."
    )


def after_meeting_prompt(who: str) -> str:
    """What the coach says when a touch wins the first meeting."""
    return (
        f"{who} agreed to meet: the campaign did its job. Schedule the call and plan the "
        "one thing you want them to agree to by its end."
    )


def queue_summary(queue: Sequence[QueueItem]) -> str:
    """'5 due · 2 overdue' for headers and the dashboard."""
    overdue = sum(1 for item in queue if item.days_overdue > 0)
    return f"{len(queue)} due · {overdue} overdue"
