"""A screen that is one filtered table: `/` to filter as you type, enter to open a row.

Accounts and People work the same way, so the keys behave the same on both: the filter
key takes focus at once (letters typed in a burst after `/` all land in the filter),
`/` typed inside the filter is a character, enter in the filter goes back to the table.
"""

from __future__ import annotations

from textual import on
from textual.widgets import DataTable, Input

from coach_tui.ui.kit.base import CoachScreen


class FilteredListScreen(CoachScreen[None]):
    """Subclasses compose an `Input#filter` and one `DataTable` keyed by uid, and give
    `redraw()` and `action_open()`."""

    def redraw(self, *, keep: str | None = None) -> None:
        raise NotImplementedError

    def action_open(self) -> None:
        raise NotImplementedError

    def highlighted_uid(self) -> str | None:
        """The uid of the row under the cursor, or None on an empty table."""
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return str(key.value) if key.value is not None else None

    @on(Input.Changed, "#filter")
    def _filter_changed(self) -> None:
        self.redraw()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.query_one(DataTable).focus()

    @on(DataTable.RowSelected)
    def _row_selected(self) -> None:
        self.action_open()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`/` typed in the filter is a character of the filter, not the filter key."""
        return not (action == "filter" and isinstance(self.focused, Input))

    def action_filter(self) -> None:
        # At once, not after the keys already queued: "/ost" typed in a burst all filters.
        self.set_focus(self.query_one("#filter", Input))

    def action_back(self) -> None:
        """Esc clears a filter first (the whole list is back), then leaves."""
        filter_input = self.query_one("#filter", Input)
        if filter_input.value:
            filter_input.value = ""
            self.query_one(DataTable).focus()
            return
        self.app.pop_screen()
