"""ISO weeks: reading, labels, neighbours across year ends, ordering."""

from datetime import date

import pytest

from coach_tui.model.errors import ValidationError
from coach_tui.model.week import IsoWeek


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-W47", IsoWeek(2026, 47)),
        ("2026W47", IsoWeek(2026, 47)),
        (" 2026-w7 ", IsoWeek(2026, 7)),
        ("2026-W53", IsoWeek(2026, 53)),
    ],
)
def test_weeks_are_read_in_iso_form(text: str, expected: IsoWeek) -> None:
    assert IsoWeek.parse(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2027-W53", "2027 has no week 53"),
        ("2026-W00", "2026 has no week 0"),
        ("last week", "is not a week"),
        ("", "is not a week"),
        ("2026-47", "is not a week"),
    ],
)
def test_bad_weeks_are_refused_with_a_sentence(text: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        IsoWeek.parse(text)


@pytest.mark.parametrize(
    ("day", "week"),
    [
        (date(2026, 11, 22), IsoWeek(2026, 47)),  # Sunday closes the week
        (date(2026, 11, 23), IsoWeek(2026, 48)),  # Monday opens the next
        (date(2026, 12, 28), IsoWeek(2026, 53)),
        (date(2027, 1, 3), IsoWeek(2026, 53)),  # early January can belong to last year
        (date(2027, 1, 4), IsoWeek(2027, 1)),
        (date(2025, 12, 29), IsoWeek(2026, 1)),  # late December can belong to next year
    ],
)
def test_the_week_of_a_day(day: date, week: IsoWeek) -> None:
    assert IsoWeek.of(day) == week
    assert week.contains(day)
    assert week.monday <= day <= week.sunday


def test_labels_and_neighbours() -> None:
    w53 = IsoWeek(2026, 53)
    assert str(w53) == "2026-W53"
    assert w53.label == "2026-W53 · 28 Dec – 3 Jan"
    assert IsoWeek(2026, 47).label == "2026-W47 · 16–22 Nov"
    assert w53.shifted(1) == IsoWeek(2027, 1)
    assert IsoWeek(2027, 1).shifted(-1) == w53
    assert IsoWeek(2026, 1).shifted(-1) == IsoWeek(2025, 52)
    assert sorted([IsoWeek(2027, 1), w53, IsoWeek(2026, 2)]) == [
        IsoWeek(2026, 2),
        w53,
        IsoWeek(2027, 1),
    ]
