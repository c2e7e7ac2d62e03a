"""The account list: filter as you type, sort, add, open, archive, delete with undo."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Input, Static

from coach_tui.coaching.accounts import (
    AccountRow,
    AccountSort,
    account_rows,
    filter_rows,
    sort_rows,
)
from coach_tui.model.account import Account
from coach_tui.model.money import compact_money
from coach_tui.model.wording import share
from coach_tui.services.red_flags import flag_words
from coach_tui.store.errors import StoreError
from coach_tui.ui.kit.confirm import ConfirmScreen
from coach_tui.ui.kit.filtered_list import FilteredListScreen
from coach_tui.ui.routes import AccountFormRoute, AccountRoute
from coach_tui.ui.text import cell, day, plain
from coach_tui.ui.widgets.fitted_table import FittedTable
from coach_tui.ui.widgets.key_footer import KeyFooter

NO_ACCOUNTS = (
    "No accounts yet. Press n to add your first key account, or open the palette (ctrl+p) "
    "and choose Plan the year to set targets and objectives in one sitting."
)
COLUMNS = ("Account", "Strategic objective", "Target date", "Target", "")
OBJECTIVE_WIDTH = 40


class AccountsScreen(FilteredListScreen):
    """Every account with its open objective; Enter opens one."""

    HELP_NAME = "Accounts"
    CSS_PATH = "accounts.tcss"
    BINDINGS = [
        Binding("n", "new", "New", id="accounts.new", tooltip="Add an account"),
        Binding("enter", "open", "Open", id="accounts.open", tooltip="Open the account"),
        Binding("s", "sort", "Sort", id="accounts.sort", tooltip="Sort by name, date or target"),
        Binding("x", "archive", "Archive", id="accounts.archive", tooltip="Archive or bring back"),
        Binding(
            "v",
            "toggle_archived",
            "Archived",
            id="accounts.show_archived",
            tooltip="Show or hide archived accounts",
        ),
        Binding(
            "D", "delete", "Delete", id="accounts.delete", tooltip="Delete (asks; undo with u)"
        ),
        Binding("u", "undo", "Undo", id="accounts.undo", tooltip="Undo the last archive or delete"),
        # Priority: handled as it arrives, so letters typed right after it reach the filter
        # instead of firing this screen's shortcuts (see `check_action`).
        Binding(
            "slash",
            "filter",
            "Filter",
            id="accounts.filter",
            tooltip="Type to filter",
            priority=True,
        ),
        Binding(
            "p",
            "app.people",
            "People",
            id="accounts.people",
            show=False,  # the footer is full at 100 columns; `?` and the palette list it
            tooltip="Everyone you know at clients, on an account or not yet",
        ),
        Binding(
            "escape", "back", "Back", id="accounts.back", tooltip="Clear the filter, or go back"
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.sort_by = AccountSort.NAME
        self.show_archived = False
        self.rows: list[AccountRow] = []
        self.archived = 0  # how many accounts are archived, shown or not
        self._cell_cache: dict[str, tuple[object, ...]] = {}  # cells of each row, built once
        self._drawn: list[str] | None = None  # the row order on screen

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Filter: type part of a name or objective", id="filter")
        yield Static("", id="list-status")
        # The objective gives way first; at 80 columns a long name does too, not the flags.
        yield FittedTable(flexible=(0, 1), id="accounts", cursor_type="row", zebra_stripes=True)
        yield Static(NO_ACCOUNTS, id="accounts-empty")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Accounts"
        table = self.query_one(DataTable)
        table.add_columns(*COLUMNS)
        table.focus()  # keys act on the list; / (or a click) moves to the filter

    def on_screen_resume(self) -> None:
        self.reload()

    # --- data ------------------------------------------------------------------

    def reload(self, *, keep: str | None = None) -> None:
        """Read accounts and objectives again, keeping the cursor on `keep` if given."""
        repo = self.coach.repo
        try:
            everyone = repo.accounts.all(include_archived=True)
            objectives = repo.objectives.all_open()
            flags = flag_words(repo, self.coach.now())
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=15, markup=False)
            return
        accounts = [a for a in everyone if self.show_archived or not a.archived]
        self.archived = len(everyone) - len([a for a in everyone if not a.archived])
        self.rows = account_rows(accounts, objectives, self.coach.now().date(), flags)
        self._cell_cache = {}
        self._drawn = None
        self.redraw(keep=keep or self.highlighted_uid())

    def redraw(self, *, keep: str | None = None) -> None:
        table = self.query_one(DataTable)
        text = self.query_one("#filter", Input).value
        shown = sort_rows(filter_rows(self.rows, text), self.sort_by)
        order = [row.account.uid for row in shown]
        if order != self._drawn:  # a key that leaves the same rows costs no table rebuild
            table.clear()
            for row in shown:
                table.add_row(*self._cached_cells(row), key=row.account.uid)
            self._drawn = order
        if keep is not None and keep in {row.account.uid for row in shown}:
            table.move_cursor(row=table.get_row_index(keep))
        empty = self.query_one("#accounts-empty", Static)
        empty.display = not shown
        if not self.rows and self.archived:
            empty.update(
                plain(
                    f"Every account is archived ({self.archived:,}). Press v to show them, "
                    "or n to add one."
                )
            )
        elif not self.rows:
            empty.update(NO_ACCOUNTS)
        elif not shown:
            empty.update(plain(f"No account matches “{text}”. Esc clears the filter."))
        archived = " · archived shown" if self.show_archived else ""
        self.query_one("#list-status", Static).update(
            plain(
                f"{share(len(shown), len(self.rows), 'account')} · sorted by {self.sort_by.value} "
                f"(s to change){archived}"
            )
        )

    def _cached_cells(self, row: AccountRow) -> tuple[object, ...]:
        """The row's cells, built once per reload (a filter keystroke redraws many rows)."""
        uid = row.account.uid
        if uid not in self._cell_cache:
            self._cell_cache[uid] = self._cells(row)
        return self._cell_cache[uid]

    @staticmethod
    def _cells(row: AccountRow) -> tuple[object, ...]:
        objective = row.objective
        # cell(), not markup: account names are the seller's words ("R&D [EMEA]").
        name = cell(row.account.name + ("  (archived)" if row.account.archived else ""))
        if objective is None:
            return name, "—", "", "", cell(row.flag)
        target = objective.financial_target
        return (
            name,
            cell(f"{objective.kind.value}: {objective.description}", OBJECTIVE_WIDTH),
            cell(day(objective.target_date)) if objective.target_date else "",
            cell(compact_money(target.amount, target.currency)) if target else "",
            cell(row.flag),
        )

    def highlighted(self) -> Account | None:
        uid = self.highlighted_uid()
        return next((r.account for r in self.rows if r.account.uid == uid), None)

    # --- keys --------------------------------------------------------------------

    def action_sort(self) -> None:
        self.sort_by = self.sort_by.next()
        self.redraw()

    def action_toggle_archived(self) -> None:
        self.show_archived = not self.show_archived
        self.reload()

    def action_new(self) -> None:
        from coach_tui.ui.people_offer import offer_people

        def created(account: Account | None) -> None:
            if account is not None:
                self.reload(keep=account.uid)
                self.notify(
                    f"Added {account.name}. Open it (enter) to write research and its objective.",
                    markup=False,
                )
                offer_people(self.coach, [account.uid])

        self.coach.open(AccountFormRoute(), created)

    def action_open(self) -> None:
        account = self.highlighted()
        if account is not None:
            self.coach.open(AccountRoute(account.uid))

    def action_archive(self) -> None:
        account = self.highlighted()
        if account is None:
            return
        repo = self.coach.repo
        when = None if account.archived else self.coach.now()
        try:
            repo.accounts.set_archived(account.uid, when)
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=15, markup=False)
            return
        verb = "Brought back" if account.archived else "Archived"
        self.coach.undo.push(
            f"{verb.lower()} {account.name}",
            lambda: repo.accounts.set_archived(account.uid, account.archived_at),
        )
        self.notify(f"{verb} {account.name}. Press u to undo.", markup=False)
        self.reload()

    def action_delete(self) -> None:
        account = self.highlighted()
        if account is None:
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            repo = self.coach.repo
            try:
                deleted = repo.accounts.delete(account.uid)
            except StoreError as error:
                self.notify(str(error), severity="error", timeout=15, markup=False)
                return
            if deleted is not None:
                self.coach.undo.push(
                    f"deleting {account.name}", lambda: repo.accounts.restore(deleted)
                )
            self.notify(f"Deleted {account.name}. Press u to undo (until you quit).", markup=False)
            self.reload()

        self.app.push_screen(
            ConfirmScreen(
                f"Delete {account.name} with its objectives and team notes? Archiving (x) "
                "keeps them instead.",
                confirm="Delete",
            ),
            answered,
        )

    def action_undo(self) -> None:
        self.coach.action_undo()
