"""Pick one account from a list: used where an action needs an account first.

Type to narrow the list (the same folding rule as every filter); enter picks the
highlighted account, or the only one left.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from coach_tui.model.folding import matches
from coach_tui.ui.text import plain


class AccountPicker(ModalScreen[str]):
    """Dismisses with the chosen account's uid, or None."""

    CSS_PATH = "dialogs.tcss"
    AUTO_FOCUS = "#picker-filter"
    BINDINGS = [
        Binding("escape", "dismiss", "Cancel", id="picker.cancel"),
        Binding("down", "to_list", "List", id="picker.to_list", show=False),
    ]

    def __init__(self, names: dict[str, str], question: str, *, keep_order: bool = False) -> None:
        super().__init__()
        self.names = names
        self.question = question
        ordered = list(names.items())
        if not keep_order:  # as given (the morning plan's agenda), else by name
            ordered.sort(key=lambda item: item[1].casefold())
        self.ordered = ordered

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self.question), classes="dialog-title")
            yield Input(placeholder="Type to filter, enter picks", id="picker-filter")
            yield Static("", id="picker-empty", classes="field-hint")
            yield OptionList(*self._options(""))

    def _options(self, text: str) -> list[Option]:
        return [Option(plain(name), id=uid) for uid, name in self.ordered if matches(text, name)]

    @on(Input.Changed, "#picker-filter")
    def _narrow(self, event: Input.Changed) -> None:
        options = self._options(event.value)
        listing = self.query_one(OptionList)
        listing.clear_options()
        listing.add_options(options)
        if options:
            listing.highlighted = 0
        empty = self.query_one("#picker-empty", Static)
        empty.update(
            "" if options else plain(f"No account matches “{event.value}”. Delete a letter or two.")
        )

    @on(Input.Submitted, "#picker-filter")
    def _pick_first(self) -> None:
        listing = self.query_one(OptionList)
        index = listing.highlighted if listing.highlighted is not None else 0
        if listing.option_count:
            option_id = listing.get_option_at_index(index).id
            self.dismiss(option_id)

    def action_to_list(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
