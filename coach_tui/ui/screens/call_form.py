"""Schedule (or move) a call: when, what kind, with whom — linked to the open objective."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from textual.app import ComposeResult
from textual.widgets import Input, Label, Select, SelectionList, Static

from coach_tui.model.account import Account
from coach_tui.model.call import Call, CallKind
from coach_tui.model.clock import local_time
from coach_tui.model.contact import Contact
from coach_tui.model.dates import clock_change_note, parse_moment, read_back
from coach_tui.model.day_text import moment_text
from coach_tui.model.errors import ValidationError
from coach_tui.store.errors import StoreError
from coach_tui.ui.kit.form import FormScreen
from coach_tui.ui.text import plain
from coach_tui.ui.widgets.field import Field
from coach_tui.ui.widgets.scroll import VerticalScroll

NOBODY_YET = (
    "No decision makers on this account yet. Who will be there? Add them on the account's "
    "getting-in screen (e) so the prep can name them."
)


class CallForm(FormScreen[Call]):
    """Dismisses with the saved call."""

    AUTO_FOCUS = "#when"

    def __init__(
        self,
        account: Account,
        contacts: list[Contact],
        *,
        now: datetime,
        objective_uid: str = "",
        call: Call | None = None,
    ) -> None:
        super().__init__()
        self.account = account
        self.contacts = contacts
        self.now = now
        self.objective_uid = objective_uid
        self.call = call

    def compose(self) -> ComposeResult:
        call = self.call
        with VerticalScroll(classes="dialog"):
            verb = "Move the" if call else "Schedule a"
            yield Static(plain(f"{verb} call · {self.account.name}"), classes="dialog-title")
            yield Field(
                "When",
                field_id="when",
                hint="tomorrow 10am, fri 14:30, next tuesday 9:15, 2026-12-03 16:00",
                value=moment_text(local_time(call.when, self.now)) if call else "",
            )
            yield Label("What kind", classes="field-label")
            yield Select(
                [(plain(kind.value.capitalize()), kind.value) for kind in CallKind],
                value=(call.kind if call else CallKind.CALL).value,
                allow_blank=False,
                id="kind",
            )
            yield Label("With whom (space ticks)", classes="field-label")
            picked = set(call.contact_uids) if call else set()
            people = SelectionList[str](
                *[
                    (plain(f"{c.name} ({c.role.value})"), c.uid, c.uid in picked)
                    for c in self.contacts
                ],
                id="people",
            )
            yield people
            yield Static(NOBODY_YET if not self.contacts else "", id="people-hint",
                         classes="field-hint")  # fmt: skip
            yield Static("ctrl+s save · esc cancel", classes="dialog-keys")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#people").display = bool(self.contacts)

    def _when(self, text: str) -> datetime:
        return parse_moment(text, now=self.now, label="When", day_first=self.coach.day_first)

    def on_input_changed(self, event: Input.Changed) -> None:
        super().on_input_changed(event)
        field = self.query_one("#when-field", Field)
        if field.has_problem or not event.value.strip():
            return  # an error stays until it is put right (see Field); an empty field says nothing
        try:
            when = self._when(event.value)
        except ValidationError as error:
            field.say(error.message, "hint")  # why it does not read yet
            return
        past = " — that is in the past" if when < self.now else ""
        note = clock_change_note(event.value, now=self.now, day_first=self.coach.day_first)
        echo = read_back(event.value, when, day_first=self.coach.day_first) + past
        echo += f". {note}" if note else ""
        field.say(echo, "hint" if past or note else "echo")

    def submit(self) -> bool:
        when = self.checked_field("when", self._when)
        if when is None:
            self.focus_first_problem()
            return False
        people: SelectionList[str] = self.query_one("#people", SelectionList)
        chosen = tuple(uid for uid in people.selected)
        base = self.call or Call(self.account.uid, when, created_at=self.now)
        call = replace(
            base,
            when=when,
            kind=CallKind(self.query_one("#kind", Select).value),
            contact_uids=chosen,
            objective_uid=base.objective_uid or self.objective_uid,
        )
        try:
            self.coach.repo.calls.save(call)
        except StoreError as error:
            self.query_one("#when-field", Field).say(str(error))
            return False
        self.dismiss(call)
        return True
