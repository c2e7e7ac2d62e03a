"""Importing contacts from inside the app: pick the file, see what would happen, then save.

The file is read in a worker (a large export takes a moment) and nothing is written until
the seller has seen the summary and pressed ctrl+s a second time.
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.widgets import Input, Label, LoadingIndicator, Select, Static

from coach_tui.interop.errors import ImportFailed
from coach_tui.interop.importer import ImportPlan
from coach_tui.interop.linkedin import KIND as LINKEDIN
from coach_tui.interop.results import RowStatus
from coach_tui.interop.vcard import KIND as VCARD
from coach_tui.model.errors import ValidationError
from coach_tui.model.wording import counted, numeral
from coach_tui.services.contact_import import apply, prepare
from coach_tui.store.errors import StoreError
from coach_tui.ui.kit.form import FormScreen
from coach_tui.ui.text import plain
from coach_tui.ui.widgets.field import Field
from coach_tui.ui.widgets.scroll import VerticalScroll

KINDS = [("LinkedIn connections (Connections.csv)", "linkedin"), ("vCard (.vcf)", "vcard")]
# Where a good file of each kind comes from, shown under the path for the kind chosen.
PATH_HINTS = {"linkedin": LINKEDIN.how_to_get_it, "vcard": VCARD.how_to_get_it}
PATH_PLACEHOLDERS = {"linkedin": "~/Downloads/Connections.csv", "vcard": "~/Downloads/contacts.vcf"}
BY_COMPANY = "__by_company__"


def plan_summary(plan: ImportPlan) -> str:
    """What saving would do, in a few lines."""
    repeated = (
        f" · {numeral(plan.repeated_in_file)} repeated in the file" if plan.repeated_in_file else ""
    )
    lines = [
        f"{counted(len(plan.contacts), 'new person', 'new people')} to add · "
        f"{numeral(plan.already_in_coach)} already in coach"
        f"{repeated} · {counted(plan.count(RowStatus.ERROR), 'row')} not readable",
    ]
    if plan.placed:
        lines.append(
            f"{numeral(plan.placed)} {'goes' if plan.placed == 1 else 'go'} straight onto an "
            "account with their company's name."
        )
    if plan.already_in_coach:
        lines.append(
            f"Those already in coach ({numeral(plan.already_in_coach)}) are left as they are: "
            "People (p on the dashboard) lists everyone."
        )
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
                hint=PATH_HINTS["linkedin"],
                placeholder=PATH_PLACEHOLDERS["linkedin"],
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
        self._choices_changed()

    def on_select_changed(self, event: Select.Changed) -> None:
        super().on_select_changed(event)
        if event.select.id == "kind" and isinstance(kind := event.value, str):
            field = self.query_one("#path-field", Field)
            field.query_one(".field-hint", Static).update(plain(PATH_HINTS[kind]))
            field.input.placeholder = PATH_PLACEHOLDERS[kind]
        self._choices_changed()

    def _choices_changed(self) -> None:
        """A summary read for other choices (another file, kind or account) no longer holds."""
        if self.plan is not None and self.planned_for != self._choices():
            self.plan = None
            self.query_one("#summary", Static).update("")

    def submit(self) -> bool:
        choices = self._choices()
        if self.plan is not None and self.planned_for == choices:
            return self._save(self.plan)
        path = choices[1]
        field = self.query_one("#path-field", Field)
        if not path:
            field.say("Type the path of the file to import.", recheck=self._path_typed)
            return False
        field.clear_feedback()
        self.query_one("#reading").display = True
        self._read(choices)
        return False

    def _path_typed(self) -> None:
        if not self._choices()[1]:
            raise ValidationError("Type the path of the file to import.")

    @work(thread=True, exclusive=True, group="import")
    def _read(self, choices: tuple[str, str, str]) -> None:
        kind, path, account_uid = choices
        account = self.accounts.get(account_uid) if account_uid else None
        try:
            plan = prepare(self.coach.repo, kind, Path(path).expanduser(), account)
        except (ImportFailed, StoreError) as error:
            self.app.call_from_thread(self._show_failure, str(error), choices)
            return
        self.app.call_from_thread(self._show_plan, plan, choices)

    def _show_failure(self, message: str, choices: tuple[str, str, str]) -> None:
        self.query_one("#reading").display = False
        said = f"Nothing imported: {message}"

        def still_failing() -> None:  # the reason holds for this file, kind and account only
            if self._choices() == choices:
                raise ValidationError(said)

        self.query_one("#path-field", Field).say(said, recheck=still_failing)

    def _show_plan(self, plan: ImportPlan, choices: tuple[str, str, str]) -> None:
        self.query_one("#reading").display = False
        self.plan, self.planned_for = plan, choices
        self.query_one("#summary", Static).update(plain(plan_summary(plan)))

    def _save(self, plan: ImportPlan) -> bool:
        try:
            added = apply(self.coach.repo, plan)
        except StoreError as error:
            self.query_one("#summary", Static).update(plain(f"Nothing imported: {error}"))
            return False
        self.dismiss(added)
        return True
