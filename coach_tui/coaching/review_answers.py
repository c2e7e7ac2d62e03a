"""The weekly review flow's answers (kept in its draft through `model.flows.codec`).

The review's steps depend on the seller's getting-better goals and on what is open, so the
answers keep the lists the review started with: a resumed review has the same steps, and
the step number it saved still points at the same question.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Self

from coach_tui.coaching.review import ClearChoice, ClearItem
from coach_tui.model.flows.codec import split_picks, text_fields
from coach_tui.model.review import RATINGS
from coach_tui.model.text import small_number


@dataclass(slots=True)
class SkillAnswers:
    """What the seller said about one getting-better skill."""

    practised: bool = True
    example: str = ""
    rating: int | None = None  # one of RATINGS


@dataclass(frozen=True, slots=True)
class ReviewLists:
    """The skills (goal uid, skill) and open items the review started with."""

    skills: tuple[tuple[str, str], ...] = ()
    clear: tuple[ClearItem, ...] = ()


@dataclass(slots=True)
class ReviewAnswers:
    figures_note: str = ""
    went_well: str = ""
    went_badly: str = ""
    learned: str = ""
    skills: dict[str, SkillAnswers] = field(default_factory=dict)  # by goal uid
    clear: dict[str, ClearChoice] = field(default_factory=dict)  # by `ClearItem.key`
    focus: str = ""  # up to three lines, as typed
    key_calls: tuple[str, ...] = ()  # call uids
    lists: ReviewLists | None = None  # None: a draft from before the lists were kept

    def start_from_debriefs(self, practised_in_calls: Mapping[str, bool]) -> Self:
        """A new review's "did you practise?" answers start from what the week's debriefs
        said (skill uid → practised in at least one call), so the seller confirms rather than
        recalls; a skill no debrief asked about keeps the default."""
        for uid, practised in practised_in_calls.items():
            self.skill(uid).practised = practised
        return self

    def skill(self, uid: str) -> SkillAnswers:
        """The answers about skill `uid` (empty ones, kept, if none yet)."""
        return self.skills.setdefault(uid, SkillAnswers())

    def choice(self, item: ClearItem) -> ClearChoice:
        return self.clear.get(item.key, ClearChoice.LEAVE)

    @classmethod
    def from_strings(cls, answers: Mapping[str, str]) -> Self:
        """An untyped draft: skills under "skill:<uid>:practised|example|rating", open items
        under "clear:<kind>:<uid>", picks comma-joined, the lists as JSON in "_skills" and
        "_clear"."""
        typed = cls(**text_fields(cls, answers))
        typed.key_calls = split_picks(answers.get("key_calls", ""))
        choices = {choice.value: choice for choice in ClearChoice}
        for key, value in answers.items():
            kind, _, rest = key.partition(":")
            if kind == "clear" and value in choices:
                typed.clear[rest] = choices[value]
            elif kind == "skill":
                uid, _, part = rest.rpartition(":")
                if part == "practised":
                    typed.skill(uid).practised = value != "no"
                elif part == "example":
                    typed.skill(uid).example = value
                elif part == "rating":
                    rating = small_number(value, max_digits=1)
                    typed.skill(uid).rating = rating if rating in RATINGS else None
        typed.lists = _lists_from_strings(answers)
        return typed


def _lists_from_strings(answers: Mapping[str, str]) -> ReviewLists | None:
    if "_skills" not in answers:
        return None
    try:
        skills = tuple((str(uid), str(skill)) for uid, skill in json.loads(answers["_skills"]))
        clear = tuple(
            ClearItem(str(kind), str(uid), str(label))
            for kind, uid, label in json.loads(answers.get("_clear", "[]"))
        )
    except (ValueError, TypeError):
        return None  # a damaged list: start from today's lists rather than fail
    return ReviewLists(skills, clear)
