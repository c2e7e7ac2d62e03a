"""Writing a setting chosen in the app into config.toml, keeping the person's comments.

tomlkit edits the file as a document (comments, blank lines, key order and quoting stay as
the person left them); the file is replaced atomically, so a crash leaves the old one whole.
The first write creates the file from a commented template that already holds every setting
coach had (the ones stored with the data), so the file starts out saying what coach does.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from coach_tui.model.settings import Settings
from coach_tui.store.atomic import write_atomic
from coach_tui.store.config_file import CONFIG_NAME, config_path
from coach_tui.store.config_values import TOML_NAMES, toml_value
from coach_tui.store.errors import StoreError
from coach_tui.store.paths import ensure_private_dir

TEMPLATE = """\
# coach's settings. Edit by hand, or choose them in the app (ctrl+p); coach keeps your comments.
# A line coach cannot use is named when coach starts, and the rest still applies.

# The colour theme: coach-dark, coach-light, a Textual theme, or one of your own.
# theme = "coach-dark"

# Amounts typed without a currency ("12k") are in this currency (an ISO code).
currency = "USD"

# How 03/04/2027 reads: "day-first" (3 April), "month-first" (March 4), or "system"
# (as your computer's locale writes dates).
date_order = "system"

# Campaign touches skip these public holidays: a country ("DE"), a country-region
# ("DE-BY", "US-CA"), "none", or "system" (your locale's country).
holidays = "system"

# An account with calls but no advance for this many weeks is flagged as stalled (2-26).
stall_weeks = 6

# Keys: give an action other keys by its id (the README lists the ids; ? shows a screen's
# keys). A key another action of the same screen has is refused, with a word at start.
[keys]
# "dashboard.accounts" = "A"
# "app.help" = "f1,question_mark"
"""


class ConfigNotWritten(StoreError):
    """config.toml could not be changed; the message says why and what was kept."""


def write_settings(changed: Mapping[str, object], path: Path | None = None) -> None:
    """Write the Settings fields in `changed` (field → value) into config.toml.

    Raises ConfigNotWritten when the file cannot be read as TOML (it is left as it is: it
    is the person's) or cannot be written.
    """
    import tomllib

    import tomlkit  # only here: reading the file at start never needs it

    path = config_path() if path is None else path
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = TEMPLATE
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigNotWritten(f"coach could not read {path} ({error}).") from error
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigNotWritten(
            f"{CONFIG_NAME} has a line that is not TOML ({error}), so coach left the file "
            "as it is; fix that line and choose again."
        ) from None
    document = tomlkit.parse(_uncomment_placeholders(text, changed))
    for setting, value in changed.items():
        name = TOML_NAMES[setting]
        if value is None and setting == "theme":
            document.pop(name, None)
        else:
            document[name] = toml_value(setting, value)
    try:
        ensure_private_dir(path.parent)
        write_atomic(path, tomlkit.dumps(document).encode("utf-8"))
    except Exception as error:
        raise ConfigNotWritten(f"coach could not write {path} ({error}).") from error


def template_for(settings: Settings) -> Mapping[str, object]:
    """Every setting as it is now: what the file is first written with."""
    return {setting: getattr(settings, setting) for setting in TOML_NAMES}


def _uncomment_placeholders(text: str, changed: Mapping[str, object]) -> str:
    """A key the file has only as a comment (`# theme = "coach-dark"`) becomes that line, so
    the value lands under its explanation instead of at the end of the settings."""
    lines = text.splitlines(keepends=True)
    for setting, value in changed.items():
        if value is None:
            continue
        name = TOML_NAMES[setting]
        active = re.compile(rf"^\s*{re.escape(name)}\s*=")
        placeholder = re.compile(rf"^#\s*{re.escape(name)}\s*=")
        top = _top_level(lines)
        if any(active.match(line) for line in top):
            continue
        for index, line in enumerate(top):
            if placeholder.match(line):
                lines[index] = f"{name} = {_toml_literal(toml_value(setting, value))}\n"
                break
    return "".join(lines)


def _top_level(lines: list[str]) -> list[str]:
    """The lines before the first table."""
    for index, line in enumerate(lines):
        if line.lstrip().startswith("["):
            return lines[:index]
    return lines


def _toml_literal(value: object) -> str:
    import tomlkit

    return tomlkit.item(value).as_string()
