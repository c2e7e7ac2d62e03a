"""`?`: the keys of the screen you came from, and the method in a few lines."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from coach_tui.ui.text import cell, plain
from coach_tui.ui.widgets.scroll import VerticalScroll

ABOUT = (
    "The coach follows one idea per habit: know why you sell; set results goals and "
    "getting-better goals together; give each key account one strategic objective; plan how "
    "to get in; go into every call with an outcome the client can agree to in that call; "
    "and look back each week."
)


class HelpScreen(ModalScreen[None]):
    """Lists key bindings as (key, what it does); built from the bindings themselves."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Close", id="help.close"),
        Binding("question_mark", "app.pop_screen", "Close", show=False, id="help.close_alt"),
    ]

    def __init__(self, keys: list[tuple[str, str]], screen_name: str) -> None:
        super().__init__()
        self.keys = keys
        self.screen_name = screen_name

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="help"):
            yield Static(plain(f"Keys — {self.screen_name}"), classes="dialog-title")
            yield DataTable(id="help-keys", show_cursor=False, zebra_stripes=True)
            with VerticalScroll(id="help-about"):
                yield Static(ABOUT)
                yield Static(
                    "ctrl+p opens the command palette: every action, searchable by name.",
                    classes="dialog-question",
                )

    def on_mount(self) -> None:
        self.call_after_refresh(self._fill)  # once the dialog's width is known

    def on_resize(self) -> None:
        self.call_after_refresh(self._fill)

    def _fill(self) -> None:
        """One row per key; a description wider than the dialog wraps onto more lines."""
        table = self.query_one("#help-keys", DataTable)
        key_width = max((len(key) for key, _ in self.keys), default=3)
        # Each column has one cell of padding either side.
        room = max(20, table.scrollable_content_region.width - key_width - 4)
        table.clear(columns=True)
        table.add_column("key", width=key_width)
        table.add_column("does", width=room)
        for key, description in self.keys:
            table.add_row(cell(key), cell(description), height=None)
