"""The one place that lists which Textual internals coach leans on, and why.

Textual's private names change without notice between releases, so each use is a cost paid
at every upgrade. Where Textual offers a supported hook, coach uses it (`App.panic` to leave
with one sentence, `theme_changed_signal`, `get_system_commands`, `action_change_theme`).
What remains, and why there is no supported way:

- `App._handle_exception`: the only point every unexpected error passes through, whichever
  message pump raised it; coach writes crash.log and saves the open drafts there, before
  Textual decides how to report the error.
- `App._fatal_error`: where Textual prints a traceback with local variables to the terminal;
  coach replaces that with one sentence naming the log (no traceback reaches the seller).

The test fails when code under coach_tui/ui overrides or reads any other Textual private
name, so a new one has to be added here, with its reason.
"""

from __future__ import annotations

import ast
from pathlib import Path

from textual.app import App
from textual.screen import ModalScreen, Screen
from textual.widget import Widget

UI = Path(__file__).resolve().parents[2] / "coach_tui" / "ui"
ALLOWED = {"_handle_exception", "_fatal_error"}


def _textual_private_names() -> set[str]:
    names: set[str] = set()
    for base in (App, Screen, ModalScreen, Widget):
        names |= {name for name in dir(base) if name.startswith("_") and not name.startswith("__")}
    return names


def _uses(private: set[str]) -> set[str]:
    """Textual private names our ui code defines (overrides) or reads on an object."""
    found: set[str] = set()
    for path in UI.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                found |= {
                    item.name
                    for item in node.body
                    if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef)
                    and item.name in private
                }
            elif isinstance(node, ast.Attribute) and node.attr in private:
                found.add(node.attr)
    return found


def test_textual_has_the_internals_we_override() -> None:
    """If an upgrade renames them, coach's crash handling would silently stop working."""
    assert _textual_private_names() >= ALLOWED


def test_no_other_textual_internal_is_used() -> None:
    assert _uses(_textual_private_names()) - ALLOWED == set()
