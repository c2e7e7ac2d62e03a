"""config.toml in the app: its bad lines said at start; its `[keys]` checked in a thread
(checking them imports every screen) and applied when done; its holiday country checked in
a thread (the calendar is slow to load); a clash Textual finds later taken back with a word."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.dom import DOMNode

from coach_tui.store.config_file import CONFIG_NAME, unknown_holiday_region
from coach_tui.store.errors import StoreError

if TYPE_CHECKING:
    from coach_tui.ui.app import CoachApp

NOTICE_SECONDS = 15


def show_config_at_start(app: CoachApp) -> None:
    """Say each line of `app.config` coach could not use; apply its keys once drawn."""
    try:
        sentences = app.repo.settings.problems(app.config)
    except StoreError:  # the stored settings are unreadable: the theme's notice says so
        sentences = []
    for sentence in sentences:
        _say(app, sentence)
    if app.config.keys:
        app.run_worker(lambda: _check_config_keys(app), thread=True, exit_on_error=False)
    if app.config.values.get("holiday_region"):
        app.run_worker(lambda: _check_holiday_region(app), thread=True, exit_on_error=False)


def _check_config_keys(app: CoachApp) -> None:
    """In a thread: checking [keys] imports every screen (a few tenths of a second), which
    the first frame and the first key presses need not wait for."""
    from coach_tui.ui.keymap import check_keymap, coach_screens

    screens, known_ids = coach_screens(type(app))
    checked = check_keymap(app.config.keys, app.config.key_lines, screens, known_ids)
    app.call_from_thread(apply_config_keys, app, checked.keymap, checked.problems)


def apply_config_keys(app: CoachApp, keymap: dict[str, str], problems: list[str]) -> None:
    """Apply the entries of [keys] that clash with nothing; say why each other one is not."""
    app.keys_in_force = keymap
    app.set_keymap(keymap)
    for sentence in problems:
        _say(app, sentence)


def take_back_clash(app: CoachApp, clashed: set[Binding], node: DOMNode) -> None:
    """Textual found two actions of one widget or screen on one key: the [keys] entries
    behind it stop applying, said once (Textual would keep both and call this each press)."""
    from coach_tui.ui.keymap import clash_sentence, entries_behind

    dropped = entries_behind(clashed, app.keys_in_force)
    if not dropped:
        return
    app.keys_in_force = {
        key: value for key, value in app.keys_in_force.items() if key not in dropped
    }
    app.set_keymap(app.keys_in_force)
    where = getattr(node, "HELP_NAME", type(node).__name__)
    _say(app, clash_sentence(clashed, dropped, where))


def _check_holiday_region(app: CoachApp) -> None:
    sentence = unknown_holiday_region(app.config)
    if sentence is not None:
        app.call_from_thread(_say, app, sentence)


def _say(app: CoachApp, sentence: str) -> None:
    app.notify(sentence, title=CONFIG_NAME, severity="warning", timeout=NOTICE_SECONDS)
