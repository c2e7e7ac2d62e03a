"""The minimum acceptable action: the least the client must do for a call to count.

A seller who knows only the best outcome leaves a call that fell short with nothing; one who
also knows the minimum still asks for something. The minimum is a client action like the best
outcome (the outcome coach judges it), smaller than it, and never the same words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coach_tui.coaching.outcome import OutcomeContext, OutcomeIssue, check_outcome

_WORDS = re.compile(r"[\w']+")


@dataclass(frozen=True, slots=True)
class MinimumCheck:
    """What the coach says of a minimum: `error` blocks it, `question` is asked once."""

    error: str = ""
    question: str = ""


def first_name(name: str) -> str:
    """The name a coach calls someone by: "Greta" of "Greta Lindqvist"."""
    parts = name.split()
    return parts[0] if parts else ""


def who_of(context: OutcomeContext) -> str:
    """The person the seller leads with, by first name; "the client" when the call has none."""
    named = [first_name(name) for name in context.contacts if first_name(name)]
    return named[0] if named else "the client"


def _same_words(first: str, second: str) -> bool:
    return _WORDS.findall(first.casefold()) == _WORDS.findall(second.casefold())


def ask_for_minimum(best: str, context: OutcomeContext) -> str:
    """The coach's question when no minimum was written, naming the person and the best."""
    who = who_of(context)
    if best.strip():
        return (
            f"If “{best.strip()}” is out of reach, what is the least {who} must do for this "
            "call to count?"
        )
    return f"What is the least {who} must do for this call to count?"


def check_minimum(minimum: str, best: str, context: OutcomeContext) -> MinimumCheck:
    """Judge the minimum acceptable action against the best outcome.

    Missing: asked for, naming the person and the best outcome. The same as the best: refused
    (there is no fallback then). Otherwise the outcome coach's first diagnosis, as a question.
    """
    if not minimum.strip():
        return MinimumCheck(question=ask_for_minimum(best, context))
    if _same_words(minimum, best):
        return MinimumCheck(
            error=(
                "That is your best outcome again. The minimum is smaller: what would "
                f"{who_of(context)} still do if the answer to that is no?"
            )
        )
    verdict = check_outcome(minimum, context)
    if verdict.blocking:
        return MinimumCheck(error=verdict.messages[0])
    if OutcomeIssue.TOO_BIG in verdict.issues:
        return MinimumCheck(
            question="That is more than a minimum. What smaller step would still count?"
        )
    if verdict.issues:
        return MinimumCheck(question=verdict.messages[0])
    return MinimumCheck()
