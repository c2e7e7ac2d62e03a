"""Preferences the seller chose inside the app and expects to find next time."""

from __future__ import annotations

import re
from dataclasses import dataclass

from coach_tui.model.errors import ValidationError
from coach_tui.model.limits import Limits
from coach_tui.model.money import check_currency
from coach_tui.model.text import TextRule

THEME_NAME = TextRule("The theme's name", 200, required=False)


@dataclass(frozen=True, slots=True)
class Settings:
    """App preferences; `None` means "use the default"."""

    theme: str | None = None
    # Used when an amount is typed without a symbol or code ("12k" means $12,000 by default).
    currency: str = "USD"
    # An account with calls but no advance for this many weeks is flagged as stalled.
    stall_weeks: int = 6
    # Public holidays campaigns skip ("DE", "DE-BY"); None follows the locale, "" means none.
    holiday_region: str | None = None
    # 03/04/2027 is 3 April (True) or March 4 (False); None: as the system's locale writes it.
    day_first: bool | None = None


STALL_WEEKS_RANGE = range(2, 27)
# The shape of a holiday region ("DE", "DE-BY", "US-CA"); which ones exist is the holiday
# calendar's business, looked up only when a campaign is planned.
HOLIDAY_REGION = re.compile(r"[A-Z]{2}(-[A-Za-z0-9]{1,20})?")


def check_settings(settings: Settings, limits: Limits) -> None:
    """Refuse stored settings the settings forms would not save (a theme name that matches
    no theme is fine: coach falls back to its default with a word)."""
    if settings.stall_weeks not in STALL_WEEKS_RANGE:
        low, high = STALL_WEEKS_RANGE.start, STALL_WEEKS_RANGE.stop - 1
        raise ValidationError(
            f"The stall alarm is set to {settings.stall_weeks:,} weeks; it can be {low} to {high}.",
            field="stall_weeks",
        )
    region = settings.holiday_region
    if region and not HOLIDAY_REGION.fullmatch(region):
        raise ValidationError(
            "The public holidays are set to a region coach cannot read; choose it again "
            "(command palette → Public holidays).",
            field="holiday_region",
        )
    if limits is Limits.FORMS:
        check_currency(settings.currency, field="currency")
        if settings.theme is not None:
            THEME_NAME.check(settings.theme, "theme")
