"""Preferences the seller chose inside the app and expects to find next time."""

from __future__ import annotations

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
    # 03/04/2027 is 3 April (True) or March 4 (False); None: as the system's locale writes it.
    day_first: bool | None = None


STALL_WEEKS_RANGE = range(2, 27)


def check_settings(settings: Settings, limits: Limits) -> None:
    """Refuse stored settings the settings forms would not save (a theme name that matches
    no theme is fine: coach falls back to its default with a word)."""
    if settings.stall_weeks not in STALL_WEEKS_RANGE:
        low, high = STALL_WEEKS_RANGE.start, STALL_WEEKS_RANGE.stop - 1
        raise ValidationError(
            f"The stall alarm is set to {settings.stall_weeks:,} weeks; it can be {low} to {high}.",
            field="stall_weeks",
        )
    if limits is Limits.FORMS:
        check_currency(settings.currency, field="currency")
        if settings.theme is not None:
            THEME_NAME.check(settings.theme, "theme")
