"""The guided why flow: three reflection prompts, then the statement in the seller's words."""

from __future__ import annotations

from coach_tui.coaching.why import WHY_FLOW, WHY_STEPS, why_hints
from coach_tui.model.draft import FlowDraft
from coach_tui.model.errors import ValidationError
from coach_tui.model.flows.why import WhyFlowAnswers
from coach_tui.model.paragraphs import paragraphs
from coach_tui.model.why import WhyStatement, new_why, validate_answer
from coach_tui.services.flow_saves import save_why
from coach_tui.store.errors import StoreError
from coach_tui.ui.kit.guided import FlowStep, GuidedFlowScreen, Verdict, attr_slot

STEPS = tuple(FlowStep(s.key, s.title, s.question, s.hint) for s in WHY_STEPS)
LAST = len(STEPS) - 1
REWRITE_NOTE = "Your current version is filled in: change whatever no longer fits."


class WhyFlowScreen(GuidedFlowScreen[WhyStatement, WhyFlowAnswers]):
    """Writes a new version of the why. Dismisses with the saved version, or None if left."""

    HELP_NAME = "Your why"
    resume_hint = "Press w to pick up where you left off."

    def __init__(self, *, draft: FlowDraft | None, current: WhyStatement | None) -> None:
        *reflections, statement = STEPS
        steps = [
            step.bind(slot=attr_slot(WhyFlowAnswers, step.key), check=self._check_reflection)
            for step in reflections
        ]
        steps[0] = steps[0].bind(dynamic_hint=self._first_hint)
        steps.append(
            statement.bind(
                slot=attr_slot(WhyFlowAnswers, "statement"),
                check=self._check_statement,
                still_wrong=self._statement_still_wrong,
            )
        )
        super().__init__(
            flow=WHY_FLOW,
            title="Your why",
            steps=steps,
            draft=draft,
            answers=WhyFlowAnswers.rewriting(current),
        )
        self.rewriting = current is not None

    def _first_hint(self) -> str:
        hint = STEPS[0].hint
        return f"{hint}\n{REWRITE_NOTE}" if self.rewriting and not self.resumed else hint

    def reference_title(self) -> str:
        return "What you wrote on the way"

    def reference(self) -> str:
        if self.step != LAST:
            return ""
        return "\n".join(
            f"{step.title}: {' '.join(str(self.value_of(step)).split()) or '(skipped)'}"
            for step in self.steps[:LAST]
        )

    def _check_reflection(self) -> Verdict:
        try:
            answer = validate_answer(str(self.value_of(self.current)), label="This answer")
        except ValidationError as error:
            return Verdict(error=error.message)
        if not answer:
            return Verdict(
                question="Skipping is fine, but even a few words here make the statement "
                "easier to write. Press ctrl+s again to skip."
            )
        return Verdict()

    def _statement_still_wrong(self) -> str:
        try:  # judged without `check`, which moves to an earlier answer that is wrong
            self._why()
        except ValidationError as error:
            return error.message
        return ""

    def _why(self) -> WhyStatement:
        answers = self.answers
        return new_why(answers.statement, answers.reflections(), now=self.coach.now())

    def _check_statement(self) -> Verdict:
        try:
            why = self._why()
        except ValidationError as error:
            if error.field and error.field.startswith("Answer "):
                self.go_to(int(error.field.removeprefix("Answer ")) - 1)
            return Verdict(error=error.message)
        hints = why_hints(why.statement)
        if hints:
            return Verdict(
                question=paragraphs(*hints, "Edit it, or press ctrl+s again to save it as it is.")
            )
        return Verdict()

    def finish(self) -> WhyStatement | None:
        why = self._why()
        try:
            save_why(self.coach.repo, why, draft=self.flow)
        except StoreError as error:
            self.say(str(error), kind="error")
            return None
        return why
