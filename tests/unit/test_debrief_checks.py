"""The debrief's honesty rules, input → what the coach says (coaching/debrief_checks.py)."""

from datetime import date, datetime

import pytest

from coach_tui.coaching.debrief_checks import (
    DayFlag,
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
from coach_tui.model.call import Call, Movement, Prep, Result
from coach_tui.model.goal import SkillGoal
from tests.helpers import BERLIN

MONDAY = datetime(2026, 11, 23, 15, 0, tzinfo=BERLIN)
CALL_DAY = date(2026, 11, 23)
TODAY = date(2026, 11, 25)  # the debrief two days after the call


@pytest.mark.parametrize(
    ("names", "said"),
    [
        ((), "they"),
        (("Greta Lindqvist",), "Greta"),
        (("Greta Lindqvist", "Paul Berg"), "Greta or Paul"),
        (("Greta", "Paul", "Ana Ruiz"), "Greta, Paul or Ana"),
        (("  ", "Paul"), "Paul"),  # a blank name is no one
        (("Gr\x1beta",), "Gr␛eta"),  # control codes shown, not obeyed
    ],
)
def test_who_names_the_people_on_the_call_by_first_name(names, said) -> None:
    assert who(names) == said


@pytest.mark.parametrize(
    ("prep", "labels"),
    [
        (
            Prep("Greta books the CFO meeting", fallback="Greta sends the budget figures"),
            (
                "The best — Greta books the CFO meeting",
                "The minimum — Greta sends the budget figures",
                "Neither — less than the minimum",
            ),
        ),
        (
            Prep("Greta books the CFO meeting"),  # no minimum in the prep: say what it means
            (
                "The best — Greta books the CFO meeting",
                "The minimum — less than the best, but enough for the call to count",
                "Neither — less than the minimum",
            ),
        ),
    ],
)
def test_the_result_asks_best_minimum_or_neither_naming_the_prep(prep, labels) -> None:
    choices = result_choices(Call("acc", MONDAY, prep=prep))
    assert tuple(value for value, _ in choices) == ("reached", "partly", "not reached")
    assert tuple(label for _, label in choices) == labels


@pytest.mark.parametrize(
    ("call", "chosen", "stored"),
    [
        (Call("acc", MONDAY, prep=Prep("Greta signs")), Result.PARTLY, Result.PARTLY),
        (Call("acc", MONDAY, prep=Prep("Greta signs")), None, None),  # still to choose
        (Call("acc", MONDAY), None, Result.MISSED),  # no outcome: nothing was reached
        (Call("acc", MONDAY), Result.REACHED, Result.MISSED),  # not even by a stale draft
        (Call("acc", MONDAY, prep=Prep("Greta signs", carried_from="c0")), None, Result.MISSED),
    ],
)
def test_a_call_without_an_outcome_reached_neither(call, chosen, stored) -> None:
    assert debrief_result(call, chosen) is stored


@pytest.mark.parametrize(
    ("names", "carried", "question", "hint"),
    [
        (
            ("Greta Lindqvist",),
            "",
            "No outcome was set for this call. What did Greta agree to, if anything?",
            "Empty if nothing: then it was a continuation.",
        ),
        (
            (),
            "The CFO agrees to a pilot",
            "No outcome was set for this call. What did they agree to, if anything?",
            "The next step carried over was: The CFO agrees to a pilot. Empty if nothing: "
            "then it was a continuation.",
        ),
    ],
)
def test_a_call_without_an_outcome_is_asked_what_happened(names, carried, question, hint) -> None:
    assert agreed_question(names, carried) == (question, hint)


@pytest.mark.parametrize(
    ("result", "said"),
    [
        (None, "Pick one first: did you get the best outcome, the minimum, or neither?"),
        (Result.MISSED, ""),
    ],
)
def test_a_result_must_be_chosen(result, said) -> None:
    assert result_missing(result) == said


@pytest.mark.parametrize(
    ("movement", "names", "said"),
    [
        (
            None,
            ("Greta Lindqvist",),
            "Pick one first: did Greta commit to a next step, or does the talk just go on?",
        ),
        (Movement.CONTINUATION, (), ""),
    ],
)
def test_a_movement_must_be_chosen(movement, names, said) -> None:
    assert movement_missing(movement, names) == said


ASKED = (
    "You marked an advance but recorded nothing Greta promised. What, by when? If nothing, "
    "it was a continuation."
)


@pytest.mark.parametrize(
    ("movement", "promise", "said"),
    [
        (Movement.ADVANCE, "", ASKED),
        (Movement.ADVANCE, "   ", ASKED),
        (Movement.ADVANCE, "Greta sends the plant data", ""),
        (Movement.CONTINUATION, "", ""),  # a continuation promises nothing
        (None, "", ""),  # not chosen yet: that question comes first
    ],
)
def test_an_advance_names_what_the_client_promised(movement, promise, said) -> None:
    assert advance_without_promise(movement, promise, ("Greta Lindqvist",)) == said


@pytest.mark.parametrize(
    ("due", "theirs", "flag"),
    [
        (None, True, None),
        (TODAY, True, None),
        (date(2026, 11, 27), True, None),
        (
            date(2026, 11, 24),  # after the call, before today: late already
            True,
            DayFlag("Tue 24 Nov has passed: Greta would be late already. Is that the day? "
                    "Ctrl+s again keeps it."),
        ),
        (
            CALL_DAY,  # the call's own day still counts as after the call
            False,
            DayFlag("Mon 23 Nov has passed: you would be late already. Is that the day? "
                    "Ctrl+s again keeps it."),
        ),
        (
            date(2026, 11, 20),  # before the call: cannot have been promised in it
            True,
            DayFlag("Fri 20 Nov is before the call (Mon 23 Nov): nobody promises the past. "
                    "Which day did Greta mean?", blocking=True),
        ),
        (
            date(2027, 11, 20),  # "20 nov" typed days after the 20th reads as next year's
            True,
            DayFlag("20 Nov 2027 is 12 months after the call. Is that the day Greta meant? "
                    "Ctrl+s again keeps it."),
        ),
        (date(2027, 5, 24), False, None),  # six months out: a long promise, but plausible
        (
            date(2025, 11, 24),
            False,
            DayFlag("24 Nov 2025 is before the call (Mon 23 Nov): nobody promises the past. "
                    "Which day did you mean?", blocking=True),
        ),
    ],
)  # fmt: skip
def test_a_promise_dated_in_the_past_is_flagged(due, theirs, flag) -> None:
    found = promise_day_flag(
        due, call_day=CALL_DAY, today=TODAY, theirs=theirs, contacts=("Greta Lindqvist",)
    )
    assert found == flag


@pytest.mark.parametrize(
    ("movement", "promise", "due", "asks"),
    [
        (Movement.ADVANCE, "Greta sends the data", "", True),
        (Movement.ADVANCE, "Greta sends the data", "friday", False),
        (Movement.ADVANCE, "", "", False),  # nothing promised: another rule asks
        (Movement.CONTINUATION, "Greta thinks about it", "", False),
    ],
)
def test_an_advance_promise_without_a_day_is_asked_for_one(movement, promise, due, asks) -> None:
    assert bool(promise_undated(movement, promise, due)) is asks


NEWER = SkillGoal("Ask for the next step", started_on=date(2026, 11, 2), uid="newer")
OLDER = SkillGoal("Listen more than I talk", started_on=date(2026, 9, 1), uid="older")
UNDATED = SkillGoal("Open with their agenda", uid="undated")
RETIRED = SkillGoal(
    "Quantify the pain", started_on=date(2026, 11, 20), retired_on=date(2026, 11, 22), uid="gone"
)


@pytest.mark.parametrize(
    ("skills", "asked", "chosen"),
    [
        ((), "", None),
        ((RETIRED,), "", None),  # nothing active: the question is skipped
        ((OLDER, NEWER), "", "newer"),  # the habit being built now
        ((NEWER, OLDER), "", "newer"),
        ((UNDATED, OLDER), "", "older"),  # no start day counts as the oldest
        ((UNDATED,), "", "undated"),
        ((OLDER, NEWER, RETIRED), "", "newer"),  # a retired goal is not asked about
        ((OLDER, NEWER), "older", "older"),  # a resumed debrief asks the same skill
        ((OLDER, NEWER, RETIRED), "gone", "newer"),  # … unless it was retired since
    ],
)
def test_the_skill_asked_about_is_the_one_started_most_recently(skills, asked, chosen) -> None:
    found = skill_to_ask(skills, asked)
    assert (found.uid if found else None) == chosen


def test_the_skill_question_names_the_skill() -> None:
    assert skill_question(NEWER) == "Did you practise “Ask for the next step” in this call?"


@pytest.mark.parametrize(("practised", "asks"), [(None, True), (True, False), (False, False)])
def test_the_skill_answer_must_be_chosen(practised, asks) -> None:
    assert bool(practised_missing(practised)) is asks
