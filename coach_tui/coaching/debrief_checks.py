"""What a coach asks in a debrief so it stays honest.

A debrief that flatters teaches the wrong habit, so nothing is answered for the seller: the
result and the movement are chosen, an advance names what the client promised, a promise is
dated on or after the call, and a call that had no outcome is asked what happened rather
than whether it got one. Each rule returns the coach's words ('' when there is nothing to
say); the debrief screen shows them step by step and `services.call_saves.save_debrief`
refuses what they refuse, whatever called it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from coach_tui.model.call import Call, Movement, Result
from coach_tui.model.day_text import near_day_text
from coach_tui.model.goal import SkillGoal
from coach_tui.model.text import printable
from coach_tui.model.wording import counted


@dataclass(frozen=True, slots=True)
class DebriefContext:
    """What the debrief knows besides the call: who was on it (names, the lead first), the
    objective it serves, and the getting-better goals still active."""

    contacts: tuple[str, ...] = ()
    objective: str = ""
    skills: tuple[SkillGoal, ...] = ()


NO_CONTEXT = DebriefContext()


def who(contacts: Sequence[str]) -> str:
    """The client side of a question: 'Greta', 'Greta or Paul', 'Greta, Paul or Ana', or
    'they' when the call names no one. First names only: a coach says 'Greta', not
    'Greta Lindqvist'."""
    names = [first for name in contacts if (first := printable(name).strip().split(" ")[0])]
    if not names:
        return "they"
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} or {names[-1]}"


# --- the result: best, minimum, or neither ---------------------------------------------


def result_choices(call: Call) -> tuple[tuple[str, str], ...]:
    """The result question's choices, naming the prep's best outcome and its minimum."""
    best = call.outcome.strip()
    minimum = call.prep.fallback.strip() if call.prep is not None and call.prepared else ""
    return (
        (Result.REACHED.value, f"The best — {best}" if best else "The best outcome"),
        (
            Result.PARTLY.value,
            f"The minimum — {minimum}"
            if minimum
            else "The minimum — less than the best, but enough for the call to count",
        ),
        (Result.MISSED.value, "Neither — less than the minimum"),
    )


def result_missing(result: Result | None) -> str:
    """Asked when the seller presses on without choosing a result."""
    if result is not None:
        return ""
    return "Pick one first: did you get the best outcome, the minimum, or neither?"


def debrief_result(call: Call, chosen: Result | None) -> Result | None:
    """The result to store. A call with no prepared outcome reached neither a best nor a
    minimum (there was none to reach): it is stored as neither, never asked."""
    return chosen if call.prepared else Result.MISSED


def agreed_question(contacts: Sequence[str], carried: str = "") -> tuple[str, str]:
    """The question (and hint) for a call that never had an outcome: what happened?"""
    someone = who(contacts)
    subject = "they" if someone == "they" else someone
    question = f"No outcome was set for this call. What did {subject} agree to, if anything?"
    hint = "Empty if nothing: then it was a continuation."
    if carried.strip():
        hint = f"The next step carried over was: {printable(carried.strip())}. " + hint
    return question, hint


# --- the movement: advance or continuation ---------------------------------------------


def movement_missing(movement: Movement | None, contacts: Sequence[str] = ()) -> str:
    """Asked when the seller presses on without saying advance or continuation."""
    if movement is not None:
        return ""
    someone = who(contacts)
    return f"Pick one first: did {someone} commit to a next step, or does the talk just go on?"


def advance_without_promise(
    movement: Movement | None, promise: str, contacts: Sequence[str] = ()
) -> str:
    """An advance is the client doing something: with nothing they promised recorded, the
    coach asks what — or calls it what it was."""
    if movement is not Movement.ADVANCE or promise.strip():
        return ""
    someone = who(contacts)
    return (
        f"You marked an advance but recorded nothing {someone} promised. What, by when? "
        "If nothing, it was a continuation."
    )


# --- promises: dated on or after the call ----------------------------------------------


@dataclass(frozen=True, slots=True)
class DayFlag:
    """A promise's day the coach questions: `blocking` when it cannot be right."""

    message: str
    blocking: bool = False


# A promise this many days after the call is asked about (see `promise_day_flag`).
FAR_OFF_DAYS = 183


def promise_day_flag(
    due: date | None, *, call_day: date, today: date, theirs: bool, contacts: Sequence[str] = ()
) -> DayFlag | None:
    """A promise dated before the call cannot have been made in it; one dated after the call
    but before today is already late — possible, but worth a second look. So is one half a
    year or more away: usually a day without a year ("27 nov" typed on 2 Dec) read as next
    year's, and a promise that far off rarely holds anyway."""
    if due is None:
        return None
    someone = who(contacts) if theirs else "you"
    shown = near_day_text(due, today)
    if (due - call_day).days >= FAR_OFF_DAYS:
        months = counted((due - call_day).days // 30, "month")
        return DayFlag(
            f"{shown} is {months} after the call. Is that the day {someone} meant? "
            "Ctrl+s again keeps it."
        )
    if due >= today:
        return None
    if due < call_day:
        return DayFlag(
            f"{shown} is before the call ({near_day_text(call_day, today)}): nobody promises "
            f"the past. Which day did {someone} mean?",
            blocking=True,
        )
    late = f"{someone} would be late already" if theirs else "you would be late already"
    return DayFlag(f"{shown} has passed: {late}. Is that the day? Ctrl+s again keeps it.")


def promise_undated(movement: Movement | None, promise: str, due_text: str) -> str:
    """An advance's promise with no day is hard to hold anyone to."""
    if movement is not Movement.ADVANCE or not promise.strip() or due_text.strip():
        return ""
    return "By when? A promise without a day is easy to forget. Ctrl+s again leaves it open."


# --- the skill being practised ---------------------------------------------------------


def skill_to_ask(skills: Sequence[SkillGoal], asked: str = "") -> SkillGoal | None:
    """The getting-better goal a debrief asks about: the one already asked in this debrief
    while it is still active (a resumed draft asks the same question), else the active goal
    started most recently — the habit being built now. A goal with no start day counts as
    the oldest; among equals, the first as listed (the goals screen's order, by name)."""
    active = [skill for skill in skills if skill.active]
    if kept := next((skill for skill in active if asked and skill.uid == asked), None):
        return kept
    if not active:
        return None
    return max(active, key=lambda skill: skill.started_on or date.min)


def skill_question(skill: SkillGoal) -> str:
    return f"Did you practise “{printable(skill.skill)}” in this call?"


def practised_missing(practised: bool | None) -> str:
    if practised is not None:
        return ""
    return "Yes or no: the weekly review counts these answers, so pick the honest one."
