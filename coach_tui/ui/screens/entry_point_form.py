"""Where to get in: the business unit or function to start from, why there, and who owns it."""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.widgets import Label, Static, TextArea

from coach_tui.model.account import Account
from coach_tui.model.contact import EntryPoint, validate_line, validate_note, validate_unit
from coach_tui.store.errors import StoreError
from coach_tui.ui.kit.form import FormScreen
from coach_tui.ui.text import editable, plain
from coach_tui.ui.widgets.field import Field
from coach_tui.ui.widgets.scroll import VerticalScroll


class EntryPointForm(FormScreen[EntryPoint]):
    """A way in beats a wish: one unit, a reason it is the right door, and its owner."""

    def __init__(self, account: Account, entry: EntryPoint | None = None) -> None:
        super().__init__()
        self.account = account
        self.entry = entry

    def compose(self) -> ComposeResult:
        entry = self.entry
        with VerticalScroll(classes="dialog"):
            yield Static(plain(f"Entry point · {self.account.name}"), classes="dialog-title")
            yield Field(
                "Business unit or function",
                field_id="unit",
                hint="Start where your offer solves a problem they already feel.",
                value=entry.unit if entry else "",
                placeholder="e.g. European plants, customer service, treasury",
            )
            yield Field(
                "Who owns it",
                field_id="owner",
                hint="The person whose problem it is; add them as a decision maker too.",
                value=entry.owner if entry else "",
            )
            yield Label("Why there", classes="field-label")
            yield Static(
                "What did your research show: a challenge, a change, a budget, a person?",
                classes="field-hint",
            )
            yield TextArea(
                editable(entry.why_there) if entry else "",
                id="why",
                soft_wrap=True,
                classes="form-area",
            )
            yield Static("", id="why-feedback", classes="form-error")
            yield Static("ctrl+s save · esc cancel", classes="dialog-keys")

    def submit(self) -> bool:
        unit = self.checked_field("unit", validate_unit)
        owner = self.checked_field("owner", lambda text: validate_line(text, label="The owner"))
        why = self.checked_area("why", lambda text: validate_note(text, label="Why there"))
        if unit is None or owner is None or why is None:
            self.focus_first_problem()
            return False
        base = self.entry or EntryPoint(account_uid=self.account.uid, unit=unit)
        entry = replace(base, unit=unit, owner=owner, why_there=why)
        try:
            self.coach.repo.entry_points.save(entry)
        except StoreError as error:
            self.not_saved("why-feedback", error)
            return False
        self.dismiss(entry)
        return True
