"""When an account is added or renamed, offer it the people already waiting for it.

Imported people whose company had no account yet wait on none; the moment an account
with their company's name appears (a new account, a rename, plan the year), the seller is
asked once whether to put them on it. The matching rule is `coaching.people`'s.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from coach_tui.coaching.people import people_of_company
from coach_tui.model.account import Account
from coach_tui.model.contact import Contact
from coach_tui.model.wording import counted
from coach_tui.store.errors import StoreError
from coach_tui.ui.kit.base import CoachScreen
from coach_tui.ui.kit.confirm import ConfirmScreen

if TYPE_CHECKING:
    from coach_tui.ui.host import CoachHost

NAMES_SHOWN = 3


def waiting_people(contacts: list[Contact], accounts: Sequence[Account]) -> list[Contact]:
    """Everyone on no account who works at one of `accounts`, placed on it (each once)."""
    placed: dict[str, Contact] = {}
    for account in accounts:
        for contact in people_of_company(contacts, account.name):
            placed.setdefault(contact.uid, replace(contact, account_uid=account.uid))
    return list(placed.values())


def offer_people(
    app: CoachHost, account_uids: Sequence[str], then: Callable[[], object] | None = None
) -> None:
    """Ask to put the waiting people on these accounts; `then` runs once that is settled."""
    repo = app.repo
    try:
        accounts = [a for uid in account_uids if (a := repo.accounts.get(uid)) is not None]
        contacts = repo.contacts.all()
    except StoreError as error:
        app.notify(str(error), severity="error", timeout=15, markup=False)
        accounts, contacts = [], []
    moved = waiting_people(contacts, accounts)
    if not moved:
        if then is not None:
            then()
        return
    before = {contact.uid: contact for contact in contacts}

    def answered(yes: bool | None) -> None:
        if yes:
            _place(app, moved, [before[contact.uid] for contact in moved], accounts)
        if then is not None:
            then()

    app.push_screen(
        ConfirmScreen(_question(moved, accounts), confirm="Put them on", keep="Not now"),
        answered,
    )


def _question(moved: list[Contact], accounts: Sequence[Account]) -> str:
    names = [contact.name for contact in moved[:NAMES_SHOWN]]
    if len(moved) > NAMES_SHOWN:
        names.append(f"{len(moved) - NAMES_SHOWN:,} more")
    shown = ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else names[0]
    where = {contact.account_uid for contact in moved}
    one = len(moved) == 1
    if len(where) == 1:
        account = next(a.name for a in accounts if a.uid in where)
        return (
            f"{shown}, already in coach, {'works' if one else 'work'} at {account} and "
            f"{'is' if one else 'are'} on no account yet. Put them on {account}?"
        )
    return (
        f"{counted(len(moved), 'person', 'people')} already in coach work at these accounts "
        f"and are on no account yet: {shown}. Put each on the account of their company?"
    )


def _place(
    app: CoachHost, moved: list[Contact], before: list[Contact], accounts: Sequence[Account]
) -> None:
    repo = app.repo
    try:
        repo.contacts.save_many(moved)
    except StoreError as error:
        app.notify(str(error), severity="error", timeout=15, markup=False)
        return
    who = counted(len(moved), "person", "people")
    app.undo.push(f"putting {who} on their account", lambda: repo.contacts.save_many(before))
    app.notify(f"Put {who} on their account. Ctrl+z undoes it.", markup=False)
    screen = app.screen
    if isinstance(screen, CoachScreen):
        screen.reload()
