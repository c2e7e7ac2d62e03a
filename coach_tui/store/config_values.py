"""Each setting config.toml can hold: its name in the file, the Settings field it sets, how a
written value is read (or refused, in words that finish "theme …"), and how one is written."""

from __future__ import annotations

from collections.abc import Callable

from coach_tui.model.errors import ValidationError
from coach_tui.model.money import check_currency
from coach_tui.model.settings import HOLIDAY_REGION, STALL_WEEKS_RANGE, THEME_NAME, Settings

# A value that says "as the computer's locale has it" (date order, public holidays).
FOLLOW_SYSTEM = "system"
NO_HOLIDAYS = "none"
DATE_ORDERS = {"day-first": True, "month-first": False, FOLLOW_SYSTEM: None}


def _theme(value: object) -> str:
    if not isinstance(value, str):
        raise ValidationError(f"should be a theme's name in quotes, not {shown(value)}")
    name = value.strip()
    if not name:
        raise ValidationError("is empty")
    try:
        THEME_NAME.check(name, "theme")
    except ValidationError:
        raise ValidationError("is longer than any theme's name") from None
    return name


def _currency(value: object) -> str:
    if not isinstance(value, str):
        raise ValidationError(f'should be a currency code like "EUR", not {shown(value)}')
    code = value.strip().upper()
    try:
        return check_currency(code)
    except ValidationError:
        raise ValidationError(f"'{quoted(value)}' is not a currency code coach knows") from None


def _stall_weeks(value: object) -> int:
    low, high = STALL_WEEKS_RANGE.start, STALL_WEEKS_RANGE.stop - 1
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"should be a whole number of weeks, not {shown(value)}")
    if value not in STALL_WEEKS_RANGE:
        raise ValidationError(f"is {value}, but it can be {low} to {high}")
    return value


def _date_order(value: object) -> bool | None:
    if isinstance(value, str) and value.strip().lower() in DATE_ORDERS:
        return DATE_ORDERS[value.strip().lower()]
    choices = ", ".join(f'"{name}"' for name in DATE_ORDERS)
    raise ValidationError(f"should be one of {choices}, not {shown(value)}")


def _holidays(value: object) -> str | None:
    if not isinstance(value, str):
        raise ValidationError(f'should be a country code like "DE", not {shown(value)}')
    text = value.strip()
    if text.lower() == FOLLOW_SYSTEM:
        return None
    if text.lower() in (NO_HOLIDAYS, ""):
        return ""
    country, dash, region = text.partition("-")
    code = country.upper() + dash + region  # regions are spelt as the calendar has them
    if not HOLIDAY_REGION.fullmatch(code):
        raise ValidationError(
            f"'{quoted(value)}' is not a country code (DE, US) or country-region (DE-BY)"
        )
    return code


SETTINGS: dict[str, tuple[str, Callable[[object], object]]] = {
    "theme": ("theme", _theme),
    "currency": ("currency", _currency),
    "date_order": ("day_first", _date_order),
    "holidays": ("holiday_region", _holidays),
    "stall_weeks": ("stall_weeks", _stall_weeks),
}
# The TOML name of each Settings field the file can set.
TOML_NAMES = {setting: name for name, (setting, _reader) in SETTINGS.items()}


def toml_value(setting: str, value: object) -> object:
    """How a Settings field's value is written in config.toml (the inverse of reading)."""
    if setting == "day_first":
        return next(name for name, flag in DATE_ORDERS.items() if flag is value)
    if setting == "holiday_region":
        return FOLLOW_SYSTEM if value is None else (value or NO_HOLIDAYS)
    return value


def fallback_used(setting: str, fallback: Settings) -> str:
    """What coach uses when the file's value for `setting` is bad."""
    value = getattr(fallback, setting)
    if setting == "theme":
        return f"coach uses {value}" if value else "coach uses its default theme"
    if setting == "stall_weeks":
        return f"coach uses {value} weeks"
    return f'coach uses "{toml_value(setting, value)}"'


def shown(value: object) -> str:
    """A TOML value as a person wrote it, short enough for a sentence."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{quoted(value)}"'
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return quoted(str(value))


def quoted(text: str, limit: int = 40) -> str:
    """`text` cut to `limit` characters for a sentence."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
