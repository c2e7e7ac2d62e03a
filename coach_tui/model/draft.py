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
