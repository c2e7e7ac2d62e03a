"""Dates typed the way people say them, read against an explicit today (Tue 24 Nov 2026)."""

from datetime import date

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from coach_tui.model.dates import (
    MAX_YEAR,
    MIN_YEAR,
    Prefer,
    month_end,
    parse_day,
    quarter_end,
)
from coach_tui.model.errors import ValidationError

TODAY = date(2026, 11, 24)  # a Tuesday


def day(raw: str, prefer: Prefer = Prefer.FUTURE, today: date = TODAY) -> date:
    return parse_day(raw, today=today, prefer=prefer)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("today", date(2026, 11, 24)),
        ("tomorrow", date(2026, 11, 25)),
        ("yesterday", date(2026, 11, 23)),
        ("next march", date(2027, 3, 31)),  # a month on its own is the end of it
        ("Next March.", date(2027, 3, 31)),
        ("  NEXT   MARCH  ", date(2027, 3, 31)),
        ("next november", date(2027, 11, 30)),  # "next" skips the current month
        ("in 6 months", date(2027, 5, 24)),
        ("in six months", date(2027, 5, 24)),
        ("in 6 month", date(2027, 5, 24)),
        ("6 months from now", date(2027, 5, 24)),
        ("six months from today", date(2027, 5, 24)),
        ("in a week", date(2026, 12, 1)),
        ("in 2 weeks", date(2026, 12, 8)),
        ("in 0 days", date(2026, 11, 24)),
        ("in 1 quarter", date(2027, 2, 24)),
        ("in a year", date(2027, 11, 24)),
        ("in twelve days", date(2026, 12, 6)),
        ("end of quarter", date(2026, 12, 31)),
        ("end of next quarter", date(2027, 3, 31)),
        ("next quarter", date(2027, 3, 31)),
        ("end of month", date(2026, 11, 30)),
        ("end of the month", date(2026, 11, 30)),
        ("end of next month", date(2026, 12, 31)),
        ("next month", date(2026, 12, 31)),
        ("end of week", date(2026, 11, 29)),  # weeks end on Sunday
        ("end of this week", date(2026, 11, 29)),
        ("end of next week", date(2026, 12, 6)),
        ("next week", date(2026, 12, 6)),
        ("the end of the year", date(2026, 12, 31)),
        ("end of next year", date(2027, 12, 31)),
        ("next year", date(2027, 12, 31)),
        ("march 2027", date(2027, 3, 31)),
        ("march, 2027", date(2027, 3, 31)),
        ("sept 2027", date(2027, 9, 30)),
        ("february 2028", date(2028, 2, 29)),  # end of a leap February
        ("february 2027", date(2027, 2, 28)),
    ],
)
def test_relative_phrases_mean_what_a_seller_means(typed, meant) -> None:
    assert day(typed) == meant


@pytest.mark.parametrize(
    ("typed", "future", "past"),
    [
        ("fri", date(2026, 11, 27), date(2026, 11, 20)),
        ("friday", date(2026, 11, 27), date(2026, 11, 20)),
        ("mon", date(2026, 11, 30), date(2026, 11, 23)),
        ("sunday", date(2026, 11, 29), date(2026, 11, 22)),
        ("tue", date(2026, 12, 1), date(2026, 11, 17)),  # today's weekday is never today
        ("next friday", date(2026, 11, 27), date(2026, 11, 27)),  # "next" is always ahead
        ("next tuesday", date(2026, 12, 1), date(2026, 12, 1)),
    ],
)
def test_weekdays_are_the_next_one_or_the_last_one(typed, future, past) -> None:
    assert day(typed, Prefer.FUTURE) == future
    assert day(typed, Prefer.PAST) == past


@pytest.mark.parametrize(
    ("typed", "future", "past"),
    [
        ("march", date(2027, 3, 31), date(2026, 3, 31)),
        ("sept", date(2027, 9, 30), date(2026, 9, 30)),
        ("december", date(2026, 12, 31), date(2025, 12, 31)),
        ("november", date(2026, 11, 30), date(2026, 11, 30)),  # this month, either way
        ("nov", date(2026, 11, 30), date(2026, 11, 30)),
    ],
)
def test_a_month_on_its_own_is_the_end_of_the_coming_or_the_last_one(typed, future, past):
    assert day(typed, Prefer.FUTURE) == future
    assert day(typed, Prefer.PAST) == past


@pytest.mark.parametrize(
    ("typed", "future", "past"),
    [
        ("30 jun", date(2027, 6, 30), date(2026, 6, 30)),
        ("jun 30", date(2027, 6, 30), date(2026, 6, 30)),
        ("15 mar", date(2027, 3, 15), date(2026, 3, 15)),
        ("1st of march", date(2027, 3, 1), date(2026, 3, 1)),
        ("24 nov", date(2026, 11, 24), date(2026, 11, 24)),  # today stays today
        ("23 nov", date(2027, 11, 23), date(2026, 11, 23)),
        ("25 nov", date(2026, 11, 25), date(2025, 11, 25)),
        ("27", date(2026, 11, 27), date(2025, 11, 27)),  # a bare day of this month
    ],
)
def test_dates_without_a_year_roll_forward_or_back(typed, future, past) -> None:
    assert day(typed, Prefer.FUTURE) == future
    assert day(typed, Prefer.PAST) == past


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("2027-06-30", date(2027, 6, 30)),
        ("2025-01-15", date(2025, 1, 15)),  # a full date is never moved, even if past
        ("30/06/2027", date(2027, 6, 30)),
        ("06/30/2027", date(2027, 6, 30)),
        ("3/4/2027", date(2027, 3, 4)),  # dateutil reads month first when ambiguous
        ("1 march 2027", date(2027, 3, 1)),
        ("2028-02-29", date(2028, 2, 29)),  # a real leap day
        ("29 feb 2028", date(2028, 2, 29)),
        (f"{MIN_YEAR}-01-01", date(MIN_YEAR, 1, 1)),
        (f"{MAX_YEAR}-12-31", date(MAX_YEAR, 12, 31)),
    ],
)
def test_written_dates_are_read_as_written(typed, meant) -> None:
    assert day(typed, Prefer.FUTURE) == meant
    assert day(typed, Prefer.PAST) == meant


@pytest.mark.parametrize(
    "typed",
    [
        "29 feb",  # no 29 Feb in 2026 or 2027 (see report)
        "foo",
        "next foo",
        "next day",
        "in -3 days",
        "in twenty days",  # only up to twelve in words
        "in 99999999 years",
        "in 99999999999999999999999 days",
        "march 0000",
        "end of quarter 2027",
        "today today",
        "0",
        "99999",
        "noon",
    ],
)
def test_what_is_not_a_date_is_refused_with_examples(typed) -> None:
    with pytest.raises(ValidationError) as caught:
        day(typed)
    assert caught.value.message.startswith(f"Could not read '{typed}' as a date.")
    assert "next march" in caught.value.message


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("2027-02-30", "February has no day 30 (it has 28 in 2027)."),
        ("2027-02-29", "February has no day 29 (it has 28 in 2027)."),  # not a leap year
        ("2027-13-01", "there is no month 13; a year has 12."),
        ("13/13/2027", "there is no month 13; a year has 12."),
        ("31 feb", "February has no day 31."),
    ],
)
def test_a_day_not_on_the_calendar_is_refused_with_the_reason(typed, reason) -> None:
    with pytest.raises(ValidationError) as caught:
        day(typed)
    assert caught.value.message == f"'{typed}': {reason}"


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("3000-01-01", "1 Jan 3000"),
        ("1800-01-01", "1 Jan 1800"),
        (f"{MAX_YEAR + 1}-01-01", f"1 Jan {MAX_YEAR + 1}"),
        ("9999-12-31", "31 Dec 9999"),
        ("in 400 years", "24 Nov 2426"),
        ("march 9999", "31 Mar 9999"),
    ],
)
def test_far_years_are_refused_as_not_meant(typed, shown) -> None:
    with pytest.raises(ValidationError, match=f"The date {shown} is too far away to be meant."):
        day(typed)


def test_empty_input_names_the_field() -> None:
    for blank in ("", "   ", " . "):
        with pytest.raises(ValidationError, match=r"^When is empty\. Try "):
            parse_day(blank, today=TODAY, label="When")


def test_the_answer_depends_on_the_today_passed_in() -> None:
    assert day("tomorrow", today=date(2028, 2, 28)) == date(2028, 2, 29)
    assert day("tomorrow", today=date(2027, 2, 28)) == date(2027, 3, 1)
    assert day("end of quarter", today=date(2027, 3, 31)) == date(2027, 3, 31)
    assert day("end of quarter", today=date(2027, 4, 1)) == date(2027, 6, 30)
    assert day("next march", today=date(2027, 1, 10)) == date(2027, 3, 31)
    assert day("next march", today=date(2027, 3, 10)) == date(2028, 3, 31)
    assert day("in 1 month", today=date(2027, 1, 31)) == date(2027, 2, 28)


@pytest.mark.parametrize(
    ("today", "end"),
    [
        (date(2026, 1, 1), date(2026, 3, 31)),
        (date(2026, 3, 31), date(2026, 3, 31)),
        (date(2026, 4, 1), date(2026, 6, 30)),
        (date(2026, 8, 15), date(2026, 9, 30)),
        (date(2026, 12, 31), date(2026, 12, 31)),
    ],
)
def test_quarter_end(today, end) -> None:
    assert quarter_end(today) == end


def test_month_end_knows_leap_years() -> None:
    assert month_end(2028, 2) == date(2028, 2, 29)
    assert month_end(2100, 2) == date(2100, 2, 28)  # divisible by 100, not by 400
    assert month_end(2000, 2) == date(2000, 2, 29)
    assert month_end(2026, 4) == date(2026, 4, 30)


@settings(max_examples=300, deadline=None)
@given(st.text(), st.sampled_from(list(Prefer)))
@example("in 99999999999999999999999 days", Prefer.FUTURE)
@example("1/1/99999999999", Prefer.PAST)
def test_any_text_is_a_day_or_a_validation_error(raw, prefer) -> None:
    try:
        found = parse_day(raw, today=TODAY, prefer=prefer)
    except ValidationError as error:
        assert error.message
        return
    assert MIN_YEAR <= found.year <= MAX_YEAR


date_like = st.from_regex(
    r"(in |next |end of (next )?)?[0-9a-z/ -]{0,12}"
    r"( ?(days?|weeks?|months?|quarters?|years?|from now|2027))?",
    fullmatch=True,
)


@settings(max_examples=300, deadline=None)
@given(
    date_like,
    st.sampled_from(list(Prefer)),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
)
@example("tomorrow", Prefer.FUTURE, date(9999, 12, 31))
@example("yesterday", Prefer.PAST, date(1, 1, 1))
def test_phrases_on_any_today_are_a_day_or_a_validation_error(raw, prefer, today) -> None:
    try:
        found = parse_day(raw, today=today, prefer=prefer)
    except ValidationError as error:
        assert error.message
        return
    assert MIN_YEAR <= found.year <= MAX_YEAR


@pytest.mark.parametrize("prefer", [Prefer.FUTURE, Prefer.PAST])
def test_a_year_on_its_own_means_its_last_day(prefer) -> None:
    assert parse_day("2027", today=date(2026, 11, 24), prefer=prefer) == date(2027, 12, 31)
