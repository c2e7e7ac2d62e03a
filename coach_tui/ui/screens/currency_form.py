"""Choosing the currency assumed when an amount is typed without one."""

from __future__ import annotations

from dataclasses import replace

from coach_tui.model.errors import ValidationError
from coach_tui.model.money import CODES, SYMBOLS
from coach_tui.model.settings import Settings
from coach_tui.ui.kit.setting_form import SettingForm
from coach_tui.ui.widgets.field import Field


class CurrencyForm(SettingForm):
    TITLE_TEXT = "Default currency"

    def field(self) -> Field:
        return Field(
            "Currency code",
            field_id="currency",
            hint="Used when you type an amount without a symbol: with EUR, 12k means "
            "€12,000. Typing €, $, £ or a code like CHF always wins.",
            value=self.settings.currency,
            max_length=3,
        )

    def changed(self, text: str) -> Settings:
        code = SYMBOLS.get(text.upper(), text.upper())
        if code not in CODES:
            raise ValidationError(f"'{text}' is not a currency code coach knows (EUR, USD, GBP…).")
        return replace(self.settings, currency=code)
