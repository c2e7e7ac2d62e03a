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
from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from functools import cache
from importlib import import_module
from operator import attrgetter, methodcaller
from typing import Any, get_type_hints

import msgspec

from coach_tui.model.week import IsoWeek
from coach_tui.store.errors import DamagedRecord
from coach_tui.store.moments import moment_to_text, zoned_to_text
from coach_tui.store.record_errors import explain
from coach_tui.store.record_schema import schema

Record = dict[str, Any]


class _Models(Mapping[str, type]):
    """Each table's model class, imported when a record of it is first read or written.

    A start reads only a few tables (the why, drafts, settings, the day's plan); creating
    every other model's dataclasses on the way to the first frame cost it ~15 ms.
    """

    def __init__(self, where: dict[str, str]) -> None:
        self._where = where  # table -> "module:Class" under coach_tui.model

    def __getitem__(self, table: str) -> type:
        return _model(self._where[table])

    def __iter__(self) -> Iterator[str]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)


@cache
def _model(where: str) -> type:
    module, name = where.split(":")
    return getattr(import_module(f"coach_tui.model.{module}"), name)


# What the records of each table are (the archives hold the same records as their tables).
MODELS: Mapping[str, type] = _Models(
    {
        "why": "why:WhyStatement",
        "drafts": "draft:FlowDraft",
        "settings": "settings:Settings",
        "accounts": "account:Account",
        "objectives": "account:StrategicObjective",
        "perspectives": "account:Perspective",
        "goals": "goal:PerformanceGoal",
        "skill_goals": "goal:SkillGoal",
        "contacts": "contact:Contact",
        "entry_points": "contact:EntryPoint",
        "campaigns": "touch:Campaign",
        "touches": "touch:Touch",
        "calls": "call:Call",
        "commitments": "call:Commitment",
        "days": "day:DayPlan",
        "reviews": "review:WeekReview",
        "touches_archive": "touch:Touch",
        "calls_archive": "call:Call",
        "commitments_archive": "call:Commitment",
        "campaigns_archive": "touch:Campaign",
        "touches_recent": "touch:Touch",
    }
)


# Tables whose model class was already looked up: decoding checks tens of thousands of
# records in a row at a full check, so each finds its class with one plain dict lookup.
_MODEL_OF: dict[str, type] = {}


def decode(table: str, record: Record, doc_id: object = "?") -> Any:
    """The model object a stored record of `table` holds; `DamagedRecord` if it holds none."""
    model = _MODEL_OF.get(table)
    if model is None:
        model = _MODEL_OF[table] = MODELS[table]
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
# (Models are named "module:Class", as in MODELS, so naming one imports nothing.)
KEY_ORDER: dict[str, tuple[str, ...]] = {
    "contact:Contact": ("uid", "account_uid", "name"),
    "account:Perspective": ("uid", "account_uid", "who", "role"),
}
# Fields written only when set, so records from before they existed keep their bytes.
ONLY_WHEN_SET = (
    ("call:Prep", "carried_from"),
    ("call:Prep", "reason"),
    ("draft:FlowDraft", "typed"),
    ("account:StrategicObjective", "why_now"),
    ("call:Debrief", "skill_uid"),
    ("call:Debrief", "practised"),
)
# Times the seller scheduled, stored as wall time and zone name; the rest are instants.
ZONED = frozenset({("call:Call", "when")})


def _where(model: type) -> str:
    """A model class as MODELS names it: "module:Class" under coach_tui.model."""
    return f"{model.__module__.removeprefix('coach_tui.model.')}:{model.__qualname__}"


@cache
def _encoder(model: type) -> Callable[[Any], Record]:
    names = [field.name for field in dataclasses.fields(model)]
    first = [name for name in KEY_ORDER.get(_where(model), ("uid",)) if name in names]
    hints = get_type_hints(model)
    plan = [
        (name, _field_encoder(model, name, hints[name]))
        for name in [*first, *(name for name in names if name not in first)]
    ]

    omitted = [name for owner, name in ONLY_WHEN_SET if owner == _where(model)]

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
    if (_where(model), name) in ZONED:
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
