"""Adding an account, or renaming one."""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.widgets import Static

from coach_tui.model.account import Account, validate_account_name
from coach_tui.model.errors import ValidationError
from coach_tui.store.errors import StoreError
from coach_tui.ui.kit.form import FormScreen
from coach_tui.ui.widgets.field import Field
from coach_tui.ui.widgets.scroll import VerticalScroll


class AccountForm(FormScreen[Account]):
    """Dismisses with the saved account."""

    def __init__(self, account: Account | None = None) -> None:
        super().__init__()
        self.account = account

    def compose(self) -> ComposeResult:
        title = "Rename account" if self.account else "New account"
        with VerticalScroll(classes="dialog"):
            yield Static(title, classes="dialog-title")
            yield Field(
                "Company name",
                field_id="name",
                hint="The client as you would write it on a plan.",
                value=self.account.name if self.account else "",
                max_length=200,
            )
            yield Static("ctrl+s save · esc cancel", classes="dialog-keys")

    def submit(self) -> bool:
        field = self.query_one(Field)
        try:
            name = validate_account_name(field.value)
        except ValidationError as error:
            field.say(error.message)
            return False
        repo = self.coach.repo
        own_uid = self.account.uid if self.account else ""
        if repo.accounts.name_taken(name, except_uid=own_uid):
            field.say(f"You already have an account called {name}.")
            return False
        if self.account is None:
            account = Account(name=name, created_at=self.coach.now())
        else:
            account = replace(self.account, name=name)
        try:
            repo.accounts.save(account)
        except StoreError as error:
            field.say(str(error))
            return False
        self.dismiss(account)
        return True
