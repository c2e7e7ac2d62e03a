"""Which of today's calls the morning plan's prep key opens."""

from datetime import timedelta

import pytest

from coach_tui.coaching.agenda import call_to_prepare
from coach_tui.model.call import Call, Prep
from tests.unit.test_today import NOW, agenda


def at(hour: int, *, prepared: bool = False) -> Call:
    return Call("a", NOW.replace(hour=hour, minute=0), prep=Prep("x") if prepared else None)


@pytest.mark.parametrize(
    ("calls", "expected_hour"),
    [
        ([], None),  # no calls today
        ([at(14, prepared=True)], None),  # every call has its outcome
        ([at(16), at(11)], 11),  # the earliest first
        ([at(11, prepared=True), at(14)], 14),  # prepared ones are skipped
        ([at(8), at(14)], 14),  # one still ahead beats one already started (now is 08:30)
        ([at(8)], 8),  # started and never prepared: its outcome can still be written down
    ],
)
def test_the_next_call_to_prepare(calls: list[Call], expected_hour: int | None) -> None:
    found = call_to_prepare(agenda(calls=calls), NOW)
    assert (found.when.hour if found else None) == expected_hour


def test_it_is_found_by_its_uid() -> None:
    call = at(14)
    tomorrow = Call("a", NOW + timedelta(days=1))
    found = call_to_prepare(agenda(calls=[call, tomorrow]), NOW)
    assert found is not None and found.uid == call.uid
