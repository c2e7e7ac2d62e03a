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
    business_days,
    campaign_progress,
    campaign_remarks,
    channel_counts,
    message_idea,
    plan_touches,
    purpose_plan,
)
from coach_tui.model.contact import BuyingRole, Contact
from coach_tui.model.errors import ValidationError
from coach_tui.model.touch import Channel, Purpose, Touch, TouchStatus

EM, PH, SO, OT = Channel.EMAIL, Channel.PHONE, Channel.SOCIAL, Channel.OTHER
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
        (4, [CUR, RES, ASK, ASK]),
        (5, [CUR, INS, RES, ASK, ASK]),
        (8, [CUR, CUR, INS, INS, RES, RES, ASK, ASK]),
        (9, [CUR, CUR, INS, INS, INS, RES, RES, ASK, ASK]),
        (10, [CUR, CUR, INS, INS, INS, RES, RES, ASK, ASK, ASK]),
    ],
)
def test_purposes_follow_the_method_and_end_with_the_ask(count, purposes) -> None:
    assert purpose_plan(count) == purposes


@pytest.mark.parametrize("count", range(1, 21))
def test_purpose_plan_is_in_order_and_never_asks_more_than_three_times(count) -> None:
    purposes = purpose_plan(count)
    assert len(purposes) == count
    assert [rank(p) for p in purposes] == sorted(rank(p) for p in purposes)
    assert purposes[-1] is ASK
    assert 1 <= purposes.count(ASK) <= 3
    if count >= 4:
        assert purposes[0] is CUR


def test_ideas_fit_purpose_and_channel_and_use_the_clients_focus() -> None:
    ideas = {(p, c): message_idea(p, c, "Scrap rates on line 3.") for p in Purpose for c in Channel}
    assert len(set(ideas.values())) == len(ideas)  # every pair has its own idea
    assert ideas[INS, EM].endswith("From your research: “Scrap rates on line 3”.")
    assert "what is slowing them down this year" in message_idea(CUR, EM, "   ")


IDEAS_WITHOUT_RESEARCH = {message_idea(p, c) for p in Purpose for c in Channel}


def _says_something(text: str) -> bool:
    return bool("".join(text.split()).strip(".;:,"))


@settings(max_examples=200, deadline=None)
@given(research=st.text(min_size=1, max_size=400).filter(_says_something))
def test_ideas_read_as_sentences_whatever_the_research_says(research: str) -> None:
    """Research is a phrase, a figure, a list: it is quoted after the idea, never spliced
    into it ("share one number about Energy costs up 40%; … peers are tracking")."""
    for purpose in Purpose:
        for channel in Channel:
            idea = message_idea(purpose, channel, research)
            sentence, quoted = idea.split(" From your research: “", 1)
            assert sentence.replace("their challenge", "what is slowing them down this year") in (
                IDEAS_WITHOUT_RESEARCH
            )
            assert quoted.endswith("”.")


def test_the_issues_research_reads_as_sentences() -> None:
    idea = message_idea(INS, PH, "Energy costs up 40%; private-label competitors")
    assert idea == (
        "Call to share one number peers track on their challenge; ask how theirs compares. "
        "From your research: “Energy costs up 40%; private-label competitors”."
    )


def test_each_touch_carries_the_idea_for_its_purpose_and_channel() -> None:
    for touch in plan(client_focus="late deliveries"):
        assert touch.idea == message_idea(touch.purpose, touch.channel, "late deliveries")


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
    # Channels: only those picked, each within one of its share of the mix.
    total = sum(CHANNEL_MIX[c] for c in channels)
    used = Counter(t.channel for t in touches)
    assert set(used) <= channels
    for channel in channels:
        assert abs(used[channel] - count * CHANNEL_MIX[channel] / total) < 1
    # No channel three times running unless the counts leave no other way, and then the
    # runs only as long as the other channels force them to be.
    biggest = max(used.values())
    longest = max(len(list(run)) for _, run in groupby(t.channel for t in touches))
    assert longest <= max(2, math.ceil(biggest / (count - biggest + 1)))
    # Purposes never go back along the dates, and the plan ends asking.
    assert [rank(t.purpose) for t in touches] == sorted(rank(t.purpose) for t in touches)
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
    touches = plan(count=8, weeks=6)
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
