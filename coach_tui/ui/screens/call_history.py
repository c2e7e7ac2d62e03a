"""One account's call history: each debriefed call, what it aimed for and what it got.

Archived calls are included, so the first opening reads the archive — in a worker, with
a line saying so, since at years of history that is the one slow read a seller waits for.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable, Header, Static

from coach_tui.coaching.call_history import HistoryEntry, call_history, history_tally
from coach_tui.coaching.calls import commitment_label
from coach_tui.model.call import RESULT_GOT, RESULT_SHORT, Commitment, Movement, Party
from coach_tui.model.wording import counted
from coach_tui.store.errors import StoreError
from coach_tui.ui.kit.base import CoachScreen
from coach_tui.ui.text import cell, day, day_and_time, plain
from coach_tui.ui.widgets.key_footer import KeyFooter
from coach_tui.ui.widgets.scroll import VerticalScroll

READING = "Reading this account's calls, the archive included…"
# What the columns before "aimed for" take, with the table's padding: the outcome gets the
# rest of the width (it is shown whole below the list), so nothing scrolls sideways.
FIXED_COLUMNS = 62
OUTCOME_WIDTH = (16, 44)


@dataclass
class HistoryLoaded(Message):
    """The account's history was read (in a worker thread)."""

    name: str
    entries: list[HistoryEntry]


@dataclass
class HistoryLoadFailed(Message):
    """Reading the history failed; `reason` is a sentence for the user."""

    reason: str


class CallHistoryScreen(CoachScreen[None]):
    """Debriefed calls newest first; the highlighted one's whole debrief below."""

    HELP_NAME = "Call history"
    CSS_PATH = "call_history.tcss"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="history.calls.back",
                tooltip="Back to where you came from"),
    ]  # fmt: skip

    def __init__(self, account_uid: str) -> None:
        super().__init__()
        self.account_uid = account_uid
        self.entries: list[HistoryEntry] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(READING, id="history-status")
        yield DataTable(id="history", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="history-detail"):
            yield Static("", id="history-debrief")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Call history"
        table = self.query_one(DataTable)
        table.add_columns("when", "kind", "result", "advance?", "aimed for")
        table.display = False
        self.query_one("#history-detail").display = False
        self.load()

    @work(thread=True, exclusive=True, group="call-history")
    def load(self) -> None:
        """Read the account's calls and promises, archived ones included."""
        repo = self.coach.repo
        try:
            account = repo.accounts.get(self.account_uid)
            calls = repo.calls.for_account(self.account_uid)
            commitments = repo.calls.commitments(self.account_uid)
        except StoreError as error:
            self.post_message(HistoryLoadFailed(str(error)))
            return
        name = account.name if account is not None else "an account no longer listed"
        self.post_message(HistoryLoaded(name, call_history(calls, commitments)))

    @on(HistoryLoadFailed)
    def _failed(self, message: HistoryLoadFailed) -> None:
        self.query_one("#history-status", Static).update(
            plain(f"The call history could not be read. {message.reason}")
        )

    @on(HistoryLoaded)
    def _loaded(self, message: HistoryLoaded) -> None:
        self.entries = message.entries
        self.sub_title = f"Call history · {message.name}"
        status = self.query_one("#history-status", Static)
        table = self.query_one(DataTable)
        table.clear()
        if not self.entries:
            status.update(
                plain(
                    f"No debriefed calls with {message.name} yet. After a call, press b on it "
                    "in the calls list (c) to debrief it: what it got, and the next step."
                )
            )
            return
        tally = history_tally(self.entries)
        status.update(
            plain(
                f"{counted(tally.calls, 'call')} debriefed: {counted(tally.advances, 'advance')}, "
                f"{counted(tally.continuations, 'continuation')}; the best outcome in "
                f"{tally.reached}. Newest first."
            )
        )
        self._fill(table)
        table.display = True
        self.query_one("#history-detail").display = True
        table.focus()
        self._show(0)

    def _fill(self, table: DataTable) -> None:
        """One row per debriefed call, the outcome cut to what the width leaves."""
        low, high = OUTCOME_WIDTH
        width = max(low, min(high, self.size.width - FIXED_COLUMNS))
        row = table.cursor_row
        table.clear()
        for index, entry in enumerate(self.entries):
            call = entry.call
            debrief = call.debrief
            assert debrief is not None  # call_history keeps debriefed calls only
            table.add_row(
                cell(day_and_time(self.local(call.when))),
                cell(call.kind.value),
                cell(RESULT_SHORT[debrief.result]),
                cell(debrief.movement.value),
                cell(call.outcome or "no outcome prepared", width),
                key=str(index),
            )
        table.move_cursor(row=row)

    def on_resize(self) -> None:
        if self.entries:
            self._fill(self.query_one(DataTable))

    @on(DataTable.RowHighlighted, "#history")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None:
            self._show(int(event.row_key.value))

    def _show(self, index: int) -> None:
        self.query_one("#history-debrief", Static).update(plain(self.detail(self.entries[index])))

    def detail(self, entry: HistoryEntry) -> str:
        """The whole debrief of one call, as lines of plain text."""
        call, debrief = entry.call, entry.call.debrief
        assert debrief is not None
        movement = (
            "advance — the client committed to a next step"
            if debrief.movement is Movement.ADVANCE
            else "continuation — talk went on, nothing committed"
        )
        lines = [
            f"{day_and_time(self.local(call.when))} · {call.kind.value}",
            f"Aimed for: {call.outcome or 'no outcome prepared'}",
            f"Result: {RESULT_GOT[debrief.result]}; {movement}",
            f"Next step: {debrief.next_step or '—'}",
            f"Notes: {debrief.notes or '—'}",
        ]
        lines += [self._promise(commitment) for commitment in entry.promises]
        if not entry.promises:
            lines.append("Promises: none made in this call")
        return "\n".join(lines)

    def _promise(self, commitment: Commitment) -> str:
        whose = "They promised" if commitment.party is Party.THEM else "You promised"
        if commitment.done_on is not None:
            state = f"kept {day(commitment.done_on)}"
        else:
            state = f"open, {commitment_label(commitment, self.coach.now().date())}"
        return f"{whose}: {commitment.what} ({state})"
