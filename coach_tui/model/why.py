"""The seller's why: the reflection answers and the short statement they lead to."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from coach_tui.model.dates import check_moment
from coach_tui.model.ids import check_uid, new_uid
from coach_tui.model.limits import Limits
from coach_tui.model.text import TextRule

STATEMENT_MAX_CHARS = 400
ANSWER_MAX_CHARS = 2_000
ANSWER_KEYS = ("gives", "seller", "win")

STATEMENT = TextRule(
    "Your why",
    STATEMENT_MAX_CHARS,
    too_long_advice="A why you can reread in ten seconds works best — keep the heart of it.",
)
ANSWER = TextRule(
    "The answer",
    ANSWER_MAX_CHARS,
    multiline=True,
    required=False,
    too_long_advice="Notes to yourself are enough here.",
)


@dataclass(frozen=True, slots=True)
class WhyAnswers:
    """What the seller wrote to the reflection prompts; each may be left empty."""

    gives: str = ""
    seller: str = ""
    win: str = ""

    def get(self, key: str) -> str:
        """The answer for one prompt key (see `ANSWER_KEYS`)."""
        return str(getattr(self, key))


@dataclass(frozen=True, slots=True)
class WhyStatement:
    """One version of the why. The newest version is the current one; older ones are history."""

    statement: str
    written_at: datetime
    answers: WhyAnswers = field(default_factory=WhyAnswers)
    uid: str = field(default_factory=new_uid)


def validate_statement(raw: str) -> str:
    """The statement as it will be saved, or a `ValidationError` explaining why not."""
    return STATEMENT.clean(raw)


def validate_answer(raw: str, *, label: str) -> str:
    """One reflection answer as it will be saved; empty is allowed."""
    return ANSWER.clean(raw, label=label)


def check_why(why: WhyStatement, limits: Limits) -> None:
    """Refuse a stored why the why flow would not save (see `Limits`)."""
    check_uid(why.uid)
    check_moment(why.written_at, field="written_at")
    if limits is Limits.FORMS:
        STATEMENT.check(why.statement, "statement")
        for key in ANSWER_KEYS:
            ANSWER.check(why.answers.get(key), f"answers {key}")


def new_why(statement: str, answers: dict[str, str], *, now: datetime) -> WhyStatement:
    """Build a validated why version from what the seller typed."""
    cleaned = {
        key: validate_answer(answers.get(key, ""), label=f"Answer {index}")
        for index, key in enumerate(ANSWER_KEYS, start=1)
    }
    return WhyStatement(
        statement=validate_statement(statement),
        written_at=now,
        answers=WhyAnswers(**cleaned),
    )
