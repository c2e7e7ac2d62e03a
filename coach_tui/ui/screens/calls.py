"""Calls: what is coming (with or without an outcome) and what still needs a debrief."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Static

from coach_tui.coaching.calls import awaiting_debrief, upcoming
from coach_tui.model.call import Call
from coach_tui.store.errors import StoreError
from coach_tui.ui.kit.base import CoachScreen
from coach_tui.ui.kit.call_actions import CallActions
from coach_tui.ui.routes import AccountPickerRoute
from coach_tui.ui.text import cell, day_and_time
from coach_tui.ui.widgets.fitted_table import FittedTable
from coach_tui.ui.widgets.key_footer import KeyFooter

EMPTY = (
    "No calls yet. Press n to schedule one (or c on an account). Each call gets one outcome: "
    "what the client will agree to by its end."
)


class CallsScreen(CallActions, CoachScreen[None]):
    """Upcoming calls and calls to debrief; p prepares, b debriefs."""

    HELP_NAME = "Calls"
    CSS_PATH = "entry.tcss"
    BINDINGS = [
        Binding("n", "new_call", "New call", id="calls.new", tooltip="Schedule a call"),
        Binding("p", "prep", "Prep", id="calls.prep",
                tooltip="Prepare the highlighted call's outcome"),
        Binding("b", "debrief", "Debrief", id="calls.debrief",
                tooltip="Debrief the highlighted call: advance or continuation, next step"),
        Binding("m", "move_call", "Move", id="calls.move",
                tooltip="Change the highlighted call's time, kind or people"),
        Binding("h", "call_history", "History", id="calls.history",
                tooltip="The highlighted call's account: every debriefed call, promises, notes"),
        Binding("escape", "app.pop_screen", "Back", id="calls.back",
                tooltip="Back to the dashboard"),
    ]  # fmt: skip

    def __init__(self) -> None:
        super().__init__()
        self.calls: dict[str, Call] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="calls-status", classes="muted")
        yield FittedTable(flexible=(3,), id="calls", cursor_type="row", zebra_stripes=True)
        yield Static(EMPTY, id="calls-empty", classes="muted")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("when", "account", "kind", "outcome", "state")

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        repo = self.coach.repo
        now = self.coach.now()
        try:
            calls = repo.calls.current()
            names = repo.accounts.names()
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=15, markup=False)
            return
        due = awaiting_debrief(calls, now)
        coming = upcoming(calls, now, names)
        self.calls = {call.uid: call for call in calls}
        table = self.query_one(DataTable)
        keep = self.highlighted_call()
        table.clear()
        for call in due:
            outcome = call.outcome or "—"
            self._row(table, call, self.local(call.when), names, outcome, "debrief it (b)")
        for line in coming:
            outcome = line.call.outcome or "⚠ no outcome yet (p)"
            state = "prepared" if line.prepared else "to prepare"
            self._row(table, line.call, line.when, names, outcome, state)
        listed = {call.uid for call in due} | {line.call.uid for line in coming}
        if keep is not None and keep.uid in listed:
            table.move_cursor(row=table.get_row_index(keep.uid))
        shown = bool(due or coming)
        table.display = shown
        self.query_one("#calls-empty").display = not shown
        self.sub_title = f"{len(coming)} coming · {len(due)} to debrief"
        self.query_one("#calls-status", Static).update(
            "p prep · b debrief · m move · h history · n new call" if shown else ""
        )
        if shown:
            table.focus()

    @staticmethod
    def _row(
        table: DataTable,
        call: Call,
        when: datetime,
        names: dict[str, str],
        outcome: str,
        state: str,
    ) -> None:
        """One call's row; `when` is its time on the seller's clock now."""
        account = cell(names.get(call.account_uid, "?"), 24)
        table.add_row(
            cell(day_and_time(when)),
            account,
            cell(call.kind.value),
            cell(outcome, 44),
            cell(state),
            key=call.uid,
        )

    def highlighted_call(self) -> Call | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return self.calls.get(str(row_key.value))

    @on(DataTable.RowSelected)
    def _chosen(self) -> None:
        call = self.highlighted_call()
        if call is None:
            return
        if call.when < self.coach.now() and call.debrief is None:
            self.action_debrief()
        else:
            self.action_prep()

    def action_call_history(self) -> None:
        """The highlighted call's account; with no call listed, ask which account."""
        call = self.highlighted_call()
        if call is not None:
            self.show_call_history(call.account_uid)
            return
        self.pick_account("Whose call history?", self.show_call_history)

    def action_new_call(self) -> None:
        self.pick_account("Which account is the call with?", self.schedule_call)

    def pick_account(self, question: str, then: Callable[[str], None]) -> None:
        """Ask which account, then run `then` with its uid."""
        try:
            names = self.coach.repo.accounts.names()
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=15, markup=False)
            return
        if not names:
            self.notify("Add an account first (a on the dashboard, then n).")
            return

        def picked(uid: str | None) -> None:
            if uid:
                then(uid)

        self.coach.open(AccountPickerRoute(names, question), picked)
