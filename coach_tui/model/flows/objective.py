"""The strategic-objective flow's answers: what the seller typed, read when saved."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Self

from coach_tui.model.account import ExpansionKind
from coach_tui.model.flows.codec import text_fields
from coach_tui.model.ids import new_uid


@dataclass(slots=True)
class ObjectiveAnswers:
    uid: str = field(default_factory=new_uid)  # the objective's, kept across a resume
    kind: ExpansionKind | None = None
    description: str = ""
    client_goal: str = ""
    target: str = ""  # money as typed ("250k")
    date: str = ""  # a day as typed ("end of next quarter")
    why_now: str = ""  # the client's compelling event, if the seller knows one

    @classmethod
    def from_strings(cls, answers: Mapping[str, str]) -> Self:
        kind = answers.get("kind", "")
        kinds = {member.value: member for member in ExpansionKind}
        return cls(**text_fields(cls, answers), kind=kinds.get(kind))
