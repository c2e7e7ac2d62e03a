"""The rules prep coaches with: how deep to plan, the minimum acceptable action, the client's
reason to meet, and the opener made of them. Input → what the coach says."""

import pytest

from coach_tui.coaching.business_reason import ReasonIssue, check_reason, is_seller_side
from coach_tui.coaching.minimum_action import (
    MinimumCheck,
    ask_for_minimum,
    check_minimum,
    first_name,
    who_of,
)
from coach_tui.coaching.opener import OpenerFacts, opener
from coach_tui.coaching.outcome import AdvanceSize, OutcomeContext, check_outcome
from coach_tui.coaching.prep_depth import PLANNING_STEPS, asks, planning_steps

S, M, L = AdvanceSize.SMALL, AdvanceSize.MEDIUM, AdvanceSize.LARGE
GRETA = OutcomeContext(contacts=("Greta Lindqvist", "Paul Berg"), objective="All plants")
BEST = "Greta introduces us to the CFO"


# --- depth -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        (S, ()),
        (M, ("client_gain", "questions")),
        (L, ("client_gain", "questions", "attendees", "objections", "bring", "why_now")),
    ],
)
def test_each_size_plans_more_than_the_one_below(size, expected) -> None:
    assert planning_steps(size) == expected


@pytest.mark.parametrize(
    ("step", "size", "why_now_known", "expected"),
    [
        ("client_gain", S, True, False),
        ("client_gain", M, True, True),
        ("questions", M, True, True),
        ("attendees", M, True, False),
        ("objections", L, True, True),
        ("bring", L, True, True),
        # The why now is asked of a large advance only, and only while the objective lacks one.
        ("why_now", L, False, True),
        ("why_now", L, True, False),
        ("why_now", M, False, False),
        ("why_now", S, False, False),
    ],
)
def test_a_step_is_asked_by_size(step, size, why_now_known, expected) -> None:
    assert step in PLANNING_STEPS
    assert asks(step, size, why_now_known=why_now_known) is expected


# --- the minimum acceptable action ---------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Greta Lindqvist", "Greta"), ("Greta", "Greta"), ("  ", ""), ("Dr. Paul Berg", "Dr.")],
)
def test_first_name(name, expected) -> None:
    assert first_name(name) == expected


@pytest.mark.parametrize(
    ("context", "expected"),
    [
        (GRETA, "Greta"),
        (OutcomeContext(contacts=("", "Paul Berg")), "Paul"),
        (OutcomeContext(), "the client"),
    ],
)
def test_the_coach_names_the_first_person_on_the_call(context, expected) -> None:
    assert who_of(context) == expected


@pytest.mark.parametrize(
    ("minimum", "best", "context", "expected"),
    [
        # Missing: asked, naming the person and the best outcome.
        ("", BEST, GRETA, MinimumCheck(question=(
            "If “Greta introduces us to the CFO” is out of reach, what is the least Greta "
            "must do for this call to count?"))),
        ("  ", "", OutcomeContext(), MinimumCheck(question=(
            "What is the least the client must do for this call to count?"))),
        # The best again (whatever the case and punctuation): refused.
        ("greta introduces us to the CFO.", BEST, GRETA, MinimumCheck(error=(
            "That is your best outcome again. The minimum is smaller: what would Greta "
            "still do if the answer to that is no?"))),
        # A smaller client action: nothing to say.
        ("Greta shares the downtime figures", BEST, GRETA, MinimumCheck()),
    ],
)  # fmt: skip
def test_the_minimum_is_asked_for_and_never_the_best_again(
    minimum, best, context, expected
) -> None:
    assert check_minimum(minimum, best, context) == expected


@pytest.mark.parametrize("minimum", ["Send the deck", "Follow up next week"])
def test_a_minimum_that_is_no_client_action_gets_the_outcome_coachs_diagnosis(minimum) -> None:
    """The same coach judges the minimum as the best outcome, with the call's names."""
    verdict = check_outcome(minimum, GRETA)
    assert verdict.issues
    assert check_minimum(minimum, BEST, GRETA) == MinimumCheck(question=verdict.messages[0])


def test_a_minimum_too_long_to_save_is_refused() -> None:
    checked = check_minimum("Greta shares " + "figures " * 100, BEST, GRETA)
    assert checked.error and not checked.question


def test_the_missing_minimum_question_names_who_and_what() -> None:
    assert ask_for_minimum("the CFO meeting", OutcomeContext(contacts=("Greta",))) == (
        "If “the CFO meeting” is out of reach, what is the least Greta must do for this call "
        "to count?"
    )


# --- the client's reason to meet ------------------------------------------------------------


@pytest.mark.parametrize(
    ("reason", "seller_side"),
    [
        # The seller's reasons: their product, their news, their wish to follow up.
        ("Show our new module", True),
        ("present our roadmap", True),
        ("Tell them about our new pricing", True),
        ("Tell Greta about our new pricing", True),
        ("We want to show them our new module", True),
        ("I need to present our case studies to her", True),
        ("Introduce our new CTO", True),
        ("Follow up on the proposal", True),
        ("Check in", True),
        ("Touch base before Christmas", True),
        ("Hit my quarter", True),
        ("Our latest release", True),
        # The client's reasons, even when the seller's product is in the sentence.
        ("Waste is up 8% since the new line started", False),
        ("They need to cut waste 20% before the Bremen plant opens", False),
        ("Their contract with Lumen ends in March", False),
        ("Greta asked for the pilot figures", False),
        ("Greta wants to see our roadmap", False),
        ("Show them how our module cuts their downtime", False),
        ("Our Q3 release fixes the reporting gap Greta complained about", False),
        ("Review her team's waste figures before the audit", False),
        ("Cut downtime at the Bremen plant", False),
        ("Reach a decision on the pilot budget before the freeze", False),
    ],
)
def test_a_reason_that_speaks_only_of_the_seller_is_spotted(reason, seller_side) -> None:
    assert is_seller_side(reason, ("Greta", "Paul")) is seller_side


@pytest.mark.parametrize(
    ("reason", "who", "issue", "message"),
    [
        ("", "Greta", ReasonIssue.MISSING,
         "Why would Greta want this meeting? Their reason — a problem to solve, a date to "
         "meet, a goal — is how you open the call."),
        ("Show our new module", "Greta", ReasonIssue.SELLER_SIDE,
         "That's your reason for the meeting; what's Greta's? What does Greta get out of it?"),
        ("Present our roadmap", "Jens", ReasonIssue.SELLER_SIDE,
         "That's your reason for the meeting; what's Jens'? What does Jens get out of it?"),
        ("Present our roadmap", "the client", ReasonIssue.SELLER_SIDE,
         "That's your reason for the meeting; what's the client's? What does the client get "
         "out of it?"),
        ("Their audit is in March", "Greta", None, ""),
    ],
)  # fmt: skip
def test_the_coach_asks_for_their_reason(reason, who, issue, message) -> None:
    checked = check_reason(reason, who=who, names=(who,))
    assert (checked.issue, checked.message) == (issue, message)
    assert len(message.split()) <= 30


# --- the opener ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        (
            OpenerFacts("Greta", "Waste is up 8% since the new line started.", 30, BEST),
            (
                "Thanks for making the time, Greta. The reason for today, as I understand it: "
                "Waste is up 8% since the new line started.",
                "We have 30 minutes — does that still work? What would you like to be sure we "
                "cover?",
                "At the end I'll ask for one step: Greta introduces us to the CFO. If it's a "
                "no, that's fine — just tell me.",
            ),
        ),
        (  # nobody named, no reason, no outcome yet: the opener still opens
            OpenerFacts("", "", 60, ""),
            (
                "Thanks for making the time. What made this worth your time today?",
                "We have 60 minutes — does that still work? What would you like to be sure we "
                "cover?",
                "At the end we'll see whether a next step makes sense; a no is fine — just "
                "tell me.",
            ),
        ),
        (  # closing punctuation and spacing as typed do not double up
            OpenerFacts("Paul", "  their audit   is in March!! ", 15, "Paul signs the order."),
            (
                "Thanks for making the time, Paul. The reason for today, as I understand it: "
                "their audit is in March.",
                "We have 15 minutes — does that still work? What would you like to be sure we "
                "cover?",
                "At the end I'll ask for one step: Paul signs the order. If it's a no, that's "
                "fine — just tell me.",
            ),
        ),
    ],
)
def test_the_opener_says_purpose_time_agenda_the_ask_and_that_no_is_fine(facts, expected) -> None:
    assert opener(facts) == expected
