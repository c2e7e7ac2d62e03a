"""The guided why flow: three reflection prompts, then the statement in the seller's words.

Every step is saved as a draft (on each step change and a moment after typing stops), so
quitting or a crash resumes at the same step with the same words. Esc goes back a step and
never throws text away.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import Button, Footer, Static, TextArea

from coach_tui.coaching.why import WHY_FLOW, WHY_STEPS, why_hints
from coach_tui.model.draft import FlowDraft, keepable
from coach_tui.model.errors import ValidationError
from coach_tui.model.why import ANSWER_KEYS, WhyStatement, new_why, validate_answer
from coach_tui.store.errors import StoreError
from coach_tui.ui.screens.base import CoachScreen
from coach_tui.ui.screens.confirm import ConfirmScreen
from coach_tui.ui.text import plain

AUTOSAVE_SECONDS = 1.0
LAST_STEP = len(WHY_STEPS) - 1


def answers_from(why: WhyStatement | None) -> dict[str, str]:
    """Start a rewrite from the current version, so the seller edits rather than retypes."""
    if why is None:
        return {}
    answers = {key: why.answers.get(key) for key in ANSWER_KEYS}
    answers["statement"] = why.statement
    return answers


class WhyFlowScreen(CoachScreen[WhyStatement | None]):
    """Writes a new version of the why. Dismisses with the saved version, or None if left."""

    CSS_PATH = "why.tcss"
    # Not priority bindings: keys must reach the text area first, in order, or a fast
    # paste followed by ctrl+s would be judged before the paste landed.
    BINDINGS = [
        Binding(
            "ctrl+s", "next", "Next / save", id="why.next", tooltip="Next step; save on the last"
        ),
        Binding(
            "escape", "back", "Back", id="why.back", tooltip="Previous step (your text is kept)"
        ),
        Binding(
            "ctrl+r",
            "start_over",
            "Start over",
            id="why.start_over",
            tooltip="Clear every answer (asks first)",
        ),
    ]

    def __init__(self, *, draft: FlowDraft | None, current: WhyStatement | None) -> None:
        super().__init__()
        self.resumed = draft is not None
        if draft is not None:
            self.step = min(max(draft.step, 0), LAST_STEP)
            self.answers = dict(draft.answers)
        else:
            self.step = 0
            self.answers = answers_from(current)
        self.rewriting = current is not None
        self._confirmed_step: int | None = None
        self._unsaved = False
        self._has_draft = draft is not None
        self._autosave: Timer | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="flow"):
            yield Static("", id="progress")
            yield Static("", id="question")
            yield Static("", id="hint")
            yield TextArea("", id="answer", soft_wrap=True, show_line_numbers=False)
            yield Static("", id="message")
            with Horizontal(id="buttons"):
                yield Button("‹ Back", id="back-button", variant="default")
                yield Button("Next ›", id="next-button", variant="primary")
            with Vertical(id="reference"):
                yield Static("What you wrote on the way", id="reference-title")
                yield Static("", id="reference-text")
        yield Footer()

    def on_mount(self) -> None:
        self._show_step()
        if self.resumed:
            self.notify(
                f"Picked up where you left off — step {self.step + 1} of {len(WHY_STEPS)}.",
                title="Draft restored",
            )

    # --- drawing -------------------------------------------------------------

    def _show_step(self) -> None:
        step = WHY_STEPS[self.step]
        dots = "".join("●" if index <= self.step else "○" for index in range(len(WHY_STEPS)))
        self.query_one("#progress", Static).update(
            f"{dots}  Step {self.step + 1} of {len(WHY_STEPS)} · {step.title}"
        )
        self.query_one("#question", Static).update(step.question)
        hint = step.hint
        if self.rewriting and not self.resumed and self.step == 0:
            hint += "\nYour current version is filled in: change whatever no longer fits."
        self.query_one("#hint", Static).update(hint)
        area = self.query_one("#answer", TextArea)
        area.load_text(self.answers.get(step.key, ""))
        area.move_cursor(area.document.end)
        area.focus()
        self.query_one("#back-button", Button).label = "‹ Back" if self.step else "‹ Leave"
        self.query_one("#next-button", Button).label = (
            "Save" if self.step == LAST_STEP else "Next ›"
        )
        self._show_reference()
        self._say("")

    def _show_reference(self) -> None:
        reference = self.query_one("#reference")
        reference.display = self.step == LAST_STEP
        if self.step != LAST_STEP:
            return
        lines = []
        for step in WHY_STEPS[:LAST_STEP]:
            answer = " ".join(self.answers.get(step.key, "").split()) or "(skipped)"
            lines.append(f"{step.title}: {answer}")
        self.query_one("#reference-text", Static).update(plain("\n".join(lines)))

    def _say(self, text: str, *, kind: str = "hint") -> None:
        message = self.query_one("#message", Static)
        message.update(plain(text))
        message.set_class(kind == "error", "-error")
        message.set_class(kind == "hint", "-hint")
        message.display = bool(text)

    # --- keeping what was typed ---------------------------------------------------

    def _capture(self) -> None:
        """Copy the text area into the answers."""
        text = self.query_one("#answer", TextArea).text
        key = WHY_STEPS[self.step].key
        if text != self.answers.get(key, ""):
            self.answers[key] = text
            self._unsaved = True

    def _typed_anything(self) -> bool:
        return any(value.strip() for value in self.answers.values())

    def save_draft(self) -> None:
        """Persist the current step and answers (called on every step change and on quit)."""
        self._capture()
        if self._autosave is not None:
            self._autosave.stop()
            self._autosave = None
        if not (self._unsaved or self._has_draft):
            return
        draft = FlowDraft(
            flow=WHY_FLOW,
            step=self.step,
            answers={key: keepable(value) for key, value in self.answers.items()},
            updated_at=self.coach.now(),
        )
        try:
            self.coach.repo.drafts.save(draft)
        except StoreError as error:
            self.notify(str(error), title="Draft not saved", severity="error", timeout=15)
            return
        self._unsaved = False
        self._has_draft = True

    @on(TextArea.Changed, "#answer")
    def _typed(self) -> None:
        key = WHY_STEPS[self.step].key
        if self.query_one("#answer", TextArea).text == self.answers.get(key, ""):
            return
        self._confirmed_step = None
        if self._autosave is not None:
            self._autosave.stop()
        self._autosave = self.set_timer(AUTOSAVE_SECONDS, self.save_draft)

    # --- moving through the flow ---------------------------------------------------

    @on(Button.Pressed, "#next-button")
    def _next_pressed(self) -> None:
        self.action_next()

    @on(Button.Pressed, "#back-button")
    def _back_pressed(self) -> None:
        self.action_back()

    def _go_to(self, step: int) -> None:
        self._capture()
        self.step = step
        self._confirmed_step = None
        self._show_step()
        self._unsaved = True
        self.save_draft()

    def action_next(self) -> None:
        self._capture()
        if self.step == LAST_STEP:
            self._finish()
            return
        step = WHY_STEPS[self.step]
        try:
            answer = validate_answer(self.answers.get(step.key, ""), label="This answer")
        except ValidationError as error:
            self._say(error.message, kind="error")
            return
        if not answer and self._confirmed_step != self.step:
            self._confirmed_step = self.step
            self._say(
                "Skipping is fine, but even a few words here make the statement easier to "
                "write. Press ctrl+s again to skip."
            )
            return
        self._go_to(self.step + 1)

    def action_back(self) -> None:
        if self.step > 0:
            self._go_to(self.step - 1)
            return
        self.save_draft()
        if self._has_draft:
            self.notify("Your draft is kept. Press w to pick up where you left off.", title="Later")
        self.dismiss(None)

    def _finish(self) -> None:
        try:
            why = new_why(self.answers.get("statement", ""), self.answers, now=self.coach.now())
        except ValidationError as error:
            self._show_invalid(error)
            return
        hints = why_hints(why.statement)
        if hints and self._confirmed_step != self.step:
            self._confirmed_step = self.step
            self._say("\n".join([*hints, "Edit it, or press ctrl+s again to save it as it is."]))
            return
        try:
            self.coach.repo.why.save(why)
        except StoreError as error:
            self._say(str(error), kind="error")
            return
        if self._autosave is not None:
            self._autosave.stop()
        self._unsaved = False
        self._has_draft = False
        self.dismiss(why)

    def _show_invalid(self, error: ValidationError) -> None:
        """Show a validation message on the step whose answer caused it."""
        if error.field and error.field.startswith("Answer "):
            index = int(error.field.removeprefix("Answer ")) - 1
            if index != self.step:
                self._go_to(index)
        self._say(error.message, kind="error")

    def action_start_over(self) -> None:
        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.coach.repo.drafts.discard(WHY_FLOW)
            except StoreError as error:
                self._say(str(error), kind="error")
                return
            self.answers = {}
            self.step = 0
            self._unsaved = False
            self._has_draft = False
            self._confirmed_step = None
            self.rewriting = False
            self._show_step()

        self.app.push_screen(
            ConfirmScreen(
                "Clear every answer in this flow and start from an empty page?",
                confirm="Clear and start over",
            ),
            confirmed,
        )
