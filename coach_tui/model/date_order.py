"""Which number comes first in 03/04/2027: the day (most of the world) or the month (the US).

The seller can choose (the palette's "Date order"); until they do, the system's locale
decides: LC_ALL, then LC_TIME, then LANG, as POSIX reads them. A region that writes the month
first (en_US, and a few others) reads month first; any other region, or none (C, POSIX),
reads day first. A date typed year first (2027-03-04) reads the same either way.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

# Regions whose everyday short date is month/day/year.
MONTH_FIRST_REGIONS = frozenset({"US", "PH", "FM", "MH", "PW", "AS", "GU", "MP", "PR", "UM", "VI"})
_REGION = re.compile(r"^[a-z]{2,3}_([A-Z]{2})\b")


def locale_day_first(environ: Mapping[str, str] | None = None) -> bool:
    """Whether the system's locale writes the day before the month."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_TIME", "LANG"):
        value = env.get(name, "")
        if value:
            match = _REGION.match(value)
            return not (match and match.group(1) in MONTH_FIRST_REGIONS)
    return True


def reads_day_first(chosen: bool | None, environ: Mapping[str, str] | None = None) -> bool:
    """The seller's choice, or the locale's when they made none."""
    return locale_day_first(environ) if chosen is None else chosen


def order_name(day_first: bool) -> str:
    return "day first (03/04 is 3 April)" if day_first else "month first (03/04 is March 4)"
