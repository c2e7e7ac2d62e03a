"""A titled dashboard panel that always says something useful, even with no data yet."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from coach_tui.ui.text import plain


class DashboardPanel(Static):
    """A bordered panel; `show_empty` explains what will appear here and how to start it."""

    def __init__(self, title: str, *, id: str) -> None:
        super().__init__("", id=id)
        self.border_title = title

    def show_empty(self, what_appears: str, how_to_start: str) -> None:
        """An empty state: what this panel will hold, then the key that starts it."""
        self.add_class("-empty")
        self.remove_class("-list")
        self.update(plain(f"{what_appears}\n\n{how_to_start}"))

    def show(self, content: Content, *, wrap: bool = True) -> None:
        """Real content: drawn as given; without `wrap`, long lines end in an ellipsis."""
        self.remove_class("-empty")
        self.set_class(not wrap, "-list")
        self.update(content)
