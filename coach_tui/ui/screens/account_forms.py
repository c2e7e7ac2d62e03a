"""Small forms on an account: a team member's perspective, and closing an objective."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.widgets import Label, Select, Static, TextArea

from coach_tui.model.account import (
    Account,
    ObjectiveStatus,
    Perspective,
    PerspectiveKind,
    StrategicObjective,
    validate_person,
    validate_perspective_text,
)
from coach_tui.model.dates import Prefer, parse_day, read_back
from coach_tui.model.errors import ValidationError
from coach_tui.model.goal import validate_note
from coach_tui.store.errors import StoreError
from coach_tui.ui.kit.form import FormScreen
from coach_tui.ui.text import plain
from coach_tui.ui.widgets.field import Field
from coach_tui.ui.widgets.scroll import VerticalScroll


class PerspectiveForm(FormScreen[Perspective]):
    """What a colleague sees in the account, with who said it and when."""

    def __init__(self, account: Account) -> None:
        super().__init__()
        self.account = account

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static(plain(f"Team view · {self.account.name}"), classes="dialog-title")
            yield Field("Who", field_id="who", placeholder="a colleague's name", max_length=200)
            yield Field(
                "Their role", field_id="role", placeholder="optional: SE, manager, partner…"
            )
            yield Field(
                "When they said it",
                field_id="said-on",
                value="today",
                reading=lambda text: read_back(
                    text, self._said_on(text), day_first=self.coach.day_first
                ),
            )
            yield Label("What kind of view", classes="field-label")
            yield Select(
                [(plain(kind.value.capitalize()), kind.value) for kind in PerspectiveKind],
                value=PerspectiveKind.INSIGHT.value,
                allow_blank=False,
                id="kind",
            )
            yield Label("What they see", classes="field-label")
            yield TextArea(id="text", soft_wrap=True, classes="form-area")
            yield Static("", id="text-feedback", classes="form-error")
            yield Static("ctrl+s save · esc cancel", classes="dialog-keys")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#who").focus()

    def _said_on(self, text: str) -> date:
        return parse_day(
            text,
            today=self.coach.now().date(),
            prefer=Prefer.PAST,
            label="When",
            day_first=self.coach.day_first,
        )

    def submit(self) -> bool:
        who = self.query_one("#who-field", Field)
        role = self.query_one("#role-field", Field)
        when = self.query_one("#said-on-field", Field)
        ok = True
        values: dict[str, object] = {}
        for field, build in (
            (who, lambda v: validate_person(v, label="Who")),
            (role, lambda v: validate_person(v, label="The role", required=False)),
            (when, self._said_on),
        ):
            try:
                values[field.field_id] = build(field.value)
                if field is not when:
                    field.clear_feedback()
            except ValidationError as error:
                field.say(error.message)
                ok = False
        text = self.checked_area("text", validate_perspective_text)
        if not ok or text is None:
            self.focus_first_problem()
            return False
        said_on = values["said-on"]
        assert isinstance(said_on, date)
        perspective = Perspective(
            account_uid=self.account.uid,
            who=str(values["who"]),
            role=str(values["role"]),
            said_on=said_on,
            kind=PerspectiveKind(self.query_one("#kind", Select).value),
            text=text,
        )
        try:
            self.coach.repo.perspectives.save(perspective)
        except StoreError as error:
            self.not_saved("text-feedback", error)
            return False
        self.dismiss(perspective)
        return True


class CloseObjectiveForm(FormScreen[StrategicObjective]):
    """Mark the open objective achieved or dropped; it moves to the account's history."""

    def __init__(self, objective: StrategicObjective) -> None:
        super().__init__()
        self.objective = objective

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static("Close the objective", classes="dialog-title")
            yield Static(plain(self.objective.description), classes="dialog-question")
            yield Label("What happened", classes="field-label")
            yield Select(
                [("Achieved — the door opened", ObjectiveStatus.ACHIEVED.value),
                 ("Dropped — not worth pursuing now", ObjectiveStatus.DROPPED.value)],
                value=ObjectiveStatus.ACHIEVED.value,
                allow_blank=False,
                id="status",
            )  # fmt: skip
            yield Field(
                "What you learned",
                field_id="note",
                hint="One line for your future self: what made it work, or why you stopped.",
            )
            yield Static("ctrl+s save · esc cancel", classes="dialog-keys")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(Field).input.focus()  # "achieved" is the usual answer; the note is not

    def submit(self) -> bool:
        field = self.query_one(Field)
        try:
            note = validate_note(field.value)
        except ValidationError as error:
            field.say(error.message)
            return False
        status = ObjectiveStatus(self.query_one("#status", Select).value)
        try:
            closed = self.coach.repo.objectives.close(
                self.objective.uid, status, note, self.coach.now()
            )
        except StoreError as error:
            field.say(str(error))
            return False
        if closed is not None:
            self.dismiss(closed)
        return closed is not None
