"""Saving a prep and a debrief: each one unit of work with the calls it creates.

A prep whose outcome was split saves the follow-up call with it; a debrief saves what was
promised and the next call with it. Either way the flow's draft goes in the same save, so
the seller never finds the call saved and the draft still asking, nor the reverse.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from coach_tui.coaching.next_call import Promised, commitments_from, follow_up_call, next_call
from coach_tui.model.account import WHY_NOW, StrategicObjective
from coach_tui.model.call import Call, Debrief, Prep
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

    Raises ValidationError (nothing saved) for a promise a commitment cannot hold, and
    StoreError when the save fails (nothing saved either).
    """
    commitments = commitments_from(call, promised)
    debriefed = replace(call, debrief=debrief)
    following = next_call(call, debrief.next_step, next_when, now=now)
    with repo.unit_of_work() as uow:
        repo.calls.save_debrief(debriefed, commitments=commitments, next_call=following)
        uow.discard_draft(draft)
    return debriefed
