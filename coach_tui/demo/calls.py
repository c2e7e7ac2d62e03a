"""Demo calls: one every three weeks per account, prepared and debriefed, with promises.

Five years reach the design's 12,000 calls. Calls fall on working days at a quarter hour
between 8:30 and 16:45. Every call before today carries an advance or a continuation, and
the client's promises made in them were kept by their date: a good seller's history.
Each account has a call coming, some still without an outcome. Today, yesterday's debrief
and the few things left open are chosen afterwards (`demo/today.py`).
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, datetime, time, timedelta

from coach_tui.model.account import Account, StrategicObjective
from coach_tui.model.call import (
    Call,
    CallKind,
    Commitment,
    Debrief,
    Movement,
    Party,
    Prep,
    Result,
)
from coach_tui.model.contact import Contact

EVERY_DAYS = 21
BOOKED_AHEAD_DAYS = EVERY_DAYS + 7  # the longest gap: every account has its next call booked
# The quarter hours a call may start at, 8:30 to 16:45: the seller's working day.
QUARTER_HOURS = tuple(time(minutes // 60, minutes % 60) for minutes in range(510, 1006, 15))
OUTCOMES = (
    ("{name} introduces us to the CFO", "small"),
    ("{name} shares last quarter's downtime figures", "small"),
    ("{name} agrees to a 30-day pilot at one plant", "medium"),
    ("{name} books a workshop with the plant managers", "medium"),
    ("The CFO signs the pilot order form", "large"),
)
KINDS = (CallKind.CALL, CallKind.CALL, CallKind.MEETING, CallKind.EMAIL, CallKind.DEMO)


def working_day_from(day: date) -> date:
    """`day`, or the Monday after it when it falls on a weekend."""
    return day + timedelta(days=7 - day.weekday() if day.weekday() >= 5 else 0)


def _serving(objectives: list[StrategicObjective], at: datetime) -> str:
    """The first objective of the chain not closed before `at` (the open one at the end)."""
    for objective in objectives:
        if objective.closed_at is None or objective.closed_at >= at:
            return objective.uid
    return objectives[-1].uid


class CallBuilder:
    """Adds the call history of one account at a time."""

    def __init__(self, rng: random.Random, now: datetime) -> None:
        self.rng = rng
        self.now = now
        self.calls: list[Call] = []
        self.commitments: list[Commitment] = []

    def add(
        self,
        account: Account,
        created: datetime,
        people: list[Contact],
        objectives: list[StrategicObjective],
    ) -> None:
        """Calls from the account's start on, each serving the objective open at the time.

        `objectives` is the account's chain, oldest first, the last one still open.
        """
        when = created.replace(hour=0, minute=0) + timedelta(days=10)
        while when < self.now + timedelta(days=BOOKED_AHEAD_DAYS):
            day = working_day_from(when.date())
            at = datetime.combine(day, self.rng.choice(QUARTER_HOURS), tzinfo=self.now.tzinfo)
            self.calls.append(self._call(account, at, people, _serving(objectives, at)))
            when += timedelta(days=self.rng.randint(EVERY_DAYS - 7, EVERY_DAYS + 7))

    def _call(self, account: Account, at: datetime, people: list[Contact], objective: str) -> Call:
        person = self.rng.choice(people)
        text, size = self.rng.choice(OUTCOMES)
        future = at.date() >= self.now.date()
        prepared = not future or self.rng.random() < 0.6
        prep = Prep(text.format(name=person.name.split()[0]), size, note="Bring the study.")
        call = Call(
            account.uid,
            at,
            kind=self.rng.choice(KINDS),
            contact_uids=(person.uid,),
            objective_uid=objective,
            prep=prep if prepared else None,
            created_at=at - timedelta(days=7),
        )
        if future:
            return call  # coming (today's are shaped in `demo/today.py`)
        advance = self.rng.random() < 0.6
        debrief = Debrief(
            Result.REACHED if advance else self.rng.choice((Result.PARTLY, Result.MISSED)),
            Movement.ADVANCE if advance else Movement.CONTINUATION,
            next_step="They confirm the pilot site" if advance else "",
            at=at + timedelta(hours=2),
        )
        if advance:
            due = (at + timedelta(days=7)).date()
            done = due if due < self.now.date() else None
            self.commitments.append(
                Commitment(
                    account.uid,
                    Party.THEM,
                    "Confirm the pilot site",
                    due=due,
                    call_uid=call.uid,
                    done_on=done,
                )
            )
        return replace(call, debrief=debrief)
