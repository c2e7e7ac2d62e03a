"""One codec for every guided flow's answers: a dataclass in memory, JSON in its draft.

Each flow keeps its answers in a dataclass of its own (text, enums, tuples of picks, maps of
per-account or per-skill answers). A draft holds them as the JSON msgspec makes of that
dataclass, marked `typed`. Drafts written before flows were typed hold a dict of strings
(picks comma-joined, composite keys): the flow's `from_strings` reads those, so a draft on
a seller's disk resumes at the same step with the same words.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import fields, is_dataclass, replace
from datetime import datetime
from enum import Enum
from typing import Any, Protocol, Self, TypeVar

import msgspec

from coach_tui.model.draft import FlowDraft, Json

AnswersT = TypeVar("AnswersT", bound="FlowAnswers")


class FlowAnswers(Protocol):
    """What a flow's answers dataclass offers besides its fields."""

    @classmethod
    def from_strings(cls, answers: Mapping[str, str]) -> Self:
        """The answers an older, untyped draft held as a dict of strings."""
        ...


def answers_to_json(answers: object) -> dict[str, Json]:
    """`answers` as a draft keeps them: enums by value, tuples as lists."""
    data = _map_json(msgspec.to_builtins(answers), _same)
    assert isinstance(data, dict)
    return data


def _same(text: str) -> str:
    return text


class AnswersMismatch(ValueError):
    """A typed draft whose answers are not its flow's (a hand edit, or a later coach's)."""


def typed_draft(flow: str, step: int, answers: object, now: datetime) -> FlowDraft:
    """A draft of `flow` at `step` holding `answers` (a flow's answers dataclass)."""
    return FlowDraft(flow, step, answers_to_json(answers), updated_at=now, typed=True)


def answers_from_json(data: Mapping[str, Json], kind: type[AnswersT]) -> AnswersT:
    """The answers of a typed draft; AnswersMismatch (naming the field) if the JSON is not
    `kind`'s."""
    try:
        return msgspec.convert(data, kind)
    except msgspec.ValidationError as error:
        raise AnswersMismatch(str(error)) from None


def answers_of(draft: FlowDraft, kind: type[AnswersT]) -> AnswersT:
    """The answers `draft` holds, whichever shape it was written in."""
    if draft.typed:
        return answers_from_json(draft.answers, kind)
    return kind.from_strings({k: v for k, v in draft.answers.items() if isinstance(v, str)})


def map_text(answers: AnswersT, change: Callable[[str], str]) -> AnswersT:
    """`answers` with `change` applied to every piece of text in them; names of map entries
    (uids) and enum members stay as they are."""
    changed: AnswersT = _map_text(answers, change)
    return changed


def _map_text(value: Any, change: Callable[[str], str]) -> Any:
    if isinstance(value, Enum):
        return value
    if isinstance(value, str):
        return change(value)
    if is_dataclass(value) and not isinstance(value, type):
        parts = {f.name: _map_text(getattr(value, f.name), change) for f in fields(value)}
        return replace(value, **parts)
    if isinstance(value, dict):
        return type(value)((key, _map_text(item, change)) for key, item in value.items())
    if isinstance(value, (list, tuple)):
        return type(value)(_map_text(item, change) for item in value)
    return value


def _map_json(value: Any, change: Callable[[str], str]) -> Any:
    """JSON-ready: tuples as lists."""
    if isinstance(value, str):
        return change(value)
    if isinstance(value, dict):
        return {key: _map_json(item, change) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_map_json(item, change) for item in value]
    return value


def text_fields(kind: type, answers: Mapping[str, str]) -> dict[str, str]:
    """What an untyped draft kept under the names of `kind`'s text fields, ready for
    `kind(**...)`."""
    return {
        field.name: answers[field.name]
        for field in fields(kind)
        if field.name in answers and field.type in ("str", str)
    }


EnumT = TypeVar("EnumT", bound=Enum)


def member(kind: type[EnumT], value: str | None, default: EnumT | None = None) -> EnumT | None:
    """The member of `kind` an untyped draft named by its value, or `default`."""
    return next((m for m in kind if m.value == value), default)


def split_picks(value: str) -> tuple[str, ...]:
    """The keys an untyped draft's MULTI step stored, comma-joined."""
    return tuple(key for key in value.split(",") if key)
