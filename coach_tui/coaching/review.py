"""Rules of the weekly review that are not figures: which week, what to clear, the focus.

The review looks back at a week. Early in the week (Monday to Wednesday) the week worth
reviewing is usually the one just ended, unless it already has a review; from Thursday on it
is the current one. The clear-up walks the touches and promises still open at the week's end
one by one, so nothing lingers unseen into the next week.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import Enum

from coach_tui.coaching.touches import mark_done, mark_skipped
from coach_tui.model.call import Commitment, Party
from coach_tui.model.day_text import weekday_text
from coach_tui.model.errors import ValidationError
from coach_tui.model.review import FOCUS, FOCUS_ITEMS, REFLECTION
from coach_tui.model.touch import Touch
from coach_tui.model.week import IsoWeek

# A week with more open items than this sends the rest to the touch queue: walking forty
# items one by one is a chore, not a review.
CLEAR_LIMIT = 10
SETTLED_IN_REVIEW = "Settled in the weekly review."
DROPPED_IN_REVIEW = "Dropped in the weekly review."


def review_week_for(
    today: date, reviewed: Collection[IsoWeek], *, first_use: date | None = date.min
) -> IsoWeek:
    """The week the seller most likely wants to review today.

    A week that ended before the folder's `first_use` (None: nothing recorded yet) is never
    offered: the seller was not using coach then, so the running week is the one to review.
    """
    this_week = IsoWeek.of(today)
    last_week = this_week.shifted(-1)
    in_use = first_use is not None and first_use <= last_week.sunday
    if today.isoweekday() <= 3 and in_use and last_week not in reviewed:
        return last_week
    return this_week


def review_reminder(
    today: date, reviewed: Collection[IsoWeek], *, first_use: date | None = date.min
) -> str:
    """A line for the morning plan when a week is waiting for its review; empty otherwise.

    From Friday the current week is worth reviewing; early in the week, last week if it was
    never reviewed. Midweek nothing is said: a reminder every day is a reminder ignored.
    """
    week = review_week_for(today, reviewed, first_use=first_use)
    if week in reviewed:
        return ""
    if week != IsoWeek.of(today):
        return f"Last week ({week}) has no review yet: ten minutes with r looks back at it."
    if today.isoweekday() >= 5:
        return f"It is {today:%A}: close the week with your weekly review (r)."
    return ""


class ClearChoice(Enum):
    LEAVE = "leave"
    DONE = "done"
    NEXT_WEEK = "next week"
    DROP = "drop"


CLEAR_CHOICES: tuple[tuple[str, str], ...] = (
    (ClearChoice.LEAVE.value, "Leave it as it is"),
    (ClearChoice.DONE.value, "It is done"),
    (ClearChoice.NEXT_WEEK.value, "Move it to next week"),
    (ClearChoice.DROP.value, "Drop it"),
)


@dataclass(frozen=True, slots=True)
class ClearItem:
    """One open touch or promise, named so the seller recognises it."""

    kind: str  # "touch" or "promise"
    uid: str
    label: str

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.uid}"


def items_to_clear(
    touches: Sequence[Touch],
    commitments: Sequence[Commitment],
    week: IsoWeek,
    *,
    accounts: Mapping[str, str],
    people: Mapping[str, str],
    limit: int = CLEAR_LIMIT,
) -> tuple[list[ClearItem], int]:
    """Open items due by the week's end, oldest first, and how many more were left out.

    Promises come first: a broken promise costs more trust than a late touch.
    """
    end = week.sunday
    promises = sorted(
        (c for c in commitments if c.is_open and c.due is not None and c.due <= end),
        key=lambda c: (c.due or end, c.what.casefold()),
    )
    late_touches = sorted(
        (t for t in touches if t.is_open and t.due <= end), key=lambda t: (t.due, t.uid)
    )
    items = [
        ClearItem(
            "promise",
            c.uid,
            f"{'Your' if c.party is Party.ME else 'Their'} promise · "
            f"{accounts.get(c.account_uid, '?')} · {c.what} · due {weekday_text(c.due)}",
        )
        for c in promises
    ]
    items += [
        ClearItem(
            "touch",
            t.uid,
            f"Touch · {accounts.get(t.account_uid, '?')} · "
            f"{people.get(t.contact_uid, 'someone no longer listed')} · {t.channel.value} · "
            f"due {weekday_text(t.due)}",
        )
        for t in late_touches
    ]
    return items[:limit], max(len(items) - limit, 0)


def settle_touch(touch: Touch, choice: ClearChoice, today: date) -> Touch | None:
    """The touch after the seller's choice; None when it stays as it is."""
    if choice is ClearChoice.DONE:
        return mark_done(touch, today, SETTLED_IN_REVIEW, got_response=False, got_meeting=False)
    if choice is ClearChoice.DROP:
        return mark_skipped(touch, today, DROPPED_IN_REVIEW)
    if choice is ClearChoice.NEXT_WEEK:
        return replace(touch, due=next_week_day(today))
    return None


def settle_promise(promise: Commitment, choice: ClearChoice, today: date) -> Commitment | None:
    """The promise after the seller's choice; None when it stays (DROP deletes it)."""
    if choice is ClearChoice.DONE:
        return replace(promise, done_on=today)
    if choice is ClearChoice.NEXT_WEEK:
        return replace(promise, due=next_week_day(today))
    return None


def next_week_day(today: date) -> date:
    """Monday of the week after `today` — where "next week" lands."""
    return IsoWeek.of(today).shifted(1).monday


def parse_focus(text: str) -> tuple[str, ...]:
    """Next week's focus: one item per line, at most three, each a short line."""
    lines = [line.strip(" \t-•*") for line in text.splitlines()]
    items = [line for line in lines if line]
    if len(items) > FOCUS_ITEMS:
        raise ValidationError(
            f"That is {len(items)} focus items. Three at most: a week with six priorities "
            "has none. Keep the ones that would change the most.",
            field="focus",
        )
    return tuple(
        FOCUS.clean(item, label=f"Focus item {number}")
        for number, item in enumerate(items, start=1)
    )


def check_reflection(text: str, *, label: str) -> str:
    """A reflection as saved: optional, but not a novel (raises ValidationError)."""
    return REFLECTION.clean(text, label=label)


def reflection_nudge(key: str, text: str) -> str:
    """The coach's question when a reflection is left empty or is only a word or two."""
    words = len(text.split())
    if key == "went_well" and words == 0:
        return (
            "Nothing at all? Even a small thing counts — a good question you asked, a "
            "reply you got. Ctrl+s again to leave it empty."
        )
    if key == "went_badly" and words == 0:
        return (
            "A week with nothing to improve is rare. What would you do differently "
            "if you had Monday again? Ctrl+s again to leave it empty."
        )
    if key == "learned" and words == 0:
        return (
            "What did a client tell you that you did not know on Monday? Ctrl+s again "
            "to leave it empty."
        )
    if words and words < 3 and key in ("went_well", "went_badly", "learned"):
        return (
            "A few more words will mean more when you read this in a month: what "
            "happened, and what was your part in it? Ctrl+s again to keep it short."
        )
    return ""
