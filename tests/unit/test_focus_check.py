"""Next week's focus: an observable action in a named situation, or one coach's question."""

import pytest

from coach_tui.coaching.focus import FocusGap, focus_gap, focus_question, focus_questions


@pytest.mark.parametrize(
    ("item", "gap"),
    [
        # The hint's own bad example, and its cousins: a trait, not a thing to do.
        ("be more proactive", FocusGap.TRAIT),
        ("Be better at closing", FocusGap.TRAIT),
        ("improve my discovery", FocusGap.TRAIT),
        ("work on my pipeline", FocusGap.TRAIT),
        ("focus on key accounts", FocusGap.TRAIT),
        ("stay positive", FocusGap.TRAIT),
        ("more confident on the phone", FocusGap.TRAIT),
        # An action with no moment to do it in.
        ("ask more questions", FocusGap.NO_SITUATION),
        ("follow up faster", FocusGap.NO_SITUATION),
        ("send the proposal", FocusGap.NO_SITUATION),
        # A place or a topic with nothing to do there.
        ("Nordvale", FocusGap.NO_ACTION),
        ("pipeline hygiene", FocusGap.NO_ACTION),
        # Checkable: someone could watch it happen, and say where.
        ("get Priya to introduce me to the CFO", FocusGap.NONE),
        ("ask for the next step before every call ends", FocusGap.NONE),
        ("Book the CFO meeting", FocusGap.NONE),
        ("Prep every call", FocusGap.NONE),
        ("call Greta on Tuesday about the pilot", FocusGap.NONE),
        ("send 10 touches a day", FocusGap.NONE),
        ("be proactive: book the Nordvale review on Monday", FocusGap.NONE),
    ],
)
def test_a_focus_item_needs_an_action_in_a_named_situation(item: str, gap: FocusGap) -> None:
    assert focus_gap(item) is gap


@pytest.mark.parametrize(
    ("item", "asks"),
    [
        ("be more proactive", "“be more proactive” is a way to be"),
        ("Nordvale", "What will you do about “Nordvale”?"),
        ("ask more questions", "When will you “ask more questions”?"),
        ("Book the CFO meeting", ""),
    ],
)
def test_the_question_quotes_the_item_and_asks_for_what_is_missing(item: str, asks: str) -> None:
    question = focus_question(item)
    assert (asks in question) if asks else question == ""
    assert len(question.split()) <= 30


def test_the_first_item_that_cannot_be_checked_is_asked_about() -> None:
    assert focus_questions(("Book the CFO meeting", "be more proactive", "Nordvale")).startswith(
        "“be more proactive”"
    )
    assert focus_questions(("Book the CFO meeting", "Prep every call")) == ""
    assert focus_questions(()) == ""
