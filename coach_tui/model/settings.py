"""Preferences the seller chose inside the app and expects to find next time."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Settings:
    """App preferences; `None` means "use the default"."""

    theme: str | None = None
