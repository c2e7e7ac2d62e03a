"""Public holidays: from the locale or a setting, and the days a campaign leaves out."""

import subprocess
import sys
from datetime import date

import pytest

from coach_tui.coaching.campaign import business_days, plan_touches, skipped_holidays
from coach_tui.coaching.public_holidays import (
    effective_region,
    parse_region,
    public_holidays,
    region_from_locale,
)
from coach_tui.model.contact import BuyingRole, Contact
from coach_tui.model.errors import ValidationError
from coach_tui.model.limits import Limits
from coach_tui.model.settings import Settings, check_settings
from coach_tui.store.codec import decode, encode

CHRISTMAS, NEW_YEAR = date(2026, 12, 25), date(2027, 1, 1)  # both a Friday


@pytest.mark.parametrize(
    ("environ", "region"),
    [
        ({"LANG": "de_DE.UTF-8"}, "DE"),
        ({"LANG": "fr_FR"}, "FR"),
        ({"LANG": "en_US.UTF-8", "LC_TIME": "en_GB.UTF-8"}, "GB"),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "de_AT.UTF-8@euro"}, "AT"),
        ({"LANG": "C.UTF-8"}, ""),
        ({"LANG": "POSIX"}, ""),
        ({"LANG": "en"}, ""),
        ({"LANG": "xx_QQ.UTF-8"}, "QQ"),  # read from the name; it simply has no holidays
        ({}, ""),
    ],
)
def test_the_region_defaults_to_the_locales_country(environ, region) -> None:
    assert region_from_locale(environ) == region


def test_a_chosen_region_wins_over_the_locale_even_none() -> None:
    german = {"LANG": "de_DE.UTF-8"}
    assert effective_region(None, german) == "DE"
    assert effective_region("FR", german) == "FR"
    assert effective_region("", german) == ""


@pytest.mark.parametrize(
    ("typed", "region"),
    [("de", "DE"), (" de-by ", "DE-BY"), ("us-ca", "US-CA"), ("GB-sct", "GB-SCT"), ("", "")],
)
def test_regions_are_read_as_typed(typed, region) -> None:
    assert parse_region(typed) == region


@pytest.mark.parametrize(("typed", "says"), [("XX", "'XX'"), ("DE-ZZ", "no region 'ZZ'")])
def test_an_unknown_region_is_refused_with_a_sentence(typed, says) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_region(typed)
    assert says in refused.value.message


def test_holidays_of_a_span_across_the_new_year() -> None:
    days = public_holidays("DE", date(2026, 12, 21), date(2027, 1, 8))
    assert days[CHRISTMAS] == "Christmas Day"
    assert NEW_YEAR in days
    assert public_holidays("", date(2026, 12, 21), date(2027, 1, 8)) == {}
    assert public_holidays("QQ", date(2026, 12, 21), date(2027, 1, 8)) == {}  # unknown


def test_a_campaign_over_christmas_leaves_the_holidays_out_and_says_which() -> None:
    start = date(2026, 12, 21)  # a Monday
    holidays = public_holidays("DE", start, date(2027, 1, 17))
    assert CHRISTMAS not in business_days(start, 3, holidays)
    people = [Contact(name, account_uid="a", role=BuyingRole.USER) for name in ("A", "B", "C")]
    touches = plan_touches("a", "c", people, start, weeks=3, count=15, holidays=holidays)
    assert {touch.due for touch in touches}.isdisjoint({CHRISTMAS, NEW_YEAR})
    skipped = skipped_holidays(start, 3, holidays)
    assert [when for when, _ in skipped] == [CHRISTMAS, NEW_YEAR]  # 26 Dec is a Saturday


def test_the_region_setting_round_trips_and_a_mangled_one_is_refused() -> None:
    for region in (None, "", "DE-BY"):
        settings = Settings(holiday_region=region)
        assert decode("settings", encode(settings)) == settings
        check_settings(settings, Limits.FORMS)
    with pytest.raises(ValidationError):
        check_settings(Settings(holiday_region="\x1b[31m"), Limits.FORMS)


def test_the_calendar_library_is_not_loaded_at_start() -> None:
    """Importing `holidays` costs about a third of a second; only a campaign needs it."""
    check = (
        "import sys\n"
        "import coach_tui.ui.app, coach_tui.ui.screens.entry, coach_tui.ui.screens.dashboard\n"
        "import coach_tui.ui.screens.campaign_flow, coach_tui.ui.screens.holidays_form\n"
        "print('holidays' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "False"
