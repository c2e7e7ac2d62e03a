"""Where a screen can send the seller: one small value per destination.

A screen never imports another screen; it asks the app to open a route
(`self.coach.open(EntryRoute(account_uid), callback)`), and `ui/router.py` builds the
screen the route names. A route holds what that screen needs, nothing about how to show it.
Routes whose screen is a guided flow also name the flow's draft (`flow`), so the app
resumes it (or asks first about a draft that once stopped coach) before the screen is built.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from coach_tui.ui.flow_names import (
    campaign_flow_name,
    debrief_flow_name,
    objective_flow_name,
    prep_flow_name,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from coach_tui.coaching.debrief_checks import DebriefContext
    from coach_tui.model.account import Account, Perspective, StrategicObjective
    from coach_tui.model.call import Call, Commitment
    from coach_tui.model.contact import Contact, EntryPoint
    from coach_tui.model.goal import PerformanceGoal, SkillGoal
    from coach_tui.model.touch import Touch
    from coach_tui.model.week import IsoWeek
    from coach_tui.model.why import WhyStatement
    from coach_tui.ui.flow_resume import FlowInProgress


# --- accounts -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AccountRoute:
    """An account's page: objective, research, team view."""

    account_uid: str


@dataclass(frozen=True, slots=True)
class AccountFormRoute:
    """A new account (no `account`), or renaming one."""

    account: Account | None = None


@dataclass(frozen=True, slots=True)
class AccountPickerRoute:
    """Pick one of `names` (key → label); the callback gets the key."""

    names: dict[str, str]
    question: str
    keep_order: bool = False


@dataclass(frozen=True, slots=True)
class PerspectiveRoute:
    account: Account


@dataclass(frozen=True, slots=True)
class CloseObjectiveRoute:
    objective: StrategicObjective


@dataclass(frozen=True, slots=True)
class ObjectiveRoute:
    """The guided flow that sets (or rewords) an account's strategic objective."""

    account: Account
    current: StrategicObjective | None
    default_currency: str

    @property
    def flow(self) -> str:
        return objective_flow_name(self.account.uid)


# --- getting in: people, entry point, campaign, touches ----------------------------------


@dataclass(frozen=True, slots=True)
class EntryRoute:
    """An account's getting-in screen: entry point, people, campaign and touches."""

    account_uid: str


@dataclass(frozen=True, slots=True)
class EntryPointRoute:
    account: Account
    entry: EntryPoint | None = None


@dataclass(frozen=True, slots=True)
class ContactFormRoute:
    """A new person on `account` (no `contact`), or editing one."""

    account: Account
    contact: Contact | None = None


@dataclass(frozen=True, slots=True)
class CampaignRoute:
    """The guided flow that plans an account's entry campaign."""

    account: Account
    contacts: list[Contact]
    client_focus: str = ""
    why_now: str = ""  # the objective's compelling event: one touch gives it as the reason
    holiday_region: str = ""

    @property
    def flow(self) -> str:
        return campaign_flow_name(self.account.uid)


@dataclass(frozen=True, slots=True)
class TouchFormRoute:
    """A touch of a campaign to add (`new`) or edit."""

    touch: Touch
    contacts: list[Contact]
    today: date
    new: bool = False


@dataclass(frozen=True, slots=True)
class TouchDoneRoute:
    touch: Touch
    who: str
    today: date


@dataclass(frozen=True, slots=True)
class TouchSkipRoute:
    touch: Touch
    who: str
    today: date


@dataclass(frozen=True, slots=True)
class TouchSnoozeRoute:
    touch: Touch
    who: str
    today: date


# --- calls ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CallFormRoute:
    """A new call on `account` (no `call`), or moving one."""

    account: Account
    contacts: list[Contact]
    now: datetime
    objective_uid: str = ""
    call: Call | None = None


@dataclass(frozen=True, slots=True)
class CallHistoryRoute:
    account_uid: str


@dataclass(frozen=True, slots=True)
class PrepRoute:
    """The guided prep of a call: the outcome the client should agree to."""

    call: Call
    account: Account
    why: WhyStatement | None
    objective: StrategicObjective | None
    last: Call | None
    commitments: list[Commitment]
    contacts: tuple[Contact, ...] = ()  # the account's people (the call names some)
    perspectives: tuple[Perspective, ...] = ()  # the team's views of the account

    @property
    def flow(self) -> str:
        return prep_flow_name(self.call.uid)


@dataclass(frozen=True, slots=True)
class DebriefRoute:
    """The guided debrief of a call that was held, with who was on it, its objective and
    the skills being practised (`services.call_saves.debrief_context`)."""

    call: Call
    account: Account
    context: DebriefContext

    @property
    def flow(self) -> str:
        return debrief_flow_name(self.call.uid)


# --- goals ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GoalFormRoute:
    """A new performance goal (no `goal`), or editing one."""

    today: date
    currency: str
    goal: PerformanceGoal | None = None


@dataclass(frozen=True, slots=True)
class ProgressRoute:
    goal: PerformanceGoal
    today: date


@dataclass(frozen=True, slots=True)
class SkillFormRoute:
    """A new getting-better goal (no `skill`), or editing one."""

    today: date
    skill: SkillGoal | None = None


@dataclass(frozen=True, slots=True)
class RetireSkillRoute:
    skill: SkillGoal
    today: date


# --- reviews and flows left half done ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class WeeklyReviewRoute:
    """The review of `week` (by default the one worth reviewing today), new or to edit."""

    week: IsoWeek | None = None


@dataclass(frozen=True, slots=True)
class PastReviewsRoute:
    """Every saved weekly review, newest first."""


@dataclass(frozen=True, slots=True)
class TrendsRoute:
    """Advance rate, outcomes prepared, touches and ratings over the weeks."""


@dataclass(frozen=True, slots=True)
class ResumeOfferRoute:
    """Which of the flows left half done to carry on with; the callback gets its draft key."""

    flows: Sequence[FlowInProgress]
