"""Work in progress of a guided flow, kept so a quit or a crash loses nothing."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from coach_tui.model.dates import check_moment
from coach_tui.model.errors import ValidationError
from coach_tui.model.limits import STORED_TEXT_MAX, Limits
from coach_tui.model.text import TextRule

# A draft keeps what was typed, even if it is too long to save as a record; this cap only
# protects the data file from a runaway paste.
DRAFT_FIELD_MAX_CHARS = STORED_TEXT_MAX
# Flows have a dozen steps; a draft further on than this was not written by one.
DRAFT_STEP_MAX = 1_000
FLOW_NAME = TextRule("The flow's name", 200)
ANSWER_KEY = TextRule("The answer's name", 200, required=False)
DRAFT_ANSWER = TextRule("The answer", DRAFT_FIELD_MAX_CHARS, required=False)


@dataclass(frozen=True, slots=True)
class FlowDraft:
    """Where a guided flow stands: its step and the answers typed so far."""

    flow: str
    step: int
    answers: dict[str, str] = field(default_factory=dict)
    updated_at: datetime | None = None
    # Set when coach stopped on an unexpected error while this flow was open: reopening it
    # then offers to start afresh rather than resume into the same error. Any later save of
    # the draft (the flow working again) clears it.
    stopped_at: datetime | None = None

    def answer(self, key: str) -> str:
        """What was typed for `key`, or an empty string."""
        return self.answers.get(key, "")


def keepable(text: str) -> str:
    """Text made safe to store in a draft without changing what the person wrote.

    Only characters that cannot be stored (lone surrogates) or that would scramble the
    terminal (control codes other than newline and tab) are dropped.
    """
    kept = "".join(
        char for char in text if char in "\n\t" or unicodedata.category(char) not in ("Cc", "Cs")
    )
    return kept[:DRAFT_FIELD_MAX_CHARS]


# What a seller calls each flow, by the first part of its draft key ("prep:<call uid>").
_FLOW_LABELS = {
    "why": "Your why",
    "plan-year": "Plan the year",
    "plan-year:objectives": "The plan's walk through your key accounts",
    "objective": "An account's strategic objective",
    "campaign": "An account's entry campaign",
    "prep": "A call's prep",
    "debrief": "A call's debrief",
    "morning": "The day's priorities",
}


def flow_label(flow: str) -> str:
    """The flow a draft key belongs to, in words ("The weekly review of 2026-W48")."""
    if flow in _FLOW_LABELS:
        return _FLOW_LABELS[flow]
    kind, _, rest = flow.partition(":")
    if kind == "review" and rest:
        return f"The weekly review of {rest}"
    return _FLOW_LABELS.get(kind, f"The flow '{flow}'")


def check_draft(draft: FlowDraft, limits: Limits) -> None:
    """Refuse a stored draft no flow would have kept (a flow that cannot use it starts afresh)."""
    if not 0 <= draft.step <= DRAFT_STEP_MAX:
        raise ValidationError(
            f"The step is {draft.step:,}; a flow's step is 0 to {DRAFT_STEP_MAX:,}.", field="step"
        )
    if draft.updated_at is not None:
        check_moment(draft.updated_at, field="updated_at")
    if limits is Limits.FORMS:
        FLOW_NAME.check(draft.flow, "flow")
        for key, answer in draft.answers.items():
            ANSWER_KEY.check(key, "answers")
            DRAFT_ANSWER.check(answer, f"answers {key[:40]}")
