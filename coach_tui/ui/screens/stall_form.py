"""Choosing after how many weeks without an advance an account counts as stalled."""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from coach_tui.model.settings import STALL_WEEKS_RANGE, Settings
from coach_tui.store.errors import StoreError
from coach_tui.ui.screens.form import FormScreen
from coach_tui.ui.widgets.field import Field


class StallWeeksForm(FormScreen[Settings]):
    """Dismisses with the saved settings."""

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static("Stall alarm", classes="dialog-title")
            yield Field(
                "Weeks without an advance",
                field_id="weeks",
                hint="An account you keep calling with no client commitment for this long is "
                "flagged on the dashboard. Three continuations in a row always are.",
                value=str(self.settings.stall_weeks),
                max_length=2,
            )
            yield Static("ctrl+s save · esc cancel", classes="dialog-keys")

    def submit(self) -> bool:
        field = self.query_one(Field)
        text = field.value.strip()
        low, high = STALL_WEEKS_RANGE.start, STALL_WEEKS_RANGE.stop - 1
        if not text.isdigit() or int(text) not in STALL_WEEKS_RANGE:
            field.say(f"Give a number of weeks from {low} to {high}.")
            return False
        settings = replace(self.settings, stall_weeks=int(text))
        try:
            self.coach.repo.settings.save(settings)
        except StoreError as error:
            field.say(str(error))
            return False
        self.dismiss(settings)
        return True
