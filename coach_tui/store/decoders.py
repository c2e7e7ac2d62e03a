"""Every table, what its records are, and the model's rules they must keep.

Used to check files at open, by `coach doctor` and by `coach import json`: a record is
decoded into its model object (`codec.decode`), then checked by the same rules the forms
apply (`coach_tui.model`'s `check_*` functions), so no path can store what a form would
refuse.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from coach_tui.model import account, call, contact, day, draft, goal, review, settings, touch, why
from coach_tui.model.limits import Limits
from coach_tui.store.codec import MODELS, Record, decode

Decode = Callable[[Record, object], Any]
Check = Callable[[Any, Limits], None]


@dataclass(frozen=True, slots=True)
class RecordKind:
    """What the records of one table are: how to decode one, its fields, its rules."""

    table: str
    check: Check
    noun: str  # "an account", for messages
    model: type = field(init=False)
    decode: Decode = field(init=False)
    # The keys a record may have: its model's fields (record keys are named after them),
    # and `uid`, which the version 1 upgrade gave every record of every table.
    fields: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        model = MODELS[self.table]
        object.__setattr__(self, "model", model)
        object.__setattr__(self, "decode", partial(decode, self.table))
        object.__setattr__(self, "fields", frozenset({*model.__dataclass_fields__, "uid"}))


_RULES: dict[str, tuple[Check, str]] = {
    "why": (why.check_why, "a why"),
    "drafts": (draft.check_draft, "a draft"),
    "settings": (settings.check_settings, "the settings"),
    "accounts": (account.check_account, "an account"),
    "objectives": (account.check_objective, "an objective"),
    "perspectives": (account.check_perspective, "a team perspective"),
    "goals": (goal.check_goal, "a goal"),
    "skill_goals": (goal.check_skill, "a getting-better goal"),
    "contacts": (contact.check_contact, "a contact"),
    "entry_points": (contact.check_entry_point, "an entry point"),
    "campaigns": (touch.check_campaign, "a campaign"),
    "touches": (touch.check_touch, "a touch"),
    "calls": (call.check_call, "a call"),
    "commitments": (call.check_commitment, "a promise"),
    "days": (day.check_day_plan, "a day plan"),
    "reviews": (review.check_review, "a review"),
}
# An archive's records are its table's: the same rules, the same words.
_ARCHIVED = {
    "touches_archive": "touches",
    "calls_archive": "calls",
    "commitments_archive": "commitments",
    "campaigns_archive": "campaigns",
    "touches_recent": "touches",
}
KINDS: dict[str, RecordKind] = {
    table: RecordKind(table, *_RULES[_ARCHIVED.get(table, table)]) for table in MODELS
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
