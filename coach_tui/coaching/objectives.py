"""Checks on strategic objectives: complete, on time, and really a next stage.

An objective is the next stage of the relationship (a door that opens), not the next order,
and it must serve a goal of the client's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from coach_tui.model.account import StrategicObjective
from coach_tui.model.day_text import day_text

CLIENT_GOAL_QUESTION = (
    "Which of the client's own goals does this serve? An objective that only helps you will "
    "not survive their budget meeting."
)
_NEXT_ORDER = re.compile(
    r"\b(renewals?|renew|renewing|re-?orders?|purchase orders?|po|invoices?|quotes?|"
    r"upsell(s|ing)?|close the deal|close the order|next orders?|hit (my|our) number)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ObjectiveCheck:
    """What the dashboard and the account screen say about one objective today."""

    missing: tuple[str, ...]
    days_left: int | None  # negative once the date has passed
    overdue: bool

    @property
    def complete(self) -> bool:
        return not self.missing


CLIENT_GOAL = "the client goal it serves"
FINANCIAL_TARGET = "a financial target"
TARGET_DATE = "a target date"
_SHORT = {CLIENT_GOAL: "client goal", FINANCIAL_TARGET: "target", TARGET_DATE: "date"}


def missing_parts(objective: StrategicObjective) -> tuple[str, ...]:
    """The parts an objective needs before it can guide calls, in plain words."""
    missing = []
    if not objective.client_goal:
        missing.append(CLIENT_GOAL)
    if objective.financial_target is None:
        missing.append(FINANCIAL_TARGET)
    if objective.target_date is None:
        missing.append(TARGET_DATE)
    return tuple(missing)


def check_objective(objective: StrategicObjective, today: date) -> ObjectiveCheck:
    """Missing parts, days left and whether an open objective is past its date."""
    days_left = None if objective.target_date is None else (objective.target_date - today).days
    overdue = objective.is_open and days_left is not None and days_left < 0
    return ObjectiveCheck(missing_parts(objective), days_left, overdue)


def missing_sentence(check: ObjectiveCheck) -> str:
    """'Incomplete: needs a target date and a financial target.'"""
    parts = list(check.missing)
    if not parts:
        return ""
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"Incomplete: needs {listed}."


def missing_brief(check: ObjectiveCheck) -> str:
    """'Needs client goal, date.' for tight spaces like the dashboard."""
    if not check.missing:
        return ""
    return "Needs " + ", ".join(_SHORT[part] for part in check.missing) + "."


def description_hints(description: str) -> list[str]:
    """Questions about an objective's wording, if it reads like the next sale."""
    if _NEXT_ORDER.search(description):
        return [
            "That sounds like the next order. What would it open up after that — a new "
            "department, region, product line or a wider rollout?"
        ]
    return []


def past_date_warning(target: date, today: date) -> str:
    """A warning (not a refusal) for a target date already behind us."""
    if target >= today:
        return ""
    return (
        f"{day_text(target)} is already past. Saving is allowed (for the record), but an open "
        "objective with a past date will be flagged."
    )
