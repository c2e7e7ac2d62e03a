"""Every table and how to read its records: used to check files at open and by `coach doctor`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from coach_tui.store import codec, codec_calls, codec_days, codec_entry, codec_reviews

DECODERS: dict[str, Callable[[codec.Record, object], Any]] = {
    "why": codec.why_from_record,
    "drafts": codec.draft_from_record,
    "settings": codec.settings_from_record,
    "accounts": codec.account_from_record,
    "objectives": codec.objective_from_record,
    "perspectives": codec.perspective_from_record,
    "goals": codec.goal_from_record,
    "skill_goals": codec.skill_from_record,
    "contacts": codec_entry.contact_from_record,
    "entry_points": codec_entry.entry_point_from_record,
    "campaigns": codec_entry.campaign_from_record,
    "touches": codec_entry.touch_from_record,
    "calls": codec_calls.call_from_record,
    "commitments": codec_calls.commitment_from_record,
    "days": codec_days.day_from_record,
    "reviews": codec_reviews.review_from_record,
    "touches_archive": codec_entry.touch_from_record,
    "calls_archive": codec_calls.call_from_record,
    "commitments_archive": codec_calls.commitment_from_record,
    "campaigns_archive": codec_entry.campaign_from_record,
    "touches_recent": codec_entry.touch_from_record,
}
