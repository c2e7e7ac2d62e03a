"""First run: what the coach does, in three lines, then on to the why."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

WELCOME_LINES = (
    "• It keeps your why in front of you: the reason you sell, read every morning.",
    "• It turns your targets into a weekly pace and your key accounts into plans.",
    "• It checks that every call has an outcome the client agrees to — and notices stalls.",
)
WELCOME_TEXT = "\n".join(WELCOME_LINES)


class WelcomeScreen(ModalScreen[bool]):
    """Dismisses with True to start the why flow, False to look around first."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [
        Binding("enter", "start", "Start", id="welcome.start", priority=True),
        Binding("escape", "later", "Later", id="welcome.later"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="welcome"):
            yield Static("Welcome to coach", classes="dialog-title")
            yield Static(WELCOME_TEXT, id="welcome-lines")
            yield Static(
                "Start with your why: five quiet minutes, three questions, one sentence.",
                classes="dialog-question",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Write my why (enter)", id="start", variant="primary")
                yield Button("Later (esc)", id="later")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "start")

    def action_start(self) -> None:
        self.dismiss(True)

    def action_later(self) -> None:
        self.dismiss(False)
