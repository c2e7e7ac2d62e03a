"""The up-front opener: three lines that start a call the way the client can agree to.

Said in the first minute, it settles why the client is there (their reason, not the
seller's), how long it takes, what they want to cover, and the step the seller will ask for
at the end — with "no" a fine answer, so the client need not dodge. Generated from the prep;
the seller reads it as a script to put in their own words.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class OpenerFacts:
    """What the opener is made of: who the seller talks to (a first name, or empty), the
    client's reason to meet, the call's length in minutes and the best outcome."""

    who: str = ""
    reason: str = ""
    minutes: int = 30
    outcome: str = ""


def _sentence(text: str) -> str:
    """`text` without its closing punctuation, to end a sentence of the opener."""
    return " ".join(text.split()).rstrip(" .!?;:,")


def opener(facts: OpenerFacts) -> tuple[str, str, str]:
    """Purpose, then time and their agenda, then the outcome you will ask for and that a
    "no" is fine: one line each."""
    thanks = (
        f"Thanks for making the time, {facts.who}." if facts.who else "Thanks for making the time."
    )
    reason = _sentence(facts.reason)
    purpose = (
        f"{thanks} The reason for today, as I understand it: {reason}."
        if reason
        else f"{thanks} What made this worth your time today?"
    )
    agenda = (
        f"We have {facts.minutes} minutes — does that still work? What would you like to be "
        "sure we cover?"
    )
    outcome = _sentence(facts.outcome)
    ask = (
        f"At the end I'll ask for one step: {outcome}. If it's a no, that's fine — just tell me."
        if outcome
        else "At the end we'll see whether a next step makes sense; a no is fine — just tell me."
    )
    return purpose, agenda, ask
