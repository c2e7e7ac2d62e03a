"""Today's touches across every account: overdue first, then today's, each a key away."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header, Static

from coach_tui.coaching.touches import touch_queue
from coach_tui.model.touch import Touch
from coach_tui.store.errors import StoreError
from coach_tui.ui.kit.touch_actions import TouchActionsScreen, TouchTable
from coach_tui.ui.palette_command import PaletteCommand
from coach_tui.ui.routes import EntryRoute
from coach_tui.ui.text import cell
from coach_tui.ui.widgets.key_footer import KeyFooter

EMPTY_QUEUE = (
    "Nothing due today, nothing overdue. Plan an entry campaign on an account (a, open it, "
    "then e) and its touches will line up here."
)


class TouchQueueScreen(TouchActionsScreen):
    """The daily list of touches due; d / k / s act on the highlighted one."""

    HELP_NAME = "Touches due"
    CSS_PATH = "entry.tcss"
    BINDINGS = [
        Binding("enter", "open_account", "Open account", id="queue.open",
                tooltip="Open the highlighted touch's account (entry point, people, campaign)"),
        Binding("u", "app.undo", "Undo", id="queue.undo", tooltip="Undo the last change"),
        Binding("escape", "app.pop_screen", "Back", id="queue.back",
                tooltip="Back to the dashboard"),
    ]  # fmt: skip

    def __init__(self) -> None:
        super().__init__()
        self.touches: dict[str, Touch] = {}
        self.contact_names: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="queue-status")
        # Narrow, the idea and purpose give way first, then the account name.
        yield TouchTable(flexible=(1, 4, 5), id="queue", cursor_type="row", zebra_stripes=True)
        yield Static(EMPTY_QUEUE, id="queue-empty", classes="muted")
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(TouchTable)
        table.add_columns("due", "account", "to", "channel", "purpose", "idea")

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        repo = self.coach.repo
        today = self.coach.now().date()
        try:
            due = repo.touches.open_due_by(today)
            accounts = repo.accounts.names()
            self.contact_names = repo.contacts.names()
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=15, markup=False)
            return
        queue = touch_queue(due, today)
        self.touches = {item.touch.uid: item.touch for item in queue}
        table = self.query_one(TouchTable)
        keep = table.highlighted_key()
        table.clear()
        for item in queue:
            touch = item.touch
            table.add_row(
                cell(item.label),
                cell(accounts.get(touch.account_uid, "?")),
                cell(self.who(touch)),
                cell(touch.channel.value),
                cell(touch.purpose.value),
                cell(touch.idea.splitlines()[0] if touch.idea else "", 48),
                key=touch.uid,
            )
        if keep in self.touches:
            table.move_cursor(row=table.get_row_index(keep))
        overdue = sum(1 for item in queue if item.days_overdue > 0)
        self.sub_title = f"{len(queue)} due · {overdue} overdue"
        self.query_one("#queue-status", Static).update(
            "d done · k skip · s snooze · enter opens the account" if queue else ""
        )
        table.display = bool(queue)
        self.query_one("#queue-empty").display = not queue
        if queue:
            table.focus()

    def palette_commands(self) -> list[PaletteCommand]:
        return [
            PaletteCommand("Touch done", "Mark the highlighted touch done", self.action_touch_done),
            PaletteCommand("Skip touch", "Skip the highlighted touch", self.action_touch_skip),
            PaletteCommand("Snooze touch", "Move the highlighted touch", self.action_touch_snooze),
        ]

    @on(TouchTable.RowSelected)
    def _row_chosen(self) -> None:
        """Enter on a row: the table reports it rather than letting the key through."""
        self.action_open_account()

    def action_open_account(self) -> None:
        touch = self.highlighted_touch()
        if touch is not None:
            self.coach.open(EntryRoute(touch.account_uid))
