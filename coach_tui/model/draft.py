"""Work in progress of a guided flow, kept so a quit or a crash loses nothing."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

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
# Typed answers nest a flow's parts (a review's skills, each with its own answers): deeper
# than this, a draft was not written by a flow.
DRAFT_DEPTH_MAX = 8

# A draft's answers as JSON holds them: text, numbers, lists and maps of names to answers.
Json = Any


@dataclass(frozen=True, slots=True)
class FlowDraft:
    """Where a guided flow stands: its step and the answers typed so far."""

    flow: str
    step: int
    # Typed drafts hold the flow's answers dataclass as JSON (`model.flows`); older
    # drafts hold a dict of strings (picks comma-joined), converted when the flow opens.
    answers: dict[str, Json] = field(default_factory=dict)
    updated_at: datetime | None = None
    # Set when coach stopped on an unexpected error while this flow was open: reopening it
    # then offers to start afresh rather than resume into the same error. Any later save of
    # the draft (the flow working again) clears it.
    stopped_at: datetime | None = None
    # True when `answers` were written by a typed flow; False for a dict of strings.
    typed: bool = False

    def answer(self, key: str) -> str:
        """What was typed for `key` when it is text, or an empty string."""
        value = self.answers.get(key, "")
        return value if isinstance(value, str) else ""


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
        _check_answers(draft.answers, "answers", 0)
    if problem := answers_problem(draft.answers):
        raise ValidationError(problem, field="answers")


def _check_answers(value: Json, where: str, depth: int) -> None:
    """Every name and piece of text in a draft's answers within what a flow would keep."""
    if isinstance(value, str):
        DRAFT_ANSWER.check(value, where)
    elif isinstance(value, dict):
        for key, answer in value.items():
            ANSWER_KEY.check(key, where)
            _check_answers(answer, f"{where} {key[:40]}", depth + 1)
    elif isinstance(value, list):
        for item in value:
            _check_answers(item, where, depth + 1)


def answers_problem(value: object) -> str:
    """Why `value` cannot be a draft's answers, or "": a map of names to text, numbers,
    true/false, null, and lists and maps of those, nested no deeper than a flow nests."""
    if not isinstance(value, dict):
        return "'answers' should map names to answers"
    return _json_problem(value, 0)


def _json_problem(value: object, depth: int) -> str:
    if depth > DRAFT_DEPTH_MAX:
        return f"'answers' nest more than {DRAFT_DEPTH_MAX} deep"
    if value is None or isinstance(value, (bool, int, float)):
        return ""
    if isinstance(value, str):
        if len(value) > DRAFT_FIELD_MAX_CHARS:
            return f"an answer is {len(value):,} characters, more than a draft keeps"
        return ""
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str) or len(key) > DRAFT_FIELD_MAX_CHARS:
                return "'answers' should map names to answers"
            if problem := _json_problem(item, depth + 1):
                return problem
        return ""
    if isinstance(value, list):
        return next((p for item in value if (p := _json_problem(item, depth + 1))), "")
    return "'answers' should hold text, numbers, lists and maps"
