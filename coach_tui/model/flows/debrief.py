"""The debrief flow's answers: the call's result and movement, the promises, the next step,
and whether today's skill was practised.

Nothing starts chosen: `result`, `movement` and `practised` are None until the seller picks,
so a quick ctrl+s cannot record an optimistic debrief for them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Self

from coach_tui.model.call import Movement, Result
from coach_tui.model.flows.codec import member, text_fields


@dataclass(slots=True)
class DebriefAnswers:
    result: Result | None = None  # best / minimum / neither; None until chosen
    movement: Movement | None = None  # None until chosen
    theirs: str = ""  # what they promised (or, with no outcome set, what they agreed to)
    theirs_due: str = ""  # a day as typed
    mine: str = ""
    mine_due: str = ""
    notes: str = ""
    next_step: str = ""
    next_when: str = ""  # a day and time as typed
    skill_uid: str = ""  # the getting-better goal asked about ('' when none was)
    practised: bool | None = None  # its answer; None until chosen

    @classmethod
    def from_strings(cls, answers: Mapping[str, str]) -> Self:
        """A draft from before flows were typed: what it chose stays chosen; a choice it
        does not name stays open (asked again, never assumed)."""
        return cls(
            **text_fields(cls, answers),
            result=member(Result, answers.get("result")),
            movement=member(Movement, answers.get("movement")),
        )
