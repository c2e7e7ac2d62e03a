"""The day's priorities typed on the morning screen and not saved yet (its draft)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Self

from coach_tui.model.day import PRIORITIES_PER_DAY


@dataclass(slots=True)
class MorningAnswers:
    day: str = ""  # ISO date the priorities were typed for: a draft from another day is stale
    priorities: tuple[str, ...] = ()  # as typed, in the fields' order

    @classmethod
    def from_strings(cls, answers: Mapping[str, str]) -> Self:
        """An untyped draft: "day", and "priority-1" to "priority-3"."""
        numbers = range(1, PRIORITIES_PER_DAY + 1)
        typed = tuple(answers.get(f"priority-{n}", "") for n in numbers)
        return cls(answers.get("day", ""), typed)
