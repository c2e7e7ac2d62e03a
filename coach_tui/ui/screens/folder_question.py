"""The question asked before coach moves into a folder that holds someone's other files.

Coach opens the data folder before the app starts, so the question runs as a small app of
its own: the store refused the folder (`NotACoachFolder`), and only a "yes" here lets it
open it again with `adopt=True`. The safe answer is the default: Enter on the focused
button, Esc or q all leave the folder untouched.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from coach_tui.ui.text import plain
from coach_tui.ui.themes import DEFAULT_THEME, discover_themes, shipped_theme_dirs
from coach_tui.ui.widgets.scroll import VerticalScroll


class FolderQuestion(ModalScreen[bool]):
    """Dismisses with True only when the seller chooses to use the folder."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [
        Binding("escape,q", "leave", "Leave it", id="folder.leave"),
        Binding("y", "use", "Use it", id="folder.use"),
    ]

    def __init__(self, folder: Path, sample: str) -> None:
        super().__init__()
        self.folder = folder
        self.sample = sample

    def compose(self) -> ComposeResult:
        # Long file names on a small terminal: it scrolls, and the focused button is in view.
        with VerticalScroll(classes="dialog", id="folder-question", can_focus=False):
            yield Static("This folder holds other files", classes="dialog-title")
            yield Static(plain(str(self.folder)), id="folder-path")
            yield Static(
                plain(
                    f"It holds files coach did not write ({self.sample}) and no coach data. "
                    "Use it for coach's data anyway? coach would add its own files beside "
                    "yours, and it never changes or deletes a file it did not write."
                ),
                classes="dialog-question",
            )
            yield Static(
                "To keep coach's data in a folder of its own, leave and start coach with "
                "--data and a new or empty folder.",
                classes="dialog-keys",
                markup=False,
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Leave it, quit (esc)", id="leave", variant="primary")
                yield Button("Use this folder (y)", id="use")

    def on_mount(self) -> None:
        leave = self.query_one("#leave", Button)
        leave.focus(scroll_visible=False)
        # Once laid out, the answers are brought into view at once (not animated), so the
        # first frame a seller sees on a small terminal already shows them.
        self.call_after_refresh(leave.scroll_visible, animate=False)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "use")

    def action_leave(self) -> None:
        self.dismiss(False)

    def action_use(self) -> None:
        self.dismiss(True)


class FolderQuestionApp(App[bool]):
    """Asks `FolderQuestion` and exits with the answer (False when closed any other way)."""

    TITLE = "coach"

    def __init__(self, folder: Path, sample: str) -> None:
        super().__init__()
        self.folder = folder
        self.sample = sample
        for theme in discover_themes(shipped_theme_dirs()).themes:
            self.register_theme(theme)
        if DEFAULT_THEME in self.available_themes:
            self.theme = DEFAULT_THEME

    def on_mount(self) -> None:
        self.push_screen(FolderQuestion(self.folder, self.sample), self.exit)


def ask_to_use_folder(folder: Path, sample: str) -> bool:
    """Ask on the terminal whether coach may keep its data in `folder`."""
    return FolderQuestionApp(folder, sample).run() is True
