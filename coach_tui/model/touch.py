"""Entry campaigns: a planned run of 8–10 touches aimed at a first meeting.

A touch is one contact attempt — an email, a call, a social message — with the purpose it
serves in the campaign. Touches are stored on their own (not inside the campaign) because a
heavy user has tens of thousands of them and marks one done at a time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum

from coach_tui.model.dates import check_day, check_moment
from coach_tui.model.ids import check_link, check_uid, new_uid
from coach_tui.model.limits import Limits
from coach_tui.model.text import TextRule

TOUCH_IDEA_MAX = 1_000
TOUCH_OUTCOME_MAX = 1_000
CAMPAIGN_NAME_MAX = 120
CAMPAIGN_MIN_TOUCHES = 8
CAMPAIGN_MAX_TOUCHES = 10

IDEA = TextRule("The idea", TOUCH_IDEA_MAX, multiline=True, required=False)
OUTCOME = TextRule("What happened", TOUCH_OUTCOME_MAX, required=False)
SKIP_REASON = TextRule("The reason", TOUCH_OUTCOME_MAX)  # kept as the outcome
CAMPAIGN_NAME = TextRule("The campaign's name", CAMPAIGN_NAME_MAX)


class Channel(Enum):
    """How a touch reaches the person; a referral asks someone who knows them to
    introduce the seller (added last, so the stored values of the others never change)."""

    EMAIL = "email"
    PHONE = "phone"
    SOCIAL = "social"
    OTHER = "other"
    REFERRAL = "referral"


class Purpose(Enum):
    """What a touch is for, in the order a campaign moves through them."""

    PIQUE_CURIOSITY = "pique curiosity"
    SHARE_INSIGHT = "share relevant insight"
    CREDIBLE_RESOURCE = "position as a credible resource"
    ASK_FOR_MEETING = "ask for the meeting"


class TouchStatus(Enum):
    PLANNED = "planned"
    DONE = "done"
    SKIPPED = "skipped"


class CampaignStatus(Enum):
    ACTIVE = "active"
    SUCCEEDED = "succeeded"
    STOPPED = "stopped"


@dataclass(frozen=True, slots=True)
class Touch:
    """One planned contact attempt, and later what came of it."""

    campaign_uid: str
    account_uid: str
    contact_uid: str
    due: date
    channel: Channel
    purpose: Purpose
    idea: str = ""
    status: TouchStatus = TouchStatus.PLANNED
    outcome: str = ""
    got_response: bool = False
    got_meeting: bool = False
    closed_on: date | None = None
    uid: str = field(default_factory=new_uid)

    @property
    def is_open(self) -> bool:
        return self.status is TouchStatus.PLANNED


@dataclass(frozen=True, slots=True)
class Campaign:
    """The plan to win a first meeting at one account."""

    account_uid: str
    name: str
    start: date
    contact_uids: tuple[str, ...]
    status: CampaignStatus = CampaignStatus.ACTIVE
    created_at: datetime | None = None
    ended_on: date | None = None
    uid: str = field(default_factory=new_uid)

    @property
    def is_active(self) -> bool:
        return self.status is CampaignStatus.ACTIVE


def check_touch(touch: Touch, limits: Limits) -> None:
    """Refuse a stored touch a form would not save (see `Limits` for which rules apply)."""
    check_uid(touch.uid)
    check_day(touch.due, field="due")
    if touch.closed_on is not None:
        check_day(touch.closed_on, field="closed_on")
    if limits is Limits.FORMS:
        check_link(touch.campaign_uid, field="campaign_uid")
        check_link(touch.account_uid, field="account_uid")
        check_link(touch.contact_uid, field="contact_uid")
        IDEA.check(touch.idea, "idea")
        OUTCOME.check(touch.outcome, "outcome")


def check_campaign(campaign: Campaign, limits: Limits) -> None:
    """Refuse a stored campaign coach would not have planned."""
    check_uid(campaign.uid)
    check_day(campaign.start, field="start")
    if campaign.created_at is not None:
        check_moment(campaign.created_at, field="created_at")
    if campaign.ended_on is not None:
        check_day(campaign.ended_on, field="ended_on")
    if limits is Limits.FORMS:
        check_link(campaign.account_uid, field="account_uid")
        for uid in campaign.contact_uids:
            check_link(uid, field="contact_uids")
        CAMPAIGN_NAME.check(campaign.name, "name")
