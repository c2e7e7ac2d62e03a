"""The `[keys]` table of config.toml: a person's own keys for coach's actions, by binding id.

Textual applies a keymap (`App.set_keymap`) when it builds each screen's bindings and finds
clashes only inside one widget's or screen's own bindings, at key-press time. Here every
entry is checked once against every screen before any is applied: an id no binding has, a
key name Textual cannot read, or a key another action of the same screen (or the app, where
the app's keys reach) already has is refused with one sentence naming its line, and that
action keeps its own key. What Textual still finds later is reported by `clash_sentence`.
"""

from __future__ import annotations

import importlib
import pkgutil
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import ASCII_KEY_NAMES, KEY_NAME_REPLACEMENTS, Keys, format_key
from textual.screen import ModalScreen, Screen

from coach_tui.store.config_file import CONFIG_NAME
from coach_tui.ui.binding_order import declared_bindings

MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
# Packages whose modules define the screens and widgets that carry bindings.
UI_PACKAGES = ("coach_tui.ui.screens", "coach_tui.ui.kit", "coach_tui.ui.widgets")
_KEY_NAMES = frozenset(key.value for key in Keys)


@dataclass(frozen=True, slots=True)
class ScreenKeys:
    """The bindings active together on one screen: its own, then the app's that reach it."""

    name: str
    bindings: tuple[Binding, ...]


@dataclass(frozen=True, slots=True)
class CheckedKeymap:
    """The entries to apply (id → normalised keys) and a sentence per refused entry."""

    keymap: dict[str, str]
    problems: list[str]


def check_keymap(
    entries: Mapping[str, str],
    lines: Mapping[str, int],
    screens: Iterable[ScreenKeys],
    known_ids: Iterable[str],
) -> CheckedKeymap:
    """The entries that can apply together: all at once (two actions may swap keys), less
    each that takes a key another action keeps on one of its screens; of two entries asking
    for one key, the one written first wins."""
    screens = list(screens)
    known = set(known_ids)
    problems: list[str] = []
    candidates: dict[str, str] = {}
    for binding_id, wanted in entries.items():
        where = _where(lines, binding_id)
        if binding_id not in known:
            problems.append(f"{where}: no action has the id '{binding_id}' ({_HELP}), so {_OUT}.")
            continue
        keys = key_names(wanted)
        bad = [key for key in keys.split(",") if not is_key_name(key)]
        if bad:
            problems.append(
                f"{where}: '{bad[0]}' is not a key name coach knows, {_keeps(binding_id)}."
            )
            continue
        candidates[binding_id] = keys
    order = list(candidates)
    while clash := _any_clash(candidates, screens):
        binding_id, screen, other, key = clash
        if other.id in candidates and order.index(other.id) > order.index(binding_id):
            binding_id, other = other.id, next(b for b in screen.bindings if b.id == binding_id)
        del candidates[binding_id]
        taken_by = other.id or other.action
        problems.append(
            f"{_where(lines, binding_id)}: {format_key(key)} is already '{taken_by}' on "
            f"{screen.name}, {_keeps(binding_id)}."
        )
    return CheckedKeymap(candidates, problems)


def _where(lines: Mapping[str, int], binding_id: str) -> str:
    return f"{CONFIG_NAME} line {lines[binding_id]}" if lines.get(binding_id) else CONFIG_NAME


def _keeps(binding_id: str) -> str:
    return f"so '{binding_id}' keeps its own key"


def _any_clash(
    keymap: Mapping[str, str], screens: list[ScreenKeys]
) -> tuple[str, ScreenKeys, Binding, str] | None:
    """The first entry of `keymap` whose key another action has on one of its screens."""
    for binding_id in keymap:
        clash = _first_clash(keymap, binding_id, screens)
        if clash is not None:
            return (binding_id, *clash)
    return None


_HELP = "the README lists every action's id"
_OUT = "coach leaves it out"


def key_names(keys: str) -> str:
    """Comma-separated keys as Textual names them ("?" → "question_mark", "/" → "slash"),
    the way `App.set_keymap` reads a keymap, so keys written either way compare equal."""
    return ",".join(_key_name(key.strip()) for key in keys.split(","))


def _key_name(key: str) -> str:
    if len(key) != 1 or key.isalnum():
        return key
    try:
        name = unicodedata.name(key).lower().replace("-", "_").replace(" ", "_")
    except ValueError:
        name = ASCII_KEY_NAMES.get(key, key)
    return KEY_NAME_REPLACEMENTS.get(name, name)


def is_key_name(key: str) -> bool:
    """Whether Textual can bind `key` ("a", "A", "f5", "ctrl+shift+x", "question_mark")."""
    *modifiers, base = key.split("+")
    if not base or any(modifier not in MODIFIERS for modifier in modifiers):
        return False
    if len(base) == 1 or base in _KEY_NAMES:
        return True
    try:
        unicodedata.lookup(base.replace("_", " ").upper())
    except KeyError:
        return False
    return True


def _first_clash(
    keymap: Mapping[str, str], binding_id: str, screens: list[ScreenKeys]
) -> tuple[ScreenKeys, Binding, str] | None:
    """The first screen where `binding_id`'s new key is another action's key, with it."""
    new_keys = set(keymap[binding_id].split(","))
    for screen in screens:
        mine = [binding for binding in screen.bindings if binding.id == binding_id]
        if not mine:
            continue
        actions = {_action(binding) for binding in mine}
        for other in screen.bindings:
            if other.id == binding_id or _action(other) in actions:
                continue
            shared = new_keys & _keys_of(other, keymap)
            if shared:
                return screen, other, min(shared)
    return None


def _action(binding: Binding) -> str:
    """The action a binding runs, the same whether a screen or the app declares it."""
    return binding.action.removeprefix("app.")


def _keys_of(binding: Binding, keymap: Mapping[str, str]) -> set[str]:
    """The keys `binding` answers to once `keymap` applies."""
    if binding.id and binding.id in keymap:
        return set(keymap[binding.id].split(","))
    return set(key_names(binding.key).split(","))


# --- what there is to remap: every screen of coach, and the app's keys ------------------


def coach_screens(app_type: type[App]) -> tuple[list[ScreenKeys], set[str]]:
    """Every screen class of coach with the bindings active on it, and every binding id.

    Imports all screen and widget modules (screens are otherwise imported when first
    opened): only done when config.toml has a `[keys]` table, after the first frame.
    """
    for package_name in UI_PACKAGES:
        package = importlib.import_module(package_name)
        for module in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{package_name}.{module.name}")
    app_bindings = declared_bindings(app_type)
    priority = tuple(binding for binding in app_bindings if binding.priority)
    screens = []
    known = {binding.id for binding in app_bindings if binding.id}
    for cls in _subclasses(DOMNode):
        own = declared_bindings(cls)
        known |= {binding.id for binding in own if binding.id}
        if issubclass(cls, Screen) and cls.__module__.startswith("coach_tui."):
            # A modal screen stops the app's keys, all but its priority ones.
            reaching = priority if issubclass(cls, ModalScreen) else app_bindings
            name = getattr(cls, "HELP_NAME", cls.__name__.removesuffix("Screen"))
            screens.append(ScreenKeys(f"the {name} screen", (*own, *reaching)))
    return screens, known


def _subclasses(cls: type) -> list[type]:
    found, queue = [], [cls]
    while queue:
        for sub in queue.pop().__subclasses__():
            found.append(sub)
            queue.append(sub)
    return found


def entries_behind(clashed: Iterable[Binding], keymap: Mapping[str, str]) -> list[str]:
    """The keymap entries that gave a key to one of `clashed` bindings' keys."""
    keys = {key for binding in clashed for key in key_names(binding.key).split(",")}
    return [binding_id for binding_id, given in keymap.items() if keys & set(given.split(","))]


def clash_sentence(clashed: Iterable[Binding], dropped: Iterable[str], where: str) -> str:
    """What Textual found at key-press time: keys two actions now share on `where`."""
    names = ", ".join(sorted(f"'{binding.id or binding.action}'" for binding in clashed))
    undone = ", ".join(sorted(f"'{binding_id}'" for binding_id in dropped))
    return (
        f"{CONFIG_NAME}: [keys] gives {names} on {where} a key another action there has, "
        f"so coach leaves out the entries for {undone}."
    )
