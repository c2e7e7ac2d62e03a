"""Dates typed the way people say them: "2027-06-30", "next march", "in 6 months", "fri",
"last monday", "2 weeks ago", "03/04/2027".

dateutil does the real parsing; a thin layer adds the relative phrases it does not know
(with `relativedelta`). Target dates are deadlines, so a month on its own means the end of
that month. "03/04/2027" is read day first or month first as the seller chose (`day_first`,
see `model/date_order.py`); a date that starts with its year is always year-month-day.
Forms echo the parsed date back as it is typed, or why it does not read, so a surprising
reading is seen before it is saved.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, time
from enum import Enum

from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from coach_tui.model.day_text import day_text, weekday_day_text, weekday_moment_text
from coach_tui.model.errors import ValidationError
from coach_tui.model.text import small_number

_UNREAD = "Could not read"
EXAMPLES = "Try 2027-06-30, 30 jun, next march, in 6 months or end of quarter."
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_UNITS = {"day": "days", "week": "weeks", "month": "months", "year": "years", "quarter": "quarters"}
_MONTHS = {name.lower(): index for index, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): index for index, name in enumerate(calendar.month_abbr) if name}
_MONTHS["sept"] = 9
_WEEKDAYS = {
    "monday": MO, "mon": MO, "tuesday": TU, "tue": TU, "tues": TU, "wednesday": WE, "wed": WE,
    "thursday": TH, "thu": TH, "thurs": TH, "friday": FR, "fri": FR, "saturday": SA, "sat": SA,
    "sunday": SU, "sun": SU,
}  # fmt: skip
_IN = re.compile(r"^in (\d+|\w+) (day|week|month|year|quarter)s?$")
_FROM_NOW = re.compile(r"^(\d+|\w+) (day|week|month|year|quarter)s? from (now|today)$")
_END_OF = re.compile(r"^(?:the )?end of (?:the )?(this|next)? ?(week|month|quarter|year)$")
_NEXT = re.compile(r"^next (\w+)$")
_LAST = re.compile(r"^last (\w+)$")
_THIS = re.compile(r"^this (\w+)$")
_AGO = re.compile(r"^(\d+|\w+) (day|week|month|year|quarter)s? ago$")
# Day, month and year as numbers: 03/04/2027, 3.4.27, 03-04-2027.
_NUMERIC = re.compile(r"^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$")
_STARTS_WITH_YEAR = re.compile(r"^\d{4}\b")
_YEAR_FIRST = re.compile(r"^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$")
_MONTH_YEAR = re.compile(r"^(\w+) (\d{4})$")
_HAS_YEAR = re.compile(r"\b\d{4}\b|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}")
MIN_YEAR, MAX_YEAR = 1900, 2200


class Prefer(Enum):
    """Which way to read a date given without a year."""

    FUTURE = "future"  # deadlines, calls: "march" is the coming March
    PAST = "past"  # things that happened: "march" is the last March


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def quarter_end(day: date) -> date:
    return month_end(day.year, ((day.month - 1) // 3 + 1) * 3)


def _count(word: str) -> int | None:
    number = small_number(word)
    return number if number is not None else _NUMBERS.get(word)


def _shift(today: date, amount: int, unit: str) -> date:
    if unit == "quarter":
        return today + relativedelta(months=3 * amount)
    return today + relativedelta(**{_UNITS[unit]: amount})


def _month_named(month: int, today: date, prefer: Prefer, *, skip_current: bool) -> date:
    year = today.year
    if prefer is Prefer.FUTURE and (month < today.month or (skip_current and month == today.month)):
        year += 1
    if prefer is Prefer.PAST and (month > today.month or (skip_current and month == today.month)):
        year -= 1
    return month_end(year, month)


def _relative(text: str, today: date, prefer: Prefer) -> date | None:
    """Phrases dateutil does not read; None when `text` is none of them."""
    simple = {"today": today, "tomorrow": today + relativedelta(days=1),
              "yesterday": today - relativedelta(days=1),
              "the day after tomorrow": today + relativedelta(days=2),
              "the day before yesterday": today - relativedelta(days=2)}  # fmt: skip
    if text in simple:
        return simple[text]
    for pattern in (_IN, _FROM_NOW):
        match = pattern.match(text)
        if match and (amount := _count(match.group(1))) is not None:
            return _shift(today, amount, match.group(2))
    match = _AGO.match(text)
    if match and (amount := _count(match.group(1))) is not None:
        return _shift(today, -amount, match.group(2))
    match = _LAST.match(text)
    if match:
        word = match.group(1)
        if word in _WEEKDAYS:  # the latest one before today
            return today + relativedelta(days=-1, weekday=_WEEKDAYS[word](-1))
        if word in _MONTHS:
            return _month_named(_MONTHS[word], today, Prefer.PAST, skip_current=True)
    match = _THIS.match(text)
    if match and match.group(1) in _WEEKDAYS:  # today, or the coming one
        return today + relativedelta(weekday=_WEEKDAYS[match.group(1)](+1))
    match = _END_OF.match(text)
    if match:
        base = today if match.group(1) != "next" else _shift(today, 1, match.group(2))
        return {
            "week": base + relativedelta(weekday=SU(+1)),
            "month": month_end(base.year, base.month),
            "quarter": quarter_end(base),
            "year": date(base.year, 12, 31),
        }[match.group(2)]
    match = _NEXT.match(text)
    if match:
        word = match.group(1)
        if word in _WEEKDAYS:
            return today + relativedelta(days=1, weekday=_WEEKDAYS[word](+1))
        if word in _MONTHS:
            return _month_named(_MONTHS[word], today, Prefer.FUTURE, skip_current=True)
        if word in _UNITS:
            return _relative(f"end of next {word}", today, prefer) if word != "day" else None
    if text in _WEEKDAYS:
        step = _WEEKDAYS[text](+1) if prefer is Prefer.FUTURE else _WEEKDAYS[text](-1)
        return today + relativedelta(days=1 if prefer is Prefer.FUTURE else -1, weekday=step)
    if text in _MONTHS:
        return _month_named(_MONTHS[text], today, prefer, skip_current=False)
    match = _MONTH_YEAR.match(text)
    if match and match.group(1) in _MONTHS:
        return month_end(int(match.group(2)), _MONTHS[match.group(1)])
    if re.fullmatch(r"\d{4}", text):  # a year on its own is a deadline: its last day
        return date(int(text), 12, 31)
    return None


def parse_day(
    raw: str,
    *,
    today: date,
    prefer: Prefer = Prefer.FUTURE,
    label: str = "The date",
    day_first: bool = False,
) -> date:
    """The day meant by `raw`, or a `ValidationError` saying why it does not read.

    `day_first` reads 03/04/2027 as 3 April (else as March 4); 2027-03-04 is always March 4.
    """
    text = " ".join(raw.lower().replace(",", " ").split()).strip(" .")
    if not text:
        raise ValidationError(f"{label} is empty. {EXAMPLES}")
    try:
        found = _relative(text, today, prefer)
        if found is None:
            default = datetime(today.year, today.month, today.day)
            from dateutil import parser  # loaded when a date is first typed, not at start

            found = parser.parse(
                text,
                default=default,
                fuzzy=False,
                dayfirst=day_first and not _STARTS_WITH_YEAR.match(text),
            ).date()
            if not _HAS_YEAR.search(text):
                if prefer is Prefer.FUTURE and found < today:
                    found += relativedelta(years=1)
                elif prefer is Prefer.PAST and found > today:
                    found -= relativedelta(years=1)
    except (ValueError, OverflowError) as error:
        reason = _not_on_the_calendar(text, day_first=day_first, error=str(error))
        if reason:
            raise ValidationError(f"'{raw.strip()}': {reason}") from None
        raise ValidationError(f"{_UNREAD} '{raw.strip()}' as a date. {EXAMPLES}") from None
    return check_day(found, label=label)


def reads_either_way(raw: str) -> bool:
    """Whether `raw` is a date like 03/04/2027, which day first and month first read apart."""
    match = _NUMERIC.match(raw.strip())
    if match is None:
        return False
    first, second = int(match.group(1)), int(match.group(2))
    return first != second and 1 <= first <= 12 and 1 <= second <= 12


def read_back(raw: str, value: date | datetime, *, day_first: bool) -> str:
    """How a typed date was read, for the line under its field: "= Sat 3 Apr 2027", with the
    order used when the numbers read either way ("03/04/2027")."""
    shown = weekday_moment_text(value) if isinstance(value, datetime) else weekday_day_text(value)
    day_part = _TIME_AT_END.sub("", raw.strip()) if isinstance(value, datetime) else raw
    order = "day first" if day_first else "month first"
    return f"= {shown}" + (f" (read {order})" if reads_either_way(day_part) else "")


def _not_on_the_calendar(text: str, *, day_first: bool, error: str) -> str:
    """Why what looks like a date is none ("31/02/2027", "feb 30"), or '' if it does not."""
    if match := _YEAR_FIRST.match(text):
        year, month, day = (int(part) for part in match.groups())
        return _no_such_day(day, month, year)
    if match := _NUMERIC.match(text):
        first, second = int(match.group(1)), int(match.group(2))
        day, month = (first, second) if day_first else (second, first)
        if month > 12 >= day:  # read the other way round, as dateutil does
            day, month = month, day
        year = match.group(3)
        return _no_such_day(day, month, int(year) if year and len(year) == 4 else None)
    if "day is out of range for month" in error:  # "31 feb", "feb 30 2027"
        months = [_MONTHS[word] for word in re.findall(r"[a-z]+", text) if word in _MONTHS]
        days = [int(number) for number in re.findall(r"\b\d{1,2}\b", text)]
        years = [int(number) for number in re.findall(r"\b\d{4}\b", text)]
        if len(months) == 1 and len(days) == 1:
            return _no_such_day(days[0], months[0], years[0] if years else None)
    return ""


def _no_such_day(day: int, month: int, year: int | None) -> str:
    """Why `day` `month` `year` is no date, or '' if it is one (`year` None: any year)."""
    if not 1 <= month <= 12:
        return f"there is no month {month}; a year has 12."
    length = calendar.monthrange(year if year is not None else 2000, month)[1]  # 2000: leap
    if 1 <= day <= length:
        return ""
    has = f" (it has {length} in {year})" if year is not None else ""
    return f"{calendar.month_name[month]} has no day {day}{has}."


def check_day(day: date, *, label: str = "The date", field: str | None = None) -> date:
    """`day` if it is within the years coach works in (the forms take no others).

    Dates near year 1 or 9999 are not only unmeant: a week added to 9999-12-30 overflows,
    so the checks of stored records refuse them too.
    """
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise ValidationError(f"{label} {day_text(day)} is too far away to be meant.", field=field)
    return day


def check_moment(
    moment: datetime, *, label: str = "The time", field: str | None = None
) -> datetime:
    """`moment` if its day is within the years coach works in (see `check_day`)."""
    check_day(moment.date(), label=label, field=field)
    return moment


_TIME_AT_END = re.compile(r"(?:^|\s)(at\s+)?(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm)?$")
MOMENT_EXAMPLES = "Try tomorrow 10am, fri 14:30, next tuesday 9:15 or 2026-12-03 16:00."


def parse_moment(
    raw: str, *, now: datetime, label: str = "The time", day_first: bool = False
) -> datetime:
    """A day and a time of day ("tomorrow 10am", "fri 14:30"), in `now`'s time zone.

    The day part is read like `parse_day` (looking ahead); the time must be given, because
    a call without a time is a wish. The offset is that day's, not today's; a clock time
    that the zone skips or passes twice that day is read by `real_wall_time`.
    """
    return real_wall_time(_typed_moment(raw, now=now, label=label, day_first=day_first))


def clock_change_note(raw: str, *, now: datetime, day_first: bool = False) -> str:
    """What the seller should know when the typed time falls in a clock change; else ''.

    `raw` must already read (see `parse_moment`).
    """
    from dateutil import tz  # imported here: reading stored calls never needs it

    typed = _typed_moment(raw, now=now, label="", day_first=day_first)
    if not tz.datetime_exists(typed):
        meant = real_wall_time(typed)
        return (
            f"The clocks go forward that night: there is no {typed:%H:%M}, "
            f"so this is {meant:%H:%M}."
        )
    if tz.datetime_ambiguous(typed):
        return f"The clocks go back that night: this is the first {typed:%H:%M}, before they do."
    return ""


def real_wall_time(moment: datetime) -> datetime:
    """`moment` as a clock on the wall shows it, by the rule calendars use (RFC 5545).

    A time skipped when the clocks go forward is read with the offset before the gap, so
    02:30 on a spring-forward night is 03:30; a time passed twice when they go back is the
    first of the two (`fold=0`, the offset before the change).
    """
    if moment.tzinfo is None:
        return moment
    from dateutil import tz  # imported here: most reads never meet a clock change

    return tz.resolve_imaginary(moment)


def _typed_moment(raw: str, *, now: datetime, label: str, day_first: bool) -> datetime:
    """The typed day and clock time in `now`'s zone, as typed (not yet checked for gaps)."""
    text = " ".join(raw.lower().replace(",", " ").split()).strip(" .")
    if not text:
        raise ValidationError(f"{label} is empty. {MOMENT_EXAMPLES}")
    match = _TIME_AT_END.search(text)
    # "dec 3" is a day, not 3 o'clock: a bare number is a time only after "at".
    if match is None or not (match.group(1) or match.group(3) or match.group(4)):
        raise ValidationError(f"Add a time of day to '{raw.strip()}'. {MOMENT_EXAMPLES}")
    hour, minute, half = int(match.group(2)), int(match.group(3) or 0), match.group(4)
    if half == "pm" and hour < 12:
        hour += 12
    elif half == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        raise ValidationError(f"'{match.group().strip()}' is not a time of day. {MOMENT_EXAMPLES}")
    day_part = text[: match.start()].strip()
    try:
        day = parse_day(day_part, today=now.date(), day_first=day_first) if day_part else now.date()
    except ValidationError as error:
        if not error.message.startswith(_UNREAD):
            raise  # its own reason ("February has no day 31") says more than the examples
        raise ValidationError(f"Could not read '{raw.strip()}'. {MOMENT_EXAMPLES}") from None
    return datetime.combine(day, time(hour, minute), tzinfo=now.tzinfo)
