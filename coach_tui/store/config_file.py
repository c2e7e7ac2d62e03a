"""config.toml: the preferences a person edits by hand, read and checked at start.

The file is the source of truth for what it sets; a key it leaves out keeps what was chosen
in the app before (the settings stored with the data), else coach's default, so nobody loses
a choice when the file first appears. A mistake never stops coach: each bad line gives one
sentence naming its line and what coach uses instead, and the rest of the file still applies
(a line that is not TOML at all is left out and the file read again without it).

Only `tomllib` reads here; writing (keeping the person's comments) is `config_write.py`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from coach_tui.model.errors import ValidationError
from coach_tui.model.money import check_currency
from coach_tui.model.settings import HOLIDAY_REGION, STALL_WEEKS_RANGE, THEME_NAME, Settings
from coach_tui.store.config_report import tell_once
from coach_tui.store.paths import config_dir

CONFIG_NAME = "config.toml"
KEYS_TABLE = "keys"
# A value that says "as the computer's locale has it" (date order, public holidays).
FOLLOW_SYSTEM = "system"
NO_HOLIDAYS = "none"
DATE_ORDERS = {"day-first": True, "month-first": False, FOLLOW_SYSTEM: None}
# At most this many lines that are not TOML are left out before the file is given up on.
_MAX_SYNTAX_REPAIRS = 20
_SYNTAX_WHERE = re.compile(r"\(at (?:line (\d+), column \d+|end of document)\)")
_readings = itertools.count(1)
_TABLE_HEADER = re.compile(r"^\s*\[\s*([^\]]*?)\s*\]")


def config_path() -> Path:
    """Where config.toml is (it may not exist: a missing file is normal)."""
    return config_dir() / CONFIG_NAME


@dataclass(frozen=True, slots=True)
class ConfigProblem:
    """One bad line: `what` is wrong with it; coach leaves it out, or for a setting uses
    the value it had without the file."""

    line: int | None
    what: str
    setting: str | None = None  # the Settings field whose fallback is used instead
    instead: str = "coach leaves it out"

    def sentence(self, fallback: Settings) -> str:
        """One sentence for a notification or standard error."""
        where = f"{CONFIG_NAME} line {self.line}" if self.line else CONFIG_NAME
        instead = _kept(self.setting, fallback) if self.setting else self.instead
        return f"{where}: {self.what}, so {instead}."


@dataclass(frozen=True, slots=True)
class ConfigFile:
    """What config.toml says, already checked: only good values are in `values`/`keys`."""

    exists: bool = False
    values: Mapping[str, object] = field(default_factory=dict)  # Settings field → value
    keys: Mapping[str, str] = field(default_factory=dict)  # binding id → key(s), as written
    key_lines: Mapping[str, int] = field(default_factory=dict)  # binding id → its line
    lines: Mapping[str, int] = field(default_factory=dict)  # Settings field → its line
    problems: tuple[ConfigProblem, ...] = ()
    reading: int = field(default_factory=lambda: next(_readings))  # tells readings apart

    def applied_to(self, settings: Settings) -> Settings:
        """`settings` with every value the file sets in its place."""
        return replace(settings, **self.values) if self.values else settings


# The last file read, by path and (inode, times, size): settings are read on every screen that
# needs them, and the file only changes when someone edits it.
_last_read: dict[Path, tuple[tuple[int, ...], ConfigFile]] = {}


def tell_config_problems(config: ConfigFile, fallback: Settings) -> None:
    """Tell whoever listens outside the app (see `config_report.py`) of `config`'s bad lines,
    once per reading of the file."""
    if config.problems:
        tell_once(
            config.reading, lambda: [problem.sentence(fallback) for problem in config.problems]
        )


def read_config(path: Path | None = None) -> ConfigFile:
    """config.toml checked; a missing file is an empty one. Never raises."""
    path = config_path() if path is None else path
    try:
        info = path.stat()
        # A new file (coach's own atomic write) has a new inode, even in the same tick.
        stamp = (info.st_ino, info.st_mtime_ns, info.st_ctime_ns, info.st_size)
        cached = _last_read.get(path)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ConfigFile()
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else "not text"
        problem = ConfigProblem(
            None, f"coach cannot read it ({reason})", instead="nothing in it applies"
        )
        return ConfigFile(exists=True, problems=(problem,))
    config = parse_config(text)
    _last_read.clear()
    _last_read[path] = (stamp, config)
    return config


def parse_config(text: str) -> ConfigFile:
    """The checked content of config.toml's `text`."""
    lines = text.splitlines()
    problems: list[ConfigProblem] = []
    data = _load_repairing(lines, problems)
    values: dict[str, object] = {}
    keys: dict[str, str] = {}
    key_lines: dict[str, int] = {}
    setting_lines: dict[str, int] = {}
    for name, value in data.items():
        line = _line_of(lines, None, name)
        if name == KEYS_TABLE:
            _read_keys(value, lines, keys, key_lines, problems, line)
            continue
        check = _SETTINGS.get(name)
        if check is None:
            known = ", ".join([*_SETTINGS, f"[{KEYS_TABLE}]"])
            what = f"coach has no setting called '{_quoted(name)}' (it knows {known})"
            problems.append(ConfigProblem(line, what))
            continue
        setting, reader = check
        setting_lines[setting] = line or 0
        try:
            values[setting] = reader(value)
        except ValidationError as error:
            problems.append(ConfigProblem(line, f"{name} {error.message}", setting))
    in_order = sorted(problems, key=lambda problem: problem.line or 0)
    return ConfigFile(True, values, keys, key_lines, setting_lines, tuple(in_order))


def _load_repairing(lines: list[str], problems: list[ConfigProblem]) -> dict[str, object]:
    """The TOML in `lines`, leaving out each line tomllib cannot read (reported)."""
    import tomllib  # only when there is a file: most people have none

    lines = list(lines)
    for _attempt in range(_MAX_SYNTAX_REPAIRS):
        try:
            return tomllib.loads("\n".join(lines) + "\n")
        except tomllib.TOMLDecodeError as error:
            number = _error_line(str(error), lines)
            if number is None:
                break
            reason = _SYNTAX_WHERE.sub("", str(error)).strip().lower() or "a mistake"
            if reason == "illegal character '\\n'":  # what tomllib says of a missing quote
                reason = "a quoted text is not closed on its line"
            problems.append(ConfigProblem(number, f"this line is not TOML ({reason})"))
            lines[number - 1] = ""
    problems.append(
        ConfigProblem(None, "coach cannot read it as TOML", instead="none of it applies")
    )
    return {}


def unknown_holiday_region(config: ConfigFile) -> str | None:
    """The sentence for a `holidays` value the holiday calendar does not know, or None.

    Loading the calendar takes a tenth of a second or more, so this is not part of reading
    the file: the app asks after its first frame. (A region the calendar does not know
    has no holidays in it: that is what coach does meanwhile, and what the sentence says.)
    """
    region = config.values.get("holiday_region")
    if not isinstance(region, str) or not region:
        return None
    from coach_tui.coaching.public_holidays import parse_region

    try:
        known = parse_region(region)
    except ValidationError:
        what = f"coach's holiday calendar does not know '{_quoted(region)}'"
        instead = "campaigns skip no public holidays until it names one it knows (DE, DE-BY)"
    else:
        if known == region:
            return None
        what = f"coach's holiday calendar spells '{_quoted(region)}' as '{known}'"
        instead = "campaigns skip no public holidays until it is written that way"
    line = config.lines.get("holiday_region")
    return ConfigProblem(line, what, instead=instead).sentence(Settings())


def _error_line(message: str, lines: list[str]) -> int | None:
    """The line tomllib's `message` is about (the last written one at "end of document"),
    or None when there is no line left to take out."""
    match = _SYNTAX_WHERE.search(message)
    if match is None:
        return None
    if match[1] is None:
        written = [number for number, line in enumerate(lines, 1) if line.strip()]
        return written[-1] if written else None
    number = int(match[1])
    return number if 1 <= number <= len(lines) and lines[number - 1] else None


def _read_keys(
    table: object,
    lines: list[str],
    keys: dict[str, str],
    key_lines: dict[str, int],
    problems: list[ConfigProblem],
    line: int | None,
) -> None:
    if not isinstance(table, dict):
        what = f"[{KEYS_TABLE}] should be a table of binding ids and keys"
        problems.append(ConfigProblem(line, what))
        return
    for binding_id, key in table.items():
        where = _line_of(lines, KEYS_TABLE, binding_id)
        if not isinstance(key, str) or not key.strip():
            what = f"the key for '{_quoted(binding_id)}' should be text like \"ctrl+a\""
            problems.append(ConfigProblem(where, what, instead="that action keeps its own key"))
            continue
        keys[binding_id] = key.strip()
        key_lines[binding_id] = where or 0


# --- each setting: its TOML name, the Settings field, and how a value is read -----------


def _theme(value: object) -> str:
    if not isinstance(value, str):
        raise ValidationError(f"should be a theme's name in quotes, not {_shown(value)}")
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
        raise ValidationError(f'should be a currency code like "EUR", not {_shown(value)}')
    code = value.strip().upper()
    try:
        return check_currency(code)
    except ValidationError:
        raise ValidationError(f"'{_quoted(value)}' is not a currency code coach knows") from None


def _stall_weeks(value: object) -> int:
    low, high = STALL_WEEKS_RANGE.start, STALL_WEEKS_RANGE.stop - 1
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"should be a whole number of weeks, not {_shown(value)}")
    if value not in STALL_WEEKS_RANGE:
        raise ValidationError(f"is {value}, but it can be {low} to {high}")
    return value


def _date_order(value: object) -> bool | None:
    if isinstance(value, str) and value.strip().lower() in DATE_ORDERS:
        return DATE_ORDERS[value.strip().lower()]
    choices = ", ".join(f'"{name}"' for name in DATE_ORDERS)
    raise ValidationError(f"should be one of {choices}, not {_shown(value)}")


def _holidays(value: object) -> str | None:
    if not isinstance(value, str):
        raise ValidationError(f'should be a country code like "DE", not {_shown(value)}')
    text = value.strip()
    if text.lower() == FOLLOW_SYSTEM:
        return None
    if text.lower() in (NO_HOLIDAYS, ""):
        return ""
    country, dash, region = text.partition("-")
    code = country.upper() + dash + region  # regions are spelt as the calendar has them
    if not HOLIDAY_REGION.fullmatch(code):
        raise ValidationError(
            f"'{_quoted(value)}' is not a country code (DE, US) or country-region (DE-BY)"
        )
    return code


_SETTINGS: dict[str, tuple[str, Callable[[object], object]]] = {
    "theme": ("theme", _theme),
    "currency": ("currency", _currency),
    "date_order": ("day_first", _date_order),
    "holidays": ("holiday_region", _holidays),
    "stall_weeks": ("stall_weeks", _stall_weeks),
}
# The TOML name of each Settings field the file can set.
TOML_NAMES = {setting: name for name, (setting, _reader) in _SETTINGS.items()}


def toml_value(setting: str, value: object) -> object:
    """How a Settings field's value is written in config.toml (the inverse of reading)."""
    if setting == "day_first":
        return next(name for name, flag in DATE_ORDERS.items() if flag is value)
    if setting == "holiday_region":
        return FOLLOW_SYSTEM if value is None else (value or NO_HOLIDAYS)
    return value


def _kept(setting: str, fallback: Settings) -> str:
    """What coach uses when the file's value for `setting` is bad."""
    value = getattr(fallback, setting)
    if setting == "theme":
        return f"coach uses {value}" if value else "coach uses its default theme"
    if setting == "stall_weeks":
        return f"coach uses {value} weeks"
    return f'coach uses "{toml_value(setting, value)}"'


def _line_of(lines: list[str], table: str | None, key: str) -> int | None:
    """The line (from 1) where `key` is set in `table` (None: the top level), if found."""
    current: str | None = None
    pattern = re.compile(r"""^\s*(?:"|')?""" + re.escape(key) + r"""(?:"|')?\s*=""")
    for number, line in enumerate(lines, 1):
        header = _TABLE_HEADER.match(line)
        if header:
            current = header[1].strip("\"'")
            if table is None and current == key:
                return number
            continue
        if current == table and pattern.match(line):
            return number
    return None


def _shown(value: object) -> str:
    """A TOML value as a person wrote it, short enough for a sentence."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{_quoted(value)}"'
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return _quoted(str(value))


def _quoted(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
