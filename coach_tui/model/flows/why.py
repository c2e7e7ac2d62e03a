"""The why flow's answers: three reflections, then the statement."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Self

from coach_tui.model.flows.codec import text_fields
from coach_tui.model.why import WhyStatement


@dataclass(slots=True)
class WhyFlowAnswers:
    gives: str = ""
    seller: str = ""
    win: str = ""
    statement: str = ""

    @classmethod
    def from_strings(cls, answers: Mapping[str, str]) -> Self:
        return cls(**text_fields(cls, answers))

    @classmethod
    def rewriting(cls, why: WhyStatement | None) -> Self:
        """A rewrite starts from the current version, so the seller edits rather than retypes."""
        if why is None:
            return cls()
        return cls(why.answers.gives, why.answers.seller, why.answers.win, why.statement)

    def reflections(self) -> dict[str, str]:
        """The reflection answers by prompt key, as `new_why` takes them."""
        return {"gives": self.gives, "seller": self.seller, "win": self.win}
