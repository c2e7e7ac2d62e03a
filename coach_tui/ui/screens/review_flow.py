"""The weekly self-coaching review: the week in numbers, reflection, getting-better ratings,
a clear-up of what is still open, and next week's focus.

Its steps depend on the seller's getting-better goals and on what is open, so the lists a
review started with are kept in the draft: a resumed review has the same steps, and the
step number it saved still points at the same question.
"""

from __future__ import annotations

import json
from dataclasses import replace

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
from coach_tui.model.call import Commitment
from coach_tui.model.draft import FlowDraft
from coach_tui.model.errors import ValidationError
from coach_tui.model.review import RATINGS, SkillReflection, WeekReview
from coach_tui.model.text import small_number
from coach_tui.model.touch import Touch
from coach_tui.services.flow_saves import save_review
from coach_tui.services.weekly_review import ReviewContext
from coach_tui.store.errors import StoreError
from coach_tui.ui.flow_names import review_flow_name
from coach_tui.ui.kit.guided import (
    FlowStep,
    GuidedFlowScreen,
    StepKind,
    Verdict,
    join_picks,
    split_picks,
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


def _steps(context: ReviewContext) -> list[FlowStep]:
    steps = [
        FlowStep(
            "figures_note",
            "The week in numbers",
            "Here is your week in numbers. What stands out to you?",
            context.summary,
        ),
        FlowStep(
            "went_well",
            "What went well",
            "What went well this week?",
            "Name something you did, not only something that happened to you.",
        ),
        FlowStep(
            "went_badly",
            "What did not",
            "What did not go well — and what was your part in it?",
            "Honest beats flattering: this page is only for you.",
        ),
        FlowStep(
            "learned",
            "Your clients",
            "What did you learn about your clients this week?",
            "A worry, a priority, a name, how they decide — anything you did not know on Monday.",
        ),
    ]
    for uid, skill in context.skills:
        steps += [
            FlowStep(
                f"skill:{uid}:practised",
                f"Getting better · {skill}",
                f"Did you practise “{skill}” this week?",
                kind=StepKind.CHOICE,
                choices=YES_NO,
            ),
            FlowStep(
                f"skill:{uid}:example",
                f"Getting better · {skill}",
                f"When did you practise “{skill}”? Give one example.",
                "Where, with whom, what you did — and what you would do the same or differently.",
            ),
            FlowStep(
                f"skill:{uid}:rating",
                f"Getting better · {skill}",
                f"How well did “{skill}” go this week, 1 to 5?",
                "Rate what you did, not how the calls ended.",
                kind=StepKind.CHOICE,
                choices=RATING_CHOICES,
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
            )
        )
    steps += [
        FlowStep(
            "focus",
            "Next week's focus",
            "What will you focus on next week? Up to three things, one per line.",
            "A focus is something you will do: “get Priya to introduce me to the CFO”, "
            "not “be more proactive”.",
        ),
        FlowStep(
            "key_calls",
            "Key calls",
            "Which of the coming calls matter most? Space picks them; prep those first.",
            kind=StepKind.MULTI,
            choices=context.next_calls,
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
    if draft is None or "_skills" not in draft.answers:
        return context
    try:
        skills = tuple(
            (str(uid), str(skill)) for uid, skill in json.loads(draft.answers["_skills"])
        )
        clear = tuple(
            ClearItem(str(kind), str(uid), str(label))
            for kind, uid, label in json.loads(draft.answers.get("_clear", "[]"))
        )
    except (ValueError, TypeError):
        return context  # a damaged list: start from today's lists rather than fail
    return replace(context, skills=skills, clear=clear)


def answers_from(review: WeekReview) -> dict[str, str]:
    """A saved review as flow answers, for editing it."""
    answers = {
        "figures_note": review.figures_note,
        "went_well": review.went_well,
        "went_badly": review.went_badly,
        "learned": review.learned,
        "focus": "\n".join(review.focus),
        "key_calls": join_picks(list(review.key_call_uids)),
    }
    for skill in review.skills:
        answers[f"skill:{skill.goal_uid}:practised"] = "yes" if skill.practised else "no"
        answers[f"skill:{skill.goal_uid}:example"] = skill.example
        if skill.rating is not None:
            answers[f"skill:{skill.goal_uid}:rating"] = str(skill.rating)
    return answers


class WeekReviewFlowScreen(GuidedFlowScreen[WeekReview]):
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
        answers = answers_from(existing) if existing is not None else {}
        answers["_skills"] = json.dumps([list(pair) for pair in context.skills])
        answers["_clear"] = json.dumps([[i.kind, i.uid, i.label] for i in context.clear])
        verb = "Edit the review" if existing is not None else "Weekly review"
        super().__init__(
            flow=review_flow_name(context.week),
            title=f"{verb} · {context.week.label}",
            steps=_steps(context),
            draft=draft,
            answers=answers,
        )
        self.context = context
        self.existing = existing

    def blank_answers(self) -> dict[str, str]:
        return {key: value for key, value in self.answers.items() if key.startswith("_")}

    def skips(self, step: FlowStep) -> bool:
        if step.key.endswith(":example"):
            return self.answers.get(step.key.replace(":example", ":practised")) == "no"
        if step.key == "key_calls":
            return not self.context.next_calls
        return False

    def reference_title(self) -> str:
        return "Your week in numbers" if self.step == 0 else "Your review"

    def reference(self) -> str:
        if self.current.key == "figures_note":
            return self.context.figures_text
        if self.current.kind is StepKind.REVIEW:
            return self._overview()
        return ""

    def step_hint(self, step: FlowStep) -> str:
        if step.key == "focus" and self.context.clear_more:
            return (
                f"{step.hint} ({self.context.clear_more} more open items wait in the touch "
                "queue and the calls screen.)"
            )
        return step.hint

    def check(self, step: FlowStep, value: str) -> Verdict:
        try:
            if step.key in REFLECTIONS:
                check_reflection(value, label=REFLECTIONS[step.key])
                nudge = reflection_nudge(step.key, value)
                return Verdict(question=nudge) if nudge else Verdict()
            if step.key.endswith(":example"):
                check_reflection(value, label="The example")
                if not value.strip():
                    return Verdict(
                        question="An example makes the rating honest. Ctrl+s again to go on "
                        "without one."
                    )
            if step.key == "focus" and not parse_focus(value):
                return Verdict(
                    question="No focus for next week? One clear focus beats a busy "
                    "week. Ctrl+s again to leave it empty."
                )
        except ValidationError as error:
            return Verdict(error=error.message)
        return Verdict()

    def _overview(self) -> str:
        answers = self.answers
        lines = [
            f"{label}: {answers.get(key, '').strip() or '—'}" for key, label in REFLECTIONS.items()
        ]
        for uid, skill in self.context.skills:
            practised = answers.get(f"skill:{uid}:practised", "yes") == "yes"
            rating = answers.get(f"skill:{uid}:rating", "")
            lines.append(
                f"{skill}: {'practised' if practised else 'not practised'}"
                + (f", rated {rating}/5" if rating else "")
            )
        moves = [self._choice(item) for item in self.context.clear]
        if self.context.clear:
            settled = sum(choice is not ClearChoice.LEAVE for choice in moves)
            lines.append(f"Clear-up: {settled} of {len(moves)} open items settled when you save.")
        try:
            focus = parse_focus(answers.get("focus", ""))
        except ValidationError as error:
            return f"Something needs fixing first: {error.message}"
        lines.append("Focus: " + ("; ".join(focus) if focus else "—"))
        picked = len(split_picks(answers.get("key_calls", "")))
        if self.context.next_calls:
            lines.append(f"Key calls to prep: {picked or 'none picked'}")
        return "\n".join(lines)

    def _choice(self, item: ClearItem) -> ClearChoice:
        try:
            return ClearChoice(self.answers.get(f"clear:{item.key}", ClearChoice.LEAVE.value))
        except ValueError:
            return ClearChoice.LEAVE

    def _skills(self) -> tuple[SkillReflection, ...]:
        reflections = []
        for uid, skill in self.context.skills:
            practised = self.answers.get(f"skill:{uid}:practised", "yes") == "yes"
            rating_text = self.answers.get(f"skill:{uid}:rating", "")
            rating = small_number(rating_text, max_digits=1)
            reflections.append(
                SkillReflection(
                    uid,
                    skill,
                    practised,
                    example=check_reflection(
                        self.answers.get(f"skill:{uid}:example", ""), label="The example"
                    )
                    if practised
                    else "",
                    rating=rating if rating in RATINGS else None,
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
                key: check_reflection(answers.get(key, ""), label=label).strip()
                for key, label in REFLECTIONS.items()
            }
            focus = parse_focus(answers.get("focus", ""))
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
            key_call_uids=tuple(
                uid for uid in split_picks(answers.get("key_calls", "")) if uid in known_calls
            ),
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
