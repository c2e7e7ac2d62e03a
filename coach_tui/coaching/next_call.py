"""The calls a call leaves behind: what was promised in it, and the call that carries its
next step on.

A debrief's next step with a date becomes the next call's outcome; a too-big prep outcome
split in two becomes a follow-up call's a week later. Either way the new call is for the
same people and objective, and its outcome is a carried draft, sized like any outcome, for
the seller to prepare (not a prep of its own yet).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from coach_tui.coaching.outcome import check_outcome
from coach_tui.model.call import CALL_TEXT, PROMISE, Call, Commitment, Party, Prep
from coach_tui.model.dates import real_wall_time

FOLLOW_UP_AFTER = timedelta(weeks=1)


@dataclass(frozen=True, slots=True)
class Promised:
    """What one side said in a call it would do, as typed, and by when."""

    party: Party
    what: str
    due: date | None = None


def commitments_from(call: Call, promised: Iterable[Promised]) -> list[Commitment]:
    """A commitment of `call`'s account for each promise with words in it (raises
    ValidationError for a promise too long or with characters a promise cannot hold)."""
    return [
        Commitment(call.account_uid, item.party, PROMISE.clean(item.what), item.due, call.uid)
        for item in promised
        if item.what.strip()
    ]


def carried_call(call: Call, when: datetime, outcome: str, *, now: datetime) -> Call:
    """A call at `when` with `call`'s people and objective, `outcome` carried over from it
    as a sized draft (no outcome: no prep at all)."""
    prep = None
    if outcome:
        prep = Prep(outcome=outcome, size=check_outcome(outcome).size.value, carried_from=call.uid)
    return Call(
        call.account_uid,
        when,
        kind=call.kind,
        contact_uids=call.contact_uids,
        objective_uid=call.objective_uid,
        prep=prep,
        created_at=now,
    )


def next_call(call: Call, next_step: str, when: datetime | None, *, now: datetime) -> Call | None:
    """The call a debrief creates: only when its date was agreed (`when`)."""
    return None if when is None else carried_call(call, when, next_step.strip(), now=now)


def follow_up_call(call: Call, bigger: str, *, now: datetime) -> Call | None:
    """The call a week later that holds a split's bigger step (none without one).

    Raises ValidationError when `bigger` cannot be a call's text.
    """
    if not bigger:
        return None
    outcome = CALL_TEXT.clean(bigger, label="The follow-up")
    return carried_call(call, real_wall_time(call.when + FOLLOW_UP_AFTER), outcome, now=now)
