"""The entry campaign generator and the coach's remarks on a plan."""

from collections import Counter
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach_tui.coaching.campaign import (
    business_days,
    campaign_progress,
    campaign_remarks,
    channel_counts,
    plan_touches,
    purpose_plan,
)
from coach_tui.model.contact import Contact
from coach_tui.model.errors import ValidationError
from coach_tui.model.touch import Channel, Purpose, TouchStatus

PEOPLE = [Contact("Greta Lindqvist"), Contact("Hiro Tanaka"), Contact("Priya Rahman")]
MONDAY = date(2026, 11, 30)


def plan(**overrides):
    args = {"contacts": PEOPLE, "start": MONDAY}
    args.update(overrides)
    contacts, start = args.pop("contacts"), args.pop("start")
    return plan_touches("acc", "camp", contacts, start, **args)


def test_default_plan_is_nine_touches_over_four_weeks_of_weekdays() -> None:
    touches = plan()
    assert len(touches) == 9
    assert touches[0].due == MONDAY
    assert touches[-1].due <= MONDAY + timedelta(weeks=4)
    assert all(touch.due.weekday() < 5 for touch in touches)
    assert [t.due for t in touches] == sorted(t.due for t in touches)


def test_weekend_start_moves_to_monday() -> None:
    assert plan(start=date(2026, 11, 28))[0].due == MONDAY


def test_nobody_gets_two_touches_in_one_day_even_when_days_are_scarce() -> None:
    touches = plan(weeks=1, count=10)  # 5 weekdays, 10 touches, 3 people
    pairs = Counter((t.contact_uid, t.due) for t in touches)
    assert max(pairs.values()) == 1


def test_too_many_touches_for_the_span_says_how_many_fit() -> None:
    with pytest.raises(ValidationError, match="Only 5 touches fit in 1 week"):
        plan(contacts=PEOPLE[:1], weeks=1, count=6)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"contacts": []}, "at least one person"),
        ({"weeks": 0}, "1 to 12 weeks"),
        ({"weeks": 13}, "1 to 12 weeks"),
        ({"count": 0}, "between 1 and 20"),
        ({"channels": ()}, "at least one channel"),
    ],
)
def test_bad_input_is_refused_in_words(overrides, message) -> None:
    with pytest.raises(ValidationError, match=message):
        plan(**overrides)


def test_mix_follows_the_method_with_all_channels() -> None:
    counts = Counter(touch.channel for touch in plan())
    assert counts == {Channel.EMAIL: 4, Channel.PHONE: 2, Channel.SOCIAL: 2, Channel.OTHER: 1}


@pytest.mark.parametrize("count", range(1, 21))
def test_channel_counts_always_add_up(count) -> None:
    assert sum(channel_counts(list(Channel), count).values()) == count
    assert sum(channel_counts([Channel.PHONE, Channel.OTHER], count).values()) == count


def test_only_chosen_channels_are_used() -> None:
    touches = plan(channels=[Channel.EMAIL, Channel.PHONE])
    assert {touch.channel for touch in touches} == {Channel.EMAIL, Channel.PHONE}


def test_no_channel_three_times_in_a_row_when_a_mix_is_possible() -> None:
    channels = [touch.channel for touch in plan(count=10)]
    runs = zip(channels, channels[1:], channels[2:], strict=False)
    assert all(not (a == b == c) for a, b, c in runs)


def test_purposes_run_in_method_order_and_ask_by_the_middle_and_at_the_end() -> None:
    # Changed in issue 19: the two asks were the last two touches; now one is the middle.
    purposes = [touch.purpose for touch in plan()]
    order = list(Purpose)
    others = [order.index(p) for p in purposes if p is not Purpose.ASK_FOR_MEETING]
    assert others == sorted(others)
    assert purposes[0] is Purpose.PIQUE_CURIOSITY
    assert [i for i, p in enumerate(purposes) if p is Purpose.ASK_FOR_MEETING] == [4, 8]


def test_ten_touches_ask_three_times() -> None:
    assert purpose_plan(10).count(Purpose.ASK_FOR_MEETING) == 3


def test_every_person_picked_is_reached() -> None:
    assert {touch.contact_uid for touch in plan()} == {p.uid for p in PEOPLE}


def test_ideas_weave_in_the_clients_focus() -> None:
    touches = plan(client_focus="Late deliveries cost them renewals.")
    assert any("Late deliveries cost them renewals" in touch.idea for touch in touches)
    assert all(touch.idea for touch in touches)


def test_same_input_same_plan() -> None:
    first = [(t.due, t.channel, t.purpose, t.contact_uid) for t in plan()]
    second = [(t.due, t.channel, t.purpose, t.contact_uid) for t in plan()]
    assert first == second


def test_business_days_skip_weekends() -> None:
    days = business_days(MONDAY, 2)
    assert len(days) == 10
    assert all(day.weekday() < 5 for day in days)


@settings(max_examples=120, deadline=None)
@given(
    start=st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31)),
    weeks=st.integers(min_value=1, max_value=12),
    people=st.integers(min_value=1, max_value=5),
    count=st.integers(min_value=1, max_value=20),
    channels=st.sets(st.sampled_from(list(Channel)), min_size=1),
)
def test_any_plan_keeps_the_rules(start, weeks, people, count, channels) -> None:
    contacts = [Contact(f"Person {i}") for i in range(people)]
    try:
        touches = plan_touches("a", "c", contacts, start, weeks=weeks, count=count,
                               channels=channels)  # fmt: skip
    except ValidationError as error:
        assert "fit" in error.message
        assert count > len(business_days(start, weeks)) * people
        return
    assert len(touches) == count
    assert all(touch.due.weekday() < 5 for touch in touches)
    assert touches[0].due >= start
    assert touches[-1].due < start + timedelta(weeks=weeks, days=3)
    assert max(Counter((t.contact_uid, t.due) for t in touches).values()) == 1
    assert {touch.channel for touch in touches} <= channels
    assert touches[-1].purpose is Purpose.ASK_FOR_MEETING
    order = list(Purpose)
    ranks = [order.index(t.purpose) for t in touches if t.purpose is not Purpose.ASK_FOR_MEETING]
    assert ranks == sorted(ranks)


# --- remarks ----------------------------------------------------------------------------


def test_a_sound_plan_draws_no_remark() -> None:
    assert campaign_remarks(plan()) == []


def test_too_few_and_too_many_are_allowed_with_a_remark() -> None:
    assert "Only 5 touches" in campaign_remarks(plan(count=5))[0]
    assert "12 touches is a lot" in campaign_remarks(plan(count=12, weeks=6))[0]


def test_plan_without_an_ask_is_called_out() -> None:
    touches = [replace(t, purpose=Purpose.SHARE_INSIGHT) for t in plan()]
    assert any("No touch asks for the meeting" in r for r in campaign_remarks(touches))


def test_asking_first_is_called_out() -> None:
    touches = plan()
    touches[0] = replace(touches[0], purpose=Purpose.ASK_FOR_MEETING)
    assert any("first touch asks" in r for r in campaign_remarks(touches))


def test_edited_plan_same_day_weekend_one_channel_and_gap() -> None:
    touches = [replace(t, channel=Channel.EMAIL) for t in plan()]
    touches[1] = replace(touches[1], due=touches[0].due, contact_uid=touches[0].contact_uid)
    touches[2] = replace(touches[2], due=date(2026, 12, 5))  # a Saturday
    touches[-1] = replace(touches[-1], due=touches[-1].due + timedelta(days=20))
    remarks = " ".join(campaign_remarks(touches))
    assert "same person on Mon 30 Nov" in remarks
    assert "weekend (Sat 5 Dec)" in remarks
    assert "Every touch is email" in remarks
    assert "days pass between" in remarks


def test_progress_counts_and_next_due() -> None:
    touches = plan()
    touches[0] = replace(touches[0], status=TouchStatus.DONE, got_response=True)
    touches[1] = replace(touches[1], status=TouchStatus.SKIPPED)
    progress = campaign_progress(touches)
    assert (progress.done, progress.skipped, progress.planned) == (1, 1, 7)
    assert progress.responses == 1 and not progress.got_meeting
    assert progress.next_due == touches[2].due
