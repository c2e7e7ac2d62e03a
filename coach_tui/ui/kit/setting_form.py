"""A one-field form that changes one setting: the shape every preference dialog shares."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from coach_tui.model.errors import ValidationError
from coach_tui.model.settings import Settings
from coach_tui.store.errors import StoreError
from coach_tui.ui.kit.form import FormScreen
from coach_tui.ui.text import plain
from coach_tui.ui.widgets.field import Field
from coach_tui.ui.widgets.scroll import VerticalScroll


class SettingForm(FormScreen[Settings]):
    """Subclasses give the title, the field and `changed`, which reads the typed value into
    new settings or raises ValidationError. Dismisses with the saved settings."""

    TITLE_TEXT = ""

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static(plain(self.TITLE_TEXT), classes="dialog-title")
            yield self.field()
            yield Static("ctrl+s save · esc cancel", classes="dialog-keys")

    def field(self) -> Field:
        raise NotImplementedError

    def changed(self, text: str) -> Settings:
        raise NotImplementedError

    def submit(self) -> bool:
        field = self.query_one(Field)
        try:
            settings = self.changed(field.value.strip())
            self.coach.repo.settings.save(settings)
        except ValidationError as error:
            field.say(error.message)
            return False
        except StoreError as error:
            field.say(str(error))
            return False
        self.dismiss(settings)
        return True
