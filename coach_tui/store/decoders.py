"""Every table, what its records are, and the model's rules they must keep.

Used to check files at open, by `coach doctor` and by `coach import json`: a record is
decoded into its model object, then checked by the same rules the forms apply
(`coach_tui.model`'s `check_*` functions), so no path can store what a form would refuse.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from coach_tui.model import account, call, contact, day, draft, goal, review, settings, touch, why
from coach_tui.model.limits import Limits
from coach_tui.store import codec, codec_calls, codec_days, codec_entry, codec_reviews

Decode = Callable[[codec.Record, object], Any]
Check = Callable[[Any, Limits], None]


@dataclass(frozen=True, slots=True)
class RecordKind:
    """What the records of one table are: how to decode one, its fields, its rules."""

    decode: Decode
    model: type
    check: Check
    noun: str  # "an account", for messages
    # The keys a record may have: its model's fields (record keys are named after them),
    # and `uid`, which the version 1 upgrade gave every record of every table.
    fields: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "fields", frozenset({*self.model.__dataclass_fields__, "uid"}))


_ACCOUNT = RecordKind(
    codec.account_from_record, account.Account, account.check_account, "an account"
)
_TOUCH = RecordKind(codec_entry.touch_from_record, touch.Touch, touch.check_touch, "a touch")
_CALL = RecordKind(codec_calls.call_from_record, call.Call, call.check_call, "a call")
_PROMISE = RecordKind(
    codec_calls.commitment_from_record, call.Commitment, call.check_commitment, "a promise"
)
_CAMPAIGN = RecordKind(
    codec_entry.campaign_from_record, touch.Campaign, touch.check_campaign, "a campaign"
)

KINDS: dict[str, RecordKind] = {
    "why": RecordKind(codec.why_from_record, why.WhyStatement, why.check_why, "a why"),
    "drafts": RecordKind(codec.draft_from_record, draft.FlowDraft, draft.check_draft, "a draft"),
    "settings": RecordKind(
        codec.settings_from_record, settings.Settings, settings.check_settings, "the settings"
    ),
    "accounts": _ACCOUNT,
    "objectives": RecordKind(
        codec.objective_from_record,
        account.StrategicObjective,
        account.check_objective,
        "an objective",
    ),
    "perspectives": RecordKind(
        codec.perspective_from_record,
        account.Perspective,
        account.check_perspective,
        "a team perspective",
    ),
    "goals": RecordKind(codec.goal_from_record, goal.PerformanceGoal, goal.check_goal, "a goal"),
    "skill_goals": RecordKind(
        codec.skill_from_record, goal.SkillGoal, goal.check_skill, "a getting-better goal"
    ),
    "contacts": RecordKind(
        codec_entry.contact_from_record, contact.Contact, contact.check_contact, "a contact"
    ),
    "entry_points": RecordKind(
        codec_entry.entry_point_from_record,
        contact.EntryPoint,
        contact.check_entry_point,
        "an entry point",
    ),
    "campaigns": _CAMPAIGN,
    "touches": _TOUCH,
    "calls": _CALL,
    "commitments": _PROMISE,
    "days": RecordKind(codec_days.day_from_record, day.DayPlan, day.check_day_plan, "a day plan"),
    "reviews": RecordKind(
        codec_reviews.review_from_record, review.WeekReview, review.check_review, "a review"
    ),
    "touches_archive": _TOUCH,
    "calls_archive": _CALL,
    "commitments_archive": _PROMISE,
    "campaigns_archive": _CAMPAIGN,
    "touches_recent": _TOUCH,
}


def looks_like(keys: frozenset[str] | set[str]) -> str | None:
    """The table whose records have every one of `keys`, if just one does (a record put
    in the wrong table by hand: a contact among the accounts)."""
    tables = {
        table: kind
        for table, kind in KINDS.items()
        if keys <= kind.fields and not table.endswith(("_archive", "_recent"))
    }
    return next(iter(tables)) if len(tables) == 1 else None
