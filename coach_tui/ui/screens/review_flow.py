"""The weekly self-coaching review: the week in numbers, reflection, getting-better ratings,
a clear-up of what is still open, and next week's focus.

Its steps depend on the seller's getting-better goals and on what is open, so the lists a
review started with are kept in the draft (`ReviewAnswers.lists`): a resumed review has the
same steps, and the step number it saved still points at the same question.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial

from coach_tui.coaching.focus import focus_questions
from coach_tui.coaching.review import (
    CLEAR_CHOICES,
    ClearChoice,
    ClearItem,
    check_reflection,
    parse_focus,
    reflection_nudge,
    settle_promise,
    settle_touch,
)
from coach_tui.coaching.review_answers import ReviewAnswers, ReviewLists, SkillAnswers
from coach_tui.model.call import Commitment
from coach_tui.model.draft import FlowDraft
from coach_tui.model.errors import ValidationError
from coach_tui.model.flows.codec import answers_of
from coach_tui.model.review import RATINGS, SkillReflection, WeekReview
from coach_tui.model.touch import Touch
from coach_tui.services.flow_saves import save_review
from coach_tui.services.weekly_review import ReviewContext
from coach_tui.store.errors import StoreError
from coach_tui.ui.flow_names import review_flow_name
from coach_tui.ui.kit.guided import (
    FlowStep,
    GuidedFlowScreen,
    Slot,
    StepKind,
    Verdict,
    attr_slot,
)

REFLECTIONS = {
    "figures_note": "What the numbers say",
    "went_well": "What went well",
    "went_badly": "What did not",
    "learned": "What I learned about my clients",
}
RATING_CHOICES = (
    ("1", "1 — I did not really try"),
    ("2", "2 — I tried once or twice"),
    ("3", "3 — some of the time, with mixed results"),
    ("4", "4 — most of the time, and it showed"),
    ("5", "5 — it is becoming a habit"),
)
YES_NO = (("yes", "Yes, I practised it"), ("no", "No, not this week"))
# Columns the flow's padding, the reference panel's border and padding, and a scroll bar
# take from the screen's width.
REFERENCE_MARGIN = 14


def _reflection_step(key: str, question: str, hint: str) -> FlowStep:
    return FlowStep(key, REFLECTIONS[key], question, hint, slot=attr_slot(ReviewAnswers, key))


def _skill_slot(uid: str, read: Callable[..., str], write: Callable[..., None]) -> Slot:
    """A slot of the answers about skill `uid`."""
    return Slot(
        lambda answers: read(answers.skill(uid)),
        lambda answers, value: write(answers.skill(uid), value),
    )


def _set_practised(skill: SkillAnswers, value: str) -> None:
    skill.practised = value != "no"


def _set_example(skill: SkillAnswers, value: str) -> None:
    skill.example = value


def _set_rating(skill: SkillAnswers, value: str) -> None:
    skill.rating = int(value) if value else None


def _clear_slot(item: ClearItem) -> Slot:
    def put(answers: ReviewAnswers, value: str) -> None:
        answers.clear[item.key] = ClearChoice(value) if value else ClearChoice.LEAVE

    return Slot(lambda answers: answers.choice(item).value, put)


def _skill_hint(context: ReviewContext, uid: str) -> str:
    """What the week says about the skill: last rating, continuations, debriefs' answers."""
    evidence = context.skill_notes.get(uid, "")
    return f"From your week: {evidence}." if evidence else ""


def _steps(context: ReviewContext, flow: WeekReviewFlowScreen) -> list[FlowStep]:
    """The review's steps, with `flow`'s handlers bound."""
    steps = [
        _reflection_step(
            "figures_note",
            "Here is your week in numbers. What stands out to you?",
            context.summary,
        ).bind(title="The week in numbers"),
        _reflection_step(
            "went_well",
            "What went well this week?",
            "Name something you did, not only something that happened to you.",
        ),
        _reflection_step(
            "went_badly",
            "What did not go well — and what was your part in it?",
            "Honest beats flattering: this page is only for you.",
        ),
        _reflection_step(
            "learned",
            "What did you learn about your clients this week?",
            "A worry, a priority, a name, how they decide — anything you did not know on Monday.",
        ).bind(title="Your clients"),
    ]
    for index, step in enumerate(steps):
        steps[index] = step.bind(check=partial(flow.check_reflection, step.key))
    for uid, skill in context.skills:
        steps += [
            FlowStep(
                f"skill:{uid}:practised",
                f"Getting better · {skill}",
                f"Did you practise “{skill}” this week?",
                _skill_hint(context, uid),
                kind=StepKind.CHOICE,
                choices=YES_NO,
                slot=_skill_slot(uid, lambda s: "yes" if s.practised else "no", _set_practised),
            ),
            FlowStep(
                f"skill:{uid}:example",
                f"Getting better · {skill}",
                f"When did you practise “{skill}”? Give one example.",
                "Where, with whom, what you did — and what you would do the same or differently.",
                slot=_skill_slot(uid, lambda s: s.example, _set_example),
                check=partial(flow.check_example, uid),
                skip=partial(flow.not_practised, uid),
            ),
            FlowStep(
                f"skill:{uid}:rating",
                f"Getting better · {skill}",
                f"How well did “{skill}” go this week, 1 to 5?",
                "Rate what you did, not how the calls ended.",
                kind=StepKind.CHOICE,
                choices=RATING_CHOICES,
                slot=_skill_slot(uid, lambda s: str(s.rating or ""), _set_rating),
            ),
        ]
    total = len(context.clear)
    for number, item in enumerate(context.clear, start=1):
        steps.append(
            FlowStep(
                f"clear:{item.key}",
                f"Clear the decks · {number} of {total}",
                item.label,
                "Still open at the end of the week. Settle it now so it does not linger.",
                kind=StepKind.CHOICE,
                choices=CLEAR_CHOICES,
                slot=_clear_slot(item),
            )
        )
    focus_hint = (
        "A focus is something you will do: “get Priya to introduce me to the CFO”, "
        "not “be more proactive”."
    )
    if context.clear_more:
        focus_hint += (
            f" ({context.clear_more} more open items wait in the touch queue and the calls screen.)"
        )
    steps += [
        FlowStep(
            "focus",
            "Next week's focus",
            "What will you focus on next week? Up to three things, one per line.",
            focus_hint,
            slot=attr_slot(ReviewAnswers, "focus"),
            check=flow.check_focus,
        ),
        FlowStep(
            "key_calls",
            "Key calls",
            "Which of the coming calls matter most? Space picks them; prep those first.",
            kind=StepKind.MULTI,
            choices=context.next_calls,
            slot=attr_slot(ReviewAnswers, "key_calls"),
            skip=lambda: not context.next_calls,
        ),
        FlowStep(
            "review",
            "Look it over",
            "This is your review. Anything to change?",
            "Ctrl+s saves it for the week; you can reopen and edit it all week.",
            kind=StepKind.REVIEW,
        ),
    ]
    return steps


def _kept_lists(context: ReviewContext, draft: FlowDraft | None) -> ReviewContext:
    """The context with the skills and items the draft started with, so its steps line up."""
    lists = None if draft is None else answers_of(draft, ReviewAnswers).lists
    if lists is None:
        return context
    return replace(context, skills=lists.skills, clear=lists.clear)


def answers_from(review: WeekReview | None) -> ReviewAnswers:
    """A saved review as flow answers, for editing it."""
    if review is None:
        return ReviewAnswers()
    answers = ReviewAnswers(
        figures_note=review.figures_note,
        went_well=review.went_well,
        went_badly=review.went_badly,
        learned=review.learned,
        focus="\n".join(review.focus),
        key_calls=tuple(review.key_call_uids),
    )
    for skill in review.skills:
        kept = answers.skill(skill.goal_uid)
        kept.practised = skill.practised
        kept.example = skill.example
        kept.rating = skill.rating
    return answers


class WeekReviewFlowScreen(GuidedFlowScreen[WeekReview, ReviewAnswers]):
    """Dismisses with the saved review."""

    HELP_NAME = "Weekly review"
    resume_hint = "Open the weekly review again (r on the dashboard) to pick up where you left off."

    def __init__(
        self,
        context: ReviewContext,
        *,
        draft: FlowDraft | None,
        existing: WeekReview | None = None,
    ) -> None:
        context = _kept_lists(context, draft)
        answers = answers_from(existing)
        if existing is None:
            answers.start_from_debriefs(context.practised_in_calls)
        answers.lists = ReviewLists(context.skills, context.clear)
        verb = "Edit the review" if existing is not None else "Weekly review"
        super().__init__(
            flow=review_flow_name(context.week),
            title=f"{verb} · {context.week.label}",
            steps=_steps(context, self),
            draft=draft,
            answers=answers,
        )
        self.answers.lists = answers.lists
        self.context = context
        self.existing = existing

    def blank_answers(self) -> ReviewAnswers:
        return ReviewAnswers(lists=self.answers.lists).start_from_debriefs(
            self.context.practised_in_calls
        )

    def show_step(self) -> None:
        """Draw the step from its top: the week's reading and the figures below it can be
        taller than the terminal, and the question is what the seller must see first."""
        super().show_step()
        self.call_after_refresh(self.query_one("#flow").scroll_home, animate=False)

    def reference_title(self) -> str:
        return "Your week in numbers" if self.step == 0 else "Your review"

    def reference(self) -> str:
        if self.step == 0:
            return self._figures()
        if self.current.kind is StepKind.REVIEW:
            return self._overview()
        return ""

    def _figures(self) -> str:
        """The week's table, without last week's column when the full one would wrap."""
        text = self.context.figures_text
        widest = max((len(line) for line in text.splitlines()), default=0)
        room = self.size.width - REFERENCE_MARGIN
        return (
            self.context.figures_narrow if widest > room and self.context.figures_narrow else text
        )

    def on_resize(self) -> None:
        if self.step == 0:
            self._show_reference()

    # --- the steps' handlers ------------------------------------------------------------

    def _reflection(self, key: str) -> str:
        answers = self.answers
        return {
            "figures_note": answers.figures_note,
            "went_well": answers.went_well,
            "went_badly": answers.went_badly,
            "learned": answers.learned,
        }[key]

    def check_reflection(self, key: str) -> Verdict:
        value = self._reflection(key)
        try:
            check_reflection(value, label=REFLECTIONS[key])
        except ValidationError as error:
            return Verdict(error=error.message)
        nudge = reflection_nudge(key, value)
        return Verdict(question=nudge) if nudge else Verdict()

    def check_example(self, uid: str) -> Verdict:
        value = self.answers.skill(uid).example
        try:
            check_reflection(value, label="The example")
        except ValidationError as error:
            return Verdict(error=error.message)
        if not value.strip():
            return Verdict(
                question="An example makes the rating honest. Ctrl+s again to go on without one."
            )
        return Verdict()

    def not_practised(self, uid: str) -> bool:
        return not self.answers.skill(uid).practised

    def check_focus(self) -> Verdict:
        try:
            focus = parse_focus(self.answers.focus)
        except ValidationError as error:
            return Verdict(error=error.message)
        if not focus:
            return Verdict(
                question="No focus for next week? One clear focus beats a busy "
                "week. Ctrl+s again to leave it empty."
            )
        if question := focus_questions(focus):
            return Verdict(question=f"{question} Ctrl+s again to keep it as it is.")
        return Verdict()

    def _overview(self) -> str:
        answers = self.answers
        lines = [
            f"{label}: {self._reflection(key).strip() or '—'}" for key, label in REFLECTIONS.items()
        ]
        for uid, skill in self.context.skills:
            practised = answers.skill(uid).practised
            rating = answers.skill(uid).rating
            lines.append(
                f"{skill}: {'practised' if practised else 'not practised'}"
                + (f", rated {rating}/5" if rating else "")
            )
        moves = [self._choice(item) for item in self.context.clear]
        if self.context.clear:
            settled = sum(choice is not ClearChoice.LEAVE for choice in moves)
            lines.append(f"Clear-up: {settled} of {len(moves)} open items settled when you save.")
        try:
            focus = parse_focus(answers.focus)
        except ValidationError as error:
            return f"Something needs fixing first: {error.message}"
        lines.append("Focus: " + ("; ".join(focus) if focus else "—"))
        picked = len(answers.key_calls)
        if self.context.next_calls:
            lines.append(f"Key calls to prep: {picked or 'none picked'}")
        return "\n".join(lines)

    def _choice(self, item: ClearItem) -> ClearChoice:
        return self.answers.choice(item)

    def _skills(self) -> tuple[SkillReflection, ...]:
        reflections = []
        for uid, skill in self.context.skills:
            answers = self.answers.skill(uid)
            practised = answers.practised
            reflections.append(
                SkillReflection(
                    uid,
                    skill,
                    practised,
                    example=check_reflection(answers.example, label="The example")
                    if practised
                    else "",
                    rating=answers.rating if answers.rating in RATINGS else None,
                )
            )
        return tuple(reflections)

    def _settle(self) -> tuple[list[Touch], list[Commitment], list[str]]:
        today = self.coach.now().date()
        touches: list[Touch] = []
        promises: list[Commitment] = []
        dropped: list[str] = []
        for item in self.context.clear:
            choice = self._choice(item)
            if item.kind == "touch" and (touch := self.context.touches.get(item.uid)):
                settled = settle_touch(touch, choice, today) if touch.is_open else None
                if settled is not None:
                    touches.append(settled)
            elif item.kind == "promise" and (promise := self.context.promises.get(item.uid)):
                if choice is ClearChoice.DROP:
                    dropped.append(promise.uid)
                elif (kept := settle_promise(promise, choice, today)) is not None:
                    promises.append(kept)
        return touches, promises, dropped

    def finish(self) -> WeekReview | None:
        answers = self.answers
        try:
            texts = {
                key: check_reflection(self._reflection(key), label=label).strip()
                for key, label in REFLECTIONS.items()
            }
            focus = parse_focus(answers.focus)
            skills = self._skills()
            touches, promises, dropped = self._settle()
        except ValidationError as error:
            self.say(error.message, kind="error")
            return None
        known_calls = {uid for uid, _ in self.context.next_calls}
        previous = self.existing
        review = WeekReview(
            week=self.context.week,
            skills=skills,
            focus=focus,
            key_call_uids=tuple(uid for uid in answers.key_calls if uid in known_calls),
            cleared=(previous.cleared if previous else 0)
            + len(touches)
            + len(promises)
            + len(dropped),
            saved_at=self.coach.now(),
            **({"uid": previous.uid} if previous else {}),
            **texts,
        )
        try:
            save_review(
                self.coach.repo,
                review,
                touches=touches,
                commitments=promises,
                dropped_commitments=dropped,
                draft=self.flow,
            )
        except StoreError as error:
            self.say(str(error), kind="error")
            return None
        return review
