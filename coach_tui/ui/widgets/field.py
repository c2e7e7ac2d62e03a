"""A labelled input with a hint and a feedback line for errors or the coach's echo."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from coach_tui.ui.text import editable, plain


class Field(Vertical):
    """Label, optional hint, an `Input`, then one line of feedback.

    The label, hint and starting value may quote the seller's words; all are drawn as text.

    Feedback kinds: "error" (red, nothing saved), "echo" (how the input was read, e.g. the
    parsed date), "hint" (a coach's question). Query the input with `field.input`.
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
    ) -> None:
        super().__init__(id=f"{field_id}-field")
        self.label = label
        self.hint = hint
        self.field_id = field_id
        self._value = value
        self._placeholder = placeholder
        self._max_length = max_length

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

    def say(self, text: str, kind: str = "error") -> None:
        """Show feedback under the input; empty text hides it."""
        feedback = self.query_one(".field-feedback", Static)
        feedback.update(plain(text))
        for name in ("error", "echo", "hint"):
            feedback.set_class(bool(text) and kind == name, f"-{name}")

    def clear_feedback(self) -> None:
        self.say("")

    @property
    def has_problem(self) -> bool:
        return self.query_one(".field-feedback").has_class("-error")
