"""The question asked before reopening a flow whose saved answers may have stopped coach."""

from __future__ import annotations

from enum import Enum

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from coach_tui.ui.text import plain
from coach_tui.ui.widgets.scroll import VerticalScroll


class Rescue(Enum):
    AFRESH = "afresh"  # keep the answers in a file, open the flow empty
    AGAIN = "again"  # open the flow with the saved answers


class DraftRescueScreen(ModalScreen[Rescue | None]):
    """Dismisses with the seller's choice; Esc (None) leaves the draft as it is."""

    CSS_PATH = "dialogs.tcss"
    HELP_NAME = "Saved answers"
    BINDINGS = [
        Binding("escape", "leave", "Not now", id="rescue.leave", tooltip="Keep the draft as it is"),
        Binding("a", "afresh", "Start afresh", id="rescue.afresh"),
        Binding("t", "again", "Try again", id="rescue.again"),
    ]

    def __init__(self, title: str, what_happened: str) -> None:
        super().__init__()
        self.title_text = title
        self.what_happened = what_happened

    def compose(self) -> ComposeResult:
        # Scrolls on a very small terminal; Tab moves between the buttons only.
        with VerticalScroll(classes="dialog", id="rescue", can_focus=False):
            yield Static(plain(self.title_text), classes="dialog-title")
            yield Static(plain(self.what_happened), id="rescue-what")
            yield Static(
                plain(
                    "• Start afresh: your answers are kept in a file in your data folder "
                    "(drafts-set-aside/), and the flow opens empty.\n"
                    "• Try again: open it with your answers, at the step you were on.\n"
                    "• Esc: not now. The draft stays as it is."
                ),
                classes="dialog-question",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Try again (t)", id="again", variant="default")
                yield Button("Start afresh (a)", id="afresh", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#afresh", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(Rescue(event.button.id))

    def action_afresh(self) -> None:
        self.dismiss(Rescue.AFRESH)

    def action_again(self) -> None:
        self.dismiss(Rescue.AGAIN)

    def action_leave(self) -> None:
        self.dismiss(None)
