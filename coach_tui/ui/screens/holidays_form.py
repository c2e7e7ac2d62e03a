"""Choosing whose public holidays a campaign leaves out: set once, used for every plan."""

from __future__ import annotations

from dataclasses import replace

from coach_tui.coaching.public_holidays import effective_region, parse_region, region_from_locale
from coach_tui.model.settings import Settings
from coach_tui.ui.kit.setting_form import SettingForm
from coach_tui.ui.widgets.field import Field


class HolidayRegionForm(SettingForm):
    TITLE_TEXT = "Public holidays"

    def field(self) -> Field:
        locale = region_from_locale()
        follows = f"your computer's locale says {locale}" if locale else "your locale names none"
        return Field(
            "Country, or country-region",
            field_id="region",
            hint="Campaign touches skip these days. A two-letter code (DE, FR, US), a region "
            f"after a dash where holidays differ (DE-BY, US-CA, GB-SCT); empty for none. "
            f"Until you choose, {follows}.",
            value=effective_region(self.settings.holiday_region),
            max_length=30,
        )

    def changed(self, text: str) -> Settings:
        return replace(self.settings, holiday_region=parse_region(text))
