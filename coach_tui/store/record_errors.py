"""msgspec's account of a record that does not fit its shape, in coach's words.

msgspec says what it expected and where (`Expected `str`, got `int` - at `$.prep.outcome``);
the seller, who may have edited the file by hand, reads which field is wrong and how:
"'outcome' should be text (in prep)". The field's type in the record's shape says which
words fit; the value itself, looked up by the same path, is quoted where it helps.
"""

from __future__ import annotations

import re
import types
from datetime import date
from enum import Enum
from typing import Annotated, Any, Union, get_args, get_origin

import msgspec

from coach_tui.model.limits import STORED_TEXT_MAX

_AT = re.compile(r"^(?P<message>.*?)(?: - at (?P<key>`key` in )?`\$(?P<path>[^`]*)`)?$", re.S)
_STEP = re.compile(r"\.(\w+)|\[(\d+)\]|\[\.\.\.\]")
_FIELD = re.compile(r"field `(?P<name>[^`]*)`")
_MISSING = object()


def explain(message: str, shape: type[msgspec.Struct], record: object) -> str:
    """Why `record` is not a record of `shape`, naming the field and where it sits."""
    found = _AT.match(message)
    assert found is not None  # the pattern matches any text
    text, path = found["message"], _steps(found["path"] or "")
    if text.startswith("Object contains unknown field"):
        where = f"'{_words(path)}'" if path else "the record"
        return f"{where} has no field '{_name(text)}'"
    if text.startswith("Object missing required field"):
        name = _name(text)
        expected = _problem(text, _hint(shape, [*path, name]), _MISSING)
        return _in(f"'{name}' {expected}; the record has none", path)
    if not text.startswith(("Expected", "Invalid")):
        return _in(text, path)  # our own words, from a conversion (a time, an amount)
    named = [index for index, step in enumerate(path) if isinstance(step, str) and step != "..."]
    if not named:
        return "it is not a record with named fields"
    at = named[-1]
    field, context = path[at], path[:at]
    if found["key"]:
        return _in(f"'{field}' has a name of more than {STORED_TEXT_MAX:,} characters", context)
    if "of length" in text:  # the text itself, or an item of a list or map of text
        value = _value(record, path)
        size = f"{len(value):,} characters" if isinstance(value, str) else "too long"
        return _in(
            f"'{field}' is {size}, more than coach keeps in any field ({STORED_TEXT_MAX:,})",
            context,
        )
    problem = _problem(text, _hint(shape, path[: at + 1]), _value(record, path[: at + 1]))
    return _in(f"'{field}' {problem}", context)


def _problem(message: str, hint: Any, value: Any) -> str:
    """What is wrong with `value`, for a field of type `hint`."""
    hint, optional, meta = _unwrapped(hint)
    if isinstance(hint, type) and issubclass(hint, Enum):
        if value is _MISSING:
            return "should be one of the known values"
        return f"is not one of the known values: {value!r:.60}"
    if hint is str:
        return "should be text"
    if hint is int:
        low, high = getattr(meta, "ge", None), getattr(meta, "le", None)
        if low is not None and high is not None and isinstance(value, int):
            return f"should be {low} to {high}, not {value}"
        if low == 0 and isinstance(value, int):
            return "is negative"
        return "should be a whole number"
    if hint is bool:
        return "should be true, false or null" if optional else "should be true or false"
    if hint is date:
        return f"is not a date: {value!r:.60}" if isinstance(value, str) else "should be a date"
    if get_origin(hint) is tuple:
        item = _unwrapped(get_args(hint)[0])[0]
        return "should be a list of text" if item is str else "should be a list of records"
    if get_origin(hint) is dict:
        return "should map names to text"
    if isinstance(hint, type) and issubclass(hint, msgspec.Struct):
        return "should be a record of named fields"
    return message[:1].lower() + message[1:]


def _unwrapped(hint: Any) -> tuple[Any, bool, msgspec.Meta | None]:
    """A field's type without `| None` and `Annotated`, whether it was optional, its Meta."""
    optional = False
    if get_origin(hint) in (Union, types.UnionType):
        args = [arg for arg in get_args(hint) if arg is not type(None)]
        optional, hint = True, args[0]
    meta = None
    if get_origin(hint) is Annotated:
        hint, *extras = get_args(hint)
        meta = next((extra for extra in extras if isinstance(extra, msgspec.Meta)), None)
    return hint, optional, meta


def _hint(shape: Any, path: list[str | int]) -> Any:
    """The type the record's shape gives the value at `path`."""
    hint = shape
    for step in path:
        hint = _unwrapped(hint)[0]
        if isinstance(step, int):
            hint = get_args(hint)[0]  # a list's item: tuple[item, ...]
        elif step == "...":
            hint = get_args(hint)[-1]  # a map's value
        elif isinstance(hint, type) and issubclass(hint, msgspec.Struct):
            fields = {field.name: field.type for field in msgspec.structs.fields(hint)}
            hint = fields.get(step)
        else:
            return None
    return hint


def _value(record: object, path: list[str | int]) -> Any:
    value = record
    for step in path:
        try:
            value = value[step]  # type: ignore[index]
        except (LookupError, TypeError):
            return _MISSING
    return value


def _steps(path: str) -> list[str | int]:
    """`.skills[0].rating` as ['skills', 0, 'rating']; a map's key as '...'."""
    steps: list[str | int] = []
    for name, index in _STEP.findall(path):
        steps.append(name if name else int(index) if index else "...")
    return steps


def _words(path: list[str | int]) -> str:
    """['skills', 0] as "skills 1": a position counted as a person counts."""
    return " ".join(str(step + 1) if isinstance(step, int) else step for step in path)


def _in(problem: str, path: list[str | int]) -> str:
    return f"{problem} (in {_words(path)})" if path else problem


def _name(message: str) -> str:
    found = _FIELD.search(message)
    return found["name"][:40] if found else "?"
