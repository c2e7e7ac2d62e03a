"""config.toml's [keys], checked before any is applied: each refused entry is one sentence
naming its line, and the action keeps its own key."""

from __future__ import annotations

import pytest
from textual.binding import Binding

from coach_tui.ui.app import CoachApp
from coach_tui.ui.keymap import ScreenKeys, check_keymap, coach_screens, is_key_name

APP = (
    Binding("ctrl+q", "quit", "Quit", id="app.quit"),
    Binding("question_mark", "help", "Help", id="app.help"),
)
DASHBOARD = ScreenKeys(
    "the Dashboard screen",
    (
        Binding("a", "app.accounts", "Accounts", id="dashboard.accounts"),
        Binding("c", "app.calls", "Calls", id="dashboard.calls"),
        Binding("q", "app.quit", "Quit", id="dashboard.quit"),
        *APP,
    ),
)
ACCOUNTS = ScreenKeys(
    "the Accounts screen",
    (
        Binding("n", "new", "New", id="accounts.new"),
        Binding("x", "archive", "Archive", id="accounts.archive"),
        *APP,
    ),
)
SCREENS = [DASHBOARD, ACCOUNTS]
KNOWN = {b.id for screen in SCREENS for b in screen.bindings if b.id}


def check(entries: dict[str, str]):
    lines = {binding_id: number for number, binding_id in enumerate(entries, 2)}
    return check_keymap(entries, lines, SCREENS, KNOWN)


@pytest.mark.parametrize(
    ("entries", "applied", "said"),
    [
        ({"dashboard.accounts": "x"}, {"dashboard.accounts": "x"}, []),
        # x is the Accounts screen's archive key, but not on the dashboard: no clash.
        ({"dashboard.accounts": "A,f2"}, {"dashboard.accounts": "A,f2"}, []),
        (
            {"dashboard.calls": "a"},
            {},
            [
                "config.toml line 2: a is already 'dashboard.accounts' on the Dashboard "
                "screen, so 'dashboard.calls' keeps its own key."
            ],
        ),
        (
            {"accounts.new": "ctrl+q"},
            {},
            [
                "config.toml line 2: ctrl+q is already 'app.quit' on the Accounts screen, "
                "so 'accounts.new' keeps its own key."
            ],
        ),
        # "?" written as the character is the key Textual calls question_mark.
        (
            {"dashboard.calls": "?"},
            {},
            [
                "config.toml line 2: ? is already 'app.help' on the Dashboard "
                "screen, so 'dashboard.calls' keeps its own key."
            ],
        ),
        # Swapping two keys in one go is no clash: each moves off the key the other takes.
        (
            {"dashboard.accounts": "c", "dashboard.calls": "a"},
            {"dashboard.accounts": "c", "dashboard.calls": "a"},
            [],
        ),
        # Two entries asking for one key: the first in the file wins.
        (
            {"dashboard.accounts": "z", "dashboard.calls": "z"},
            {"dashboard.accounts": "z"},
            [
                "config.toml line 3: z is already 'dashboard.accounts' on the Dashboard "
                "screen, so 'dashboard.calls' keeps its own key."
            ],
        ),
        # Two keys for one action (quit on q and ctrl+q) is not a clash.
        ({"dashboard.quit": "ctrl+q"}, {"dashboard.quit": "ctrl+q"}, []),
        (
            {"dashboard.acounts": "x"},
            {},
            [
                "config.toml line 2: no action has the id 'dashboard.acounts' (the README "
                "lists every action's id), so coach leaves it out."
            ],
        ),
        (
            {"dashboard.accounts": "ctrl+bogus"},
            {},
            [
                "config.toml line 2: 'ctrl+bogus' is not a key name coach knows, so "
                "'dashboard.accounts' keeps its own key."
            ],
        ),
        (
            {"dashboard.accounts": "cmd+a"},
            {},
            [
                "config.toml line 2: 'cmd+a' is not a key name coach knows, so "
                "'dashboard.accounts' keeps its own key."
            ],
        ),
    ],
)
def test_each_entry_is_applied_or_refused_with_one_sentence(entries, applied, said) -> None:
    checked = check(entries)
    assert checked.keymap == applied
    assert checked.problems == said


@pytest.mark.parametrize(
    ("key", "valid"),
    [
        ("a", True),
        ("A", True),
        ("f5", True),
        ("ctrl+shift+x", True),
        ("question_mark", True),
        ("escape", True),
        ("pageup", True),
        ("ctrl+", False),
        ("hyperdrive", False),
        ("ctrl+nothing", False),
    ],
)
def test_key_names(key: str, valid: bool) -> None:
    assert is_key_name(key) is valid


def test_every_screen_of_coach_is_checked_with_the_keys_that_reach_it() -> None:
    screens, known = coach_screens(CoachApp)
    by_name = {screen.name: screen for screen in screens}
    dashboard = by_name["the Dashboard screen"]
    ids = {binding.id for binding in dashboard.bindings}
    assert {"dashboard.accounts", "app.quit", "app.help"} <= ids
    # A modal form takes only the app's priority keys (quit), not ? or ctrl+z.
    form = next(screen for name, screen in by_name.items() if "Currency" in name)
    assert "app.quit" in {binding.id for binding in form.bindings}
    assert "app.undo" not in {binding.id for binding in form.bindings}
    assert {"accounts.archive", "flow.next", "confirm.yes"} <= known
