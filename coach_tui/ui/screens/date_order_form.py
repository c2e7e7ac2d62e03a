"""Choosing how 03/04/2027 is read: day first, month first, or as the system's locale says."""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.widgets import Label, Select, Static

from coach_tui.model.date_order import locale_day_first
from coach_tui.model.settings import Settings
from coach_tui.store.errors import StoreError
from coach_tui.ui.kit.form import FormScreen
from coach_tui.ui.text import plain
from coach_tui.ui.widgets.scroll import VerticalScroll

CHOICES = {"locale": None, "day": True, "month": False}


class DateOrderForm(FormScreen[Settings]):
    """Dismisses with the saved settings."""

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings

    def compose(self) -> ComposeResult:
        chosen = next(key for key, value in CHOICES.items() if value == self.settings.day_first)
        system = "day first" if locale_day_first() else "month first"
        with VerticalScroll(classes="dialog"):
            yield Static("Date order", classes="dialog-title")
            yield Label("Read 03/04/2027 as", classes="field-label")
            yield Select(
                [
                    (plain("Day first: 3 Apr 2027"), "day"),
                    (plain("Month first: 4 Mar 2027"), "month"),
                    (plain(f"As this computer's locale says ({system})"), "locale"),
                ],
                value=chosen,
                allow_blank=False,
                id="order",
            )
            yield Static(
                plain(
                    "Every date field shows the date it read as you type. 2027-03-04 and "
                    "4 Mar 2027 read the same whichever you choose."
                ),
                classes="field-hint",
            )
            yield Static("", id="order-feedback", classes="form-error")
            yield Static("ctrl+s save · esc cancel", classes="dialog-keys")

    def submit(self) -> bool:
        value = self.query_one("#order", Select).value
        settings = replace(self.settings, day_first=CHOICES.get(str(value)))
        try:
            self.coach.repo.settings.save(settings)
        except StoreError as error:
            self.not_saved("order-feedback", error)
            return False
        self.dismiss(settings)
        return True
