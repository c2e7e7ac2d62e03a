"""Transitional: a guided flow whose answers are still a dict of strings by step key.

Flows move to a dataclass of answers one at a time (`model.flows`); until one has, it
subclasses `KeyedFlowScreen` and keeps judging its steps by key in `check`, `echo` and
`still_wrong`, MULTI picks comma-joined. Delete this module when no flow uses it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Self, TypeVar

from coach_tui.model.draft import FlowDraft
from coach_tui.model.flows.codec import split_picks as _split
from coach_tui.ui.kit.guided import FlowStep, GuidedFlowScreen, Slot, StepKind, Value, Verdict

ResultT = TypeVar("ResultT")


class KeyedAnswers(dict[str, str]):
    """Answers by step key; a MULTI step's picks comma-joined."""

    @classmethod
    def from_strings(cls, answers: Mapping[str, str]) -> Self:
        return cls(answers)


def split_picks(value: str) -> list[str]:
    """The keys a MULTI step stored."""
    return list(_split(value))


def join_picks(keys: list[str]) -> str:
    return ",".join(keys)


def _key_slot(step: FlowStep) -> Slot:
    key = step.key
    if step.kind is StepKind.MULTI:
        return Slot(
            lambda answers: tuple(split_picks(answers.get(key, ""))),
            lambda answers, picks: answers.__setitem__(key, join_picks(list(picks))),
        )
    return Slot(lambda answers: answers.get(key, ""), lambda a, v: a.__setitem__(key, v))


class KeyedFlowScreen(GuidedFlowScreen[ResultT, KeyedAnswers]):
    """A guided flow judged by step key; see the module docstring."""

    def __init__(
        self,
        *,
        flow: str,
        title: str,
        steps: Sequence[FlowStep],
        draft: FlowDraft | None,
        answers: dict[str, str] | None = None,
    ) -> None:
        keyed = [s if s.kind is StepKind.REVIEW else s.bind(slot=_key_slot(s)) for s in steps]
        super().__init__(
            flow=flow, title=title, steps=keyed, draft=draft, answers=KeyedAnswers(answers or {})
        )

    def _text(self, step: FlowStep) -> str:
        value: Value = self.value_of(step)
        return value if isinstance(value, str) else join_picks(list(value))

    def verdict_for(self, step: FlowStep) -> Verdict:
        return self.check(step, self._text(step))

    def error_now(self, step: FlowStep) -> str:
        return self.still_wrong(step, self._text(step))

    def check(self, step: FlowStep, value: str) -> Verdict:
        """Judge the answer to `step` when the seller presses next."""
        return Verdict()

    def still_wrong(self, step: FlowStep, value: str) -> str:
        """Why `value` is still refused, or ''. Override when `check` does more than judge."""
        return self.check(step, value).error

    def blank_answers(self) -> KeyedAnswers:
        return KeyedAnswers()
