"""Pre-call prep: one outcome the client can agree to in this call, and as much planning
as the size of that advance deserves.

The outcome coach (`coaching/outcome.py`) questions seller-only, vague and too-big
outcomes; a too-big one is split (`coaching/outcome_split.py`): this call gets the step it
can win, and the bigger one becomes the outcome of a follow-up call a week later, saved
with this call's prep in one write. Small advances ask for one line of prep; large ones also ask
what the client gains, who must be there, questions, objections, what to bring and the
fallback.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from coach_tui.coaching.calls import commitment_label, open_commitments
from coach_tui.coaching.outcome import AdvanceSize, OutcomeIssue, check_outcome
from coach_tui.coaching.outcome_split import (
    Split,
    asks_follow_up,
    asks_this_call,
    split_outcome,
)
from coach_tui.coaching.prep_answers import PrepAnswers
from coach_tui.model.account import Account, StrategicObjective
from coach_tui.model.call import CALL_TEXT, Call, Commitment, Prep
from coach_tui.model.clock import local_time
from coach_tui.model.draft import FlowDraft
from coach_tui.model.errors import ValidationError
from coach_tui.model.flows.codec import member
from coach_tui.model.paragraphs import paragraphs
from coach_tui.model.why import WhyStatement
from coach_tui.services.call_saves import save_prep
from coach_tui.store.errors import StoreError
from coach_tui.ui.flow_names import prep_flow_name
from coach_tui.ui.kit.guided import (
    FlowStep,
    GuidedFlowScreen,
    Slot,
    StepKind,
    Verdict,
    attr_slot,
)
from coach_tui.ui.text import day, day_and_time

LARGE_ONLY = ("client_gain", "attendees", "questions", "objections", "bring", "fallback")
TEXT_STEPS = ("note", *LARGE_ONLY)


PREP_STEPS = (
    FlowStep(
        "outcome",
        "The outcome",
        "What will the client agree to do by the end of this call?",
        "An advance is their action: introduce you to someone, share information, try "
        "something, agree in principle, sign. Say who does what, and check they can say yes "
        "before the call ends.",
        kind=StepKind.LINE,
        placeholder="e.g. Greta introduces us to the CFO",
    ),
    FlowStep(
        "this_call",
        "This call",
        "What must this call get?",
        "",  # see PrepFlowScreen.step_hint: it quotes the outcome being split
        kind=StepKind.LINE,
        placeholder="e.g. Greta agrees to a 30-day pilot at one plant",
    ),
    FlowStep(
        "bigger",
        "The follow-up",
        "What should the follow-up call get?",
        "The bigger step becomes the outcome of a call a week after this one, created for "
        "you when you save. Empty: no follow-up call.",
        kind=StepKind.LINE,
    ),
    FlowStep(
        "size",
        "How big",
        "How big is this advance?",
        "Small advances need a line of prep; large ones (money, signatures, commitments) "
        "deserve a plan.",
        kind=StepKind.CHOICE,
        choices=tuple((size.value, size.value.capitalize()) for size in AdvanceSize),
    ),
    FlowStep("note", "Prep", "One line: what will you do to earn that yes?", ""),
    FlowStep("client_gain", "Their gain", "What does the client gain by agreeing?", ""),
    FlowStep("attendees", "Who", "Who must be in the room for the yes to count?", ""),
    FlowStep("questions", "Questions", "Which questions will you ask?", ""),
    FlowStep("objections", "Objections", "What objections are likely, and your answers?", ""),
    FlowStep("bring", "What to bring", "What will you bring or show?", ""),
    FlowStep(
        "fallback",
        "Fallback",
        "If the full outcome is out of reach, what is the least you will accept?",
        "Still a client action, just a smaller one.",
    ),
    FlowStep(
        "review",
        "Check it",
        "Is this an outcome you would bet the call on?",
        "Esc goes back to change anything. Ctrl+s saves the prep on the call.",
        kind=StepKind.REVIEW,
    ),
)


def answers_from(prep: Prep | None) -> PrepAnswers:
    """A prep already saved on the call, to edit it."""
    if prep is None:
        return PrepAnswers()
    return PrepAnswers(
        outcome=prep.outcome,
        size=member(AdvanceSize, prep.size, AdvanceSize.SMALL),
        note=prep.note,
        client_gain=prep.client_gain,
        attendees=prep.attendees,
        questions=prep.questions,
        objections=prep.objections,
        bring=prep.bring,
        fallback=prep.fallback,
    )


class PrepFlowScreen(GuidedFlowScreen[Call, PrepAnswers]):
    """Dismisses with the prepared call."""

    HELP_NAME = "Call prep"
    resume_hint = "Press p on the call to pick up where you left off."

    def __init__(
        self,
        call: Call,
        account: Account,
        *,
        now: datetime,
        draft: FlowDraft | None,
        why: WhyStatement | None,
        objective: StrategicObjective | None,
        last: Call | None,
        commitments: list[Commitment],
    ) -> None:
        outcome, this_call, bigger, size, note, *large_only, review = PREP_STEPS
        steps = (
            outcome.bind(
                slot=attr_slot(PrepAnswers, "outcome"),
                check=self._check_outcome,
                still_wrong=self._outcome_still_wrong,
            ),
            this_call.bind(
                slot=attr_slot(PrepAnswers, "this_call"),
                check=partial(self._check_this_call, this_call),
                skip=lambda: not asks_this_call(self.answers.outcome),
                dynamic_hint=self._this_call_hint,
            ),
            bigger.bind(
                slot=Slot(lambda a: a.bigger or "", lambda a, text: setattr(a, "bigger", text)),
                check=partial(self._check_text, bigger),
                skip=lambda: not asks_follow_up(*self._typed_split()),
            ),
            size.bind(slot=attr_slot(PrepAnswers, "size", AdvanceSize)),
            note.bind(slot=attr_slot(PrepAnswers, "note"), check=partial(self._check_text, note)),
            *(
                step.bind(
                    slot=attr_slot(PrepAnswers, step.key),
                    check=partial(self._check_text, step),
                    skip=lambda: self.answers.size is not AdvanceSize.LARGE,
                )
                for step in large_only
            ),
            review,
        )
        super().__init__(
            flow=prep_flow_name(call.uid),
            title=f"Prep · {account.name} · {day_and_time(local_time(call.when, now))}",
            steps=steps,
            draft=draft,
            answers=answers_from(call.prep),
        )
        self.outcome_step = steps[0]
        self.call = call
        self.account = account
        self.why = why
        self.objective = objective
        self.last = last
        self.commitments = commitments

    # --- adapting to the answers ------------------------------------------------------

    def _typed_split(self) -> tuple[str, str, str | None]:
        answers = self.answers
        return answers.outcome, answers.this_call, answers.bigger

    def split(self) -> Split:
        """This call's outcome and the follow-up's, from the answers so far."""
        return split_outcome(*self._typed_split())

    # --- the steps' handlers ------------------------------------------------------------

    def _check_outcome(self) -> Verdict:
        verdict = check_outcome(self.answers.outcome)
        if verdict.blocking:
            return Verdict(error=verdict.messages[0])
        # Suggest the size the outcome implies; the seller may change it.
        self.answers.size = verdict.size
        if OutcomeIssue.TOO_BIG in verdict.issues:
            # Remembered for the follow-up, whether they now write a smaller outcome here
            # or keep this one and say on the next page what this call must get.
            if not (self.answers.bigger or "").strip():
                self.answers.bigger = verdict.text
            return Verdict(
                question=paragraphs(
                    *verdict.messages,
                    "Write it here, or press ctrl+s again to split it on the next page.",
                )
            )
        if verdict.issues:
            return Verdict(question=paragraphs(*verdict.messages, "Ctrl+s again keeps it."))
        return Verdict()  # a good outcome goes on at the first ctrl+s

    def _outcome_still_wrong(self) -> str:
        verdict = check_outcome(self.answers.outcome)  # without `check`: it suggests the size
        return verdict.messages[0] if verdict.blocking else ""

    def _check_this_call(self, step: FlowStep) -> Verdict:
        value = self.answers.this_call
        if not value.strip():
            return self._check_text(step)
        verdict = check_outcome(value)
        if verdict.blocking:
            return Verdict(error=verdict.messages[0])
        self.answers.size = verdict.size
        if verdict.issues:
            return Verdict(question=paragraphs(*verdict.messages, "Ctrl+s again keeps it."))
        return Verdict()

    def _check_text(self, step: FlowStep) -> Verdict:
        try:
            CALL_TEXT.clean(str(self.value_of(step)), label=step.title)
        except ValidationError as error:
            return Verdict(error=error.message)
        return Verdict()

    def _this_call_hint(self) -> str:
        typed = check_outcome(self.answers.outcome).text
        return (
            f"“{typed}” is more than one call gets. Write the step this call can win; the "
            "bigger one becomes the outcome of a follow-up call a week later. Empty keeps "
            "the whole outcome for this call."
        )

    def reference_title(self) -> str:
        return "Before you prepare" if self.current.kind is not StepKind.REVIEW else "Your prep"

    def reference(self) -> str:
        if self.current.kind is StepKind.REVIEW:
            prep = self.build()
            lines = [f"Outcome: {prep.outcome}", f"Size: {prep.size}"]
            lines += [f"{name.replace('_', ' ').capitalize()}: {getattr(prep, name)}"
                      for name in TEXT_STEPS if getattr(prep, name)]  # fmt: skip
            if follow_up := self.split().follow_up:
                lines.append(f"Follow-up call a week later, aiming at: {follow_up}")
            return "\n".join(lines)
        if self.current is not self.outcome_step:
            return ""
        lines = []
        if self.call.carried_outcome:
            lines.append(
                "The outcome above was carried over from another call as a draft; this call "
                "counts as prepared once you save it here."
            )
        if self.why is not None:
            lines.append(f"Why it matters to you: {self.why.statement}")
        if self.objective is not None:
            lines.append(f"This call should move: {self.objective.description}")
            if self.objective.client_goal:
                lines.append(f"It matters to them because: {self.objective.client_goal}")
        else:
            lines.append("No strategic objective on this account yet (o on the account).")
        if self.last is not None and self.last.debrief is not None:
            debrief = self.last.debrief
            lines.append(
                f"Last call {day(self.local(self.last.when))}: {debrief.movement.value}, outcome "
                f"{debrief.result.value}. Next step: {debrief.next_step or '—'}"
            )
        today = self.coach.now().date()
        for commitment in open_commitments(self.commitments, today)[:4]:
            lines.append(
                f"Open promise ({commitment.party.value}): {commitment.what} — "
                f"{commitment_label(commitment, today)}"
            )
        return "\n".join(lines)

    # --- saving -------------------------------------------------------------------------

    def build(self) -> Prep:
        answers = self.answers
        large = answers.size is AdvanceSize.LARGE

        def kept(text: str) -> str:
            return text.strip() if large else ""

        return Prep(
            outcome=check_outcome(self.split().this_call).text,
            size=answers.size.value,
            note=answers.note.strip(),
            client_gain=kept(answers.client_gain),
            attendees=kept(answers.attendees),
            questions=kept(answers.questions),
            objections=kept(answers.objections),
            bring=kept(answers.bring),
            fallback=kept(answers.fallback),
        )

    def finish(self) -> Call | None:
        prep = self.build()
        verdict = check_outcome(prep.outcome)
        if verdict.blocking:
            self.say(verdict.messages[0], kind="error")
            return None
        bigger = self.split().follow_up
        try:
            saved = save_prep(
                self.coach.repo,
                self.call,
                prep,
                bigger=bigger,
                now=self.coach.now(),
                draft=self.flow,
            )
        except ValidationError as error:
            self.say(error.message, kind="error")
            return None
        except StoreError as error:
            self.say(str(error), kind="error")
            return None
        if saved.follow_up is not None:
            self.notify(
                f"Follow-up call set for {day_and_time(self.local(saved.follow_up.when))}, "
                f"aiming at: {bigger}. Prepare it before then.",
                title="Split",
                markup=False,
            )
        return saved.call
