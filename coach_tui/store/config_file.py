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
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from coach_tui.model.errors import ValidationError
from coach_tui.model.settings import Settings
from coach_tui.store.config_report import tell_once
from coach_tui.store.config_values import SETTINGS, fallback_used, quoted
from coach_tui.store.paths import config_dir

CONFIG_NAME = "config.toml"
KEYS_TABLE = "keys"
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
        instead = fallback_used(self.setting, fallback) if self.setting else self.instead
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
    except FileNotFoundError:
        return ConfigFile()
    except OSError:  # said once below, when reading it fails too
        stamp: tuple[int, ...] = ()
    else:
        # A new file (coach's own atomic write) has a new inode, even in the same tick.
        stamp = (info.st_ino, info.st_mtime_ns, info.st_ctime_ns, info.st_size)
    cached = _last_read.get(path)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    try:
        config = parse_config(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return ConfigFile()
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else "not text"
        problem = ConfigProblem(
            None, f"coach cannot read it ({reason})", instead="nothing in it applies"
        )
        config = ConfigFile(exists=True, problems=(problem,))
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
        check = SETTINGS.get(name)
        if check is None:
            known = ", ".join([*SETTINGS, f"[{KEYS_TABLE}]"])
            what = f"coach has no setting called '{quoted(name)}' (it knows {known})"
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
        what = f"coach's holiday calendar does not know '{quoted(region)}'"
        instead = "campaigns skip no public holidays until it names one it knows (DE, DE-BY)"
    else:
        if known == region:
            return None
        what = f"coach's holiday calendar spells '{quoted(region)}' as '{known}'"
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
            what = f"the key for '{quoted(binding_id)}' should be text like \"ctrl+a\""
            problems.append(ConfigProblem(where, what, instead="that action keeps its own key"))
            continue
        keys[binding_id] = key.strip()
        key_lines[binding_id] = where or 0


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
