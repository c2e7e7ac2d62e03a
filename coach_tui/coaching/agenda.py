"""Today's agenda: what the seller should see first thing, and the coach's line about it.

Shared by `coach today` (a plain terminal) and the morning plan screen. The coach's
line is the candidate with the most at stake (`coaching/morning_line.py`): a call today
without an outcome first, then — weighed by the objective's value, how late, whose promise
and how long nothing moved — an account's red flags, debriefs, my promises, pace, touches,
late objectives. The line never repeats an item the agenda lists: it says what to do.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal

from coach_tui.coaching.calls import awaiting_debrief, commitment_label, open_commitments
from coach_tui.coaching.dashboard import GoalLine, TouchLine
from coach_tui.coaching.morning_line import (
    DEBRIEF,
    FLAG,
    LATE_OBJECTIVE,
    MY_PROMISE,
    PACE,
    TOUCHES,
    UNPREPARED_CALL,
    Candidate,
    best_line,
    biggest_targets,
    flag_line,
    flag_points,
)
from coach_tui.coaching.pace import PaceState, pace_sentence
from coach_tui.coaching.red_flags import AccountFlags, flag_question
from coach_tui.model.account import StrategicObjective
from coach_tui.model.call import Call, Commitment
from coach_tui.model.clock import local_time
from coach_tui.model.day import PRIORITY_MAX
from coach_tui.model.day_text import weekday_text
from coach_tui.model.wording import counted


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
    days_late: int = 0


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
    to_debrief: tuple[AgendaCall, ...] = ()  # past calls not debriefed yet, oldest first
    review: str = ""  # a reminder when a week waits for its weekly review
    coach_line: str = field(default="")
    # The red flags behind `stalled`, and currency → biggest open target: the stakes the
    # coach's line weighs (see `coaching/morning_line.py`).
    flags: tuple[AccountFlags, ...] = ()
    biggest_targets: tuple[tuple[str, Decimal], ...] = ()
    # The next call's time: until then only a save can change this agenda; from then on
    # that call waits for its debrief (`None`: no call ahead, it holds all day).
    steady_until: datetime | None = None


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


def calls_to_debrief(
    awaiting: Sequence[Call], now: datetime, names: dict[str, str]
) -> tuple[AgendaCall, ...]:
    """Past calls nobody has debriefed yet, oldest first, at their time on the seller's
    clock: the one list the dashboard, the morning plan and `coach today` show."""
    return tuple(
        AgendaCall(
            local_time(call.when, now),
            names.get(call.account_uid, "?"),
            call.kind.value,
            call.prep.outcome if call.prep else "",
            call.uid,
        )
        for call in awaiting_debrief(awaiting, now)
    )


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
            (today - c.due).days,
        )
        for c in open_commitments(commitments, today)
        if c.due is not None and c.due <= today
    ]


def coach_line(agenda: Agenda) -> str:
    """One sentence about the most important thing in the agenda, weighed by stakes (see
    `coaching/morning_line.py` for the points). Pace, late objectives and stalls are listed
    above the line: it says what to do about them."""
    candidates = []
    unprepared = [call for call in agenda.calls if not call.outcome]
    if unprepared:
        count = len(unprepared)
        candidates.append(Candidate(UNPREPARED_CALL, (
            f"{counted(count, 'call')} today without an outcome: prep "
            f"{'them' if count != 1 else 'it'} before anything else."
        )))  # fmt: skip
    if agenda.to_debrief:
        count = len(agenda.to_debrief)
        candidates.append(Candidate(DEBRIEF, (
            f"{counted(count, 'call')} {'wait' if count != 1 else 'waits'} for a debrief: "
            "write down what happened while you still remember it (c, then b)."
        )))  # fmt: skip
    mine = [p for p in agenda.promises if p.whose == "mine"]
    if mine:
        things = f"{counted(len(mine), 'thing')}"
        late = max(p.days_late for p in mine)
        candidates.append(Candidate(
            MY_PROMISE + min(late, 10),
            f"You promised {things} for today or earlier: keep your word first.",
        ))  # fmt: skip
    biggest = dict(agenda.biggest_targets)
    candidates += [Candidate(flag_points(f, biggest), flag_line(f)) for f in agenda.flags]
    if agenda.behind:
        count = len(agenda.behind)
        goals = f"{counted(count, 'goal')} {'are' if count != 1 else 'is'}"
        candidates.append(
            Candidate(PACE, f"{goals} behind pace: pick today's priorities to close the gap.")
        )
    overdue = [line for line in agenda.touches if line.item.days_overdue > 0]
    if overdue:
        oldest = max(line.item.days_overdue for line in overdue)
        candidates.append(Candidate(TOUCHES + min(oldest, 10), (
            f"{len(overdue)} touch{'es are' if len(overdue) != 1 else ' is'} overdue. Clear "
            "the oldest first; a campaign that goes quiet starts again from zero."
        )))  # fmt: skip
    if agenda.late:
        count = len(agenda.late)
        objectives = f"{counted(count, 'objective')} {'are' if count != 1 else 'is'}"
        candidates.append(Candidate(LATE_OBJECTIVE, (
            f"{objectives} past {'their dates' if count != 1 else 'its date'}: move the date "
            "with the client's reason, or ask what would make it happen."
        )))  # fmt: skip
    flagged = {f.account for f in agenda.flags}
    unweighed = [account for account, _ in agenda.stalled if account not in flagged]
    if unweighed:
        count = len(unweighed)
        accounts = f"{counted(count, 'account')} {'have' if count != 1 else 'has'}"
        candidates.append(Candidate(FLAG, (
            f"{accounts} stalled: ask the question above on the next call, before anything else."
        )))  # fmt: skip
    if agenda.calls:
        fallback = "Every call today has an outcome. Go and get those yeses."
    else:
        fallback = "No calls today. A good day to prep the next ones or start an entry campaign."
    return best_line(candidates, fallback)


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
            f"“{o.description}” is {counted(days, 'day')} past its date",
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
    to_debrief: Sequence[Call] = (),
    flags: Sequence[AccountFlags] = (),
) -> Agenda:
    """The agenda of `now`'s date; `now` is in the seller's zone (see `model/clock.py`).

    `stalls` (account uid → question) and `flags` (each account's red flags, listed with
    their question) both fill the stalled list: the flags first, most at stake first (so
    a list cut short keeps what matters), then the bare questions by account name. The
    flags also weigh the coach's line."""
    today = now.date()
    biggest = biggest_targets(
        [o.financial_target for o in objectives if o.is_open and o.financial_target]
    )
    ranked = sorted(flags, key=lambda f: (-flag_points(f, biggest), f.account.casefold()))
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
        (
            *((f.account, flag_question(f)) for f in ranked),
            *sorted((names.get(uid, "?"), q) for uid, q in stalls.items()),
        ),
        behind,
        tuple(late_objectives(objectives, today, names)),
        to_debrief=calls_to_debrief(to_debrief, now, names),
        flags=tuple(ranked),
        biggest_targets=tuple(biggest.items()),
    )
    return replace(agenda, coach_line=coach_line(agenda))


def priority_picks(agenda: Agenda) -> tuple[str, ...]:
    """The agenda's items worded as priorities for the day, most pressing first: what the
    morning plan offers to pick instead of typing (the seller can still edit the words)."""
    picks = [
        f"Prep the {call.kind} with {call.account} at {call.when:%H:%M}"
        for call in agenda.calls
        if not call.outcome
    ]
    picks += [
        f"Debrief the {call.kind} with {call.account} of {weekday_text(call.when)}"
        for call in agenda.to_debrief
    ]
    overdue = sum(1 for line in agenda.touches if line.item.days_overdue > 0)
    if agenda.touches:
        count = len(agenda.touches)
        late = f", {overdue} overdue" if overdue else ""
        picks.append(f"Clear the {count} touch{'es' if count != 1 else ''} due{late}")
    picks += [
        f"Keep my promise to {p.account}: {p.what}"
        if p.whose == "mine"
        else f"Ask {p.account} for what they promised: {p.what}"
        for p in agenda.promises
    ]
    picks += [f"{goal}: close the gap to pace" for goal, _ in agenda.behind]
    picks += [
        f"{account}: move or rescue {what.rsplit(' is ', 1)[0]}" for account, what in agenda.late
    ]
    picks += [f"Restart {account}: {question}" for account, question in agenda.stalled]
    return tuple(dict.fromkeys(pick[:PRIORITY_MAX] for pick in picks))
