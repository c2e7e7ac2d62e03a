"""The seller's public holidays, so a campaign never plans a touch on Christmas Day.

The maintained `holidays` library knows the public holidays of about 150 countries and
their regions. It is imported only when a calendar is needed (planning a campaign, the
setting's form): importing it and a country costs about 0.3 s, and start-up matters more.

A region is written like ISO 3166-2: a country code, a region after a dash when holidays
differ inside the country ("DE", "DE-BY", "US-CA", "GB-SCT"). "" means no public holidays.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date
from functools import cache

from coach_tui.model.errors import ValidationError

# Where POSIX looks for the locale that formats dates, most specific first.
_LOCALE_VARIABLES = ("LC_ALL", "LC_TIME", "LANG")


def _regions_of(country: str) -> tuple[str, ...] | None:
    """The regions the calendar knows for `country`, or None if it does not know the
    country. Loads that one country only: listing every supported country loads them all
    (over a second here)."""
    import holidays  # lazily: see the module's docstring

    try:
        calendar = holidays.country_holidays(country)
    except NotImplementedError:
        return None
    return tuple(type(calendar).subdivisions)


def parse_region(text: str) -> str:
    """`text` as a region coach can look up ("de-by" → "DE-BY"); "" for none.

    Raises ValidationError naming what is unknown, with an example of what works.
    """
    cleaned = text.strip()
    if not cleaned:
        return ""
    country, _, subdivision = cleaned.partition("-")
    country = country.strip().upper()
    known = _regions_of(country) if len(country) == 2 and country.isalpha() else None
    if known is None:
        raise ValidationError(
            f"coach has no public holidays for '{cleaned}'. Give a two-letter country code "
            "(DE, FR, US, GB), a region after a dash (DE-BY, US-CA), or leave it empty "
            "for none."
        )
    if not subdivision.strip():
        return country
    regions = {region.upper(): region for region in known}
    region = regions.get(subdivision.strip().upper())
    if region is None:
        listed = ", ".join(sorted(known)[:8]) + ("…" if len(known) > 8 else "")
        raise ValidationError(
            f"{country} has no region '{subdivision.strip()}' in coach's calendar"
            + (f"; it knows {listed}." if known else "; give the country alone.")
        )
    return f"{country}-{region}"


def region_from_locale(environ: Mapping[str, str] | None = None) -> str:
    """The country of the seller's locale (LANG=de_DE.UTF-8 → "DE"); "" when it names none
    (C, POSIX, "en"). Read from the name alone, without loading the calendar: a country
    the calendar does not know simply has no holidays in it."""
    env = os.environ if environ is None else environ
    setting = next((env[name] for name in _LOCALE_VARIABLES if env.get(name)), "")
    language = setting.split(".", 1)[0].split("@", 1)[0]
    _, _, country = language.partition("_")
    if len(country) != 2 or not country.isalpha():
        return ""
    return country.upper()


def effective_region(chosen: str | None, environ: Mapping[str, str] | None = None) -> str:
    """The setting when the seller made one (even "" for none), else the locale's country."""
    return region_from_locale(environ) if chosen is None else chosen


@cache
def _year(region: str, year: int) -> tuple[tuple[date, str], ...]:
    import holidays  # lazily: see the module's docstring

    country, _, subdivision = region.partition("-")
    try:
        calendar = holidays.country_holidays(
            country, subdiv=subdivision or None, years=year, language="en_US"
        )
    except NotImplementedError:  # a region a newer or older library spells differently
        return ()
    return tuple(sorted(calendar.items()))


def public_holidays(region: str, first: date, last: date) -> dict[date, str]:
    """Each public holiday from `first` to `last` inclusive, with its name; none for ""."""
    if not region:
        return {}
    return {
        day: name
        for year in range(first.year, last.year + 1)
        for day, name in _year(region, year)
        if first <= day <= last
    }
