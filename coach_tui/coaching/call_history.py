"""An account's call history: every debriefed call, newest first, with what was promised in it.

What the seller aimed for, whether the call got it, whether the client committed (advance)
or only talked on (continuation), the next step and the notes — the record a seller reads
before the next call, or when asking why an account stopped moving.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from coach_tui.model.call import Call, Commitment, Movement, Party, Result


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One debriefed call and the promises made in it (theirs first, then the seller's)."""

    call: Call
    promises: tuple[Commitment, ...] = ()


def _theirs_first(commitment: Commitment) -> tuple[bool, str]:
    return commitment.party is not Party.THEM, commitment.what


def call_history(calls: Sequence[Call], commitments: Sequence[Commitment]) -> list[HistoryEntry]:
    """The debriefed calls among `calls`, newest first, each with the promises made in it."""
    made_in: dict[str, list[Commitment]] = {}
    for commitment in commitments:
        if commitment.call_uid:
            made_in.setdefault(commitment.call_uid, []).append(commitment)
    debriefed = sorted(
        (call for call in calls if call.debrief is not None),
        key=lambda call: (call.when, call.uid),
        reverse=True,
    )
    return [
        HistoryEntry(
            call,
            tuple(sorted(made_in.get(call.uid, ()), key=_theirs_first)),
        )
        for call in debriefed
    ]


@dataclass(frozen=True, slots=True)
class HistoryTally:
    """The whole history in four numbers: calls, how many moved the account, how many hit."""

    calls: int
    advances: int
    continuations: int
    reached: int


def history_tally(entries: Sequence[HistoryEntry]) -> HistoryTally:
    debriefs = [entry.call.debrief for entry in entries if entry.call.debrief is not None]
    moves = [debrief.movement for debrief in debriefs]
    return HistoryTally(
        len(debriefs),
        moves.count(Movement.ADVANCE),
        moves.count(Movement.CONTINUATION),
        sum(debrief.result is Result.REACHED for debrief in debriefs),
    )
