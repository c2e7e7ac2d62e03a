"""Today's agenda: what the seller should see first thing, and the coach's line about it.

Shared by `coach today` (a plain terminal) and the morning plan screen. The coach's
line is chosen from the state in order of what costs most if ignored: a call today without
an outcome, then overdue touches, then promises due, then pace, then stalls.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from coach_tui.coaching.calls import commitment_label, open_commitments
from coach_tui.coaching.dashboard import GoalLine, TouchLine
from coach_tui.coaching.pace import PaceState, pace_sentence
from coach_tui.model.account import StrategicObjective
from coach_tui.model.call import Call, Commitment
from coach_tui.model.clock import local_time


@dataclass(frozen=True, slots=True)
class AgendaCall:
    when: datetime  # on the seller's clock now (the zone of the agenda's `now`)
    account: str
    kind: str
    outcome: str  # empty: not prepared yet
    uid: str = ""  # the call's, for opening its prep


@dataclass(frozen=True, slots=True)
class AgendaPromise:
    account: str
    whose: str  # "mine" or "theirs"
    what: str
    due: str  # "due today", "2 days late"


@dataclass(frozen=True, slots=True)
class Agenda:
    today: date
    why: str
    calls: tuple[AgendaCall, ...] = ()
    touches: tuple[TouchLine, ...] = ()
    promises: tuple[AgendaPromise, ...] = ()
    stalled: tuple[tuple[str, str], ...] = ()  # (account, the coach's question)
    behind: tuple[tuple[str, str], ...] = ()  # (goal, pace sentence)
    late: tuple[tuple[str, str], ...] = ()  # (account, "objective — N days past its date")
    review: str = ""  # a reminder when a week waits for its weekly review
    coach_line: str = field(default="")


def calls_today(calls: Sequence[Call], now: datetime, names: dict[str, str]) -> list[AgendaCall]:
    """The calls on today's date where the seller is now, at their local clock times.

    A call keeps the zone it was scheduled in; "today" is the seller's today, so a call
    typed before a flight is listed on the day, and at the hour, it falls where they are.
    """
    return [
        AgendaCall(
            when,
            names.get(call.account_uid, "?"),
            call.kind.value,
            call.outcome,
            call.uid,
        )
        for call in sorted(calls, key=lambda c: c.when)
        if (when := local_time(call.when, now)).date() == now.date()
    ]


def call_to_prepare(agenda: Agenda, now: datetime) -> AgendaCall | None:
    """The call to prep first: today's earliest without an outcome that is still ahead,
    else the earliest one without an outcome (its outcome can still be written down)."""
    unprepared = [call for call in agenda.calls if not call.outcome]
    ahead = [call for call in unprepared if call.when >= now]
    return next(iter(ahead or unprepared), None)


def promises_due(
    commitments: Sequence[Commitment], today: date, names: dict[str, str]
) -> list[AgendaPromise]:
    """Open promises due today or late (undated ones wait for the weekly review)."""
    return [
        AgendaPromise(
            names.get(c.account_uid, "?"),
            "mine" if c.party.value == "me" else "theirs",
            c.what,
            commitment_label(c, today),
        )
        for c in open_commitments(commitments, today)
        if c.due is not None and c.due <= today
    ]


def coach_line(agenda: Agenda) -> str:
    """One sentence about the most important thing in the agenda."""
    unprepared = [call for call in agenda.calls if not call.outcome]
    if unprepared:
        count = len(unprepared)
        return (
            f"{count} call{'s' if count != 1 else ''} today without an outcome: prep "
            f"{'them' if count != 1 else 'it'} before anything else."
        )
    overdue = [line for line in agenda.touches if line.item.days_overdue > 0]
    if overdue:
        return (
            f"{len(overdue)} touch{'es are' if len(overdue) != 1 else ' is'} overdue. Clear "
            "the oldest first; a campaign that goes quiet starts again from zero."
        )
    mine = [p for p in agenda.promises if p.whose == "mine"]
    if mine:
        things = f"{len(mine)} thing{'s' if len(mine) != 1 else ''}"
        return f"You promised {things} for today or earlier: keep your word first."
    if agenda.behind:
        return agenda.behind[0][1]
    if agenda.late:
        account, what = agenda.late[0]
        more = f" (and {len(agenda.late) - 1} more)" if len(agenda.late) > 1 else ""
        return (
            f"{account}: {what}{more}. Move the date with the client's reason, or ask what "
            "would make it happen."
        )
    if agenda.stalled:
        account, question = agenda.stalled[0]
        return f"{account}: {question}"
    if agenda.calls:
        return "Every call today has an outcome. Go and get those yeses."
    return "No calls today. A good day to prep the next ones or start an entry campaign."


def late_objectives(
    objectives: Sequence[StrategicObjective], today: date, names: dict[str, str]
) -> list[tuple[str, str]]:
    """Open objectives past their target date, the longest overdue first."""
    late = sorted(
        (o for o in objectives if o.is_open and o.target_date and o.target_date < today),
        key=lambda o: o.target_date or today,
    )
    return [
        (
            names.get(o.account_uid, "?"),
            f"“{o.description}” is {days} day{'s' if days != 1 else ''} past its date",
        )
        for o in late
        if (days := (today - (o.target_date or today)).days)
    ]


def build_agenda(
    now: datetime,
    why: str,
    *,
    calls: Sequence[Call],
    touches: Sequence[TouchLine],
    commitments: Sequence[Commitment],
    stalls: dict[str, str],
    goals: Sequence[GoalLine],
    names: dict[str, str],
    objectives: Sequence[StrategicObjective] = (),
) -> Agenda:
    """The agenda of `now`'s date; `now` is in the seller's zone (see `model/clock.py`)."""
    today = now.date()
    behind = tuple(
        (line.goal.name, pace_sentence(line.goal, line.pace))
        for line in goals
        if line.pace.state is PaceState.BEHIND
    )
    agenda = Agenda(
        today,
        why,
        tuple(calls_today(calls, now, names)),
        tuple(touches),
        tuple(promises_due(commitments, today, names)),
        tuple(sorted((names.get(uid, "?"), q) for uid, q in stalls.items())),
        behind,
        tuple(late_objectives(objectives, today, names)),
    )
    return replace(agenda, coach_line=coach_line(agenda))
