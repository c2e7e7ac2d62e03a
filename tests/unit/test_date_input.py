"""Typed dates: day first or month first as chosen, relative phrases, reasons, one format."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest

from coach_tui.model.date_order import locale_day_first, reads_day_first
from coach_tui.model.dates import Prefer, parse_day, parse_moment, read_back
from coach_tui.model.day_text import (
    day_text,
    moment_text,
    near_day_text,
    weekday_day_text,
    weekday_text,
)
from coach_tui.model.errors import ValidationError
from coach_tui.model.settings import Settings
from coach_tui.store.codec import decode, encode
from coach_tui.store.errors import StoreError
from tests.helpers import BERLIN

WEDNESDAY = date(2026, 12, 2)
ROOT = Path(__file__).resolve().parents[2] / "coach_tui"


@pytest.mark.parametrize(
    ("typed", "day_first", "meant"),
    [
        ("03/04/2027", True, date(2027, 4, 3)),
        ("03/04/2027", False, date(2027, 3, 4)),
        ("3.4.27", True, date(2027, 4, 3)),
        ("2027-03-04", True, date(2027, 3, 4)),  # year first reads the same either way
        ("2027-03-04", False, date(2027, 3, 4)),
        ("2027/03/04", True, date(2027, 3, 4)),
        ("13/04/2027", False, date(2027, 4, 13)),  # only one way to read it
        ("04/13/2027", True, date(2027, 4, 13)),
        ("4 mar 2027", True, date(2027, 3, 4)),
        ("dec 3", True, date(2026, 12, 3)),
    ],
)
def test_numbers_read_in_the_order_chosen(typed: str, day_first: bool, meant: date) -> None:
    assert parse_day(typed, today=WEDNESDAY, day_first=day_first) == meant


@pytest.mark.parametrize(
    ("typed", "prefer", "meant"),
    [
        ("last monday", Prefer.PAST, date(2026, 11, 30)),
        ("last mon", Prefer.FUTURE, date(2026, 11, 30)),
        ("last wednesday", Prefer.PAST, date(2026, 11, 25)),  # not today
        ("this friday", Prefer.FUTURE, date(2026, 12, 4)),
        ("next friday", Prefer.FUTURE, date(2026, 12, 4)),
        ("in 2 weeks", Prefer.FUTURE, date(2026, 12, 16)),
        ("in two weeks", Prefer.FUTURE, date(2026, 12, 16)),
        ("tomorrow", Prefer.FUTURE, date(2026, 12, 3)),
        ("the day after tomorrow", Prefer.FUTURE, date(2026, 12, 4)),
        ("2 weeks ago", Prefer.PAST, date(2026, 11, 18)),
        ("three days ago", Prefer.PAST, date(2026, 11, 29)),
        ("a month ago", Prefer.PAST, date(2026, 11, 2)),
        ("last march", Prefer.PAST, date(2026, 3, 31)),
        ("last december", Prefer.PAST, date(2025, 12, 31)),
    ],
)
def test_relative_phrases(typed: str, prefer: Prefer, meant: date) -> None:
    assert parse_day(typed, today=WEDNESDAY, prefer=prefer, day_first=True) == meant


@pytest.mark.parametrize(
    ("typed", "day_first", "reason"),
    [
        ("31/02/2027", True, "'31/02/2027': February has no day 31 (it has 28 in 2027)."),
        ("02/31/2027", False, "'02/31/2027': February has no day 31 (it has 28 in 2027)."),
        ("29/02/2027", True, "February has no day 29 (it has 28 in 2027)."),
        ("31/04/2027", True, "April has no day 31 (it has 30 in 2027)."),
        ("13/13/2027", True, "there is no month 13"),
        ("feb 30", True, "February has no day 30."),
        ("nonsense", True, "Could not read 'nonsense' as a date. Try"),
    ],
)
def test_a_date_that_does_not_read_says_why(typed: str, day_first: bool, reason: str) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_day(typed, today=WEDNESDAY, day_first=day_first)
    assert reason in refused.value.message


def test_a_time_on_an_impossible_day_says_which_day() -> None:
    now = datetime(2026, 12, 2, 9, 0, tzinfo=BERLIN)
    with pytest.raises(ValidationError, match="February has no day 31"):
        parse_moment("31/02/2027 10:00", now=now, day_first=True)
    assert parse_moment("03/04/2027 10:00", now=now, day_first=True) == datetime(
        2027, 4, 3, 10, 0, tzinfo=BERLIN
    )


def test_read_back_names_the_order_only_when_it_mattered() -> None:
    assert read_back("03/04/2027", date(2027, 4, 3), day_first=True) == (
        "= Sat 3 Apr 2027 (read day first)"
    )
    assert read_back("03/04/2027", date(2027, 3, 4), day_first=False) == (
        "= Thu 4 Mar 2027 (read month first)"
    )
    assert read_back("13/04/2027", date(2027, 4, 13), day_first=True) == "= Tue 13 Apr 2027"
    assert read_back("last monday", date(2026, 11, 30), day_first=True) == "= Mon 30 Nov 2026"
    moment = datetime(2027, 4, 3, 10, 0, tzinfo=BERLIN)
    assert read_back("03/04/2027 10:00", moment, day_first=True) == (
        "= Sat 3 Apr 2027, 10:00 (read day first)"
    )


@pytest.mark.parametrize(
    ("environ", "day_first"),
    [
        ({"LANG": "en_US.UTF-8"}, False),
        ({"LANG": "en_GB.UTF-8"}, True),
        ({"LANG": "de_DE.UTF-8"}, True),
        ({"LANG": "fil_PH.UTF-8"}, False),
        ({"LANG": "C.UTF-8"}, True),
        ({}, True),
        ({"LANG": "en_US.UTF-8", "LC_TIME": "fr_FR.UTF-8"}, True),  # dates follow LC_TIME
        ({"LC_TIME": "fr_FR.UTF-8", "LC_ALL": "en_US.UTF-8"}, False),  # LC_ALL wins
    ],
)
def test_the_locale_decides_until_the_seller_does(environ: dict, day_first: bool) -> None:
    assert locale_day_first(environ) is day_first
    assert reads_day_first(None, environ) is day_first
    assert reads_day_first(not day_first, environ) is (not day_first)


def test_the_choice_is_kept_with_the_settings() -> None:
    for chosen in (True, False, None):
        record = encode(Settings(day_first=chosen))
        assert decode("settings", record).day_first is chosen
    assert decode("settings", {"theme": None}).day_first is None  # older files
    with pytest.raises(StoreError, match="day_first"):
        decode("settings", {"day_first": "yes"})


def test_one_way_of_writing_a_date() -> None:
    assert day_text(date(2026, 12, 1)) == "1 Dec 2026"
    assert weekday_text(date(2027, 1, 2)) == "Sat 2 Jan"
    assert weekday_day_text(date(2026, 12, 14)) == "Mon 14 Dec 2026"
    assert near_day_text(date(2026, 12, 4), WEDNESDAY) == "Fri 4 Dec"
    assert near_day_text(date(2027, 3, 4), WEDNESDAY) == "4 Mar 2027"
    assert moment_text(datetime(2026, 12, 2, 9, 5)) == "2 Dec 2026, 09:05"


# Date formats other than model/day_text's: zero-padded days ("01 Dec"), full weekdays, ISO.
_OTHER_FORMATS = re.compile(r":%a %d|:%d %b|%A\} \{")
_ISO = re.compile(r"\.isoformat\(\)")
_WRITES_FILES = ("interop/", "store/", "demo/", "crash_log.py")  # ISO for machines
_ISO_FOR_MACHINES = ("services/today_digest.py",)  # `coach today --json` and its digest


def test_screens_and_messages_write_dates_one_way() -> None:
    """No screen, coaching message or `coach today` line formats a date of its own."""
    strays = []
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith(_WRITES_FILES) or relative == "model/day_text.py":
            continue
        for number, text in enumerate(path.read_text().splitlines(), 1):
            iso = _ISO.search(text) and relative not in _ISO_FOR_MACHINES
            if _OTHER_FORMATS.search(text) or iso:
                strays.append(f"{relative}:{number}: {text.strip()}")
    assert strays == []
