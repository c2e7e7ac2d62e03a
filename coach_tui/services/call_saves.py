"""Saving a prep and a debrief: each one unit of work with the calls it creates.

A prep whose outcome was split saves the follow-up call with it; a debrief saves what was
promised and the next call with it. Either way the flow's draft goes in the same save, so
the seller never finds the call saved and the draft still asking, nor the reverse.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from coach_tui.coaching.debrief_checks import (
    DebriefContext,
    advance_without_promise,
    promise_day_flag,
)
from coach_tui.coaching.next_call import Promised, commitments_from, follow_up_call, next_call
from coach_tui.model.account import WHY_NOW, StrategicObjective
from coach_tui.model.call import Call, Debrief, Party, Prep
from coach_tui.model.clock import local_time
from coach_tui.model.errors import ValidationError
from coach_tui.store.repository import Repository


@dataclass(frozen=True, slots=True)
class PrepSaved:
    """The prepared call, the follow-up call its split created and the objective given the
    client's why now (each if any)."""

    call: Call
    follow_up: Call | None = None
    objective: StrategicObjective | None = None


def save_prep(
    repo: Repository,
    call: Call,
    prep: Prep,
    *,
    bigger: str = "",
    objective: StrategicObjective | None = None,
    why_now: str = "",
    now: datetime,
    draft: str | None = None,
) -> PrepSaved:
    """`call` with `prep`, a follow-up call a week later for a split's `bigger` step, and
    the client's `why_now` on `objective` when the prep found one it had none for.

    Raises ValidationError (nothing saved) when `bigger` cannot be a call's outcome or
    `why_now` is too long, and StoreError when the save fails (nothing saved either).
    """
    prepared = replace(call, prep=prep)
    follow = follow_up_call(call, bigger, now=now)
    told = _with_why_now(objective, why_now)
    with repo.unit_of_work() as uow:
        repo.calls.save(prepared)
        if follow is not None:
            repo.calls.save(follow)
        if told is not None:
            repo.objectives.save(told)
        uow.discard_draft(draft)
    return PrepSaved(prepared, follow, told)


def _with_why_now(objective: StrategicObjective | None, why_now: str) -> StrategicObjective | None:
    """`objective` with the client's why now, or None when there is nothing to change (no
    objective, nothing typed, or one already known: the objective flow rewords it)."""
    text = WHY_NOW.clean(why_now, label="Their why now")
    if objective is None or not text or objective.why_now:
        return None
    return replace(objective, why_now=text)


def save_debrief(
    repo: Repository,
    call: Call,
    debrief: Debrief,
    *,
    promised: Sequence[Promised] = (),
    next_when: datetime | None = None,
    now: datetime,
    draft: str | None = None,
) -> Call:
    """The debriefed call, the promises made in it and — with a date agreed — the next
    call carrying the next step; returns the debriefed call.

    Raises ValidationError (nothing saved) for an advance with no client promise, a promise
    dated before the call or one a commitment cannot hold, and StoreError when the save
    fails (nothing saved either).
    """
    _check_promises(call, debrief, promised, now=now)
    commitments = commitments_from(call, promised)
    debriefed = replace(call, debrief=debrief)
    following = next_call(call, debrief.next_step, next_when, now=now)
    with repo.unit_of_work() as uow:
        repo.calls.save_debrief(debriefed, commitments=commitments, next_call=following)
        uow.discard_draft(draft)
    return debriefed


def _check_promises(
    call: Call, debrief: Debrief, promised: Sequence[Promised], *, now: datetime
) -> None:
    """The debrief's honesty rules that hold whoever saves it (see coaching.debrief_checks)."""
    theirs = " ".join(item.what for item in promised if item.party is Party.THEM)
    if problem := advance_without_promise(debrief.movement, theirs):
        raise ValidationError(problem, field="theirs")
    call_day = local_time(call.when, now).date()
    for item in promised:
        if not item.what.strip():
            continue
        flag = promise_day_flag(
            item.due, call_day=call_day, today=now.date(), theirs=item.party is Party.THEM
        )
        if flag is not None and flag.blocking:
            raise ValidationError(flag.message, field=f"{item.party.value}_due")


def debrief_context(repo: Repository, call: Call) -> DebriefContext:
    """What the debrief of `call` asks by: the names of the people on it (in the order the
    call lists them), the account's open objective (unless the call served another), and
    the active getting-better goals.

    Raises StoreError when the data cannot be read."""
    names = repo.contacts.names()
    objective = repo.objectives.active_for(call.account_uid)
    if objective is not None and call.objective_uid not in ("", objective.uid):
        objective = None  # the call served an objective since closed
    return DebriefContext(
        contacts=tuple(names[uid] for uid in call.contact_uids if uid in names),
        objective=objective.description if objective is not None else "",
        skills=tuple(repo.goals.skills()),
    )
