"""The machinery every guided flow shares: steps, drafts, back and next, resume.

A flow is a list of steps, one question each, answered in a multi-line box, a one-line
input or a list of choices (or a closing review page). Answers live in the flow's own
dataclass (`model.flows`); each step names the slot of it that its input edits and
carries its own handlers (check, echo, skip, hint), bound by the flow. Every step change, a
moment after typing stops, and quitting all write the draft, so the flow reopens at the same
step with the same words. Esc goes back and never discards. Subclasses supply the steps and
save the result in `finish`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields, is_dataclass, replace
from enum import Enum
from typing import Any, Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Button, Input, OptionList, SelectionList, Static, TextArea
from textual.widgets.option_list import Option

from coach_tui.model.draft import FlowDraft, keepable
from coach_tui.model.errors import ValidationError
from coach_tui.model.flows.codec import AnswersT, answers_of, map_text, typed_draft
from coach_tui.store.errors import StoreError
from coach_tui.ui.kit.base import CoachScreen
from coach_tui.ui.kit.confirm import ConfirmScreen
from coach_tui.ui.kit.styles import SCREEN_STYLES
from coach_tui.ui.text import editable, plain
from coach_tui.ui.widgets.key_footer import KeyFooter
from coach_tui.ui.widgets.scroll import VerticalScroll

ResultT = TypeVar("ResultT")
AUTOSAVE_SECONDS = 1.0


class StepKind(Enum):
    TEXT = "text"  # a few lines in a text area
    LINE = "line"  # one line, checked and echoed as typed (money, dates)
    CHOICE = "choice"  # pick one from a list
    MULTI = "multi"  # pick any number from a list (space toggles): a tuple of keys
    REVIEW = "review"  # no input: look over everything, then save


# What a step's input holds: text, or the keys picked on a MULTI step.
Value = str | tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Slot:
    """Where a step's answer lives in a flow's answers: read into the input, written back."""

    get: Callable[[Any], Value]
    put: Callable[[Any, Value], None]


def attr_slot(kind: type, name: str, choice: type[Enum] | None = None) -> Slot:
    """The slot of field `name` of the answers dataclass `kind` (checked when built); with
    `choice`, the field holds a member of that enum, or None, and the input its value."""
    assert is_dataclass(kind) and name in {f.name for f in fields(kind)}, (kind, name)
    if choice is None:
        return Slot(lambda answers: getattr(answers, name), lambda a, v: setattr(a, name, v))
    return Slot(
        lambda answers: member.value if (member := getattr(answers, name)) else "",
        lambda answers, value: setattr(answers, name, choice(value) if value else None),
    )


def _no_verdict() -> Verdict:
    return Verdict()


@dataclass(frozen=True, slots=True)
class FlowStep:
    """One page of a guided flow. Its title, question, hint and choice labels may quote
    the seller's words (an account's name, a call's outcome): they are drawn as plain text.

    The flow binds the handlers (`bind`): `check` judges the answers when the seller presses
    next; `still_wrong` says whether an error shown still holds as they edit (default: the
    check's error); `echo` reads a one-line answer as typed (raise ValidationError to say
    why it does not read); `skip` leaves the step out; `dynamic_hint` replaces `hint`."""

    key: str  # names the step (and its answer in drafts written before flows were typed)
    title: str
    question: str
    hint: str = ""
    kind: StepKind = StepKind.TEXT
    choices: tuple[tuple[str, str], ...] = ()  # (value, label) for CHOICE and MULTI steps
    # False: a CHOICE not made yet shows nothing highlighted, so ctrl+s cannot pick the
    # first choice for the seller (the step's check asks them to choose).
    preselect: bool = True
    placeholder: str = ""
    slot: Slot | None = None  # None only on a REVIEW step
    check: Callable[[], Verdict] = _no_verdict
    still_wrong: Callable[[], str] | None = None
    echo: Callable[[str], str] | None = None
    skip: Callable[[], bool] | None = None
    dynamic_hint: Callable[[], str] | None = None

    def bind(self, **handlers: Any) -> FlowStep:
        """This step with the flow's slot and handlers."""
        return replace(self, **handlers)


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the coach says when the seller presses next.

    `error` keeps them on the step; `question` is asked once and a second press goes on.
    """

    error: str = ""
    question: str = ""


class GuidedFlowScreen(CoachScreen[ResultT], Generic[ResultT, AnswersT]):
    """Base of the guided flows; see the module docstring."""

    CSS_PATH = SCREEN_STYLES / "guided.tcss"
    # Not priority bindings: keys must reach the inputs first, in order, or a fast paste
    # followed by ctrl+s would be judged before the paste landed.
    BINDINGS = [
        Binding(
            "ctrl+s", "next", "Next / save", id="flow.next", tooltip="Next step; save on the last"
        ),
        Binding(
            "escape", "back", "Back", id="flow.back", tooltip="Previous step (your text is kept)"
        ),
        Binding(
            "ctrl+r",
            "start_over",
            "Start over",
            id="flow.start_over",
            tooltip="Clear every answer (asks first)",
        ),
    ]
    resume_hint = "Open it again to pick up where you left off."

    def __init__(
        self,
        *,
        flow: str,
        title: str,
        steps: Sequence[FlowStep],
        draft: FlowDraft | None,
        answers: AnswersT,
    ) -> None:
        """`answers` are where a fresh flow starts (and give the answers' type)."""
        super().__init__()
        self.flow = flow
        self.flow_title = title
        self.steps = tuple(steps)
        assert all(step.slot or step.kind is StepKind.REVIEW for step in self.steps)
        self.resumed = draft is not None
        # Answers are edited in inputs, which draw what they hold: control codes from a
        # hand-edited file are made visible from the start, so showing them is no edit.
        if draft is not None:
            self.step = min(max(draft.step, 0), len(self.steps) - 1)
            self.answers: AnswersT = map_text(answers_of(draft, type(answers)), editable)
        else:
            self.step = 0
            self.answers = map_text(answers, editable)
        self._has_draft = draft is not None
        self._unsaved = False
        self._confirmed_step: int | None = None
        self._autosave: Timer | None = None

    # --- the steps' handlers ------------------------------------------------------------

    def value_of(self, step: FlowStep) -> Value:
        """What `step`'s input shows: its slot of the answers."""
        return "" if step.slot is None else step.slot.get(self.answers)

    def verdict_for(self, step: FlowStep) -> Verdict:
        """Judge the answer to `step` (already in the answers) when the seller presses next."""
        return step.check()

    def echo(self, step: FlowStep, value: str) -> str:
        """How a one-line answer was read (e.g. the parsed date), shown as they type.

        Raises ValidationError to say why it does not read (shown as a hint: it may be half
        typed); every date step does."""
        return step.echo(value) if step.echo else ""

    def error_now(self, step: FlowStep) -> str:
        """Why the answer is still refused, or '' — asked as they type while an error shows,
        so the error goes once it is put right."""
        return step.still_wrong() if step.still_wrong else self.verdict_for(step).error

    def step_hint(self, step: FlowStep) -> str:
        """The hint under the question."""
        return step.dynamic_hint() if step.dynamic_hint else step.hint

    # --- hooks for subclasses -------------------------------------------------------

    def reference(self) -> str:
        """Text for the panel under the buttons on this step; empty hides it."""
        return ""

    def reference_title(self) -> str:
        return "So far"

    def finish(self) -> ResultT | None:
        """Save the result (and drop the draft in the same write); None if not saved."""
        raise NotImplementedError

    def blank_answers(self) -> AnswersT:
        """Answers after "start over": the dataclass's defaults unless overridden."""
        return type(self.answers)()

    # --- layout -------------------------------------------------------------------

    @property
    def current(self) -> FlowStep:
        return self.steps[self.step]

    def skips(self, step: FlowStep) -> bool:
        """Whether `step` is left out given the answers so far (size-adaptive flows)."""
        return step.skip() if step.skip else False

    def _neighbour(self, direction: int) -> int | None:
        index = self.step + direction
        while 0 <= index < len(self.steps):
            if not self.skips(self.steps[index]):
                return index
            index += direction
        return None

    @property
    def last_step(self) -> bool:
        return self._neighbour(1) is None

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="flow"):
            yield Static("", id="flow-title")
            yield Static("", id="progress")
            yield Static("", id="question")
            yield Static("", id="hint")
            yield TextArea("", id="answer", soft_wrap=True, show_line_numbers=False)
            yield Input("", id="answer-line")
            yield OptionList(id="answer-choice")
            yield SelectionList[str](id="answer-multi")
            yield Static("", id="echo")
            yield Static("", id="message")
            with Horizontal(id="buttons"):
                yield Button("‹ Back", id="back-button", variant="default")
                yield Button("Next ›", id="next-button", variant="primary")
            with Vertical(id="reference"):
                yield Static("", id="reference-title")
                yield Static("", id="reference-text")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#flow-title", Static).update(plain(self.flow_title))
        self.show_step()
        if self.resumed:
            self.notify(
                "Picked up where you left off — step {} of {}.".format(*self.step_place()),
                title="Draft restored",
            )

    def step_place(self) -> tuple[int, int]:
        """Which step this is, and of how many, counting only the steps the seller sees
        (the header and the resume notice must say the same)."""
        shown = [i for i, candidate in enumerate(self.steps) if not self.skips(candidate)]
        place = shown.index(self.step) + 1 if self.step in shown else self.step + 1
        return place, len(shown)

    def show_step(self) -> None:
        """Draw the current step with its saved answer."""
        step = self.current
        place, total = self.step_place()
        dots = "".join("●" if i < place else "○" for i in range(total))
        self.query_one("#progress", Static).update(
            plain(f"{dots}  Step {place} of {total} · {step.title}")
        )
        self.query_one("#question", Static).update(plain(step.question))
        self.query_one("#hint", Static).update(plain(self.step_hint(step)))
        value = self.value_of(step)
        area = self.query_one("#answer", TextArea)
        line = self.query_one("#answer-line", Input)
        choice = self.query_one("#answer-choice", OptionList)
        multi: SelectionList[str] = self.query_one("#answer-multi", SelectionList)
        area.display = step.kind is StepKind.TEXT
        line.display = step.kind is StepKind.LINE
        choice.display = step.kind is StepKind.CHOICE
        multi.display = step.kind is StepKind.MULTI
        if step.kind is StepKind.TEXT:
            assert isinstance(value, str)
            area.load_text(value)
            area.move_cursor(area.document.end)
            area.focus()
        elif step.kind is StepKind.LINE:
            assert isinstance(value, str)
            line.placeholder = step.placeholder
            line.value = value
            line.cursor_position = len(value)
            line.focus()
        elif step.kind is StepKind.CHOICE:
            choice.clear_options()
            choice.add_options(Option(plain(label), id=key) for key, label in step.choices)
            keys = [key for key, _ in step.choices]
            if value in keys:
                choice.highlighted = keys.index(value)
            else:
                choice.highlighted = 0 if step.preselect else None
            choice.focus()
        elif step.kind is StepKind.MULTI:
            picked = set(value)
            multi.clear_options()
            multi.add_options((plain(label), key, key in picked) for key, label in step.choices)
            multi.highlighted = 0
            multi.focus()
        else:
            self.query_one("#next-button", Button).focus()
        self.query_one("#back-button", Button).label = "‹ Back" if self.step else "‹ Leave"
        self.query_one("#next-button", Button).label = "Save" if self.last_step else "Next ›"
        self._show_echo()
        self._show_reference()
        self.say("")

    def _show_reference(self) -> None:
        text = self.reference()
        panel = self.query_one("#reference")
        panel.display = bool(text)
        self.query_one("#reference-title", Static).update(plain(self.reference_title()))
        self.query_one("#reference-text", Static).update(plain(text))

    def _show_echo(self) -> None:
        step = self.current
        value = self.value_of(step) if step.kind is StepKind.LINE else ""
        self._echo(value if isinstance(value, str) else "")

    def _echo(self, value: str) -> None:
        """How the one-line answer reads, or why it does not, under the input."""
        unread = False
        try:
            text = self.echo(self.current, value)
        except ValidationError as error:  # nothing typed yet needs no reason
            text, unread = (error.message, True) if value.strip() else ("", False)
        echo = self.query_one("#echo", Static)
        echo.update(plain(text))
        echo.set_class(unread, "-unread")
        echo.display = bool(text)

    def say(self, text: str, *, kind: str = "hint") -> None:
        """Show a message under the input: "error" (red) or "hint" (a coach's question)."""
        message = self.query_one("#message", Static)
        message.update(plain(text))
        message.set_class(kind == "error", "-error")
        message.set_class(kind == "hint", "-hint")
        message.display = bool(text)

    def _recheck_message(self) -> None:
        """A message is about the answer it was said for: once that answer is edited, a
        question is no longer asked (the next ctrl+s judges afresh) and an error stays only
        while it still holds."""
        message = self.query_one("#message", Static)
        if not message.display:
            return
        if not message.has_class("-error"):
            self.say("")
            return
        self.capture()  # judged as ctrl+s would judge it
        self.say(self.error_now(self.current), kind="error")

    def whereabouts(self) -> str:
        """This flow and step, for the crash log (the app marks the draft for rescue)."""
        return f"{self.flow}, step {self.step + 1} of {len(self.steps)}: {self.current.title}"

    # --- keeping what was typed -----------------------------------------------------

    def _read_input(self) -> Value:
        step = self.current
        if step.kind is StepKind.TEXT:
            return self.query_one("#answer", TextArea).text
        if step.kind is StepKind.LINE:
            return self.query_one("#answer-line", Input).value
        if step.kind is StepKind.CHOICE:
            choice = self.query_one("#answer-choice", OptionList)
            if choice.highlighted is None:
                return ""
            return choice.get_option_at_index(choice.highlighted).id or ""
        if step.kind is StepKind.MULTI:
            multi: SelectionList[str] = self.query_one("#answer-multi", SelectionList)
            order = [key for key, _ in step.choices]
            return tuple(sorted(multi.selected, key=order.index))
        return ""

    def capture(self) -> None:
        """Copy the visible input into the answers."""
        slot = self.current.slot
        if slot is None:
            return
        value = self._read_input()
        if value != slot.get(self.answers):
            slot.put(self.answers, value)
            self._unsaved = True

    def save_draft(self) -> None:
        """Persist the step and answers (on every step change, after typing, and on quit)."""
        self.capture()
        if self._autosave is not None:
            self._autosave.stop()
            self._autosave = None
        if not (self._unsaved or self._has_draft):
            return
        draft = typed_draft(
            self.flow, self.step, map_text(self.answers, keepable), self.coach.now()
        )
        try:
            self.coach.repo.drafts.save(draft)
        except StoreError as error:
            self.notify(
                str(error), title="Draft not saved", severity="error", timeout=15, markup=False
            )
            return
        self._unsaved = False
        self._has_draft = True

    def _edited(self) -> None:
        if self._read_input() == self.value_of(self.current):
            return
        self._confirmed_step = None
        self._recheck_message()
        if self._autosave is not None:
            self._autosave.stop()
        self._autosave = self.set_timer(AUTOSAVE_SECONDS, self.save_draft)

    @on(TextArea.Changed, "#answer")
    def _typed(self) -> None:
        self._edited()

    @on(Input.Changed, "#answer-line")
    def _typed_line(self, event: Input.Changed) -> None:
        if self.current.kind is StepKind.LINE:
            self._echo(event.value)
            self._edited()

    @on(Input.Submitted, "#answer-line")
    def _line_submitted(self) -> None:
        self.action_next()

    @on(OptionList.OptionHighlighted, "#answer-choice")
    def _choice_moved(self) -> None:
        if self.current.kind is StepKind.CHOICE:
            self._edited()

    @on(SelectionList.SelectedChanged, "#answer-multi")
    def _multi_changed(self) -> None:
        if self.current.kind is StepKind.MULTI:
            self._edited()

    @on(OptionList.OptionSelected, "#answer-choice")
    def _choice_selected(self) -> None:
        self.action_next()

    # --- moving through the flow ---------------------------------------------------------

    @on(Button.Pressed, "#next-button")
    def _next_pressed(self) -> None:
        self.action_next()

    @on(Button.Pressed, "#back-button")
    def _back_pressed(self) -> None:
        self.action_back()

    def go_to(self, step: int) -> None:
        """Move to `step`, saving the draft."""
        self.capture()
        self.step = step
        self._confirmed_step = None
        self.show_step()
        self._unsaved = True
        self.save_draft()

    def action_next(self) -> None:
        self.capture()
        verdict = self.verdict_for(self.current)
        if verdict.error:
            self.say(verdict.error, kind="error")
            return
        if verdict.question and self._confirmed_step != self.step:
            self._confirmed_step = self.step
            self.say(verdict.question)
            return
        if not self.last_step:
            self.go_to(self._neighbour(1) or self.step)
            return
        result = self.finish()
        if result is None:
            return
        if self._autosave is not None:
            self._autosave.stop()
        self._unsaved = False
        self._has_draft = False
        self.dismiss(result)

    def action_back(self) -> None:
        if self.step > 0:
            previous = self._neighbour(-1)
            self.go_to(self.step - 1 if previous is None else previous)
            return
        self.save_draft()
        if self._has_draft:
            self.notify(f"Your draft is kept. {self.resume_hint}", title="Later")
        self.dismiss(None)

    def action_start_over(self) -> None:
        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.coach.repo.drafts.discard(self.flow)
            except StoreError as error:
                self.say(str(error), kind="error")
                return
            self.answers = self.blank_answers()
            self.step = 0
            self._unsaved = False
            self._has_draft = False
            self._confirmed_step = None
            self.show_step()

        self.app.push_screen(
            ConfirmScreen(
                "Clear every answer in this flow and start from an empty page?",
                confirm="Clear and start over",
            ),
            confirmed,
        )
