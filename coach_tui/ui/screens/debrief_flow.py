"""The debrief: did the call get its outcome, did the client commit (advance) or only talk
on (continuation), who promised what, and the next step — which creates the next call."""

from __future__ import annotations

from datetime import date, datetime
from functools import partial

from coach_tui.coaching.next_call import Promised
from coach_tui.coaching.outcome import check_outcome
from coach_tui.model.account import Account
from coach_tui.model.call import CALL_TEXT, Call, Debrief, Movement, Party, Result
from coach_tui.model.clock import local_time
from coach_tui.model.dates import Prefer, clock_change_note, parse_day, parse_moment, read_back
from coach_tui.model.draft import FlowDraft
from coach_tui.model.errors import ValidationError
from coach_tui.model.flows.debrief import DebriefAnswers
from coach_tui.model.paragraphs import paragraphs
from coach_tui.services.call_saves import save_debrief
from coach_tui.store.errors import StoreError
from coach_tui.ui.flow_names import debrief_flow_name
from coach_tui.ui.kit.guided import (
    FlowStep,
    GuidedFlowScreen,
    Slot,
    StepKind,
    Verdict,
    attr_slot,
)
from coach_tui.ui.text import day_and_time

DEBRIEF_STEPS = (
    FlowStep(
        "result",
        "The outcome",
        "Did the call get its outcome?",
        "",
        kind=StepKind.CHOICE,
        choices=tuple((result.value, result.value.capitalize()) for result in Result),
    ),
    FlowStep(
        "movement",
        "Advance or continuation",
        "Did the client commit to a next step?",
        "An advance is a commitment with a who and a when. Friendly talk with nothing agreed "
        "is a continuation — worth knowing, not worth pretending otherwise.",
        kind=StepKind.CHOICE,
        choices=(
            (Movement.ADVANCE.value, "Advance — they committed to a next step"),
            (Movement.CONTINUATION.value, "Continuation — talk goes on, nothing committed"),
        ),
    ),
    FlowStep(
        "theirs",
        "Their promise",
        "What did they promise to do?",
        "Empty if nothing.",
        kind=StepKind.LINE,
    ),
    FlowStep(
        "theirs_due",
        "By when (them)",
        "By when?",
        "e.g. friday, 2026-12-10; empty if no date.",
        kind=StepKind.LINE,
    ),
    FlowStep(
        "mine",
        "Your promise",
        "What did you promise to do?",
        "Empty if nothing.",
        kind=StepKind.LINE,
    ),
    FlowStep(
        "mine_due",
        "By when (you)",
        "By when?",
        "Keep your promises dated: they show in your morning plan.",
        kind=StepKind.LINE,
    ),
    FlowStep("notes", "Notes", "Anything to remember for the next call?", ""),
    FlowStep(
        "next_step",
        "Next step",
        "What is the next step — what should the client agree to next time?",
        "It becomes the draft outcome of the next call.",
        kind=StepKind.LINE,
    ),
    FlowStep(
        "next_when",
        "Next call",
        "When is the next call?",
        "tomorrow 10am, fri 14:30… Empty if not agreed yet (the coach will ask again).",
        kind=StepKind.LINE,
    ),
    FlowStep(
        "review",
        "Check it",
        "Anything to change?",
        "Ctrl+s saves the debrief.",
        kind=StepKind.REVIEW,
    ),
)


class DebriefFlowScreen(GuidedFlowScreen[Call, DebriefAnswers]):
    """Dismisses with the debriefed call."""

    HELP_NAME = "Debrief"
    resume_hint = "Press b on the call to pick up where you left off."

    def __init__(
        self, call: Call, account: Account, *, now: datetime, draft: FlowDraft | None
    ) -> None:
        (
            result,
            movement,
            theirs,
            theirs_due,
            mine,
            mine_due,
            notes,
            next_step,
            next_when,
            review,
        ) = DEBRIEF_STEPS

        def slot(name: str) -> Slot:
            return attr_slot(DebriefAnswers, name)

        steps = (
            result.bind(slot=attr_slot(DebriefAnswers, "result", Result), dynamic_hint=self._aimed),
            movement.bind(slot=attr_slot(DebriefAnswers, "movement", Movement)),
            theirs.bind(
                slot=slot("theirs"),
                check=partial(self._check_text, theirs),
                skip=self._continuation,
            ),
            theirs_due.bind(
                slot=slot("theirs_due"),
                check=lambda: self._check_due(self.answers.theirs_due),
                echo=self._echo_due,
                skip=lambda: self._continuation() or not self.answers.theirs.strip(),
            ),
            mine.bind(slot=slot("mine"), check=partial(self._check_text, mine)),
            mine_due.bind(
                slot=slot("mine_due"),
                check=lambda: self._check_due(self.answers.mine_due),
                echo=self._echo_due,
                skip=lambda: not self.answers.mine.strip(),
            ),
            notes.bind(slot=slot("notes"), check=partial(self._check_text, notes)),
            next_step.bind(slot=slot("next_step"), check=self._check_next_step),
            next_when.bind(
                slot=slot("next_when"), check=self._check_next_when, echo=self._echo_next_when
            ),
            review,
        )
        super().__init__(
            flow=debrief_flow_name(call.uid),
            title=f"Debrief · {account.name} · {day_and_time(local_time(call.when, now))}",
            steps=steps,
            draft=draft,
            answers=DebriefAnswers(),
        )
        self.call = call
        self.account = account

    def _continuation(self) -> bool:
        """A continuation has no client promise to record."""
        return self.answers.movement is Movement.CONTINUATION

    def _due(self, text: str) -> date | None:
        if not text.strip():
            return None
        return parse_day(
            text,
            today=self.coach.now().date(),
            prefer=Prefer.FUTURE,
            label="By when",
            day_first=self.coach.day_first,
        )

    def _next_when(self, text: str) -> datetime | None:
        if not text.strip():
            return None
        return parse_moment(
            text, now=self.coach.now(), label="The next call", day_first=self.coach.day_first
        )

    # --- the steps' handlers ------------------------------------------------------------

    def _echo_due(self, value: str) -> str:
        due = self._due(value)  # or why it does not read
        return read_back(value, due, day_first=self.coach.day_first) if due else ""

    def _echo_next_when(self, value: str) -> str:
        day_first = self.coach.day_first
        if when := self._next_when(value):  # or why it does not read
            note = clock_change_note(value, now=self.coach.now(), day_first=day_first)
            return read_back(value, when, day_first=day_first) + (f". {note}" if note else "")
        return ""

    def _aimed(self) -> str:
        if self.call.prepared:
            return f"You aimed for: {self.call.outcome}"
        if self.call.carried_outcome:
            carried = self.call.carried_outcome
            return f"No outcome was prepared; the next step carried over was: {carried}"
        return ""

    def _check_text(self, step: FlowStep) -> Verdict:
        try:
            CALL_TEXT.clean(str(self.value_of(step)), label=step.title)
        except ValidationError as error:
            return Verdict(error=error.message)
        return Verdict()

    def _check_due(self, text: str) -> Verdict:
        try:
            self._due(text)
        except ValidationError as error:
            return Verdict(error=error.message)
        return Verdict()

    def _check_next_when(self) -> Verdict:
        try:
            when = self._next_when(self.answers.next_when)
        except ValidationError as error:
            return Verdict(error=error.message)
        if when is None and self.answers.next_step.strip():
            return Verdict(
                question="No date for the next call? Unscheduled next steps "
                "drift. Ctrl+s again to leave it open."
            )
        return Verdict()

    def _check_next_step(self) -> Verdict:
        value = self.answers.next_step
        verdict = check_outcome(value) if value.strip() else None
        if verdict is not None and verdict.blocking:
            return Verdict(error=verdict.messages[0])
        if verdict is not None and verdict.issues:
            return Verdict(question=paragraphs(verdict.messages[0], "Ctrl+s again keeps it."))
        return Verdict()

    def reference(self) -> str:
        if self.current.kind is not StepKind.REVIEW:
            return ""
        answers = self.answers
        lines = [
            f"Outcome {answers.result.value}; {answers.movement.value}.",
            f"They promised: {answers.theirs or '—'}",
            f"You promised: {answers.mine or '—'}",
            f"Next step: {answers.next_step or '—'}",
        ]
        try:
            when = self._next_when(answers.next_when)
        except ValidationError as error:
            return f"Something needs fixing first: {error.message}"
        if when is not None:
            lines.append(f"Next call: {day_and_time(when)} (created when you save)")
        return "\n".join(lines)

    def finish(self) -> Call | None:
        answers = self.answers
        try:
            theirs = (
                () if self._continuation() else ((Party.THEM, answers.theirs, answers.theirs_due),)
            )
            promised = [
                Promised(party, what, self._due(due))
                for party, what, due in (*theirs, (Party.ME, answers.mine, answers.mine_due))
                if what.strip()
            ]
            when = self._next_when(answers.next_when)
            debrief = Debrief(
                answers.result,
                answers.movement,
                next_step=answers.next_step.strip(),
                notes=answers.notes.strip(),
                at=self.coach.now(),
            )
            return save_debrief(
                self.coach.repo,
                self.call,
                debrief,
                promised=promised,
                next_when=when,
                now=self.coach.now(),
                draft=self.flow,
            )
        except ValidationError as error:
            self.say(error.message, kind="error")
        except StoreError as error:
            self.say(str(error), kind="error")
        return None
