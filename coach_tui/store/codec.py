"""Converting model objects to the JSON records TinyDB stores, and back: `encode`, `decode`.

Decoding is strict and done by msgspec against a shape derived from each model dataclass
(`record_schema.py`): a record with a missing or mistyped field, or one its kind of record
does not have, raises `DamagedRecord` naming the field and where it sits, instead of
handing the screens half an object. The rules a value must keep beyond its shape are the
model's (see `store/records.py`). Decoding builds new objects throughout, so nothing the UI
holds aliases TinyDB's cache.

Encoding writes what coach has always written, key for key and in the same order (the
files are compared byte for byte by backups and the journal): a table's `uid` first, then
the model's fields; times as ISO 8601 text (a call's time with its zone's name, see
`zoned_to_text`); amounts as text; choices as their value.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from functools import cache
from operator import attrgetter, methodcaller
from typing import Any, get_type_hints

import msgspec

from coach_tui.model.account import Account, Perspective, StrategicObjective
from coach_tui.model.call import Call, Commitment, Debrief, Prep
from coach_tui.model.contact import Contact, EntryPoint
from coach_tui.model.day import DayPlan
from coach_tui.model.draft import FlowDraft
from coach_tui.model.goal import PerformanceGoal, SkillGoal
from coach_tui.model.review import WeekReview
from coach_tui.model.settings import Settings
from coach_tui.model.touch import Campaign, Touch
from coach_tui.model.week import IsoWeek
from coach_tui.model.why import WhyStatement
from coach_tui.store.errors import DamagedRecord
from coach_tui.store.moments import moment_to_text, zoned_to_text
from coach_tui.store.record_errors import explain
from coach_tui.store.record_schema import schema

Record = dict[str, Any]

# What the records of each table are (the archives hold the same records as their tables).
MODELS: dict[str, type] = {
    "why": WhyStatement,
    "drafts": FlowDraft,
    "settings": Settings,
    "accounts": Account,
    "objectives": StrategicObjective,
    "perspectives": Perspective,
    "goals": PerformanceGoal,
    "skill_goals": SkillGoal,
    "contacts": Contact,
    "entry_points": EntryPoint,
    "campaigns": Campaign,
    "touches": Touch,
    "calls": Call,
    "commitments": Commitment,
    "days": DayPlan,
    "reviews": WeekReview,
    "touches_archive": Touch,
    "calls_archive": Call,
    "commitments_archive": Commitment,
    "campaigns_archive": Campaign,
    "touches_recent": Touch,
}


def decode(table: str, record: Record, doc_id: object = "?") -> Any:
    """The model object a stored record of `table` holds; `DamagedRecord` if it holds none."""
    model = MODELS[table]
    shape = schema(model)
    try:
        checked = msgspec.convert(record, shape)
    except msgspec.ValidationError as error:
        raise DamagedRecord(table, doc_id, explain(str(error), shape, record)) from None
    return msgspec.convert(checked, model, from_attributes=True)


def encode(obj: Any) -> Record:
    """The record that stores a model object (a table's, or one nested in it)."""
    return _encoder(type(obj))(obj)


# Records written before these models' fields were reordered keep their key order.
KEY_ORDER: dict[type, tuple[str, ...]] = {
    Contact: ("uid", "account_uid", "name"),
    Perspective: ("uid", "account_uid", "who", "role"),
}
# Fields written only when set, so records from before they existed keep their bytes.
ONLY_WHEN_SET = (
    (Prep, "carried_from"),
    (Prep, "reason"),
    (FlowDraft, "typed"),
    (StrategicObjective, "why_now"),
    (Debrief, "skill_uid"),
    (Debrief, "practised"),
)
# Times the seller scheduled, stored as wall time and zone name; the rest are instants.
ZONED = frozenset({(Call, "when")})


@cache
def _encoder(model: type) -> Callable[[Any], Record]:
    names = [field.name for field in dataclasses.fields(model)]
    first = [name for name in KEY_ORDER.get(model, ("uid",)) if name in names]
    hints = get_type_hints(model)
    plan = [
        (name, _field_encoder(model, name, hints[name]))
        for name in [*first, *(name for name in names if name not in first)]
    ]

    omitted = [name for owner, name in ONLY_WHEN_SET if owner is model]

    def encode_one(obj: Any) -> Record:
        record = {name: put(getattr(obj, name)) for name, put in plan}
        for name in omitted:  # only when set: such records keep the shape they always had
            if not record[name]:
                del record[name]
        return record

    return encode_one


def _field_encoder(model: type, name: str, hint: Any) -> Callable[[Any], Any]:
    """A required choice or date is written by its own method, so an object that lacks
    one (None where the model has none) fails here, before anything is written."""
    if (model, name) in ZONED:
        return zoned_to_text
    if hint is date:
        return methodcaller("isoformat")
    if isinstance(hint, type) and issubclass(hint, Enum):
        return attrgetter("value")
    return _put


def _put(value: Any) -> Any:
    """How a value is written, by its type (the type hints are only needed to read)."""
    if value is None or type(value) in (str, bool, int):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return moment_to_text(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal | IsoWeek):
        return str(value)
    if isinstance(value, tuple | list):
        return [_put(item) for item in value]
    if isinstance(value, dict):  # a draft's answers nest: copied all the way down
        return {key: _put(item) for key, item in value.items()}
    if dataclasses.is_dataclass(value):
        return encode(value)
    raise TypeError(f"coach does not store a {type(value).__name__}")


def listed_keys(keys: set[str]) -> str:
    """ "'company', 'email', 'role' and 6 more": field names for a sentence."""
    shown = sorted(keys)
    names = ", ".join(f"'{key[:40]}'" for key in shown[:3])
    return names + (f" and {len(shown) - 3} more" if len(shown) > 3 else "")
