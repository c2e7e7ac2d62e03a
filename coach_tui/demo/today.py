"""The demo's present: a day a good seller would recognise, whatever the years of history.

History is laid out at volume (`generate.py`); this settles what a good seller's week
leaves settled and keeps open only what a newcomer should find to act on:

- 3 to 6 calls today at quarter hours spread over the working day: one without an
  outcome, one whose outcome the coach questions, the rest prepared;
- the last working day's call waiting for its debrief, every older one debriefed;
- 5 to 15 touches due today, one to three of them a few days overdue;
- one account stalled (three continuations in a row) and one client promise a week and
  more late, at most two due today; every other account's latest debrief an advance;
- one objective past its date, the revenue goal slightly behind pace, the other on pace.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from coach_tui.coaching.calls import STALL_CONTINUATIONS
from coach_tui.coaching.outcome import check_outcome
from coach_tui.coaching.pace import TOLERANCE, goal_pace
from coach_tui.coaching.red_flags import (
    LATE_BUSINESS_DAYS,
    SURELY_LATE_DAYS,
    business_days_late,
)
from coach_tui.demo.calls import OUTCOMES, QUARTER_HOURS
from coach_tui.model.call import Call, Debrief, Movement, Prep, Result
from coach_tui.model.goal import Metric, ProgressEntry
from coach_tui.model.touch import Touch, TouchStatus

if TYPE_CHECKING:  # generate.py calls this module once the history is laid out
    from coach_tui.demo.generate import DemoData

CALLS_TODAY = (3, 6)
TOUCHES_TODAY = (5, 15)
OVERDUE = (1, 3)
DUE_TODAY_OPEN = 2  # client promises due today not kept yet
# Outcomes the outcome coach questions: the seller's own part, or more than one call holds.
QUESTIONED = (
    "Walk {name} through our pricing deck",
    "Send {name} the case study",
    "{name} signs a three-year contract for all their plants",
)
BEHIND_BY = (Decimal("0.03"), Decimal("0.06"))  # of the target, beyond the pace tolerance


def last_working_day(today: date) -> date:
    """The weekday before `today`: Friday when today is a Monday or a weekend."""
    day = today - timedelta(days=1)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def shape_today(data: DemoData, now: datetime, rng: random.Random) -> None:
    """Settle the history at `now` into a believable day (see the module docstring)."""
    live = {account.uid for account in data.accounts if not account.archived}
    _calls_today(data, now, rng, live)
    _yesterdays_debrief(data, now, rng, live)
    stalled = _one_stall(data, now, rng, live)
    _one_late_promise(data, now, rng, live - {stalled})
    _touches(data, now.date(), rng)
    _one_late_objective(data, now.date(), rng, live)
    _goals_slightly_behind(data, now.date(), rng)


def _names(data: DemoData) -> dict[str, str]:
    return {contact.uid: contact.name.split()[0] for contact in data.contacts}


def _first_name(call: Call, names: dict[str, str]) -> str:
    return next((names[uid] for uid in call.contact_uids if uid in names), "Their CFO")


def _calls_today(data: DemoData, now: datetime, rng: random.Random, live: set[str]) -> None:
    """3–6 calls today, each on another account, at quarter hours across the day."""
    today = now.date()
    wanted = rng.randint(*CALLS_TODAY)
    calls = data.calls
    on_today = [i for i, call in enumerate(calls) if call.when.date() == today]
    rng.shuffle(on_today)
    kept: list[int] = []
    for index in on_today:  # one call per account, live accounts only, at most `wanted`
        accounts = {calls[k].account_uid for k in kept}
        call = calls[index]
        if len(kept) < wanted and call.account_uid in live and call.account_uid not in accounts:
            kept.append(index)
        else:  # moved to one of the next working days, at its own time
            calls[index] = _moved(call, _working_day_after(today, rng.randint(1, 5)))
    ahead = sorted(
        (i for i, call in enumerate(calls) if call.when.date() > today),
        key=lambda i: calls[i].when,
    )
    for index in ahead:  # too few: the soonest calls of other accounts come forward
        if len(kept) >= wanted:
            break
        if calls[index].account_uid in live - {calls[k].account_uid for k in kept}:
            kept.append(index)
    times = [datetime.combine(today, slot, tzinfo=now.tzinfo) for slot in _spread(len(kept), rng)]
    # The two calls to act on are still ahead when the day allows. Calls already held
    # today stay on the day's list, waiting for their debrief (a debriefed call leaves it).
    ahead = [n for n, when in enumerate(times) if when > now]
    held = [n for n in range(len(kept)) if n not in ahead]
    rng.shuffle(ahead)
    rng.shuffle(held)
    unprepared, questioned = (ahead + held)[:2]
    names = _names(data)
    for position, index in enumerate(kept):
        when = times[position]
        call = replace(calls[index], when=when, created_at=when - timedelta(days=7), debrief=None)
        name = _first_name(call, names)
        if position == unprepared:
            prep = None
        elif position == questioned:
            prep = Prep(rng.choice(QUESTIONED).format(name=name), "small")
        else:
            text, size = rng.choice(OUTCOMES)
            prep = Prep(text.format(name=name), size, note="Bring the study.")
        calls[index] = replace(call, prep=prep)


def _spread(count: int, rng: random.Random) -> list[time]:
    """`count` quarter hours, one from each equal part of the working day, in order."""
    part = len(QUARTER_HOURS) // count
    return [QUARTER_HOURS[n * part + rng.randrange(part)] for n in range(count)]


def _working_day_after(day: date, steps: int) -> date:
    while steps:
        day += timedelta(days=1)
        steps -= day.weekday() < 5
    return day


def _moved(call: Call, day: date) -> Call:
    when = datetime.combine(day, call.when.timetz())
    return replace(call, when=when, created_at=when - timedelta(days=7))


def _drop_promises(data: DemoData, call_uids: set[str]) -> None:
    data.commitments = [c for c in data.commitments if c.call_uid not in call_uids]


def _yesterdays_debrief(data: DemoData, now: datetime, rng: random.Random, live: set[str]) -> None:
    """One call of the last working day waits for its debrief; a call of the days before
    is moved there if that day had none."""
    day = last_working_day(now.date())
    today_accounts = {c.account_uid for c in data.calls if c.when.date() == now.date()}
    candidates = [
        i
        for i, call in enumerate(data.calls)
        if call.account_uid in live - today_accounts
        and day - timedelta(days=7) <= call.when.date() <= day
    ]
    on_day = [i for i in candidates if data.calls[i].when.date() == day]
    if not candidates:  # a history younger than a week (early January): the next call
        candidates = sorted(
            (
                i
                for i, call in enumerate(data.calls)
                if call.account_uid in live - today_accounts and call.when.date() > now.date()
            ),
            key=lambda i: data.calls[i].when,
        )[:1]
    if not candidates:
        return
    index = rng.choice(on_day or candidates)
    call = data.calls[index]
    if call.when.date() != day:
        call = _moved(call, day)
    data.calls[index] = replace(call, debrief=None)
    _drop_promises(data, {call.uid})


def _debriefed_by_account(data: DemoData) -> dict[str, list[int]]:
    """Account uid → indexes of its debriefed calls, oldest first."""
    found: dict[str, list[int]] = {}
    for index in sorted(range(len(data.calls)), key=lambda i: data.calls[i].when):
        if data.calls[index].debrief is not None:
            found.setdefault(data.calls[index].account_uid, []).append(index)
    return found


def _one_stall(data: DemoData, now: datetime, rng: random.Random, live: set[str]) -> str:
    """Every account's latest debrief becomes an advance, except one account whose last
    three calls were only talk (the stall the coach asks about). Returns its uid."""
    debriefed = _debriefed_by_account(data)
    busy = {c.account_uid for c in data.calls if c.when.date() >= last_working_day(now.date())
            and c.debrief is None and c.when.date() <= now.date()}  # fmt: skip
    choices = [  # in the accounts' order: uids are random, the seed decides
        account.uid
        for account in data.accounts
        if account.uid in live - busy and len(debriefed.get(account.uid, ())) >= 3
    ]
    stalled = rng.choice(choices) if choices else ""  # none in a history of days
    talk: set[str] = set()
    for uid, indexes in debriefed.items():
        if uid == stalled:
            for index in indexes[-STALL_CONTINUATIONS:]:
                call = data.calls[index]
                data.calls[index] = replace(call, debrief=_talk(call.debrief))
                talk.add(call.uid)
            continue
        call = data.calls[indexes[-1]]
        if call.debrief and call.debrief.movement is not Movement.ADVANCE:
            data.calls[indexes[-1]] = replace(call, debrief=_advance(call.debrief))
    _drop_promises(data, talk)
    return stalled


def _talk(debrief: Debrief | None) -> Debrief:
    at = debrief.at if debrief else None
    return Debrief(Result.PARTLY, Movement.CONTINUATION, at=at)


def _advance(debrief: Debrief) -> Debrief:
    return replace(
        debrief,
        result=Result.REACHED,
        movement=Movement.ADVANCE,
        next_step="They confirm the pilot site",
    )


def _one_late_promise(
    data: DemoData, now: datetime, rng: random.Random, accounts: set[str]
) -> None:
    """Every client promise due before today was kept, except one more than a week of
    working days late (a red flag), of an account not otherwise chosen; of those due
    today, a couple are still open (the rest kept this morning)."""
    today = now.date()
    late = [
        i
        for i, c in enumerate(data.commitments)
        if c.account_uid in accounts
        and c.due is not None
        and today - timedelta(days=SURELY_LATE_DAYS) < c.due < today  # cheap test first
        and business_days_late(c.due, today) > LATE_BUSINESS_DAYS + 2
    ]
    keep = rng.choice(late) if late else None
    due_today = [i for i, c in enumerate(data.commitments) if c.due == today]
    still_open = set(rng.sample(due_today, min(len(due_today), DUE_TODAY_OPEN)))
    for index, commitment in enumerate(data.commitments):
        due = commitment.due
        if due is None or due > today:
            continue
        done = None if index == keep or index in still_open else due
        data.commitments[index] = replace(commitment, done_on=done)


def _touches(data: DemoData, today: date, rng: random.Random) -> None:
    """5–15 touches due today, one to three of them overdue by a few days; every other
    touch due by today was done (today's early in the day) or skipped."""
    touches = data.touches
    wanted = rng.randint(*TOUCHES_TODAY)
    open_past = [i for i, t in enumerate(touches) if t.is_open and t.due < today]
    recent = sorted(open_past, key=lambda i: touches[i].due)[-7:]
    late = rng.randint(*OVERDUE)
    overdue = set(rng.sample(recent, min(late, len(recent))))
    for index in open_past:
        if index not in overdue:
            touches[index] = _done(touches[index], touches[index].due)
    if len(overdue) < late:  # a young history has none left open: yesterday's slipped
        soonest = sorted(
            (i for i, t in enumerate(touches) if t.is_open and t.due >= today),
            key=lambda i: touches[i].due,
        )
        for index in soonest[: late - len(overdue)]:
            touches[index] = replace(touches[index], due=last_working_day(today))
            overdue.add(index)
    due_today = [i for i, t in enumerate(touches) if t.is_open and t.due == today]
    rng.shuffle(due_today)
    room = wanted - len(overdue)
    for index in due_today[room:]:
        touches[index] = _done(touches[index], today)
    if len(due_today) < room:  # too few: the nearest planned touches come forward
        ahead = sorted(
            (i for i, t in enumerate(touches) if t.is_open and t.due > today),
            key=lambda i: touches[i].due,
        )
        for index in ahead[: room - len(due_today)]:
            touches[index] = replace(touches[index], due=today)


def _done(touch: Touch, on: date) -> Touch:
    return replace(touch, status=TouchStatus.DONE, outcome="Sent as planned.", closed_on=on)


def _one_late_objective(data: DemoData, today: date, rng: random.Random, live: set[str]) -> None:
    """One open objective past its date; the others' dates moved ahead, as a seller who
    reviews their accounts would have moved them."""
    open_dated = [
        i for i, o in enumerate(data.objectives) if o.is_open and o.target_date is not None
    ]
    late = [i for i in open_dated if (data.objectives[i].target_date or today) < today]
    of_live = [i for i in open_dated if data.objectives[i].account_uid in live]
    keep = rng.choice([i for i in late if i in of_live] or of_live)
    for index in late:
        if index != keep:
            ahead = today + timedelta(days=rng.randint(30, 240))
            data.objectives[index] = replace(data.objectives[index], target_date=ahead)
    objective = data.objectives[keep]
    if objective.target_date is not None and objective.target_date >= today:
        late_date = today - timedelta(days=rng.randint(5, 30))
        data.objectives[keep] = replace(objective, target_date=late_date)


def _goals_slightly_behind(data: DemoData, today: date, rng: random.Random) -> None:
    """This year's revenue goal a few percent behind pace, the other goals on pace."""
    for index, goal in enumerate(data.goals):
        if not goal.start <= today <= goal.end:
            continue
        expected = goal_pace(goal, today).expected
        if goal.metric is Metric.REVENUE:
            short = Decimal(str(round(rng.uniform(*map(float, BEHIND_BY)), 3)))
            aim = expected - goal.target * (TOLERANCE + short)
        else:
            aim = expected
        data.goals[index] = replace(
            goal, progress=_scaled(goal.progress, max(aim, Decimal(0)), today)
        )


def _scaled(
    entries: Sequence[ProgressEntry], total: Decimal, today: date
) -> tuple[ProgressEntry, ...]:
    """The same entries scaled to add up to about `total`; one entry today if none."""
    whole = sum((entry.amount for entry in entries), Decimal(0))
    amount = total.quantize(Decimal(1))
    if not whole:
        return (ProgressEntry(today, amount, note="Logged from the CRM."),) if amount else ()
    factor = total / whole
    return tuple(
        replace(entry, amount=(entry.amount * factor).quantize(Decimal(1))) for entry in entries
    )


@dataclass(frozen=True, slots=True)
class FirstTries:
    """The three calls a newcomer should open first: (account name, call) each."""

    to_prepare: tuple[str, Call] | None
    questioned: tuple[str, Call] | None
    to_debrief: tuple[str, Call] | None


def first_tries(data: DemoData, now: datetime) -> FirstTries:
    """Today's call without an outcome, today's call whose outcome the coach questions, and
    the last working day's call waiting for its debrief, as the demo laid them out."""
    names = {account.uid: account.name for account in data.accounts}
    today = [c for c in data.calls if c.when.date() == now.date()]
    yesterday = last_working_day(now.date())

    def named(calls: list[Call]) -> tuple[str, Call] | None:
        call = min(calls, key=lambda c: c.when, default=None)
        return (names.get(call.account_uid, "?"), call) if call else None

    return FirstTries(
        named([c for c in today if not c.outcome]),
        named([c for c in today if c.outcome and not check_outcome(c.outcome).is_advance]),
        named([c for c in data.calls if c.when.date() == yesterday and c.debrief is None]),
    )
