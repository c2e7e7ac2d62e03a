"""Splitting a too-big outcome: this call gets the step it can win, a follow-up the bigger one.

The seller meets the split in either of two ways. They follow the coach's advice and
write a smaller outcome in place of the big one: the big one, remembered when the coach
flagged it, becomes the follow-up's. Or they keep the big outcome: then the coach asks
what this call must get, and the big one moves to the follow-up. Either way the split
ends the same: this call aims at the smaller step, a follow-up call at the bigger one.
Leaving "what must this call get" empty keeps the whole outcome for this call.
"""

from __future__ import annotations

from dataclasses import dataclass

from coach_tui.coaching.outcome import OutcomeIssue, check_outcome


@dataclass(frozen=True, slots=True)
class Split:
    """What this call aims at, and the follow-up's outcome (empty: no follow-up call)."""

    this_call: str
    follow_up: str = ""


def too_big(outcome: str) -> bool:
    return OutcomeIssue.TOO_BIG in check_outcome(outcome).issues


def asks_this_call(typed: str) -> bool:
    """A kept too-big outcome: the coach asks what this call must get."""
    return too_big(typed)


def split_outcome(typed: str, this_call: str, bigger: str | None) -> Split:
    """The outcomes of a prep's answers.

    `typed` is the outcome step's answer, `this_call` the answer to "what must this call
    get" (asked only while `typed` is too big), `bigger` the follow-up's outcome — None
    while no split was started (the coach never flagged an outcome as too big).
    """
    typed, this_call = typed.strip(), this_call.strip()
    if too_big(typed):
        if not this_call:
            return Split(typed)  # kept whole: no follow-up
        return Split(this_call, typed if bigger is None else bigger.strip())
    return Split(typed, (bigger or "").strip())


def asks_follow_up(typed: str, this_call: str, bigger: str | None) -> bool:
    """Whether the prep shows the follow-up's step: a split is under way."""
    if bigger is None:
        return False
    return not too_big(typed) or bool(this_call.strip())
