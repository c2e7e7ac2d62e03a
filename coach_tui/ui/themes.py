"""Themes from TOML files: the ones shipped with coach and any the seller adds.

A theme file that cannot be read is skipped with a message; it never stops the app. The
message quotes the file's own text, so the app shows it as plain text, never as markup.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from textual.color import Color, ColorParseError
from textual.theme import Theme

from coach_tui.interop.reading import NotAFile, TooBig, read_at_most
from coach_tui.store.paths import config_dir

DEFAULT_THEME = "coach-dark"
COLOR_KEYS = frozenset(
    {
        "primary",
        "secondary",
        "accent",
        "foreground",
        "background",
        "surface",
        "panel",
        "boost",
        "success",
        "warning",
        "error",
    }
)
MAX_THEME_BYTES = 64_000
THEMES_DIR_NAME = "themes"  # the seller's own, in the config folder and in the data folder
# Textual names a style class after the theme ("-theme-<name>"), so a name is an identifier.
THEME_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]{0,59}")


def shipped_theme_dirs() -> list[Path]:
    """Where the built-in themes are: inside the installed package, or the repo's themes/."""
    package_dir = Path(__file__).resolve().parents[1]
    candidates = [package_dir / "themes", package_dir.parent / "themes"]
    return [path for path in candidates if path.is_dir()][:1]


def theme_folders(data_dir: Path | None) -> list[Path]:
    """Where themes are looked for, in the order a name clash is settled: the built-ins,
    then the config folder's (this person's, on this machine), then the data folder's
    (they travel with that folder). The more particular a folder, the later it comes, so
    it wins: a data folder's theme replaces a config one of the same name, which
    replaces a built-in. No data folder (None): the first two."""
    folders = [*shipped_theme_dirs(), config_dir() / THEMES_DIR_NAME]
    return folders if data_dir is None else [*folders, data_dir / THEMES_DIR_NAME]


class ThemeFileError(ValueError):
    """A theme file that cannot be used; the message names the file and the problem."""


def load_theme_file(path: Path) -> Theme:
    """Parse and check one theme file."""
    try:
        # Sized by what is read, not by the name: a link to /dev/zero is no theme either.
        data = tomllib.loads(read_at_most(path, MAX_THEME_BYTES, files_only=True).decode("utf-8"))
    except TooBig:
        raise ThemeFileError(f"{path.name}: too large to be a theme file") from None
    except NotAFile as refused:
        raise ThemeFileError(f"{path.name}: {refused.what}, not a theme file") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ThemeFileError(f"{path.name}: {error}") from None
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ThemeFileError(f"{path.name}: 'name' must be some text")
    if not THEME_NAME.fullmatch(name.strip()):
        raise ThemeFileError(
            f"{path.name}: the name {name.strip()!r} may hold only letters, digits, - and _ "
            "(up to 60, starting with a letter)"
        )
    dark = data.get("dark", True)
    if not isinstance(dark, bool):
        raise ThemeFileError(f"{path.name}: 'dark' must be true or false")
    colors = data.get("colors")
    if not isinstance(colors, dict) or "primary" not in colors:
        raise ThemeFileError(f"{path.name}: needs a [colors] table with at least 'primary'")
    unknown = sorted(set(colors) - COLOR_KEYS)
    if unknown:
        raise ThemeFileError(f"{path.name}: unknown colour names {', '.join(unknown)}")
    for key, value in colors.items():
        if not isinstance(value, str):
            raise ThemeFileError(f"{path.name}: '{key}' is not a colour: {value!r}")
        try:
            Color.parse(value)
        except (ColorParseError, ValueError):
            raise ThemeFileError(f"{path.name}: '{key}' is not a colour: {value!r}") from None
    return Theme(name=name.strip(), dark=dark, **colors)


@dataclass
class ThemeCatalogue:
    """Themes that loaded, and one sentence per file that did not."""

    themes: list[Theme] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [theme.name for theme in self.themes]


def discover_themes(folders: list[Path]) -> ThemeCatalogue:
    """Load every `*.toml` in `folders`; a later folder's theme replaces one of the same name.

    A file that cannot be used is named with its folder: a seller has two folders of their
    own (see `theme_folders`) and needs to know which one to open.
    """
    by_name: dict[str, Theme] = {}
    catalogue = ThemeCatalogue()
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                theme = load_theme_file(path)
            except ThemeFileError as error:
                catalogue.problems.append(f"Theme skipped — {error} (in {folder})")
                continue
            by_name[theme.name] = theme
    catalogue.themes = list(by_name.values())
    return catalogue
