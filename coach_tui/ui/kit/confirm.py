"""A yes/no question before anything is thrown away."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from coach_tui.ui.kit.styles import SCREEN_STYLES
from coach_tui.ui.text import plain


class ConfirmScreen(ModalScreen[bool]):
    """Dismisses with True only when the seller confirms; Esc or "Keep" means no.

    Questions name what is at stake ("Remove Max [/] Typed…?"), so they are drawn as text.
    """

    CSS_PATH = SCREEN_STYLES / "dialogs.tcss"
    BINDINGS = [
        Binding("escape", "keep", "Keep", id="confirm.keep"),
        Binding("y", "confirm", "Yes", id="confirm.yes"),
    ]

    def __init__(self, question: str, *, confirm: str, keep: str = "Keep it") -> None:
        super().__init__()
        self.question = question
        self.confirm_label = confirm
        self.keep_label = keep

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self.question), classes="dialog-question")
            with Horizontal(classes="dialog-buttons"):
                yield Button(plain(self.keep_label), id="keep", variant="primary")
                yield Button(plain(f"{self.confirm_label} (y)"), id="confirm", variant="error")

    def on_mount(self) -> None:
        self.query_one("#keep", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm")

    def action_keep(self) -> None:
        self.dismiss(False)

    def action_confirm(self) -> None:
        self.dismiss(True)
