"""The question coach asks on start when guided flows were left half done."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from coach_tui.ui.flow_resume import FlowInProgress
from coach_tui.ui.text import plain


class ResumeOfferScreen(ModalScreen[str | None]):
    """Dismisses with the draft key to carry on with, or None (Esc: later, drafts kept)."""

    CSS_PATH = "dialogs.tcss"
    HELP_NAME = "Carry on"
    BINDINGS = [
        Binding(
            "escape", "later", "Later", id="resume.later", tooltip="Keep every draft for later"
        ),
    ]

    def __init__(self, flows: Sequence[FlowInProgress]) -> None:
        super().__init__()
        self.flows = tuple(flows)

    def compose(self) -> ComposeResult:
        count = len(self.flows)
        with Vertical(classes="dialog", id="resume-offer"):
            yield Static("Pick up where you left off?", classes="dialog-title")
            yield Static(
                plain(
                    "You left this half done; your answers are kept."
                    if count == 1
                    else f"You left these {count} half done; your answers are kept."
                )
            )
            yield OptionList(
                *(Option(plain(flow.label), id=flow.flow) for flow in self.flows),
                id="resume-flows",
            )
            yield Static(
                "enter carry on at that step · esc later (nothing is lost)", classes="dialog-keys"
            )

    def on_mount(self) -> None:
        options = self.query_one("#resume-flows", OptionList)
        options.highlighted = 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_later(self) -> None:
        self.dismiss(None)
