"""Accounts, their research notes, strategic objectives and the team's perspectives."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum

from coach_tui.model.dates import check_day, check_moment
from coach_tui.model.goal import NOTE
from coach_tui.model.ids import check_link, check_uid, new_uid
from coach_tui.model.limits import Limits
from coach_tui.model.money import Money, check_amount, check_currency
from coach_tui.model.text import TextRule

ACCOUNT_NAME_MAX = 120
NOTE_MAX = 5_000
OBJECTIVE_TEXT_MAX = 600
PERSPECTIVE_TEXT_MAX = 2_000
PERSON_MAX = 120

ACCOUNT_NAME = TextRule("The account's name", ACCOUNT_NAME_MAX)
RESEARCH = TextRule(
    "The research",
    NOTE_MAX,
    multiline=True,
    required=False,
    too_long_advice="Keep the findings here and link to longer documents.",
)
DESCRIPTION = TextRule("The description", OBJECTIVE_TEXT_MAX)
CLIENT_GOAL = TextRule("The client goal", OBJECTIVE_TEXT_MAX, required=False)
WHY_NOW = TextRule("The reason to act now", OBJECTIVE_TEXT_MAX, required=False)
PERSPECTIVE_TEXT = TextRule("What they see", PERSPECTIVE_TEXT_MAX, multiline=True)
WHO = TextRule("Who", PERSON_MAX)
ROLE = TextRule("The role", PERSON_MAX, required=False)


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
    # The client's compelling event: why they would act this quarter rather than next year
    # (a plant opening, a contract ending, a new law). Empty until the seller knows one.
    why_now: str = ""
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
    return ACCOUNT_NAME.clean(raw)


def validate_research(raw: str, *, label: str) -> str:
    return RESEARCH.clean(raw, label=label)


def validate_objective_text(raw: str, *, label: str, required: bool = True) -> str:
    return (DESCRIPTION if required else CLIENT_GOAL).clean(raw, label=label)


def validate_perspective_text(raw: str) -> str:
    return PERSPECTIVE_TEXT.clean(raw)


def validate_person(raw: str, *, label: str, required: bool = True) -> str:
    return (WHO if required else ROLE).clean(raw, label=label)


def check_account(account: Account, limits: Limits) -> None:
    """Refuse a stored account a form would not save (see `Limits` for which rules apply)."""
    check_uid(account.uid)
    for name, moment in (("created_at", account.created_at), ("archived_at", account.archived_at)):
        if moment is not None:
            check_moment(moment, field=name)
    if limits is Limits.FORMS:
        ACCOUNT_NAME.check(account.name, "name")
        for part in RESEARCH_PARTS:
            RESEARCH.check(account.research.get(part), f"research {part}")


def check_objective(objective: StrategicObjective, limits: Limits) -> None:
    """Refuse a stored strategic objective a form would not save."""
    check_uid(objective.uid)
    target = objective.financial_target
    if target is not None:
        check_amount(target.amount, label="The target", field="financial_target")
    if objective.target_date is not None:
        check_day(objective.target_date, field="target_date")
    for name, moment in (("created_at", objective.created_at), ("closed_at", objective.closed_at)):
        if moment is not None:
            check_moment(moment, field=name)
    if limits is Limits.FORMS:
        check_link(objective.account_uid, field="account_uid")
        DESCRIPTION.check(objective.description, "description")
        CLIENT_GOAL.check(objective.client_goal, "client_goal")
        WHY_NOW.check(objective.why_now, "why_now")
        NOTE.check(objective.closing_note, "closing_note")
        if target is not None:
            check_currency(target.currency, field="financial_target")


def check_perspective(perspective: Perspective, limits: Limits) -> None:
    """Refuse a stored team perspective a form would not save."""
    check_uid(perspective.uid)
    check_day(perspective.said_on, field="said_on")
    if limits is Limits.FORMS:
        check_link(perspective.account_uid, field="account_uid")
        WHO.check(perspective.who, "who")
        ROLE.check(perspective.role, "role")
        PERSPECTIVE_TEXT.check(perspective.text, "text")
