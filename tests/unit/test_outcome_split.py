"""Splitting a too-big outcome: however the seller meets the advice, this call gets the step
it can win and a follow-up call the bigger one."""

import pytest

from coach_tui.coaching.outcome_split import Split, asks_follow_up, asks_this_call, split_outcome

BIG = "They agree to roll out to all plants"
SMALL = "Greta agrees to a pilot at one plant"
TWO_PLANTS = "They agree to roll out to two plants"


@pytest.mark.parametrize(
    ("typed", "this_call", "bigger", "expected"),
    [
        # Never flagged: one outcome, no follow-up.
        (SMALL, "", None, Split(SMALL)),
        # Followed the advice: the smaller step typed in place of the big one, which the
        # coach remembered when it flagged it.
        (SMALL, "", BIG, Split(SMALL, BIG)),
        # ... and the follow-up's words edited on its page.
        (SMALL, "", TWO_PLANTS, Split(SMALL, TWO_PLANTS)),
        # ... or cleared there: no follow-up call.
        (SMALL, "", "", Split(SMALL)),
        # Kept the big one, then said what this call must get: the big one moves on.
        (BIG, SMALL, BIG, Split(SMALL, BIG)),
        (BIG, SMALL, None, Split(SMALL, BIG)),
        # Kept it and named no smaller step: the whole outcome stays with this call.
        (BIG, "", BIG, Split(BIG)),
        # Kept it, named the smaller step, cleared the follow-up: no follow-up call.
        (BIG, SMALL, "", Split(SMALL)),
    ],
)  # fmt: skip
def test_the_split_of_a_preps_answers(typed, this_call, bigger, expected) -> None:
    assert split_outcome(typed, this_call, bigger) == expected


@pytest.mark.parametrize(
    ("typed", "this_call", "bigger", "this_call_page", "follow_up_page"),
    [
        (SMALL, "", None, False, False),  # nothing to split
        (SMALL, "", BIG, False, True),  # followed the advice: confirm the follow-up
        (BIG, "", BIG, True, False),  # kept it: ask what this call must get first
        (BIG, SMALL, BIG, True, True),  # then the follow-up
    ],
)
def test_which_pages_the_split_shows(typed, this_call, bigger, this_call_page, follow_up_page):
    assert asks_this_call(typed) is this_call_page
    assert asks_follow_up(typed, this_call, bigger) is follow_up_page
