"""Which records may leave the live files (coaching/archivable.py), and the stall window
the stall alarm reads (coaching/calls.py): pure rules, no store."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import pytest

from coach_tui.coaching.archivable import (
    CallFacts,
    CampaignFacts,
    TouchFacts,
    calls_to_archive,
    campaign_may_archive,
    promise_may_archive,
    touch_is_settled,
    touch_may_archive,
)
from coach_tui.coaching.calls import stall_question_from, stall_window
from coach_tui.model.call import DebriefMark, Movement
from tests.helpers import BERLIN

BEFORE = date(2026, 8, 25)  # the boundary: 13 weeks before 24 Nov 2026
OLD = date(2024, 3, 4)
ADVANCE, CONTINUATION = Movement.ADVANCE, Movement.CONTINUATION


def at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=BERLIN)


def mark(weeks: int, movement: Movement = CONTINUATION) -> DebriefMark:
    return DebriefMark(at(OLD + timedelta(weeks=weeks)), movement)


# --- the stall window -------------------------------------------------------------------


def test_the_stall_window_is_the_first_the_last_advance_and_the_last_three() -> None:
    marks = [mark(0), mark(1), mark(2, ADVANCE), mark(3), mark(4), mark(5), mark(6), mark(7)]
    shuffled = random.Random(7).sample(marks, len(marks))
    assert stall_window(shuffled) == [marks[0], marks[2], marks[5], marks[6], marks[7]]


def test_a_short_history_is_its_own_window() -> None:
    marks = [mark(0), mark(1, ADVANCE)]
    assert stall_window(marks) == marks
    assert stall_window([]) == []


@pytest.mark.parametrize("seed", range(40))
def test_the_stall_rule_says_the_same_from_the_window_as_from_everything(seed: int) -> None:
    """What the store keeps live is exactly enough for the alarm, whatever the history."""
    chance = random.Random(seed)
    marks = [
        mark(week, ADVANCE if chance.random() < 0.25 else CONTINUATION)
        for week in sorted(chance.sample(range(120), chance.randint(1, 14)))
    ]
    for today in (OLD + timedelta(weeks=w) for w in (10, 60, 130)):
        for weeks in (2, 6, 12):
            assert stall_question_from(stall_window(marks), today, weeks=weeks) == (
                stall_question_from(marks, today, weeks=weeks)
            )


# --- touches, promises, campaigns -------------------------------------------------------


def test_a_closed_touch_outside_a_running_campaign_is_settled_and_old_ones_archive() -> None:
    running = {"running"}
    done_old = TouchFacts("ended", planned=False, closed_on=OLD)
    done_lately = TouchFacts("ended", planned=False, closed_on=BEFORE + timedelta(days=1))
    planned_old = TouchFacts("ended", planned=True, closed_on=OLD)
    of_running = TouchFacts("running", planned=False, closed_on=OLD)
    assert [touch_is_settled(t, running) for t in (done_old, done_lately, planned_old)] == [
        True,
        True,
        False,
    ]
    assert not touch_is_settled(of_running, running)
    assert touch_may_archive(done_old, running, BEFORE)
    assert not touch_may_archive(done_lately, running, BEFORE)
    assert not touch_may_archive(planned_old, running, BEFORE)
    assert not touch_may_archive(of_running, running, BEFORE)


def test_only_a_promise_kept_before_the_boundary_archives() -> None:
    assert promise_may_archive(OLD, BEFORE)
    assert not promise_may_archive(None, BEFORE)  # open, however old
    assert not promise_may_archive(BEFORE, BEFORE)


def test_a_campaign_archives_once_ended_and_none_of_its_touches_is_live() -> None:
    ended = CampaignFacts("c1", running=False, ended_on=OLD)
    assert campaign_may_archive(ended, BEFORE, with_live_touches=set())
    assert not campaign_may_archive(ended, BEFORE, with_live_touches={"c1"})
    assert not campaign_may_archive(CampaignFacts("c2", True, OLD), BEFORE, set())
    assert not campaign_may_archive(CampaignFacts("c3", False, BEFORE), BEFORE, set())


# --- calls ------------------------------------------------------------------------------


def call(weeks: int, movement: Movement | None = CONTINUATION, **fields) -> CallFacts:
    return CallFacts(
        fields.pop("account_uid", "acc"), at(OLD + timedelta(weeks=weeks)), movement, **fields
    )


def test_old_debriefed_calls_archive_except_the_window_open_objectives_and_undebriefed() -> None:
    calls = {
        "first": call(0),
        "m1": call(1),
        "m2": call(2),
        "advance": call(3, ADVANCE),
        "m3": call(4),
        "l1": call(5),
        "l2": call(6),
        "l3": call(7),
        "objective": call(1, objective_uid="open"),
        "waiting": call(2, None),
        "lately": CallFacts("other", at(BEFORE + timedelta(days=3)), CONTINUATION),
    }
    # "other" has one debrief (its own window); the open objective's call is in acc's
    # history, so it counts for the window too: acc's window is first, advance, l1–l3.
    assert sorted(calls_to_archive(calls, BEFORE, {"open"})) == ["m1", "m2", "m3"]
    # closing the objective frees its call (it is not in the window)
    assert sorted(calls_to_archive(calls, BEFORE, set())) == ["m1", "m2", "m3", "objective"]


def test_each_account_keeps_its_own_window() -> None:
    calls = {f"{account}{n}": call(n, account_uid=account) for account in "ab" for n in range(5)}
    # each keeps its first and last three: only the second call of each may go
    assert sorted(calls_to_archive(calls, BEFORE, set())) == ["a1", "b1"]


def test_a_call_on_the_boundary_day_stays_and_one_the_day_before_goes() -> None:
    calls = {
        "first": CallFacts("acc", at(BEFORE - timedelta(weeks=10)), CONTINUATION),
        "day before": CallFacts("acc", at(BEFORE - timedelta(days=1), 23), CONTINUATION),
        "on the day": CallFacts("acc", at(BEFORE, 0), CONTINUATION),
        **{f"later{n}": CallFacts("acc", at(BEFORE + timedelta(weeks=n)), CONTINUATION)
           for n in (1, 2, 3)},
    }  # fmt: skip
    assert calls_to_archive(calls, BEFORE, set()) == ["day before"]
