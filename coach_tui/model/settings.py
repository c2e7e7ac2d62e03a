"""Preferences the seller chose inside the app and expects to find next time."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Settings:
    """App preferences; `None` means "use the default"."""

    theme: str | None = None
    # Used when an amount is typed without a symbol or code ("12k" means $12,000 by default).
    currency: str = "USD"
    # An account with calls but no advance for this many weeks is flagged as stalled.
    stall_weeks: int = 6


STALL_WEEKS_RANGE = range(2, 27)
