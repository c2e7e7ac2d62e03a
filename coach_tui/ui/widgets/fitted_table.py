"""A table that is never wider than its room: its free-text columns give way, whole words.

Textual's `DataTable` sizes each column to its longest cell and scrolls sideways when they
add up to more than the screen: at 80 columns the accounts list lost its Target column
off the right edge. Here the columns named as free text (an objective, a call's outcome,
a touch's idea) are cut, after a whole word with "…", so that every column shows; the
full text stays in the table's memory and comes back when the terminal widens.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, RowKey

from coach_tui.ui.text import cell

# A free-text column keeps at least this many cells, however narrow the terminal.
MINIMUM_WIDTH = 8


class FittedTable(DataTable[Any]):
    """A `DataTable` whose columns at `flexible` positions shrink to fit; see the module."""

    def __init__(self, *, flexible: Collection[int] = (), **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._flexible = tuple(flexible)
        self._full: dict[tuple[RowKey, ColumnKey], Text] = {}

    def add_row(self, *cells: Any, **kwargs: Any) -> RowKey:
        row = super().add_row(*cells, **kwargs)
        columns = list(self.columns)
        for index in self._flexible:
            if index < len(cells) and index < len(columns):
                value = cells[index]
                self._full[(row, columns[index])] = (
                    value if isinstance(value, Text) else cell(str(value))
                )
        self.call_after_refresh(self.fit)
        return row

    def clear(self, columns: bool = False) -> FittedTable:
        self._full.clear()
        super().clear(columns)
        return self

    def on_resize(self) -> None:
        self.call_after_refresh(self.fit)

    def fit(self) -> None:
        """Cut the free-text columns so that every column shows in the table's width."""
        room = self.scrollable_content_region.width
        columns = list(self.columns.values())
        flexible = [columns[index].key for index in self._flexible if index < len(columns)]
        if room <= 0 or not flexible:
            return
        padding = 2 * self.cell_padding
        natural = {column.key: cell_len(column.label.plain) for column in columns}
        for key in natural:
            if key not in flexible:
                for value in self.get_column(key):
                    natural[key] = max(natural[key], cell_len(_plain(value)))
        for (_, key), text in self._full.items():
            natural[key] = max(natural[key], cell_len(text.plain))
        fixed = sum(width + padding for key, width in natural.items() if key not in flexible)
        widths = _share(
            {key: natural[key] for key in flexible},
            room - fixed - padding * len(flexible),
            # A column is never narrower than its header: the table would widen it back.
            floors={key: cell_len(self.columns[key].label.plain) for key in flexible},
        )
        for (row, key), text in self._full.items():
            if row in self.rows and _plain(self.get_cell(row, key)) != _fitted(text, widths[key]):
                self.update_cell(row, key, _cut(text, widths[key]), update_width=True)


def _plain(value: object) -> str:
    return value.plain if isinstance(value, Text) else str(value)


def _share(
    natural: dict[ColumnKey, int], room: int, *, floors: Mapping[ColumnKey, int] = {}
) -> dict[ColumnKey, int]:
    """Widths for the free-text columns in `room` cells: the widest give way first, none
    below MINIMUM_WIDTH or its floor (its header's width)."""
    widths = dict(natural)
    least = {key: max(MINIMUM_WIDTH, floors.get(key, 0)) for key in widths}
    while sum(widths.values()) > room:
        giving = [key for key in widths if widths[key] > least[key]]
        if not giving:
            break
        widest = max(giving, key=lambda key: widths[key])
        widths[widest] -= 1
    return widths


def _fitted(text: Text, width: int) -> str:
    """What a cell of `text` shows in `width` cells."""
    return _cut(text, width).plain


def _cut(text: Text, width: int) -> Text:
    """`text` in at most `width` cells, ending after a whole word (`cell` cuts it)."""
    if cell_len(text.plain) <= width:
        return text
    return cell(text.plain, width, style=str(text.style), justify=text.justify)
