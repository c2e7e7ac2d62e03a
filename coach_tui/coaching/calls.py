"""Rules about calls over time: what is coming, what awaits a debrief, and stalls.

A stall is talk without progress: three continuations in a row, or no advance for weeks
on an account that is being called. The coach does not judge; it asks the question a
manager would ask in a pipeline review.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Protocol, TypeVar

from coach_tui.model.call import Call, Commitment, DebriefMark, Movement
from coach_tui.model.clock import local_time
from coach_tui.model.wording import counted

STALL_CONTINUATIONS = 3
STALL_WEEKS = 6


@dataclass(frozen=True, slots=True)
class CallLine:
    """One upcoming call on the dashboard."""

    call: Call
    account: str
    when: datetime  # the call's time on the seller's clock now

    @property
    def prepared(self) -> bool:
        return self.call.prepared


def upcoming(calls: Sequence[Call], now: datetime, names: dict[str, str]) -> list[CallLine]:
    """Calls from now on, soonest first, each at its time in `now`'s zone."""
    return [
        CallLine(call, names.get(call.account_uid, "?"), local_time(call.when, now))
        for call in sorted(calls, key=lambda c: c.when)
        if call.when >= now
    ]


def awaiting_debrief(calls: Sequence[Call], now: datetime) -> list[Call]:
    """Past calls nobody has debriefed yet, oldest first: what happened is still fresh."""
    return sorted(
        (call for call in calls if call.when < now and call.debrief is None),
        key=lambda c: c.when,
    )


def still_ahead(call: Call, now: datetime) -> bool:
    """A call whose time has not come: a debrief of it needs a question first (was it
    moved earlier and held already?), or it would be recorded as held in the future."""
    return call.when > now


def held_at(call: Call, now: datetime) -> Call:
    """The call moved to when it was really held, `now` to the minute, in the call's own
    zone (so its wall time + zone stay how calls are stored)."""
    moment = now.replace(second=0, microsecond=0)
    return replace(call, when=moment.astimezone(call.when.tzinfo) if call.when.tzinfo else moment)


class Marked(Protocol):
    """A debriefed call as the stall rule sees it (`DebriefMark`, or a stored call's facts)."""

    @property
    def when(self) -> datetime: ...

    @property
    def movement(self) -> Movement | None: ...


MarkT = TypeVar("MarkT", bound=Marked)


def stall_window(marks: Iterable[MarkT]) -> list[MarkT]:
    """The debriefs of one account the stall rule reads, in time order: the first (the
    weeks without an advance count from it), the last advance, and the last three.

    Everything `stall_question_from` decides, it decides from these alone, so the store
    keeps exactly these live however old they are. Calls at the same moment keep the
    order they came in.
    """
    ordered = sorted(marks, key=lambda mark: mark.when)
    if not ordered:
        return []
    advances = [mark for mark in ordered if mark.movement is Movement.ADVANCE]
    chosen = {id(mark) for mark in (ordered[0], *advances[-1:], *ordered[-STALL_CONTINUATIONS:])}
    return [mark for mark in ordered if id(mark) in chosen]


def stall_question(calls: Sequence[Call], today: date, *, weeks: int = STALL_WEEKS) -> str:
    """The coach's question when one account's calls have stopped moving; empty if not."""
    marks = [mark for mark in map(DebriefMark.of, calls) if mark is not None]
    return stall_question_from(marks, today, weeks=weeks)


def stall_question_from(
    marks: Sequence[DebriefMark], today: date, *, weeks: int = STALL_WEEKS
) -> str:
    """The stall rule on one account's debriefed calls (see `stall_question`)."""
    debriefed = sorted(marks, key=lambda mark: mark.when)
    if not debriefed:
        return ""
    recent = [mark.movement for mark in debriefed[-STALL_CONTINUATIONS:]]
    if len(recent) == STALL_CONTINUATIONS and all(m is Movement.CONTINUATION for m in recent):
        return (
            f"{STALL_CONTINUATIONS} calls in a row without a commitment. What would the client "
            "have to agree to for this to be moving — and is anyone there asking for it?"
        )
    advances = [mark for mark in debriefed if mark.movement is Movement.ADVANCE]
    since = (advances[-1] if advances else debriefed[0]).when.date()
    if today - since > timedelta(weeks=weeks) and debriefed[-1].when.date() > since:
        return (
            f"No advance in {(today - since).days // 7} weeks. Is this still an opportunity, "
            "or time to say so and spend the hours elsewhere?"
        )
    return ""


def stalls_in(
    history: dict[str, Sequence[DebriefMark]], today: date, *, weeks: int = STALL_WEEKS
) -> dict[str, str]:
    """Account uid → stall question, from each account's (possibly trimmed) debrief marks."""
    questions = {
        uid: stall_question_from(marks, today, weeks=weeks) for uid, marks in history.items()
    }
    return {uid: question for uid, question in questions.items() if question}


def marks_by_account(calls: Sequence[Call]) -> dict[str, list[DebriefMark]]:
    """Account uid → the debrief marks of its debriefed calls."""
    per_account: dict[str, list[DebriefMark]] = {}
    for call in calls:
        mark = DebriefMark.of(call)
        if mark is not None:
            per_account.setdefault(call.account_uid, []).append(mark)
    return per_account


def stalls_by_account(
    calls: Sequence[Call], today: date, *, weeks: int = STALL_WEEKS
) -> dict[str, str]:
    """Account uid → stall question, for accounts that have one."""
    return stalls_in(marks_by_account(calls), today, weeks=weeks)


def open_commitments(commitments: Sequence[Commitment], today: date) -> list[Commitment]:
    """Open promises, overdue and soonest first, undated last."""
    return sorted((c for c in commitments if c.is_open), key=lambda c: (c.due or date.max, c.what))


def commitment_label(commitment: Commitment, today: date) -> str:
    """'due today', 'due in 3 days', '2 days late' or 'no date'."""
    if commitment.due is None:
        return "no date"
    days = (commitment.due - today).days
    if days == 0:
        return "due today"
    if days < 0:
        return f"{counted(-days, 'day')} late"
    return f"due in {counted(days, 'day')}"


def per_objective(calls: Sequence[Call]) -> dict[str, int]:
    """How many calls each objective has had or has coming (its traceability)."""
    counts: dict[str, int] = {}
    for call in calls:
        if call.objective_uid:
            counts[call.objective_uid] = counts.get(call.objective_uid, 0) + 1
    return counts
