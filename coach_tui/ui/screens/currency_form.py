"""Choosing the currency assumed when an amount is typed without one."""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from coach_tui.model.money import CODES, SYMBOLS
from coach_tui.model.settings import Settings
from coach_tui.store.errors import StoreError
from coach_tui.ui.screens.form import FormScreen
from coach_tui.ui.widgets.field import Field


class CurrencyForm(FormScreen[Settings]):
    """Dismisses with the saved settings."""

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static("Default currency", classes="dialog-title")
            yield Field(
                "Currency code",
                field_id="currency",
                hint="Used when you type an amount without a symbol: with EUR, 12k means "
                "€12,000. Typing €, $, £ or a code like CHF always wins.",
                value=self.settings.currency,
                max_length=3,
            )
            yield Static("ctrl+s save · esc cancel", classes="dialog-keys")

    def submit(self) -> bool:
        field = self.query_one(Field)
        code = field.value.strip().upper()
        code = SYMBOLS.get(code, code)
        if code not in CODES:
            field.say(
                f"'{field.value.strip()}' is not a currency code coach knows (EUR, USD, GBP…)."
            )
            return False
        settings = replace(self.settings, currency=code)
        try:
            self.coach.repo.settings.save(settings)
        except StoreError as error:
            field.say(str(error))
            return False
        self.dismiss(settings)
        return True
