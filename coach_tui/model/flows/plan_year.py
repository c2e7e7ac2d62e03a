"""The plan-the-year flow's answers, and where the objective walk that follows it stands."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Self

from coach_tui.model.draft import FlowDraft
from coach_tui.model.flows.codec import AnswersMismatch, answers_of, split_picks, text_fields
from coach_tui.model.goal import Metric


@dataclass(slots=True)
class PlanAnswers:
    """The year and its targets as typed ("1.2m", "24"), and the key accounts, one a line."""

    year: str = ""
    revenue: str = ""
    deals: str = ""
    new_accounts: str = ""
    accounts: str = ""

    @classmethod
    def from_strings(cls, answers: Mapping[str, str]) -> Self:
        return cls(**text_fields(cls, answers))

    def target(self, metric: Metric) -> str:
        """The target typed for `metric`."""
        if metric is Metric.REVENUE:
            return self.revenue
        if metric is Metric.DEALS:
            return self.deals
        return self.new_accounts

    def set_target(self, metric: Metric, text: str) -> None:
        if metric is Metric.REVENUE:
            self.revenue = text
        elif metric is Metric.DEALS:
            self.deals = text
        else:
            self.new_accounts = text


@dataclass(slots=True)
class WalkAnswers:
    """The key accounts whose objectives the walk takes in turn (the draft's step is the
    one it is on)."""

    accounts: tuple[str, ...] = ()

    @classmethod
    def from_strings(cls, answers: Mapping[str, str]) -> Self:
        return cls(split_picks(answers.get("accounts", "")))


def walk_accounts(walk: FlowDraft) -> tuple[str, ...]:
    """The uids of the walk's key accounts; none when its draft was edited out of shape
    (the walk then ends; the objectives already set are saved)."""
    try:
        return answers_of(walk, WalkAnswers).accounts
    except AnswersMismatch:
        return ()
