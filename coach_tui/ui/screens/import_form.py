"""Importing contacts from inside the app: pick the file, see what would happen, then save.

The file is read in a worker (a large export takes a moment) and nothing is written until
the seller has seen the summary and pressed ctrl+s a second time.
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.widgets import Input, Label, LoadingIndicator, Select, Static

from coach_tui.commands.import_contacts import prepare
from coach_tui.interop.errors import ImportFailed
from coach_tui.interop.importer import ImportPlan, apply_import
from coach_tui.interop.results import RowStatus
from coach_tui.store.errors import StoreError
from coach_tui.ui.screens.form import FormScreen
from coach_tui.ui.text import plain
from coach_tui.ui.widgets.field import Field
from coach_tui.ui.widgets.scroll import VerticalScroll

KINDS = [("LinkedIn connections (Connections.csv)", "linkedin"), ("vCard (.vcf)", "vcard")]
BY_COMPANY = "__by_company__"


def plan_summary(plan: ImportPlan) -> str:
    """What saving would do, in a few lines."""
    repeated = f" · {plan.repeated_in_file} repeated in the file" if plan.repeated_in_file else ""
    lines = [
        f"{len(plan.contacts)} new people to add · {plan.already_in_coach} already in coach"
        f"{repeated} · {plan.count(RowStatus.ERROR)} rows not readable",
    ]
    if plan.placed:
        lines.append(f"{plan.placed} go straight onto an account with their company's name.")
    for row in [r for r in plan.rows if r.status is RowStatus.ERROR][:3]:
        lines.append(f"  line {row.line}: {row.reason}")
    if plan.contacts:
        lines.append("Press ctrl+s again to add them.")
    return "\n".join(lines)


class ImportForm(FormScreen[int]):
    """Dismisses with how many contacts were added."""

    AUTO_FOCUS = "#path"

    def __init__(self, accounts: dict[str, str]) -> None:
        super().__init__()
        self.accounts = accounts  # uid → name
        self.plan: ImportPlan | None = None
        self.planned_for: tuple[str, str, str] | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static("Import contacts", classes="dialog-title")
            yield Label("What kind of file", classes="field-label")
            yield Select(KINDS, value="linkedin", allow_blank=False, id="kind")
            yield Field(
                "The file",
                field_id="path",
                hint="LinkedIn: Settings → Data privacy → Get a copy of your data → Connections.",
                placeholder="~/Downloads/Connections.csv",
            )
            yield Label("Put them on", classes="field-label")
            by_name = sorted(self.accounts.items(), key=lambda item: item[1].casefold())
            choices = [(plain("The account named like their company, if any"), BY_COMPANY)]
            choices += [(plain(name), uid) for uid, name in by_name]
            yield Select(choices, value=BY_COMPANY, allow_blank=False, id="account")
            yield LoadingIndicator(id="reading")
            yield Static("", id="summary")
            yield Static(
                "ctrl+s read the file, then ctrl+s add · esc cancel", classes="dialog-keys"
            )

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#reading").display = False

    def _choices(self) -> tuple[str, str, str]:
        account = str(self.query_one("#account", Select).value)
        return (
            str(self.query_one("#kind", Select).value),
            self.query_one("#path-field", Field).value.strip(),
            "" if account == BY_COMPANY else account,
        )

    def on_input_changed(self, event: Input.Changed) -> None:
        super().on_input_changed(event)
        self.plan = None

    def submit(self) -> bool:
        choices = self._choices()
        if self.plan is not None and self.planned_for == choices:
            return self._save(self.plan)
        path = choices[1]
        field = self.query_one("#path-field", Field)
        if not path:
            field.say("Type the path of the file to import.")
            return False
        field.clear_feedback()
        self.query_one("#reading").display = True
        self._read(choices)
        return False

    @work(thread=True, exclusive=True, group="import")
    def _read(self, choices: tuple[str, str, str]) -> None:
        kind, path, account_uid = choices
        account = self.accounts.get(account_uid) if account_uid else None
        try:
            plan = prepare(self.coach.repo, kind, Path(path).expanduser(), account)
        except (ImportFailed, StoreError) as error:
            self.app.call_from_thread(self._show_failure, str(error))
            return
        self.app.call_from_thread(self._show_plan, plan, choices)

    def _show_failure(self, message: str) -> None:
        self.query_one("#reading").display = False
        self.query_one("#path-field", Field).say(f"Nothing imported: {message}")

    def _show_plan(self, plan: ImportPlan, choices: tuple[str, str, str]) -> None:
        self.query_one("#reading").display = False
        self.plan, self.planned_for = plan, choices
        self.query_one("#summary", Static).update(plain(plan_summary(plan)))

    def _save(self, plan: ImportPlan) -> bool:
        try:
            added = apply_import(self.coach.repo, plan)
        except StoreError as error:
            self.query_one("#summary", Static).update(plain(f"Nothing imported: {error}"))
            return False
        self.dismiss(added)
        return True
