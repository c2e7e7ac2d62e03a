"""What a campaign starts from: its name, the client focus, a touch added by hand."""

from datetime import date

import pytest

from coach_tui.coaching.campaign_defaults import client_focus, entry_campaign, new_touch
from coach_tui.model.account import Account, Research
from coach_tui.model.contact import Contact
from coach_tui.model.touch import Campaign, Channel, Purpose, Touch, TouchStatus
from tests.helpers import TUESDAY_MORNING

TODAY = TUESDAY_MORNING.date()
PRIYA = Contact("Priya", account_uid="acc", uid="p1")
HIRO = Contact("Hiro", account_uid="acc", uid="p2")
CAMPAIGN = Campaign("acc", "Entry Nov 2026", TODAY, ("p1", "p2"), uid="camp")


def touch(due: date, who: str = "p1", **changes) -> Touch:
    return Touch("camp", "acc", who, due, Channel.PHONE, Purpose.SHARE_INSIGHT, **changes)


@pytest.mark.parametrize(
    ("challenges", "focus"),
    [
        ("Margins fell in Poland. Energy costs doubled.", "Margins fell in Poland."),
        ("", ""),
        ("   ", ""),
        # A decimal point or a web address is not the end of a sentence (issue 19: the
        # focus used to stop at "Energy costs up 4").
        ("Energy costs up 4.5% in Q3. Staff turnover high.", "Energy costs up 4.5% in Q3."),
        ("See nordvale.com/report for the figures", "See nordvale.com/report for the figures"),
        ("Why are deliveries late? Nobody knows.", "Why are deliveries late?"),
        ("- late deliveries\n- energy costs", "- late deliveries"),
    ],
)
def test_the_client_focus_is_the_first_sentence_of_their_challenges(challenges, focus) -> None:
    research = Research(challenges=challenges)
    assert client_focus(Account("Nordvale", research=research)) == focus


def test_an_entry_campaign_is_named_after_its_first_month() -> None:
    found = entry_campaign("acc", date(2027, 1, 4), [HIRO, PRIYA], now=TUESDAY_MORNING, uid="u")
    assert found == Campaign(
        "acc", "Entry Jan 2027", date(2027, 1, 4), ("p2", "p1"), created_at=TUESDAY_MORNING,
        uid="u",
    )  # fmt: skip


def test_a_touch_added_follows_the_last_one_to_the_person_reached_least() -> None:
    touches = [touch(date(2026, 12, 1)), touch(date(2026, 12, 3)), touch(date(2026, 11, 20), "p2",
               status=TouchStatus.DONE)]  # fmt: skip
    found = new_touch(CAMPAIGN, touches, [PRIYA, HIRO], TODAY)
    assert (found.campaign_uid, found.account_uid, found.contact_uid) == ("camp", "acc", "p2")
    assert (found.due, found.channel, found.purpose) == (
        date(2026, 12, 3), Channel.PHONE, Purpose.SHARE_INSIGHT,
    )  # fmt: skip
    assert found.is_open


def test_a_touch_added_is_never_due_in_the_past() -> None:
    found = new_touch(CAMPAIGN, [touch(date(2026, 11, 2))], [PRIYA, HIRO], TODAY)
    assert found.due == TODAY


def test_a_touch_added_to_an_empty_plan_starts_today_by_email_to_pique_curiosity() -> None:
    found = new_touch(CAMPAIGN, [], [PRIYA, HIRO], TODAY)
    assert (found.due, found.channel, found.purpose) == (
        TODAY, Channel.EMAIL, Purpose.PIQUE_CURIOSITY,
    )  # fmt: skip
    assert found.contact_uid == "p1"


def test_when_nobody_the_campaign_picked_is_listed_the_first_person_gets_it() -> None:
    ana = Contact("Ana", account_uid="acc", uid="p9")
    assert new_touch(CAMPAIGN, [], [ana], TODAY).contact_uid == "p9"
