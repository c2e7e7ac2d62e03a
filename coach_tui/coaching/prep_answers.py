"""The prep flow's answers (kept in its draft through `model.flows.codec`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Self

from coach_tui.coaching.outcome import AdvanceSize
from coach_tui.model.flows.codec import member, text_fields


@dataclass(slots=True)
class PrepAnswers:
    outcome: str = ""  # what the client will agree to, as typed
    this_call: str = ""  # when the outcome is too big: what this call must get
    bigger: str | None = None  # the follow-up's outcome; None until suggested or typed
    size: AdvanceSize = AdvanceSize.SMALL
    note: str = ""
    client_gain: str = ""  # the rest only for a large advance
    attendees: str = ""
    questions: str = ""
    objections: str = ""
    bring: str = ""
    fallback: str = ""

    @classmethod
    def from_strings(cls, answers: Mapping[str, str]) -> Self:
        return cls(
            **text_fields(cls, answers),
            bigger=answers.get("bigger"),
            size=member(AdvanceSize, answers.get("size"), AdvanceSize.SMALL),
        )
