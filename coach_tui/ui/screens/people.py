"""People: everyone coach knows, placed on an account or not, to find, place and merge.

Imported people whose company is no account yet wait here (first in the list) until the
seller puts them on an account (`a`); two records of one person become one (`m` on each).
"""

from __future__ import annotations

from dataclasses import replace

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Input, Static

from coach_tui.coaching.people import (
    PeopleSort,
    PersonRow,
    filter_people,
    merged,
    person_rows,
    sort_people,
    survivor_of,
)
from coach_tui.model.contact import Contact
from coach_tui.model.errors import ValidationError
from coach_tui.model.wording import counted
from coach_tui.store.errors import StoreError
from coach_tui.ui.kit.confirm import ConfirmScreen
from coach_tui.ui.kit.filtered_list import FilteredListScreen
from coach_tui.ui.routes import AccountPickerRoute, EntryRoute
from coach_tui.ui.text import cell, plain
from coach_tui.ui.widgets.key_footer import KeyFooter

NO_PEOPLE = (
    "No people yet. Import your LinkedIn connections or a vCard file (ctrl+p → Import "
    "contacts), or add decision makers on an account (a, open one, e, then n)."
)
NOT_PLACED = "— not on an account"
COLUMNS = ("Person", "Company", "Account", "Title")
# The most each column takes (name, company, account, title); a narrower terminal
# shares its width in the same proportions, so the title is cut, not pushed off screen.
WIDTHS = (28, 24, 24, 30)
TABLE_CHROME = 12  # the table's margins, column padding and scrollbar


def column_widths(width: int) -> tuple[int, ...]:
    """Each column's width for a screen `width` cells wide (at least 8 each)."""
    room = max(width - TABLE_CHROME, 32)
    if room >= sum(WIDTHS):
        return WIDTHS
    return tuple(max(8, room * part // sum(WIDTHS)) for part in WIDTHS)


# A table row costs Textual ~0.1 ms to add: 3,000 people redrawn on every keystroke would
# lag. People on no account come first, and typing narrows the rest.
ROWS_DRAWN = 400


def merge_question(keep: Contact, gone: Contact, account: str) -> str:
    """Which two records become one, under which name, and where."""
    if keep.name == gone.name:
        who = f"the two records of {keep.name}"
    else:
        who = f"{gone.name} and {keep.name} (keeping the name {keep.name})"
    where = f" on {account}" if account else ""
    return (
        f"Merge {who} into one{where}? Details only one of them has are kept; u undoes the merge."
    )


class PeopleScreen(FilteredListScreen):
    """Every decision maker and contact; people on no account come first."""

    HELP_NAME = "People"
    CSS_PATH = "people.tcss"
    BINDINGS = [
        # Priority: handled as it arrives, so letters typed right after it reach the filter
        # instead of firing this screen's shortcuts (see `check_action`).
        Binding(
            "slash", "filter", "Filter", id="people.filter", tooltip="Type to filter", priority=True
        ),
        Binding(
            "a",
            "assign",
            "Put on account",
            id="people.assign",
            tooltip="Put the person on an account (or move them)",
        ),
        Binding(
            "m",
            "merge",
            "Merge",
            id="people.merge",
            tooltip="Merge two records of one person (m on each)",
        ),
        Binding(
            "s",
            "sort",
            "Sort",
            id="people.sort",
            show=False,  # the status line says "(s)"; the footer keeps room for ? and ^q
            tooltip="Sort by company, name or account",
        ),
        Binding(
            "enter",
            "open",
            "Open",
            id="people.open",
            show=False,
            tooltip="Open the person's account at Getting in",
        ),
        Binding(
            "u", "app.undo", "Undo", id="people.undo", show=False, tooltip="Undo the last change"
        ),
        Binding(
            "escape",
            "back",
            "Back",
            id="people.back",
            tooltip="Cancel a merge, clear the filter, or go back",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.sort_by = PeopleSort.COMPANY
        self.rows: list[PersonRow] = []
        self.accounts: dict[str, str] = {}
        self.merging: Contact | None = None  # the first of two records to merge
        self._cell_cache: dict[str, tuple[object, ...]] = {}
        self._drawn: list[str] | None = None  # the row order on screen

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Filter: part of a name, company, account or email", id="filter")
        yield Static("", id="list-status")
        yield DataTable(id="people", cursor_type="row", zebra_stripes=True)
        yield Static(NO_PEOPLE, id="people-empty")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "People"
        self.query_one(DataTable).add_columns(*COLUMNS)
        self.query_one(DataTable).focus()

    def on_screen_resume(self) -> None:
        self.reload()

    # --- data ------------------------------------------------------------------------

    def reload(self, *, keep: str | None = None) -> None:
        repo = self.coach.repo
        try:
            self.accounts = repo.accounts.names()
            contacts = repo.contacts.all()
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=15, markup=False)
            return
        self.rows = person_rows(contacts, self.accounts)
        self._cell_cache = {}
        self._drawn = None
        self.redraw(keep=keep or self.highlighted_uid())

    def redraw(self, *, keep: str | None = None) -> None:
        table = self.query_one(DataTable)
        text = self.query_one("#filter", Input).value
        matching = sort_people(filter_people(self.rows, text), self.sort_by)
        shown = matching[:ROWS_DRAWN]
        order = [row.contact.uid for row in shown]
        if order != self._drawn:  # a key that leaves the same rows costs no table rebuild
            table.clear()
            for row in shown:
                table.add_row(*self._cached_cells(row), key=row.contact.uid)
            self._drawn = order
        if keep is not None and keep in {row.contact.uid for row in shown}:
            table.move_cursor(row=table.get_row_index(keep))
        table.display = bool(shown)  # the sentence under the filter, not at the foot
        empty = self.query_one("#people-empty", Static)
        empty.display = not shown
        if not self.rows:
            empty.update(NO_PEOPLE)
        elif not shown:
            empty.update(plain(f"Nobody matches “{text}”. Esc clears the filter."))
        self.show_status(len(matching), len(shown))

    def show_status(self, matching: int, drawn: int) -> None:
        if self.merging is not None:
            status = (
                f"Merging {self.merging.name}: highlight the other record and press m (esc cancels)"
            )
            self.query_one("#list-status", Static).update(plain(status))
            return
        waiting = sum(1 for row in self.rows if not row.placed)
        parts = [f"{matching:,} of {counted(len(self.rows), 'person', 'people')}"]
        if drawn < matching:
            parts[0] += f" (first {drawn:,} listed: type to narrow)"
        if waiting:
            parts.append(f"{waiting:,} not on an account yet (a puts one on)")
        parts.append(f"by {self.sort_by.value} (s)")
        self.query_one("#list-status", Static).update(plain(" · ".join(parts)))

    def _cached_cells(self, row: PersonRow) -> tuple[object, ...]:
        """The row's cells, built once per reload (a filter keystroke redraws many rows)."""
        uid = row.contact.uid
        if uid not in self._cell_cache:
            self._cell_cache[uid] = self._cells(row)
        return self._cell_cache[uid]

    def _cells(self, row: PersonRow) -> tuple[object, ...]:
        contact = row.contact
        name, company, account, title = column_widths(self.size.width)
        return (
            cell(contact.name, name),
            cell(contact.company, company),
            cell(row.account, account) if row.placed else cell(NOT_PLACED, account, style="dim"),
            cell(contact.title, title),
        )

    def on_resize(self) -> None:
        if self.rows:  # cells are cut to the width: build them again
            self._cell_cache = {}
            self._drawn = None
            self.redraw(keep=self.highlighted_uid())

    def highlighted(self) -> Contact | None:
        uid = self.highlighted_uid()
        return next((row.contact for row in self.rows if row.contact.uid == uid), None)

    # --- keys ------------------------------------------------------------------------

    def action_back(self) -> None:
        if self.merging is not None:
            self.merging = None
            self.redraw()
            return
        super().action_back()

    def action_sort(self) -> None:
        self.sort_by = self.sort_by.next()
        self.redraw()

    def action_open(self) -> None:
        contact = self.highlighted()
        if contact is None:
            return
        if not contact.account_uid:
            self.action_assign()
            return
        self.coach.open(EntryRoute(contact.account_uid))

    def action_assign(self) -> None:
        contact = self.highlighted()
        if contact is None:
            return
        if not self.accounts:
            self.notify(
                "There are no accounts yet. Add one first (a on the dashboard, then n): "
                "people whose company matches its name are offered to it.",
                severity="warning",
            )
            return

        def picked(account_uid: str | None) -> None:
            if account_uid and account_uid != contact.account_uid:
                self.place(contact, account_uid)

        question = f"Which account is {contact.name} on?"
        self.coach.open(AccountPickerRoute(self.accounts, question), picked)

    def place(self, contact: Contact, account_uid: str) -> None:
        repo = self.coach.repo
        try:
            repo.contacts.save(replace(contact, account_uid=account_uid))
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=15, markup=False)
            return
        account = self.accounts.get(account_uid, "the account")
        self.coach.undo.push(
            f"putting {contact.name} on {account}", lambda: repo.contacts.save(contact)
        )
        self.notify(f"{contact.name} is on {account} now. Press u to undo.", markup=False)
        self.reload(keep=contact.uid)

    def action_merge(self) -> None:
        contact = self.highlighted()
        if contact is None:
            return
        first = self.merging
        if first is None or first.uid == contact.uid:
            self.merging = None if first is not None else contact
            self.redraw()
            return
        self.merging = None
        self.redraw()
        self.query_one("#list-status", Static).update(
            plain(f"Looking through the history of both records of {contact.name}…")
        )
        self._plan_merge(first, contact)

    @work(thread=True, exclusive=True, group="merge")
    def _plan_merge(self, first: Contact, second: Contact) -> None:
        """Off the UI thread: which record has history may mean reading the archive."""
        try:
            referenced = self.coach.repo.contacts.referenced([first.uid, second.uid])
            keep, gone = survivor_of(first, second, referenced)
            result = merged(keep, gone)
        except ValidationError as error:
            self.app.call_from_thread(self._merge_refused, error.message)
            return
        except StoreError as error:
            self.app.call_from_thread(self._merge_refused, str(error))
            return
        self.app.call_from_thread(self._ask_merge, keep, gone, result)

    def _merge_refused(self, message: str) -> None:
        self.redraw()
        self.notify(message, title="Not merged", severity="warning", timeout=15)

    def _ask_merge(self, keep: Contact, gone: Contact, result: Contact) -> None:
        self.redraw()

        def answered(yes: bool | None) -> None:
            if yes:
                self.merge(keep, gone, result)

        self.app.push_screen(
            ConfirmScreen(
                merge_question(keep, gone, self.accounts.get(result.account_uid, "")),
                confirm="Merge",
                keep="Keep both",
            ),
            answered,
        )

    def merge(self, keep: Contact, gone: Contact, result: Contact) -> None:
        repo = self.coach.repo
        try:
            repo.contacts.merge(result, gone.uid)
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=15, markup=False)
            return
        self.coach.undo.push(
            f"merging {gone.name} into {keep.name}", lambda: repo.contacts.save_many([keep, gone])
        )
        self.notify(f"Merged: one record of {result.name} now. Press u to undo.", markup=False)
        self.reload(keep=result.uid)
