"""The debrief flow's answers: the call's result and movement, the promises, the next step."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Self

from coach_tui.model.call import Movement, Result
from coach_tui.model.flows.codec import member, text_fields


@dataclass(slots=True)
class DebriefAnswers:
    result: Result = Result.REACHED
    movement: Movement = Movement.ADVANCE
    theirs: str = ""  # what they promised
    theirs_due: str = ""  # a day as typed
    mine: str = ""
    mine_due: str = ""
    notes: str = ""
    next_step: str = ""
    next_when: str = ""  # a day and time as typed

    @classmethod
    def from_strings(cls, answers: Mapping[str, str]) -> Self:
        return cls(
            **text_fields(cls, answers),
            result=member(Result, answers.get("result"), Result.REACHED),
            movement=member(Movement, answers.get("movement"), Movement.ADVANCE),
        )
