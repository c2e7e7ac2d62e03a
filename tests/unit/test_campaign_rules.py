"""The entry campaign as the method has it: dates, people, channels, purposes, remarks.

`test_campaign_generator.py` covers the basics; these tests pin the numbers down exactly and
check every rule over many generated plans.
"""

import math
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from itertools import groupby, pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach_tui.coaching.campaign import (
    CHANNEL_MIX,
    ask_places,
    business_days,
    campaign_progress,
    campaign_remarks,
    channel_counts,
    plan_touches,
    purpose_plan,
)
from coach_tui.coaching.touch_ideas import touch_idea
from coach_tui.model.contact import BuyingRole, Contact, Relationship
from coach_tui.model.errors import ValidationError
from coach_tui.model.touch import Channel, Purpose, Touch, TouchStatus

EM, PH, SO, OT, RE = Channel.EMAIL, Channel.PHONE, Channel.SOCIAL, Channel.OTHER, Channel.REFERRAL
CUR, INS, RES, ASK = (
    Purpose.PIQUE_CURIOSITY,
    Purpose.SHARE_INSIGHT,
    Purpose.CREDIBLE_RESOURCE,
    Purpose.ASK_FOR_MEETING,
)
MONDAY = date(2026, 11, 30)
SATURDAY = date(2026, 11, 28)
GRETA, HIRO, PRIYA = Contact("Greta Lindqvist"), Contact("Hiro Tanaka"), Contact("Priya Rahman")


def plan(*people: Contact, start: date = MONDAY, **options) -> list[Touch]:
    return plan_touches("acc", "camp", list(people or (GRETA, HIRO, PRIYA)), start, **options)


def rank(purpose: Purpose) -> int:
    return list(Purpose).index(purpose)


# --- dates ------------------------------------------------------------------------------


def test_business_days_run_from_the_start_through_the_span() -> None:
    days = business_days(date(2026, 12, 2), 1)  # a Wednesday
    assert days == [date(2026, 12, d) for d in (2, 3, 4, 7, 8)]


def test_a_weekend_start_counts_the_span_from_monday() -> None:
    days = business_days(SATURDAY, 1)
    assert days == [MONDAY + timedelta(days=d) for d in range(5)]


def test_the_default_plan_fills_the_four_weeks_to_the_last_weekday() -> None:
    touches = plan()
    assert touches[0].due == MONDAY
    assert touches[-1].due == date(2026, 12, 25)  # Friday of the fourth week
    assert len({touch.due for touch in touches}) == 9  # room for one a day: one a day


def test_touches_are_spread_evenly_not_bunched() -> None:
    dues = [touch.due for touch in plan(weeks=4, count=9)]
    gaps = [(b - a).days for a, b in pairwise(dues)]
    assert max(gaps) <= 5  # 20 weekdays for 9 touches: at most a weekend plus a day apart


def test_one_person_and_more_touches_than_weekdays_is_refused() -> None:
    with pytest.raises(ValidationError, match="Only 10 touches fit in 2 weeks"):
        plan(GRETA, weeks=2, count=11)


def test_two_people_double_the_room() -> None:
    touches = plan(GRETA, HIRO, weeks=1, count=10)
    assert Counter(touch.due for touch in touches) == {
        MONDAY + timedelta(days=d): 2 for d in range(5)
    }
    with pytest.raises(ValidationError, match="Only 10 touches fit in 1 week without"):
        plan(GRETA, HIRO, weeks=1, count=11)


def test_a_person_picked_twice_still_gets_one_touch_a_day() -> None:
    touches = plan(GRETA, GRETA, HIRO, weeks=1, count=10)
    assert max(Counter((t.contact_uid, t.due) for t in touches).values()) == 1


def test_a_person_picked_twice_counts_once_for_the_room() -> None:
    with pytest.raises(ValidationError, match="Only 5 touches fit"):
        plan(GRETA, GRETA, weeks=1, count=6)


# --- input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "message", "field"),
    [
        ({"people": []}, "Pick at least one person to reach.", "contacts"),
        ({"weeks": 0}, "The span should be 1 to 12 weeks.", "weeks"),
        ({"weeks": 13}, "The span should be 1 to 12 weeks.", "weeks"),
        ({"count": 0}, "Plan between 1 and 20 touches.", "count"),
        ({"count": 21}, "Plan between 1 and 20 touches.", "count"),
        ({"channels": set()}, "Pick at least one channel.", "channels"),
        (
            {"people": [GRETA], "weeks": 1, "count": 7},
            "Only 5 touches fit in 1 week without touching someone twice in a day; "
            "lengthen the span or add people.",
            "weeks",
        ),
    ],
)
def test_input_the_plan_cannot_use_is_refused_with_a_sentence(options, message, field) -> None:
    people = options.pop("people", [GRETA, HIRO])
    with pytest.raises(ValidationError) as caught:
        plan_touches("acc", "camp", people, MONDAY, **options)
    assert caught.value.message == message
    assert caught.value.field == field


@pytest.mark.parametrize(("weeks", "count"), [(1, 1), (12, 20), (1, 15)])
def test_the_edges_of_the_allowed_input_are_accepted(weeks, count) -> None:
    assert len(plan(weeks=weeks, count=count)) == count


# --- channels ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("channels", "count", "expected"),
    [
        ((EM, PH, SO, OT), 9, {EM: 4, PH: 2, SO: 2, OT: 1}),
        ((EM, PH, SO, OT), 8, {EM: 4, PH: 2, SO: 1, OT: 1}),  # 3.6 / 2 / 1.6 / 0.8
        ((EM, PH, SO, OT), 10, {EM: 5, PH: 2, SO: 2, OT: 1}),  # a tie on .5 goes to email
        ((EM, PH, SO, OT), 1, {EM: 1, PH: 0, SO: 0, OT: 0}),
        ((EM, PH), 9, {EM: 6, PH: 3}),  # 45:25 of 9 is 5.8 : 3.2
        ((PH, OT), 7, {PH: 5, OT: 2}),
        ((SO,), 9, {SO: 9}),
    ],
)
def test_channel_counts_share_the_mix_by_largest_remainder(channels, count, expected) -> None:
    assert channel_counts(channels, count) == expected


def test_the_mix_only_uses_what_was_picked_in_the_plan() -> None:
    touches = plan(channels={PH, SO})
    assert Counter(touch.channel for touch in touches) == {PH: 5, SO: 4}


def test_channels_alternate_so_none_runs_three_in_a_row() -> None:
    channels = [touch.channel for touch in plan(count=10, channels=[EM, OT])]  # 8 email, 2 other
    assert channels.count(EM) == 8
    longest = max(len(list(run)) for _, run in groupby(channels))
    assert longest == 3  # 8 of one and 2 of another: three runs of 3, 3 and 2 at best


def test_channels_alternate_when_the_mix_allows() -> None:
    channels = [touch.channel for touch in plan(count=9, channels=[EM, PH])]  # 6 email, 3 phone
    assert max(len(list(run)) for _, run in groupby(channels)) == 2


# --- purposes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "purposes"),
    [
        (1, [ASK]),
        (2, [CUR, ASK]),
        (3, [CUR, RES, ASK]),
        (4, [CUR, ASK, RES, ASK]),
        (5, [CUR, INS, ASK, RES, ASK]),
        (8, [CUR, CUR, INS, ASK, INS, RES, RES, ASK]),
        (9, [CUR, CUR, INS, INS, ASK, INS, RES, RES, ASK]),
        (10, [CUR, CUR, INS, INS, ASK, INS, RES, ASK, RES, ASK]),
    ],
)
def test_purposes_ask_by_the_middle_and_again_at_the_end(count, purposes) -> None:
    # Changed in issue 19: the asks used to be the last two (three) touches, all in the
    # campaign's last week; now the first comes by the middle.
    assert purpose_plan(count) == purposes


@pytest.mark.parametrize(
    ("count", "places"),
    [(1, [0]), (2, [1]), (3, [2]), (4, [1, 3]), (8, [3, 7]), (9, [4, 8]), (10, [4, 7, 9]),
     (20, [9, 14, 19])],
)  # fmt: skip
def test_the_asks_are_spread_across_the_plan(count, places) -> None:
    assert ask_places(count) == places


@pytest.mark.parametrize("count", range(1, 21))
def test_purpose_plan_keeps_the_methods_order_between_the_asks(count) -> None:
    purposes = purpose_plan(count)
    assert len(purposes) == count
    others = [p for p in purposes if p is not ASK]
    assert [rank(p) for p in others] == sorted(rank(p) for p in others)
    assert purposes[-1] is ASK
    assert 1 <= purposes.count(ASK) <= 3
    if count >= 2:
        assert purposes[0] is not ASK  # they need a reason to say yes first
    if count >= 4:
        assert purposes[0] is CUR
        assert purposes.index(ASK) <= (count - 1) // 2  # the first ask by the middle


@pytest.mark.parametrize("count", [8, 9, 10])
@pytest.mark.parametrize("weeks", [3, 4, 5, 6])
def test_an_eight_to_ten_touch_plan_asks_before_its_last_week(count, weeks) -> None:
    touches = plan(count=count, weeks=weeks)
    asks = [touch.due for touch in touches if touch.purpose is ASK]
    assert asks[0] <= touches[(count - 1) // 2].due  # by the middle touch
    assert asks[0] <= touches[-1].due - timedelta(days=7)
    assert len(asks) == (3 if count == 10 else 2)


def test_each_touch_carries_the_idea_for_its_person_purpose_and_channel() -> None:
    for touch in plan(client_focus="late deliveries"):
        assert touch.idea == touch_idea(touch.purpose, touch.channel, research="late deliveries")


def test_the_first_ask_and_only_it_gives_the_why_now() -> None:
    touches = plan(why_now="Their supply contract ends in June")
    said = [t for t in touches if "“Their supply contract ends in June”" in t.idea]
    assert said == [next(t for t in touches if t.purpose is ASK)]
    assert not any("reason to talk now" in t.idea for t in plan())


def test_a_referral_takes_one_touch_the_second_and_names_who_to_ask() -> None:
    known = Contact("Anna Berg", relationship=Relationship.STRONG)
    touches = plan(GRETA, HIRO, channels=[EM, PH, RE], known=[GRETA, HIRO, known])
    assert [t.channel for t in touches].count(RE) == 1
    assert touches[1].channel is RE
    assert touches[1].idea.startswith("Ask Anna Berg to introduce you;")
    alone = plan(GRETA, channels=[EM, RE])
    assert alone[1].idea.startswith("Ask someone who knows them")


@pytest.mark.parametrize(
    ("channels", "count", "expected"),
    [
        ((EM, PH, SO, OT, RE), 9, {EM: 4, PH: 2, SO: 1, OT: 1, RE: 1}),
        ((EM, RE), 9, {EM: 8, RE: 1}),
        ((EM, RE), 1, {EM: 1, RE: 0}),  # one touch: the mix, not an introduction
        ((RE,), 3, {RE: 3}),  # picked alone, it is the seller's choice
    ],
)
def test_a_referral_picked_takes_one_touch_of_the_mix(channels, count, expected) -> None:
    assert channel_counts(channels, count) == expected


# --- every plan -------------------------------------------------------------------------


@settings(max_examples=100, deadline=None)
@given(
    start=st.dates(min_value=date(2025, 1, 1), max_value=date(2030, 12, 31)),
    weeks=st.integers(min_value=1, max_value=12),
    people=st.integers(min_value=1, max_value=6),
    count=st.integers(min_value=1, max_value=20),
    channels=st.sets(st.sampled_from(list(Channel)), min_size=1),
)
def test_every_plan_keeps_every_rule(start, weeks, people, count, channels) -> None:
    contacts = [Contact(f"Person {i}", uid=f"p{i}") for i in range(people)]
    days = business_days(start, weeks)
    if count > len(days) * people:
        with pytest.raises(ValidationError, match=f"Only {len(days) * people} touches fit"):
            plan_touches("a", "c", contacts, start, weeks=weeks, count=count, channels=channels)
        return
    touches = plan_touches("a", "c", contacts, start, weeks=weeks, count=count, channels=channels)
    again = plan_touches("a", "c", contacts, start, weeks=weeks, count=count, channels=channels)
    dues = [touch.due for touch in touches]

    assert len(touches) == count
    assert [(t.due, t.contact_uid, t.channel, t.purpose, t.idea) for t in touches] == [
        (t.due, t.contact_uid, t.channel, t.purpose, t.idea) for t in again
    ]
    # Business days inside the span, in order, starting on the first one.
    assert all(due.weekday() < 5 for due in dues)
    assert dues == sorted(dues)
    assert dues[0] == days[0]
    assert days[0] <= dues[-1] <= days[-1]
    assert days[-1] < days[0] + timedelta(weeks=weeks)
    # People: never twice in a day, everyone reached when there are touches enough.
    assert max(Counter((t.contact_uid, t.due) for t in touches).values()) == 1
    assert len({t.contact_uid for t in touches}) == min(people, count)
    # Channels: only those picked, each within one of its share of the mix; a referral
    # beside other channels takes one touch, the second (issue 19).
    used = Counter(t.channel for t in touches)
    assert set(used) <= channels
    mixed = channels - {RE}
    referrals = (1 if count > 1 else 0) if mixed and RE in channels else 0
    if RE in channels:
        assert used[RE] == (referrals if mixed else count)
    if referrals:
        assert touches[1].channel is RE
    total = sum(CHANNEL_MIX[c] for c in mixed)
    for channel in mixed:
        assert abs(used[channel] - (count - referrals) * CHANNEL_MIX[channel] / total) < 1
    # No channel three times running unless the counts leave no other way, and then the
    # runs only as long as the other channels force them to be.
    # (The referral sits in second place: it can only break a run.)
    interleaved = [t.channel for t in touches if t.channel is not RE or not referrals]
    biggest = max(Counter(interleaved).values())
    longest = max(len(list(run)) for _, run in groupby(interleaved))
    assert longest <= max(2, math.ceil(biggest / (len(interleaved) - biggest + 1)))
    # Purposes never go back along the dates between the asks, and the plan ends asking.
    others = [rank(t.purpose) for t in touches if t.purpose is not ASK]
    assert others == sorted(others)
    assert touches[-1].purpose is ASK
    assert [t.purpose for t in touches] == purpose_plan(count)


@settings(max_examples=60, deadline=None)
@given(
    start=st.dates(min_value=date(2025, 1, 1), max_value=date(2030, 12, 31)),
    weeks=st.integers(min_value=2, max_value=5),
    people=st.integers(min_value=1, max_value=4),
    count=st.integers(min_value=8, max_value=10),
    channels=st.sets(st.sampled_from(list(Channel)), min_size=2),
)
def test_the_coach_has_nothing_to_say_about_its_own_usual_plan(
    start, weeks, people, count, channels
) -> None:
    contacts = [Contact(f"Person {i}", uid=f"p{i}") for i in range(people)]
    touches = plan_touches("a", "c", contacts, start, weeks=weeks, count=count, channels=channels)
    assert campaign_remarks(touches) == []


# --- remarks ----------------------------------------------------------------------------


def test_count_remarks_name_the_number() -> None:
    [few] = campaign_remarks(plan(count=7))
    assert few.startswith("Only 7 touches.") and "plan at least 8" in few
    [many] = campaign_remarks(plan(count=11, weeks=5))
    assert many.startswith("11 touches is a lot: past 10")


def test_a_single_touch_that_asks_is_only_too_few() -> None:
    [remark] = campaign_remarks(plan(count=1))
    assert remark.startswith("Only 1 touch. Most first meetings")


def test_an_ask_in_the_middle_is_fine_but_first_is_not() -> None:
    touches = plan()
    middle = list(touches)
    middle[4] = replace(middle[4], purpose=ASK)
    assert campaign_remarks(middle) == []
    first = [replace(touches[0], purpose=ASK), *touches[1:]]
    assert campaign_remarks(first) == [
        "The first touch asks for the meeting before they have a reason to say yes; "
        "lead with curiosity or an insight."
    ]


def test_the_first_touch_is_the_earliest_not_the_first_in_the_list() -> None:
    touches = plan()
    touches[-1] = replace(touches[-1], due=touches[0].due - timedelta(days=3))  # moved first
    assert any("first touch asks" in remark for remark in campaign_remarks(touches))


def redated(touches: list[Touch], *days: int) -> list[Touch]:
    """The same touches on new December 2026 days (0 meaning Monday 30 Nov)."""
    return [
        replace(t, due=MONDAY if day == 0 else date(2026, 12, day))
        for t, day in zip(touches, days, strict=True)
    ]


def test_ten_days_between_touches_is_fine_eleven_is_a_gap() -> None:
    touches = plan(count=8)
    assert [t.purpose for t in touches[2:4]] == [INS, ASK]
    # Redated into less than three weeks, the first ask one touch earlier keeps it a week
    # before the end: this test is about gaps, not about late asks.
    touches[2:4] = [replace(touches[2], purpose=ASK), replace(touches[3], purpose=INS)]
    assert campaign_remarks(redated(touches, 0, 10, 11, 14, 15, 16, 17, 18)) == []
    assert campaign_remarks(redated(touches, 0, 11, 14, 15, 16, 17, 18, 21)) == [
        "11 days pass between Mon 30 Nov and Fri 11 Dec; they will have forgotten you. "
        "Fill the gap or close it."
    ]


def test_two_touches_on_one_channel_are_not_yet_a_pattern() -> None:
    touches = [replace(t, channel=EM) for t in plan(count=2)]
    assert not any("Every touch" in remark for remark in campaign_remarks(touches))
    three = [replace(t, channel=PH) for t in plan(count=3)]
    assert any("Every touch is phone" in remark for remark in campaign_remarks(three))


def test_two_touches_on_one_day_to_different_people_are_fine() -> None:
    touches = plan()
    touches[1] = replace(touches[1], due=touches[0].due)
    assert touches[0].contact_uid != touches[1].contact_uid
    assert campaign_remarks(touches) == []


def test_skipped_touches_do_not_count_as_the_plan() -> None:
    touches = [
        replace(t, status=TouchStatus.SKIPPED, outcome="On leave") if t.purpose is ASK else t
        for t in plan()
    ]
    remarks = campaign_remarks(touches)
    assert remarks[0].startswith("Only 7 touches.")
    assert "No touch asks for the meeting, and the meeting is what this is for." in remarks


def test_a_skipped_touch_on_a_weekend_is_not_a_weekend_touch() -> None:
    touches = plan()
    touches[3] = replace(touches[3], due=date(2026, 12, 6), status=TouchStatus.SKIPPED)
    assert not any("weekend" in remark for remark in campaign_remarks(touches))
    touches[3] = replace(touches[3], status=TouchStatus.DONE)
    assert any("weekend (Sun 6 Dec)" in remark for remark in campaign_remarks(touches))


def test_nothing_left_says_so() -> None:
    assert campaign_remarks([])[0].startswith("No touches planned yet")
    skipped = [replace(t, status=TouchStatus.SKIPPED) for t in plan()]
    assert campaign_remarks(skipped) == [
        "Every touch was skipped. Plan a fresh run, or stop the campaign."
    ]


# --- progress ---------------------------------------------------------------------------


def test_progress_of_a_campaign_that_won_the_meeting() -> None:
    touches = plan()
    touches[0] = replace(touches[0], status=TouchStatus.DONE)
    touches[1] = replace(touches[1], status=TouchStatus.DONE, got_response=True)
    touches[2] = replace(touches[2], status=TouchStatus.SKIPPED)
    touches[3] = replace(touches[3], status=TouchStatus.DONE, got_response=True, got_meeting=True)
    progress = campaign_progress(touches)
    assert (progress.done, progress.skipped, progress.planned) == (3, 1, 5)
    assert progress.responses == 2
    assert progress.got_meeting
    assert progress.next_due == touches[4].due


def test_progress_of_nothing() -> None:
    progress = campaign_progress([])
    assert (progress.done, progress.skipped, progress.planned, progress.responses) == (0, 0, 0, 0)
    assert progress.next_due is None and not progress.got_meeting


def test_next_due_is_the_earliest_open_touch_even_when_moved() -> None:
    touches = plan()
    touches[6] = replace(touches[6], due=MONDAY - timedelta(days=7))  # pulled forward
    assert campaign_progress(touches).next_due == MONDAY - timedelta(days=7)


def test_the_suggested_people_never_include_a_blocker() -> None:
    from coach_tui.coaching.campaign import suggested_people

    blocker = Contact("Anders Blom", account_uid="a", role=BuyingRole.BLOCKER)
    user = Contact("Greta Lindqvist", account_uid="a", role=BuyingRole.USER)
    buyer = Contact("Hiro Tanaka", account_uid="a", role=BuyingRole.ECONOMIC_BUYER)
    assert suggested_people([blocker, user]) == [user]
    assert suggested_people([blocker, user, buyer]) == [buyer, user]
    assert suggested_people([blocker]) == []


def test_an_added_touch_goes_to_the_campaign_person_with_least_to_come() -> None:
    from coach_tui.coaching.campaign import person_for_new_touch

    def planned(uid: str, status: TouchStatus = TouchStatus.PLANNED) -> Touch:
        return Touch("c", "a", uid, MONDAY, Channel.EMAIL, Purpose.SHARE_INSIGHT, status=status)

    touches = [planned("p1"), planned("p1"), planned("p2"), planned("p2", TouchStatus.DONE)]
    listed = {"p0", "p1", "p2"}
    assert person_for_new_touch(("p1", "p2"), touches, listed) == "p2"
    assert person_for_new_touch(("p1", "p2"), [], listed) == "p1"  # first picked on a tie
    assert person_for_new_touch(("p1", "p2"), touches, {"p0", "p1"}) == "p1"  # p2 removed
    assert person_for_new_touch(("p9",), touches, listed) is None


# --- asks spread, and a client's own pace (issue 19) -------------------------------------


def _asks_at(touches: list[Touch], *places: int) -> list[Touch]:
    return [
        replace(t, purpose=ASK if i in places else INS if t.purpose is ASK else t.purpose)
        for i, t in enumerate(touches)
    ]


LATE = "in the last week; ask once by the middle, while your first touches are still fresh."


@pytest.mark.parametrize(
    ("count", "weeks", "places", "remark"),
    [
        (9, 4, (4, 8), ""),  # the plan as generated
        (9, 4, (7, 8), f"Every ask comes {LATE}"),  # the old plan: both in the last week
        (9, 4, (8,), f"The only ask comes {LATE}"),
        (10, 4, (7, 8, 9), f"Every ask comes {LATE}"),
        (10, 4, (6, 9), ""),
        (8, 2, (6, 7), ""),  # two weeks: the last week is half of it
        (8, 3, (6, 7), f"Every ask comes {LATE}"),
    ],
)
def test_asks_crammed_into_the_last_week_are_questioned(count, weeks, places, remark) -> None:
    touches = _asks_at(plan(count=count, weeks=weeks), *places)
    late = [r for r in campaign_remarks(touches) if LATE in r]
    assert late == ([remark] if remark else [])


def test_a_wait_the_client_asked_for_is_not_a_gap() -> None:
    touches = plan(GRETA, HIRO, count=8)
    greta = [t for t in touches if t.contact_uid == GRETA.uid]
    replied = replace(greta[0], status=TouchStatus.DONE, got_response=True)
    later = [replace(t, due=t.due + timedelta(weeks=8)) for t in greta[1:]]
    moved = [replied, *later, *(t for t in touches if t.contact_uid == HIRO.uid)]
    assert not any("days pass between" in r for r in campaign_remarks(moved))
    silent = [replace(replied, got_response=False), *later, *moved[len(greta) :]]
    assert any("days pass between" in r for r in campaign_remarks(silent))
