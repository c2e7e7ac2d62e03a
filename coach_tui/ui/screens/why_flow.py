"""The guided why flow: three reflection prompts, then the statement in the seller's words."""

from __future__ import annotations

from coach_tui.coaching.why import WHY_FLOW, WHY_STEPS, why_hints
from coach_tui.model.draft import FlowDraft
from coach_tui.model.errors import ValidationError
from coach_tui.model.paragraphs import paragraphs
from coach_tui.model.why import ANSWER_KEYS, WhyStatement, new_why, validate_answer
from coach_tui.services.flow_saves import save_why
from coach_tui.store.errors import StoreError
from coach_tui.ui.kit.guided import FlowStep, GuidedFlowScreen, Verdict

STEPS = tuple(FlowStep(s.key, s.title, s.question, s.hint) for s in WHY_STEPS)
LAST = len(STEPS) - 1
REWRITE_NOTE = "Your current version is filled in: change whatever no longer fits."


def answers_from(why: WhyStatement | None) -> dict[str, str]:
    """Start a rewrite from the current version, so the seller edits rather than retypes."""
    if why is None:
        return {}
    answers = {key: why.answers.get(key) for key in ANSWER_KEYS}
    answers["statement"] = why.statement
    return answers


class WhyFlowScreen(GuidedFlowScreen[WhyStatement]):
    """Writes a new version of the why. Dismisses with the saved version, or None if left."""

    HELP_NAME = "Your why"
    resume_hint = "Press w to pick up where you left off."

    def __init__(self, *, draft: FlowDraft | None, current: WhyStatement | None) -> None:
        super().__init__(
            flow=WHY_FLOW,
            title="Your why",
            steps=STEPS,
            draft=draft,
            answers=answers_from(current),
        )
        self.rewriting = current is not None

    def step_hint(self, step: FlowStep) -> str:
        if self.rewriting and not self.resumed and step.key == STEPS[0].key:
            return (
                f"{step.hint}\nYour current version is filled in: change whatever no longer fits."
            )
        return step.hint

    def reference_title(self) -> str:
        return "What you wrote on the way"

    def reference(self) -> str:
        if self.step != LAST:
            return ""
        return "\n".join(
            f"{step.title}: {' '.join(self.answers.get(step.key, '').split()) or '(skipped)'}"
            for step in STEPS[:LAST]
        )

    def check(self, step: FlowStep, value: str) -> Verdict:
        if step.key == "statement":
            return self._check_statement(value)
        try:
            answer = validate_answer(value, label="This answer")
        except ValidationError as error:
            return Verdict(error=error.message)
        if not answer:
            return Verdict(
                question="Skipping is fine, but even a few words here make the statement "
                "easier to write. Press ctrl+s again to skip."
            )
        return Verdict()

    def still_wrong(self, step: FlowStep, value: str) -> str:
        if step.key != "statement":
            return super().still_wrong(step, value)
        try:  # judged without `check`, which moves to an earlier answer that is wrong
            new_why(value, self.answers, now=self.coach.now())
        except ValidationError as error:
            return error.message
        return ""

    def _check_statement(self, value: str) -> Verdict:
        try:
            why = new_why(value, self.answers, now=self.coach.now())
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
        why = new_why(self.answers.get("statement", ""), self.answers, now=self.coach.now())
        try:
            save_why(self.coach.repo, why, draft=self.flow)
        except StoreError as error:
            self.say(str(error), kind="error")
            return None
        return why
