"""The shape of every stored record, derived from its model dataclass, for msgspec.

One rule set, read off the model's type hints, instead of a hand-written reader per table:
each model class gets a msgspec `Struct` with the same field names (record keys are named
after model fields) that refuses unknown keys, wrong types and runaway text, and turns the
values JSON has no type for (times, amounts, ISO weeks) into Python ones in its
`__post_init__`, so msgspec names the path of whatever fails. Decoding is then two C calls:
the record into its Struct, the Struct into the frozen dataclass (see `codec.decode`).

What a missing key means follows what coach has always written: a table's `uid`, every
choice (an `Enum`) and every field without a default must be there; flags, lists and maps
may be left out; a text field with an empty default may be left out or null (older
versions wrote null). The rules a value must keep beyond its shape are the model's
`check_*` functions, run after decoding (`records.check_records`).
"""

from __future__ import annotations

import copy
import dataclasses
import types
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import Enum
from functools import cache
from typing import Annotated, Any, Union, get_args, get_origin, get_type_hints

import msgspec

from coach_tui.model.draft import FlowDraft, answers_problem
from coach_tui.model.errors import ValidationError
from coach_tui.model.limits import STORED_TEXT_MAX
from coach_tui.model.week import IsoWeek
from coach_tui.store.moments import NoTimeZone, moment_from_text

Text = Annotated[str, msgspec.Meta(max_length=STORED_TEXT_MAX)]
# An amount is at most a trillion with cents: "1000000000000.00" is 16 characters.
NUMBER_MAX_CHARS = 40


# Whole numbers with a range of their own: a rule of the record, not of its type.
@cache
def _whole_number_ranges() -> dict[tuple[type, str], msgspec.Meta]:
    """Built by the first record read that has a whole number, so that reading the few
    tables of a start does not import the review model (and the goals it needs)."""
    from coach_tui.model.review import RATINGS, SkillReflection

    return {
        (FlowDraft, "step"): msgspec.Meta(ge=0),
        (SkillReflection, "rating"): msgspec.Meta(ge=min(RATINGS), le=max(RATINGS)),
    }


Convert = Callable[[str, Any], Any]


@cache
def schema(model: type, *, table: bool = True) -> type[msgspec.Struct]:
    """The Struct a record of `model` decodes into; `table` for a table's own records
    (which carry a `uid`), not the records nested inside them."""
    hints = get_type_hints(model)
    fields: list[tuple[Any, ...]] = []
    conversions: list[tuple[str, Convert]] = []
    for field in dataclasses.fields(model):
        spec, default, convert = _field(model, field, hints[field.name], table=table)
        fields.append((field.name, spec) if default is _REQUIRED else (field.name, spec, default))
        if convert is not None:
            conversions.append((field.name, convert))
    if table and "uid" not in hints:  # the version 1 upgrade gave every record one
        fields.append(("uid", Text | None, None))
    namespace = {"__post_init__": _post_init(tuple(conversions))} if conversions else {}
    return msgspec.defstruct(
        f"{model.__name__}Record",
        fields,
        kw_only=True,
        forbid_unknown_fields=True,
        namespace=namespace,
    )


_REQUIRED = object()


def _field(
    model: type, field: dataclasses.Field[Any], hint: Any, *, table: bool
) -> tuple[Any, Any, Convert | None]:
    """A field's type in the record, its default (or `_REQUIRED`), and the conversion its
    value needs after msgspec's own checks."""
    args = get_args(hint)
    optional = get_origin(hint) in (Union, types.UnionType) and type(None) in args
    base = next(arg for arg in args if arg is not type(None)) if optional else hint
    has_default = field.default is not dataclasses.MISSING or (
        field.default_factory is not dataclasses.MISSING
    )
    model_default = field.default if field.default is not dataclasses.MISSING else _REQUIRED
    if optional:
        spec, convert = _value(model, field.name, base)
        return spec | None, None, convert
    if field.name == "uid":
        # A table's records are found by it; a nested one (a progress entry) may lack it.
        return (Text, _REQUIRED, None) if table else (Text | None, "", _empty_if_null)
    if base is str and model_default == "":
        return Text | None, "", _empty_if_null
    spec, convert = _value(model, field.name, base)
    if base is bool:
        return spec, model_default if model_default is not _REQUIRED else False, None
    if get_origin(base) in (tuple, dict):
        return spec, msgspec.field(default_factory=get_origin(base)), convert
    if dataclasses.is_dataclass(base) and has_default:
        return spec, msgspec.field(default_factory=spec), None
    if isinstance(base, type) and issubclass(base, Enum):  # a choice is never guessed
        return spec, _REQUIRED, None
    return spec, model_default, convert


def _value(model: type, name: str, hint: Any) -> tuple[Any, Convert | None]:
    """The record type of one value, and its conversion, if any."""
    if hint is datetime:
        return Text, _moment
    if hint is Decimal:
        return str, _amount
    if hint is IsoWeek:
        return Text, _week
    if hint is str:
        return Text, None
    if hint is int:
        meta = _whole_number_ranges().get((model, name))
        return (Annotated[int, meta] if meta else int), None
    if hint in (bool, date) or (isinstance(hint, type) and issubclass(hint, Enum)):
        return hint, None
    origin, args = get_origin(hint), get_args(hint)
    if origin is tuple:
        item, _convert = _value(model, name, args[0])
        return tuple[item, ...], None  # type: ignore[valid-type]
    if origin is dict and args[1] is Any:  # a draft's answers: any JSON a flow nests
        return dict[Text, Any], _answers
    if origin is dict:
        return dict[Text, Text], None
    if dataclasses.is_dataclass(hint):
        return schema(hint, table=False), None
    raise TypeError(f"no record type for {model.__name__}.{name}: {hint!r}")


def _post_init(conversions: tuple[tuple[str, Convert], ...]) -> Callable[[Any], None]:
    """Null text read as empty; each other conversion run on a value that is not null."""
    texts = tuple(name for name, convert in conversions if convert is _empty_if_null)
    others = tuple(pair for pair in conversions if pair[1] is not _empty_if_null)

    def __post_init__(self: Any) -> None:
        for name in texts:
            if getattr(self, name) is None:
                setattr(self, name, "")
        for name, convert in others:
            value = getattr(self, name)
            if value is not None:
                setattr(self, name, convert(name, value))

    return __post_init__


def _empty_if_null(name: str, value: str | None) -> str:
    """Older versions wrote null for an empty text field."""
    return "" if value is None else value


def _answers(name: str, value: dict[str, Any]) -> dict[str, Any]:
    """A typed flow's answers nest (a review's skills, each with its own answers), but
    only as deep and as long as a flow writes them."""
    if problem := answers_problem(value):
        raise ValueError(problem)
    return copy.deepcopy(value)  # nested values must not be the stored record's own


def _moment(name: str, value: str) -> datetime:
    try:
        return moment_from_text(value)
    except NoTimeZone:
        raise ValueError(f"'{name}' has no time zone: {value!r:.60}") from None
    except ValueError:
        raise ValueError(f"'{name}' is not a date and time: {value!r:.60}") from None


def _amount(name: str, value: str) -> Decimal:
    if len(value) > NUMBER_MAX_CHARS:
        raise ValueError(f"'{name}' has {len(value):,} characters, too many for an amount")
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise ValueError(f"'{name}' is not a number: {value!r:.60}") from None
    if not number.is_finite():
        raise ValueError(f"'{name}' is not a finite number")
    return number


def _week(name: str, value: str) -> IsoWeek:
    try:
        return IsoWeek.parse(value)
    except ValidationError as error:
        raise ValueError(f"'{name}' is not an ISO week: {error.message}") from None
