"""Pick one account from a list: used where an action needs an account first."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from coach_tui.ui.text import plain


class AccountPicker(ModalScreen[str]):
    """Dismisses with the chosen account's uid, or None."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "dismiss", "Cancel", id="picker.cancel")]

    def __init__(self, names: dict[str, str], question: str, *, keep_order: bool = False) -> None:
        super().__init__()
        self.names = names
        self.question = question
        self.keep_order = keep_order  # as given (the morning plan's agenda), not by name

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self.question), classes="dialog-title")
            ordered = list(self.names.items())
            if not self.keep_order:
                ordered.sort(key=lambda item: item[1].casefold())
            yield OptionList(*[Option(plain(name), id=uid) for uid, name in ordered])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
