"""The prep flow's answers (kept in its draft through `model.flows.codec`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Self

from coach_tui.coaching.outcome import AdvanceSize
from coach_tui.model.flows.codec import member, text_fields


@dataclass(slots=True)
class PrepAnswers:
    outcome: str = ""  # the best outcome: what the client will agree to, as typed
    this_call: str = ""  # when the outcome is too big: what this call must get
    bigger: str | None = None  # the follow-up's outcome; None until suggested or typed
    size: AdvanceSize = AdvanceSize.SMALL
    note: str = ""  # no longer asked; kept so an older prep's note survives an edit
    client_gain: str = ""  # medium and large advances
    attendees: str = ""  # the rest only for a large advance
    questions: str = ""
    objections: str = ""
    bring: str = ""
    fallback: str = ""  # the minimum acceptable action, asked on every call
    reason: str = ""  # why the client would want this meeting
    why_now: str = ""  # the client's why now, for an objective that has none (large only)
    # The key of the step the draft was left at: steps come and go between versions, so a
    # draft resumes by name. Empty in drafts written before it (they stand at an index).
    at_step: str = ""

    @classmethod
    def from_strings(cls, answers: Mapping[str, str]) -> Self:
        return cls(
            **text_fields(cls, answers),
            bigger=answers.get("bigger"),
            size=member(AdvanceSize, answers.get("size"), AdvanceSize.SMALL),
        )
