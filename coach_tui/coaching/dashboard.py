"""What the dashboard shows, gathered into one plain object so the screen only draws it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from coach_tui.model.why import WhyStatement


@dataclass(frozen=True, slots=True)
class DashboardData:
    """Everything the home screen needs, computed off the UI thread."""

    today: date
    why: WhyStatement | None
    why_versions: int
