"""Pre-call prep: the best outcome the client can agree to in this call, the least they
must do for it to count, their reason to meet, and as much planning as the advance deserves.

The outcome coach (`coaching/outcome.py`) questions seller-only, vague and too-big
outcomes — the best outcome and the minimum acceptable action alike; a too-big one is split
(`coaching/outcome_split.py`): this call gets the step it can win, and the bigger one
becomes the outcome of a follow-up call a week later, saved with this call's prep in one
write. The client's reason to meet is questioned when it is the seller's
(`coaching/business_reason.py`). Depth follows the size (`coaching/prep_depth.py`): a medium
advance adds what the client gains and the questions; a large one who must be there,
objections, what to bring and — for an objective without one — the client's why now, saved
on the objective with the prep. The review ends with the opener (`coaching/opener.py`).
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from coach_tui.coaching.business_reason import check_reason
from coach_tui.coaching.calls import commitment_label, open_commitments
from coach_tui.coaching.minimum_action import check_minimum, first_name, who_of
from coach_tui.coaching.opener import OpenerFacts, opener
from coach_tui.coaching.outcome import AdvanceSize, OutcomeContext, OutcomeIssue, check_outcome
from coach_tui.coaching.outcome_split import (
    Split,
    asks_follow_up,
    asks_this_call,
    split_outcome,
)
from coach_tui.coaching.prep_answers import PrepAnswers
from coach_tui.coaching.prep_depth import PLANNING_STEPS, asks
from coach_tui.model.account import WHY_NOW, Account, Perspective, StrategicObjective
from coach_tui.model.call import CALL_TEXT, MINUTES, RESULT_GOT, Call, Commitment, Prep
from coach_tui.model.clock import local_time
from coach_tui.model.contact import Contact
from coach_tui.model.draft import FlowDraft
from coach_tui.model.errors import ValidationError
from coach_tui.model.flows.codec import member
from coach_tui.model.paragraphs import paragraphs
from coach_tui.model.text import clean_text
from coach_tui.model.why import WhyStatement
from coach_tui.model.wording import possessive
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

# The steps of prep before this version, by index: a draft written then (it has no
# `at_step`) resumes at the step of the same name, or the one that took its place.
EARLIER_STEPS = (
    "outcome", "this_call", "bigger", "size", "note", "client_gain", "attendees",
    "questions", "objections", "bring", "fallback", "review",
)  # fmt: skip
REPLACED = {"note": "reason"}
# What the review lists, in order, with the words it uses.
REVIEW_LINES = (
    ("fallback", "Minimum"), ("reason", "Their reason"), ("note", "Note"),
    ("client_gain", "Their gain"), ("questions", "Questions"), ("attendees", "Who"),
    ("objections", "Objections"), ("bring", "Bring"),
)  # fmt: skip
PERSPECTIVES_SHOWN = 3


PREP_STEPS = (
    FlowStep(
        "outcome",
        "The best outcome",
        "What will the client agree to do by the end of this call?",
        "Aim high: the best the client could agree to. An advance is their action: introduce "
        "you to someone, share information, try something, agree in principle, sign.",
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
        "fallback",
        "The minimum",
        "What is the least the client must do for this call to count?",
        "",  # quotes the best outcome
        kind=StepKind.LINE,
        placeholder="e.g. Greta shares the downtime figures",
    ),
    FlowStep(
        "size",
        "How big",
        "How big is this advance?",
        "Small: the outcome and the minimum are enough. Medium adds what they gain and your "
        "questions; large (money, signatures) adds who must be there, objections and what "
        "to bring.",
        kind=StepKind.CHOICE,
        choices=tuple((size.value, size.value.capitalize()) for size in AdvanceSize),
    ),
    FlowStep(
        "reason",
        "Their reason",
        "Why would the client want this meeting?",
        "Their reason, not yours: a problem to solve, a date to meet, a goal. It opens the call.",
        kind=StepKind.LINE,
        placeholder="e.g. Waste is up 8% since the new line started",
    ),
    FlowStep("client_gain", "Their gain", "What does the client gain by agreeing?", ""),
    FlowStep("questions", "Questions", "Which questions will you ask?", ""),
    FlowStep("attendees", "Who", "Who must be in the room for the yes to count?", ""),
    FlowStep("objections", "Objections", "What objections are likely, and your answers?", ""),
    FlowStep("bring", "What to bring", "What will you bring or show?", ""),
    FlowStep(
        "why_now",
        "Why now",
        "Why would the client act this quarter rather than next year?",
        "",  # names the objective it is saved on
        kind=StepKind.LINE,
        placeholder="e.g. The Bremen plant opens in May",
    ),
    FlowStep(
        "review",
        "Check it",
        "Is this an outcome you would bet the call on?",
        "Esc goes back to change anything. Ctrl+s saves the prep on the call.",
        kind=StepKind.REVIEW,
    ),
)
STEP_KEYS = tuple(step.key for step in PREP_STEPS)
assert set(PLANNING_STEPS) <= set(STEP_KEYS)


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
        reason=prep.reason,
    )


def resume_at(answers: PrepAnswers, step: int) -> int:
    """The step a draft resumes at: by the name it saved, or — written before steps had
    names in drafts — by what stood at its index then."""
    key = answers.at_step
    if not key and 0 <= step < len(EARLIER_STEPS):
        key = EARLIER_STEPS[step]
    key = REPLACED.get(key, key)
    return STEP_KEYS.index(key) if key in STEP_KEYS else min(step, len(STEP_KEYS) - 1)


def _overrule(typed: str) -> str:
    """How the seller goes past a coach's question about an answer they may leave empty."""
    return "Ctrl+s again keeps it." if typed.strip() else "Ctrl+s again goes on without one."


def ordered_contacts(call: Call, contacts: tuple[Contact, ...]) -> tuple[Contact, ...]:
    """The people on the call, in the order the call lists them."""
    by_uid = {contact.uid: contact for contact in contacts}
    return tuple(by_uid[uid] for uid in call.contact_uids if uid in by_uid)


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
        contacts: tuple[Contact, ...] = (),
        perspectives: tuple[Perspective, ...] = (),
    ) -> None:
        self.call = call
        self.account = account
        self.why = why
        self.objective = objective
        self.last = last
        self.commitments = commitments
        self.people = ordered_contacts(call, contacts)
        self.perspectives = perspectives
        self.context = OutcomeContext(
            contacts=tuple(person.name for person in self.people),
            objective=objective.description if objective is not None else "",
        )
        self.who = who_of(self.context)
        # Asked only when the objective has no why now when prep opens (a large advance).
        self.why_now_known = objective is None or bool(objective.why_now)
        steps = self._bound_steps()
        super().__init__(
            flow=prep_flow_name(call.uid),
            title=f"Prep · {account.name} · {day_and_time(local_time(call.when, now))}",
            steps=steps,
            draft=draft,
            answers=answers_from(call.prep),
        )
        if draft is not None:
            self.step = resume_at(self.answers, draft.step)
            # A step no longer asked (the objective got its why now meanwhile): the next one.
            while self.skips(self.current) and self.step < len(self.steps) - 1:
                self.step += 1
        self.outcome_step = steps[0]

    def _bound_steps(self) -> tuple[FlowStep, ...]:
        by_key = {step.key: step for step in PREP_STEPS}
        who = self.who
        bound = {
            "outcome": by_key["outcome"].bind(
                slot=attr_slot(PrepAnswers, "outcome"),
                check=self._check_outcome,
                still_wrong=self._outcome_still_wrong,
                question=f"What will {who} agree to do by the end of this call?",
                placeholder=f"e.g. {self._example_name()} introduces us to the CFO",
            ),
            "this_call": by_key["this_call"].bind(
                slot=attr_slot(PrepAnswers, "this_call"),
                check=self._check_this_call,
                skip=lambda: not asks_this_call(self.answers.outcome),
                dynamic_hint=self._this_call_hint,
            ),
            "bigger": by_key["bigger"].bind(
                slot=Slot(lambda a: a.bigger or "", lambda a, text: setattr(a, "bigger", text)),
                check=self._check_text,
                skip=lambda: not asks_follow_up(*self._typed_split()),
            ),
            "fallback": by_key["fallback"].bind(
                slot=attr_slot(PrepAnswers, "fallback"),
                check=self._check_minimum,
                still_wrong=lambda: self._check_minimum().error,
                question=f"What is the least {who} must do for this call to count?",
                placeholder=f"e.g. {self._example_name()} shares the downtime figures",
                dynamic_hint=self._minimum_hint,
            ),
            "size": by_key["size"].bind(slot=attr_slot(PrepAnswers, "size", AdvanceSize)),
            "reason": by_key["reason"].bind(
                slot=attr_slot(PrepAnswers, "reason"),
                check=self._check_reason,
                still_wrong=lambda: self._check_text().error,
                question=f"Why would {who} want this meeting?",
            ),
            "why_now": by_key["why_now"].bind(
                slot=attr_slot(PrepAnswers, "why_now"),
                check=self._check_why_now,
                skip=lambda: not self._asks("why_now"),
                question=f"Why would {self.account.name} act this quarter rather than next year?",
                dynamic_hint=self._why_now_hint,
            ),
            "review": by_key["review"],
        }
        if who != "the client":
            bound["client_gain"] = by_key["client_gain"].bind(
                question=f"What does {who} gain by agreeing?"
            )
        for key in PLANNING_STEPS:
            if key == "why_now":
                continue
            step = bound.get(key, by_key[key])
            bound[key] = step.bind(
                slot=attr_slot(PrepAnswers, key),
                check=self._check_text,
                skip=partial(self._skips, key),
            )
        return tuple(bound[key] for key in STEP_KEYS)

    def _example_name(self) -> str:
        """The examples speak of the person on the call, else of an invented Greta."""
        return self.who if self.people else "Greta"

    def _skips(self, step: str) -> bool:
        return not self._asks(step)

    def _asks(self, step: str) -> bool:
        return asks(step, self.answers.size, why_now_known=self.why_now_known)

    # --- keeping the place ----------------------------------------------------------------

    def save_draft(self) -> None:
        self.answers.at_step = self.current.key
        super().save_draft()

    # --- adapting to the answers ------------------------------------------------------

    def _typed_split(self) -> tuple[str, str, str | None]:
        answers = self.answers
        return answers.outcome, answers.this_call, answers.bigger

    def split(self) -> Split:
        """This call's outcome and the follow-up's, from the answers so far."""
        return split_outcome(*self._typed_split())

    def best(self) -> str:
        """The best outcome of this call as the flow stands (after any split)."""
        return check_outcome(self.split().this_call, self.context).text

    # --- the steps' handlers ------------------------------------------------------------

    def _check_outcome(self) -> Verdict:
        verdict = check_outcome(self.answers.outcome, self.context)
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
        # without `check`: it suggests the size
        verdict = check_outcome(self.answers.outcome, self.context)
        return verdict.messages[0] if verdict.blocking else ""

    def _check_this_call(self) -> Verdict:
        value = self.answers.this_call
        if not value.strip():
            return self._check_text()
        verdict = check_outcome(value, self.context)
        if verdict.blocking:
            return Verdict(error=verdict.messages[0])
        self.answers.size = verdict.size
        if verdict.issues:
            return Verdict(question=paragraphs(*verdict.messages, "Ctrl+s again keeps it."))
        return Verdict()

    def _check_minimum(self) -> Verdict:
        checked = check_minimum(self.answers.fallback, self.best(), self.context)
        if checked.error:
            return Verdict(error=checked.error)
        if checked.question:
            return Verdict(question=paragraphs(checked.question, _overrule(self.answers.fallback)))
        return Verdict()

    def _check_reason(self) -> Verdict:
        text = self._check_text()
        if text.error:
            return text
        names = tuple(first_name(person.name) for person in self.people)
        checked = check_reason(self.answers.reason, who=self.who, names=names)
        if checked.issue is None:
            return Verdict()
        return Verdict(question=paragraphs(checked.message, _overrule(self.answers.reason)))

    def _check_why_now(self) -> Verdict:
        try:
            WHY_NOW.clean(self.answers.why_now, label="Their why now")
        except ValidationError as error:
            return Verdict(error=error.message)
        return Verdict()

    def _check_text(self) -> Verdict:
        """The answer on the page fits a call's text. Judged through the page's own bound
        step: an unbound `PREP_STEPS` entry has no slot, and would judge nothing."""
        step = self.current
        try:
            CALL_TEXT.clean(str(self.value_of(step)), label=step.title)
        except ValidationError as error:
            return Verdict(error=error.message)
        return Verdict()

    def _this_call_hint(self) -> str:
        typed = check_outcome(self.answers.outcome, self.context).text
        return (
            f"“{typed}” is more than one call gets. Write the step this call can win; the "
            "bigger one becomes the outcome of a follow-up call a week later. Empty keeps "
            "the whole outcome for this call."
        )

    def _minimum_hint(self) -> str:
        return (
            f"Still {possessive(self.who)} action, smaller than the best: share figures, name "
            "who else decides, book the next meeting. If they do it, the call counts."
        )

    def _why_now_hint(self) -> str:
        where = (
            f" Saved on the objective “{self.objective.description}”."
            if self.objective is not None
            else ""
        )
        return (
            "Their compelling event: a plant opening, a contract ending, a new rule. "
            f"Empty if you don't know yet — then ask in the call.{where}"
        )

    def reference_title(self) -> str:
        if self.current.kind is StepKind.REVIEW:
            return "Your prep"
        if self.current.key == "reason":
            return "What you know about them"
        return "Before you prepare"

    def reference(self) -> str:
        if self.current.kind is StepKind.REVIEW:
            return self._review()
        if self.current.key == "reason":
            return "\n".join(self._about_them())
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
                f"Last call {day(self.local(self.last.when))}: {debrief.movement.value}, "
                f"{RESULT_GOT[debrief.result]}. Next step: {debrief.next_step or '—'}"
            )
        today = self.coach.now().date()
        for commitment in open_commitments(self.commitments, today)[:4]:
            lines.append(
                f"Open promise ({commitment.party.value}): {commitment.what} — "
                f"{commitment_label(commitment, today)}"
            )
        return "\n".join(lines)

    def _about_them(self) -> list[str]:
        """What the account's people care about and what the team has seen: the stuff of
        the client's reason to meet."""
        lines = []
        if self.objective is not None and self.objective.client_goal:
            lines.append(f"Their goal: {self.objective.client_goal}")
        if self.objective is not None and self.objective.why_now:
            lines.append(f"Why now: {self.objective.why_now}")
        for person in self.people:
            if person.what_matters:
                lines.append(f"What matters to {person.name}: {person.what_matters}")
        latest = sorted(self.perspectives, key=lambda p: p.said_on, reverse=True)
        for view in latest[:PERSPECTIVES_SHOWN]:
            lines.append(f"{view.who} ({view.kind.value}, {day(view.said_on)}): {view.text}")
        return lines

    def _review(self) -> str:
        prep = self.build()
        lines = [f"Best outcome: {prep.outcome}", f"Size: {prep.size}"]
        if not prep.fallback:
            lines.append("Minimum: none yet — what would still make the call count?")
        lines += [f"{label}: {getattr(prep, name)}"
                  for name, label in REVIEW_LINES if getattr(prep, name)]  # fmt: skip
        if why_now := self._why_now():
            lines.append(f"Why now (saved on the objective): {why_now}")
        if follow_up := self.split().follow_up:
            lines.append(f"Follow-up call a week later, aiming at: {follow_up}")
        lines += ["", "Open the call like this:", *self.opener()]
        return "\n".join(lines)

    def opener(self) -> tuple[str, str, str]:
        """The three lines that open this call, from the prep as it stands."""
        prep = self.build()
        person = first_name(self.people[0].name) if self.people else ""
        return opener(
            OpenerFacts(
                who=person,
                reason=prep.reason,
                minutes=MINUTES[self.call.kind],
                outcome=prep.outcome,
            )
        )

    # --- saving -------------------------------------------------------------------------

    def _why_now(self) -> str:
        """The client's why now to save on the objective: only when it was asked."""
        return self.answers.why_now.strip() if self._asks("why_now") else ""

    def build(self) -> Prep:
        answers = self.answers

        def kept(name: str) -> str:
            return getattr(answers, name).strip() if self._asks(name) else ""

        return Prep(
            outcome=self.best(),
            size=answers.size.value,
            note=answers.note.strip(),
            client_gain=kept("client_gain"),
            attendees=kept("attendees"),
            questions=kept("questions"),
            objections=kept("objections"),
            bring=kept("bring"),
            fallback=clean_text(answers.fallback, multiline=False),
            reason=clean_text(answers.reason, multiline=False),
        )

    def finish(self) -> Call | None:
        prep = self.build()
        verdict = check_outcome(prep.outcome, self.context)
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
                objective=self.objective,
                why_now=self._why_now(),
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
