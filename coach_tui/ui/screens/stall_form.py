"""Choosing after how many weeks without an advance an account counts as stalled."""

from __future__ import annotations

from dataclasses import replace

from coach_tui.model.errors import ValidationError
from coach_tui.model.settings import STALL_WEEKS_RANGE, Settings
from coach_tui.model.text import small_number
from coach_tui.ui.kit.setting_form import SettingForm
from coach_tui.ui.widgets.field import Field


class StallWeeksForm(SettingForm):
    TITLE_TEXT = "Stall alarm"

    def field(self) -> Field:
        return Field(
            "Weeks without an advance",
            field_id="weeks",
            hint="An account you keep calling with no client commitment for this long is "
            "flagged on the dashboard. Three continuations in a row always are.",
            value=str(self.settings.stall_weeks),
            max_length=2,
        )

    def changed(self, text: str) -> Settings:
        weeks = small_number(text)
        if weeks is None or weeks not in STALL_WEEKS_RANGE:
            low, high = STALL_WEEKS_RANGE.start, STALL_WEEKS_RANGE.stop - 1
            raise ValidationError(f"Give a number of weeks from {low} to {high}.")
        return replace(self.settings, stall_weeks=weeks)
