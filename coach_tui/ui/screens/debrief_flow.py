"""The debrief: the best outcome, the minimum or neither (or, for a call with no outcome,
what they agreed to), did the client commit (advance) or only talk on (continuation), who
promised what by when, the next step — which creates the next call — and whether today's
skill was practised. Nothing is chosen for the seller; the rules are in
`coaching/debrief_checks.py`."""

from __future__ import annotations

from datetime import date, datetime
from functools import partial

from coach_tui.coaching.debrief_checks import (
    NO_CONTEXT,
    DebriefContext,
    advance_without_promise,
    agreed_question,
    debrief_result,
    movement_missing,
    practised_missing,
    promise_day_flag,
    promise_undated,
    result_choices,
    result_missing,
    skill_question,
    skill_to_ask,
    who,
)
from coach_tui.coaching.next_call import Promised
from coach_tui.coaching.outcome import OutcomeContext, check_outcome
from coach_tui.model.account import Account
from coach_tui.model.call import CALL_TEXT, RESULT_GOT, Call, Debrief, Movement, Party, Result
from coach_tui.model.clock import local_time
from coach_tui.model.dates import Prefer, clock_change_note, parse_day, parse_moment, read_back
from coach_tui.model.draft import FlowDraft
from coach_tui.model.errors import ValidationError
from coach_tui.model.flows.codec import answers_of
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

YES_NO = (("yes", "Yes, I practised it"), ("no", "No, not in this call"))

DEBRIEF_STEPS = (
    FlowStep(
        "result",
        "The outcome",
        "Which did you get: the best outcome, the minimum, or neither?",
        "",
        kind=StepKind.CHOICE,
        preselect=False,
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
        preselect=False,
    ),
    FlowStep(
        "theirs",
        "Their promise",
        "What did they promise to do?",
        "What they will do, in their name: “the client sends the figures”.",
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
    # After the steps older drafts know, so a draft's step number still means the same step.
    FlowStep(
        "practised",
        "Your skill",
        "Did you practise it in this call?",
        "The weekly review counts these answers against your getting-better goal.",
        kind=StepKind.CHOICE,
        choices=YES_NO,
        preselect=False,
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
        self,
        call: Call,
        account: Account,
        *,
        now: datetime,
        draft: FlowDraft | None,
        context: DebriefContext = NO_CONTEXT,
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
            practised,
            review,
        ) = DEBRIEF_STEPS
        self.call = call
        self.account = account
        self.context = context
        asked = "" if draft is None else answers_of(draft, DebriefAnswers).skill_uid
        self.skill = skill_to_ask(context.skills, asked)
        self.client = who(context.contacts)
        client = "the client" if self.client == "they" else self.client

        def slot(name: str) -> Slot:
            return attr_slot(DebriefAnswers, name)

        if call.prepared:
            first = result.bind(
                slot=attr_slot(DebriefAnswers, "result", Result),
                choices=result_choices(call),
                dynamic_hint=self._aimed,
                check=lambda: Verdict(error=result_missing(self.answers.result)),
            )
        else:
            question, hint = agreed_question(context.contacts, call.carried_outcome)
            first = FlowStep(
                "agreed",
                "What happened",
                question,
                hint,
                kind=StepKind.LINE,
                slot=slot("theirs"),
                check=partial(self._check_text, theirs),
            )
        steps = (
            first,
            movement.bind(
                question=f"Did {client} commit to a next step?",
                slot=attr_slot(DebriefAnswers, "movement", Movement),
                check=self._check_movement,
            ),
            theirs.bind(
                question=f"What did {self.client} promise to do?",
                hint=f"What they will do, in their name: “{client} sends the figures”.",
                slot=slot("theirs"),
                check=self._check_theirs,
                skip=lambda: not self._theirs_asked() or not call.prepared,
            ),
            theirs_due.bind(
                question=f"By when will {self.client} do it?",
                slot=slot("theirs_due"),
                check=lambda: self._check_due(self.answers.theirs_due, theirs=True),
                echo=self._echo_due,
                skip=lambda: not self._theirs_asked() or not self.answers.theirs.strip(),
            ),
            mine.bind(slot=slot("mine"), check=partial(self._check_text, mine)),
            mine_due.bind(
                slot=slot("mine_due"),
                check=lambda: self._check_due(self.answers.mine_due, theirs=False),
                echo=self._echo_due,
                skip=lambda: not self.answers.mine.strip(),
            ),
            notes.bind(slot=slot("notes"), check=partial(self._check_text, notes)),
            next_step.bind(slot=slot("next_step"), check=self._check_next_step),
            next_when.bind(
                slot=slot("next_when"), check=self._check_next_when, echo=self._echo_next_when
            ),
            practised.bind(
                question=skill_question(self.skill) if self.skill else practised.question,
                slot=Slot(_practised_text, _put_practised),
                check=lambda: Verdict(error=practised_missing(self.answers.practised)),
                skip=lambda: self.skill is None,
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
        # The skill this debrief asks about goes into its draft, so a resume asks the same;
        # an answer about a skill since retired is not carried over to another.
        uid = self.skill.uid if self.skill else ""
        if self.answers.skill_uid != uid:
            self.answers.skill_uid, self.answers.practised = uid, None

    def blank_answers(self) -> DebriefAnswers:
        return DebriefAnswers(skill_uid=self.skill.uid if self.skill else "")

    def _continuation(self) -> bool:
        """A continuation has no client promise to record."""
        return self.answers.movement is Movement.CONTINUATION

    def _theirs_asked(self) -> bool:
        """Whether the client's promise is asked (and so saved): always for a call with no
        outcome (its first question), else unless the seller called it a continuation."""
        return not self.call.prepared or not self._continuation()

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
        minimum = self.call.prep.fallback.strip() if self.call.prep is not None else ""
        if minimum:
            return "Best is what you aimed for; the minimum is the least that still counted."
        return (
            "Best is what you aimed for. The prep set no minimum: pick it if they did less "
            "than the best but enough to move things on."
        )

    def _check_text(self, step: FlowStep) -> Verdict:
        try:
            CALL_TEXT.clean(str(self.value_of(step)), label=step.title)
        except ValidationError as error:
            return Verdict(error=error.message)
        return Verdict()

    def _check_movement(self) -> Verdict:
        answers = self.answers
        if missing := movement_missing(answers.movement, self.context.contacts):
            return Verdict(error=missing)
        if not self.call.prepared:  # what they agreed to was the first question
            gap = advance_without_promise(answers.movement, answers.theirs, self.context.contacts)
            return Verdict(error=paragraphs(gap, "Esc goes back to write it.") if gap else "")
        return Verdict()

    def _check_theirs(self) -> Verdict:
        step = self.current
        if gap := advance_without_promise(
            self.answers.movement, self.answers.theirs, self.context.contacts
        ):
            return Verdict(error=paragraphs(gap, "Esc goes back to change it."))
        return self._check_text(step)

    def _check_due(self, text: str, *, theirs: bool) -> Verdict:
        try:
            due = self._due(text)
        except ValidationError as error:
            return Verdict(error=error.message)
        now = self.coach.now()
        flag = promise_day_flag(
            due,
            call_day=local_time(self.call.when, now).date(),
            today=now.date(),
            theirs=theirs,
            contacts=self.context.contacts,
        )
        if flag is not None:
            return Verdict(error=flag.message) if flag.blocking else Verdict(question=flag.message)
        undated = promise_undated(self.answers.movement, self.answers.theirs, text)
        return Verdict(question=undated if theirs else "")

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
        context = OutcomeContext(contacts=self.context.contacts, objective=self.context.objective)
        verdict = check_outcome(value, context) if value.strip() else None
        if verdict is not None and verdict.blocking:
            return Verdict(error=verdict.messages[0])
        if verdict is not None and verdict.issues:
            return Verdict(question=paragraphs(verdict.messages[0], "Ctrl+s again keeps it."))
        return Verdict()

    def _gaps(self) -> list[tuple[str, str]]:
        """What still keeps the debrief from saving, each with the step that answers it."""
        answers = self.answers
        result = debrief_result(self.call, answers.result)
        theirs = answers.theirs if self._theirs_asked() else ""
        promise_step = "theirs" if self.call.prepared else "movement"
        contacts = self.context.contacts
        gaps = [
            ("result", result_missing(result)),
            ("movement", movement_missing(answers.movement, contacts)),
            (promise_step, advance_without_promise(answers.movement, theirs, contacts)),
        ]
        if self.skill is not None:
            gaps.append(("practised", practised_missing(answers.practised)))
        return [(key, message) for key, message in gaps if message]

    def reference(self) -> str:
        if self.current.kind is not StepKind.REVIEW:
            return ""
        answers = self.answers
        if not self.call.prepared:
            outcome = "No outcome was set"
        elif answers.result is None:
            outcome = "Result: not chosen yet"
        else:
            outcome = f"Result: {RESULT_GOT[answers.result]}"
        movement = answers.movement.value if answers.movement else "movement not chosen yet"
        lines = [
            f"{outcome}; {movement}.",
            f"They promised: {(answers.theirs if self._theirs_asked() else '') or '—'}",
            f"You promised: {answers.mine or '—'}",
            f"Next step: {answers.next_step or '—'}",
        ]
        try:
            when = self._next_when(answers.next_when)
        except ValidationError as error:
            return f"Something needs fixing first: {error.message}"
        if when is not None:
            lines.append(f"Next call: {day_and_time(when)} (created when you save)")
        if self.skill is not None and answers.practised is not None:
            practised = "yes" if answers.practised else "no"
            lines.append(f"Practised “{self.skill.skill}”: {practised}")
        return "\n".join(lines)

    def finish(self) -> Call | None:
        answers = self.answers
        if gaps := self._gaps():
            key, message = gaps[0]
            self.go_to(next(i for i, step in enumerate(self.steps) if step.key == key))
            self.say(message, kind="error")
            return None
        result, movement = debrief_result(self.call, answers.result), answers.movement
        assert result is not None and movement is not None  # no gaps left
        try:
            theirs = (
                ((Party.THEM, answers.theirs, answers.theirs_due),) if self._theirs_asked() else ()
            )
            promised = [
                Promised(party, what, self._due(due))
                for party, what, due in (*theirs, (Party.ME, answers.mine, answers.mine_due))
                if what.strip()
            ]
            when = self._next_when(answers.next_when)
            debrief = Debrief(
                result,
                movement,
                next_step=answers.next_step.strip(),
                notes=answers.notes.strip(),
                at=self.coach.now(),
                skill_uid=self.skill.uid if self.skill else "",
                practised=bool(answers.practised) if self.skill else False,
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


def _practised_text(answers: DebriefAnswers) -> str:
    return {True: "yes", False: "no"}.get(answers.practised, "")  # type: ignore[arg-type]


def _put_practised(answers: DebriefAnswers, value: object) -> None:
    answers.practised = {"yes": True, "no": False}.get(str(value))
