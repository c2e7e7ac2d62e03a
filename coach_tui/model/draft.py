"""Work in progress of a guided flow, kept so a quit or a crash loses nothing."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

# A draft keeps what was typed, even if it is too long to save as a record; this cap only
# protects the data file from a runaway paste.
DRAFT_FIELD_MAX_CHARS = 50_000


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
}


def flow_label(flow: str) -> str:
    """The flow a draft key belongs to, in words ("The weekly review of 2026-W48")."""
    if flow in _FLOW_LABELS:
        return _FLOW_LABELS[flow]
    kind, _, rest = flow.partition(":")
    if kind == "review" and rest:
        return f"The weekly review of {rest}"
    return _FLOW_LABELS.get(kind, f"The flow '{flow}'")
