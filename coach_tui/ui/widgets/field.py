"""A labelled input with a hint and a feedback line for errors or the coach's echo."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from coach_tui.model.errors import ValidationError
from coach_tui.ui.text import editable, plain

# Raises ValidationError (with the reason) while the problem an error message names remains.
Recheck = Callable[[], object]
# How a typed value reads ("= Wed 2 Dec 2026"); raises ValidationError saying why it does not.
Reading = Callable[[str], str]


class Field(Vertical):
    """Label, optional hint, an `Input`, then one line of feedback.

    The label, hint and starting value may quote the seller's words; all are drawn as text.

    Feedback kinds: "error" (red, nothing saved), "echo" (how the input was read, e.g. the
    parsed date), "hint" (a coach's question). Query the input with `field.input`.

    An error is about the value it was shown for, so it never outlives it: editing the
    input clears it, and a `recheck` given with it is run again whenever the form changes
    (`recheck_problem`), clearing the message once the value is valid.

    A field given a `reading` (every date field) says as it is typed how the value reads,
    or why it does not.
    """

    DEFAULT_CSS = """
    Field { height: auto; margin-bottom: 1; }
    Field .field-label { text-style: bold; }
    Field .field-hint { color: $text-muted; }
    Field .field-feedback { display: none; }
    Field .field-feedback.-error { display: block; color: $text-error; }
    Field .field-feedback.-echo { display: block; color: $text-success; }
    Field .field-feedback.-hint { display: block; color: $text-warning; }
    """

    def __init__(
        self,
        label: str,
        *,
        field_id: str,
        hint: str = "",
        value: str = "",
        placeholder: str = "",
        max_length: int = 0,
        reading: Reading | None = None,
    ) -> None:
        super().__init__(id=f"{field_id}-field")
        self.label = label
        self.hint = hint
        self.field_id = field_id
        self._value = value
        self._placeholder = placeholder
        self._max_length = max_length
        self._recheck: Recheck | None = None
        self.reading = reading

    def compose(self) -> ComposeResult:
        yield Label(plain(self.label), classes="field-label")
        if self.hint:
            yield Static(plain(self.hint), classes="field-hint")
        yield Input(
            editable(self._value),
            placeholder=self._placeholder,
            id=self.field_id,
            max_length=self._max_length,
        )
        yield Static("", classes="field-feedback")

    @property
    def input(self) -> Input:
        return self.query_one(f"#{self.field_id}", Input)

    @property
    def value(self) -> str:
        return self.input.value

    def say(self, text: str, kind: str = "error", *, recheck: Recheck | None = None) -> None:
        """Show feedback under the input; empty text hides it.

        `recheck` (for an error) raises ValidationError while the error still holds; see
        `recheck_problem`. Without one, the error lasts until the input is edited.
        """
        feedback = self.query_one(".field-feedback", Static)
        feedback.update(plain(text))
        for name in ("error", "echo", "hint"):
            feedback.set_class(bool(text) and kind == name, f"-{name}")
        self._recheck = recheck if text and kind == "error" else None

    def recheck_problem(self) -> None:
        """Clear an error whose value became valid, or show the reason it still is not."""
        if not self.has_problem or self._recheck is None:
            return
        try:
            self._recheck()
        except ValidationError as error:
            self.say(error.message, recheck=self._recheck)
            return
        self.clear_feedback()

    @on(Input.Changed)
    def _edited(self, event: Input.Changed) -> None:
        """The value an error was about is gone: the error goes with it, unless it still holds
        for the new value. (Runs before the form hears of the change, so its echo wins.)"""
        if event.input is not self.input:
            return
        if self.has_problem:
            if self._recheck is None:
                self.clear_feedback()
            else:
                self.recheck_problem()
        if self.reading is not None and not self.has_problem:
            self.show_reading()

    def show_reading(self) -> None:
        """How the value reads (an echo), or why it does not (a hint: it may be half typed)."""
        if self.reading is None:
            return
        if not self.value.strip():
            self.clear_feedback()
            return
        try:
            self.say(self.reading(self.value), "echo")
        except ValidationError as error:
            self.say(error.message, "hint")

    def clear_feedback(self) -> None:
        self.say("")

    @property
    def has_problem(self) -> bool:
        return self.query_one(".field-feedback").has_class("-error")
