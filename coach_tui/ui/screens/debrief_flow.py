"""The debrief: did the call get its outcome, did the client commit (advance) or only talk
on (continuation), who promised what, and the next step — which creates the next call."""

from __future__ import annotations

from datetime import date, datetime

from coach_tui.coaching.next_call import Promised
from coach_tui.coaching.outcome import check_outcome
from coach_tui.model.account import Account
from coach_tui.model.call import CALL_TEXT, Call, Debrief, Movement, Party, Result
from coach_tui.model.clock import local_time
from coach_tui.model.dates import Prefer, clock_change_note, parse_day, parse_moment, read_back
from coach_tui.model.draft import FlowDraft
from coach_tui.model.errors import ValidationError
from coach_tui.model.paragraphs import paragraphs
from coach_tui.services.call_saves import save_debrief
from coach_tui.store.errors import StoreError
from coach_tui.ui.kit.guided import FlowStep, StepKind, Verdict
from coach_tui.ui.kit.keyed_flow import KeyedFlowScreen
from coach_tui.ui.text import day_and_time


def debrief_flow_name(call_uid: str) -> str:
    return f"debrief:{call_uid}"


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


class DebriefFlowScreen(KeyedFlowScreen[Call]):
    """Dismisses with the debriefed call."""

    HELP_NAME = "Debrief"
    resume_hint = "Press b on the call to pick up where you left off."

    def __init__(
        self, call: Call, account: Account, *, now: datetime, draft: FlowDraft | None
    ) -> None:
        super().__init__(
            flow=debrief_flow_name(call.uid),
            title=f"Debrief · {account.name} · {day_and_time(local_time(call.when, now))}",
            steps=DEBRIEF_STEPS,
            draft=draft,
            answers={"result": Result.REACHED.value, "movement": Movement.ADVANCE.value},
        )
        self.call = call
        self.account = account

    def skips(self, step: FlowStep) -> bool:
        """A continuation has no client promise to record; a date needs a promise first."""
        answers = self.answers
        continuation = answers.get("movement") == Movement.CONTINUATION.value
        if step.key in ("theirs", "theirs_due") and continuation:
            return True
        if step.key == "theirs_due":
            return not answers.get("theirs", "").strip()
        if step.key == "mine_due":
            return not answers.get("mine", "").strip()
        return False

    def skips_key(self, key: str) -> bool:
        return any(step.key == key and self.skips(step) for step in self.steps)

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

    def echo(self, step: FlowStep, value: str) -> str:
        day_first = self.coach.day_first
        if step.key in ("theirs_due", "mine_due") and (due := self._due(value)):
            return read_back(value, due, day_first=day_first)
        if step.key == "next_when" and (when := self._next_when(value)):
            note = clock_change_note(value, now=self.coach.now(), day_first=day_first)
            return read_back(value, when, day_first=day_first) + (f". {note}" if note else "")
        return ""

    def step_hint(self, step: FlowStep) -> str:
        if step.key == "result" and self.call.prepared:
            return f"You aimed for: {self.call.outcome}"
        if step.key == "result" and self.call.carried_outcome:
            carried = self.call.carried_outcome
            return f"No outcome was prepared; the next step carried over was: {carried}"
        return step.hint

    def check(self, step: FlowStep, value: str) -> Verdict:
        try:
            if step.key in ("theirs_due", "mine_due"):
                self._due(value)
            elif step.key == "next_when":
                when = self._next_when(value)
                if when is None and self.answers.get("next_step", "").strip():
                    return Verdict(
                        question="No date for the next call? Unscheduled next steps "
                        "drift. Ctrl+s again to leave it open."
                    )
            elif step.key == "next_step":
                verdict = check_outcome(value) if value.strip() else None
                if verdict is not None and verdict.blocking:
                    return Verdict(error=verdict.messages[0])
                if verdict is not None and verdict.issues:
                    return Verdict(
                        question=paragraphs(verdict.messages[0], "Ctrl+s again keeps it.")
                    )
            elif step.key == "movement" and value == Movement.ADVANCE.value:
                return Verdict()
            elif step.kind in (StepKind.LINE, StepKind.TEXT):
                CALL_TEXT.clean(value, label=step.title)
        except ValidationError as error:
            return Verdict(error=error.message)
        return Verdict()

    def reference(self) -> str:
        if self.current.kind is not StepKind.REVIEW:
            return ""
        answers = self.answers
        lines = [
            f"Outcome {answers.get('result')}; {answers.get('movement')}.",
            f"They promised: {answers.get('theirs') or '—'}",
            f"You promised: {answers.get('mine') or '—'}",
            f"Next step: {answers.get('next_step') or '—'}",
        ]
        try:
            when = self._next_when(answers.get("next_when", ""))
        except ValidationError as error:
            return f"Something needs fixing first: {error.message}"
        if when is not None:
            lines.append(f"Next call: {day_and_time(when)} (created when you save)")
        return "\n".join(lines)

    def finish(self) -> Call | None:
        answers = self.answers
        try:
            promised = [
                Promised(party, answers[what], self._due(answers.get(due, "")))
                for party, what, due in (
                    (Party.THEM, "theirs", "theirs_due"),
                    (Party.ME, "mine", "mine_due"),
                )
                if answers.get(what, "").strip() and not self.skips_key(what)
            ]
            when = self._next_when(answers.get("next_when", ""))
            debrief = Debrief(
                Result(answers.get("result", Result.REACHED.value)),
                Movement(answers.get("movement", Movement.CONTINUATION.value)),
                next_step=answers.get("next_step", "").strip(),
                notes=answers.get("notes", "").strip(),
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
