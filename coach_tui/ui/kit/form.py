"""A modal form: ctrl+s saves, Esc leaves — asking first if anything was typed."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar, cast

from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Select, Static, TextArea

from coach_tui.model.errors import ValidationError
from coach_tui.store.errors import StoreError
from coach_tui.ui.kit.confirm import ConfirmScreen
from coach_tui.ui.kit.styles import SCREEN_STYLES
from coach_tui.ui.text import plain
from coach_tui.ui.widgets.field import Field

if TYPE_CHECKING:
    from coach_tui.ui.host import CoachHost

ResultT = TypeVar("ResultT")
ValueT = TypeVar("ValueT")


class FormScreen(ModalScreen[ResultT]):
    """Subclasses build fields in `compose` and implement `submit` (return True when saved).

    Changing any input marks the form dirty; Esc on a dirty form asks before discarding.
    Any change also re-runs the checks behind the errors on show (`checked_field`,
    `checked_area`), so a message never stays once what it named was put right.
    """

    CSS_PATH = SCREEN_STYLES / "dialogs.tcss"
    # The first field gets the keys, not the scrolling dialog around it.
    AUTO_FOCUS = "Input, TextArea, Select"
    BINDINGS = [
        Binding("ctrl+s", "submit", "Save", id="form.save"),
        Binding("escape", "leave", "Cancel", id="form.cancel"),
    ]

    dirty = False
    _armed = False

    def __init__(
        self, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name, id, classes)
        # TextArea id → the check behind the error under it, run again on every change.
        self._area_rechecks: dict[str, Callable[[], object]] = {}

    def on_mount(self) -> None:
        # Widgets announce their initial values as changes; only later edits count.
        self.call_after_refresh(self._arm)

    def _arm(self) -> None:
        self._armed = True

    def set_focus(
        self, widget: Widget | None, scroll_visible: bool = True, from_app_focus: bool = False
    ) -> None:
        """Focus without scrolling while the form opens, so it opens at its top.

        Textual focuses the first field (AUTO_FOCUS) as the form is composed, before it is
        laid out; not yet able to see the field, it scrolled the dialog to centre it and
        the form opened past its title and first label. The first field sits at the top,
        so nothing needs scrolling then; later focus changes scroll as usual.
        """
        if not self.is_mounted:
            scroll_visible = False
        super().set_focus(widget, scroll_visible=scroll_visible, from_app_focus=from_app_focus)

    @property
    def coach(self) -> CoachHost:
        return cast("CoachHost", self.app)

    def on_input_changed(self, _event: Input.Changed) -> None:
        self.dirty = self.dirty or self._armed
        self.recheck_problems()

    def on_text_area_changed(self, _event: TextArea.Changed) -> None:
        self.dirty = self.dirty or self._armed
        self.recheck_problems()

    def on_select_changed(self, _event: Select.Changed) -> None:
        self.dirty = self.dirty or self._armed
        self.recheck_problems()

    def recheck_problems(self) -> None:
        """Clear each error on show whose value became valid (see `Field.recheck_problem`)."""
        for field in self.query(Field):
            field.recheck_problem()
        for recheck in list(self._area_rechecks.values()):
            recheck()

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.action_submit()

    def action_submit(self) -> None:
        self.submit()

    def submit(self) -> bool:
        """Validate and save; show messages inline and return False if nothing was saved."""
        raise NotImplementedError

    def checked_field(self, field_id: str, validate: Callable[[str], ValueT]) -> ValueT | None:
        """The validated value of one `Field`, or None with the reason shown under it."""
        field = self.query_one(f"#{field_id}-field", Field)
        try:
            value = validate(field.value)
        except ValidationError as error:
            field.say(error.message, recheck=lambda: validate(field.value))
            return None
        field.clear_feedback()
        return value

    def checked_area(self, area_id: str, validate: Callable[[str], str]) -> str | None:
        """The validated text of TextArea `#area_id`, or None with the reason shown in
        `#area_id-feedback` below it."""
        feedback = self.query_one(f"#{area_id}-feedback", Static)
        rechecks = self._area_rechecks
        try:
            text = validate(self.query_one(f"#{area_id}", TextArea).text)
        except ValidationError as error:
            feedback.update(plain(error.message))
            feedback.add_class("-problem")
            rechecks[area_id] = lambda: self.checked_area(area_id, validate)
            return None
        feedback.update("")
        feedback.remove_class("-problem")
        rechecks.pop(area_id, None)
        return text

    def not_saved(self, feedback_id: str, error: StoreError) -> None:
        """The store's sentence (a full disk, a lost folder) in `#feedback_id`, brought into
        view: it sits at the foot of the form, under the notes, often below the fold."""
        feedback = self.query_one(f"#{feedback_id}", Static)
        feedback.update(plain(str(error)))
        feedback.add_class("-problem")
        self.call_after_refresh(feedback.scroll_visible)  # once its lines are laid out

    def focus_first_problem(self) -> None:
        """Bring the first field with an error into view, so the seller sees what to fix."""
        for field in self.query(Field):
            if field.has_problem:
                field.input.focus()
                return
        for widget in self.query(".-problem"):
            widget.scroll_visible()
            return

    def action_leave(self) -> None:
        if not self.dirty:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen(
                "Leave this form? What you typed here has not been saved.",
                confirm="Discard",
                keep="Keep editing",
            ),
            answered,
        )
