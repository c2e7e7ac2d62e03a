"""A carried-over outcome (a debrief's next step, a split's bigger step) is a draft, not a prep.

The call it lands on shows "no outcome yet" and is not counted in "Outcome prepared" until
the seller prepares it.
"""

from datetime import datetime, timedelta

import pytest

from coach_tui.coaching.agenda import calls_today
from coach_tui.coaching.week_figures import WeekSources, week_figures
from coach_tui.model.call import Call, Prep
from coach_tui.model.week import IsoWeek
from coach_tui.store.codec import decode, encode
from tests.helpers import BERLIN

NOW = datetime(2026, 11, 24, 8, 30, tzinfo=BERLIN)
CARRIED = Prep("The CFO agrees to a pilot at one plant", carried_from="earlier-call")
PREPARED = Prep("The CFO agrees to a pilot at one plant", note="Bring the study")


@pytest.mark.parametrize(
    ("prep", "prepared", "outcome", "carried"),
    [
        (None, False, "", ""),  # never prepared
        (Prep(""), False, "", ""),  # an empty outcome is no prep
        (CARRIED, False, "", CARRIED.outcome),  # carried over: a draft for the prep
        (PREPARED, True, PREPARED.outcome, ""),  # the seller prepared it
    ],
)
def test_only_the_sellers_own_prep_makes_a_call_prepared(
    prep: Prep | None, prepared: bool, outcome: str, carried: str
) -> None:
    call = Call("a", NOW, prep=prep)
    assert (call.prepared, call.outcome, call.carried_outcome) == (prepared, outcome, carried)


def test_a_carried_outcome_is_not_counted_as_prepared_in_the_week() -> None:
    held = [Call("a", NOW - timedelta(hours=h), prep=p) for h, p in ((1, CARRIED), (2, PREPARED))]
    week = week_figures(IsoWeek.of(NOW.date()), WeekSources(calls=held), NOW)
    assert (week.calls_held, week.calls_prepared) == (2, 1)


def test_the_morning_agenda_shows_a_carried_call_without_an_outcome() -> None:
    later = [Call("a", NOW + timedelta(hours=2), prep=CARRIED)]
    [line] = calls_today(later, NOW, {"a": "Nordvale Foods"})
    assert line.outcome == ""


def test_the_carried_mark_survives_the_store_and_a_prepared_record_keeps_its_shape() -> None:
    carried = Call("a", NOW, prep=CARRIED)
    assert decode("calls", encode(carried)) == carried
    prepared = encode(Call("a", NOW, prep=PREPARED))
    assert "carried_from" not in prepared["prep"]
    assert decode("calls", prepared).prepared
