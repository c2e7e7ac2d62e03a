"""Accounts, their research notes, strategic objectives and the team's perspectives."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum

from coach_tui.model.ids import new_uid
from coach_tui.model.money import Money
from coach_tui.model.text import require_text

ACCOUNT_NAME_MAX = 120
NOTE_MAX = 5_000
OBJECTIVE_TEXT_MAX = 600


@dataclass(frozen=True, slots=True)
class Research:
    """What the seller learned about the client, in the four parts of the method."""

    direction: str = ""
    challenges: str = ""
    issues: str = ""
    long_term_goals: str = ""

    def get(self, part: str) -> str:
        return str(getattr(self, part))

    @property
    def filled(self) -> int:
        """How many of the four parts have something in them."""
        return sum(bool(self.get(part)) for part in RESEARCH_PARTS)


RESEARCH_PARTS = ("direction", "challenges", "issues", "long_term_goals")


@dataclass(frozen=True, slots=True)
class Account:
    """A client company the seller works on. Archived accounts are hidden, never lost."""

    name: str
    research: Research = field(default_factory=Research)
    created_at: datetime | None = None
    archived_at: datetime | None = None
    uid: str = field(default_factory=new_uid)

    @property
    def archived(self) -> bool:
        return self.archived_at is not None


class ExpansionKind(Enum):
    """What door the objective opens."""

    NEW_LINE_OF_BUSINESS = "new line of business"
    NEW_MARKET = "new market"
    NEW_TERRITORY = "new territory"
    WIDER_DEPLOYMENT = "wider deployment"
    OTHER = "other"


class ObjectiveStatus(Enum):
    OPEN = "open"
    ACHIEVED = "achieved"
    DROPPED = "dropped"


@dataclass(frozen=True, slots=True)
class StrategicObjective:
    """The next stage of the relationship with one account, serving the client's own goal."""

    account_uid: str
    description: str
    kind: ExpansionKind
    client_goal: str = ""
    financial_target: Money | None = None
    target_date: date | None = None
    status: ObjectiveStatus = ObjectiveStatus.OPEN
    created_at: datetime | None = None
    closed_at: datetime | None = None
    closing_note: str = ""
    uid: str = field(default_factory=new_uid)

    @property
    def is_open(self) -> bool:
        return self.status is ObjectiveStatus.OPEN


class PerspectiveKind(Enum):
    """What a team member saw that the seller may have missed."""

    INSIGHT = "insight"
    RISK = "risk"
    RELATIONSHIP = "relationship"
    IDEA = "idea"


@dataclass(frozen=True, slots=True)
class Perspective:
    """One team member's view of an account, with who said it and when."""

    account_uid: str
    who: str
    said_on: date
    kind: PerspectiveKind
    text: str
    role: str = ""
    uid: str = field(default_factory=new_uid)


def validate_account_name(raw: str) -> str:
    return require_text(raw, label="The account's name", max_chars=ACCOUNT_NAME_MAX)


def validate_research(raw: str, *, label: str) -> str:
    return require_text(
        raw,
        label=label,
        max_chars=NOTE_MAX,
        multiline=True,
        required=False,
        too_long_advice="Keep the findings here and link to longer documents.",
    )


def validate_objective_text(raw: str, *, label: str, required: bool = True) -> str:
    return require_text(raw, label=label, max_chars=OBJECTIVE_TEXT_MAX, required=required)


def validate_perspective_text(raw: str) -> str:
    return require_text(raw, label="What they see", max_chars=2_000, multiline=True)


def validate_person(raw: str, *, label: str, required: bool = True) -> str:
    return require_text(raw, label=label, max_chars=120, required=required)
