"""Add or edit a decision maker: who they are, the part they play, and how to reach them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from textual.app import ComposeResult
from textual.widgets import Label, Select, Static, TextArea

from coach_tui.coaching.people import duplicate_warning, likely_duplicates
from coach_tui.model.account import Account
from coach_tui.model.contact import (
    BuyingRole,
    Contact,
    Relationship,
    validate_contact_name,
    validate_email,
    validate_line,
    validate_note,
    validate_phone,
    validate_profile_url,
)
from coach_tui.store.errors import StoreError
from coach_tui.ui.kit.form import FormScreen
from coach_tui.ui.text import editable, plain
from coach_tui.ui.widgets.field import Field
from coach_tui.ui.widgets.scroll import VerticalScroll

ROLE_HINTS = {
    BuyingRole.ECONOMIC_BUYER: "Economic buyer — can say yes to the money",
    BuyingRole.USER: "User — lives with what you sell every day",
    BuyingRole.TECHNICAL_EVALUATOR: "Technical evaluator — checks it fits and can say no",
    BuyingRole.CHAMPION: "Coach / champion — wants you to win and guides you",
    BuyingRole.BLOCKER: "Blocker — prefers another path or the status quo",
    BuyingRole.UNKNOWN: "Not sure yet",
}
# (field id, label, hint, validator)
LINE_FIELDS: tuple[tuple[str, str, str, Callable[[str], str]], ...] = (
    ("name", "Name", "", validate_contact_name),
    ("title", "Title", "", lambda text: validate_line(text, label="The title")),
    (
        "profile",
        "Profile link",
        "Their LinkedIn or company page, so you can read up before each touch.",
        validate_profile_url,
    ),
    ("email", "Email", "", validate_email),
    ("phone", "Phone", "", validate_phone),
    (
        "found",
        "How you found them",
        "An org chart, a referral, an event, an import…",
        lambda text: validate_line(text, label="How you found them"),
    ),
)


class ContactForm(FormScreen[Contact]):
    """One decision maker at an account; every field but the name may wait."""

    def __init__(self, account: Account, contact: Contact | None = None) -> None:
        super().__init__()
        self.account = account
        self.contact = contact
        self._warned_for: tuple[str, ...] | None = None  # what the duplicate warning saw

    def _value(self, field_id: str) -> str:
        contact = self.contact
        if contact is None:
            return ""
        return {
            "name": contact.name,
            "title": contact.title,
            "profile": contact.profile_url,
            "email": contact.email,
            "phone": contact.phone,
            "found": contact.found_via,
        }[field_id]

    def compose(self) -> ComposeResult:
        verb = "Edit" if self.contact else "New"
        with VerticalScroll(classes="dialog"):
            yield Static(
                plain(f"{verb} decision maker · {self.account.name}"), classes="dialog-title"
            )
            for field_id, label, hint, _ in LINE_FIELDS[:2]:
                yield Field(label, field_id=field_id, hint=hint, value=self._value(field_id))
            yield Label("Buying role", classes="field-label")
            yield Select(
                [(plain(ROLE_HINTS[role]), role.value) for role in BuyingRole],
                value=(self.contact.role if self.contact else BuyingRole.UNKNOWN).value,
                allow_blank=False,
                id="role",
            )
            yield Label("How well you know them", classes="field-label")
            yield Select(
                [(plain(level.value.capitalize()), level.value) for level in Relationship],
                value=(self.contact.relationship if self.contact else Relationship.NONE).value,
                allow_blank=False,
                id="relationship",
            )
            for field_id, label, hint, _ in LINE_FIELDS[2:]:
                yield Field(label, field_id=field_id, hint=hint, value=self._value(field_id))
            yield Label("What matters to them", classes="field-label")
            yield Static(
                "Their goals, worries and measures of success, in their words if you have them.",
                classes="field-hint",
            )
            yield TextArea(
                editable(self.contact.what_matters) if self.contact else "",
                id="matters",
                soft_wrap=True,
                classes="form-area",
            )
            yield Static("", id="matters-feedback", classes="form-error")
            yield Static("ctrl+s save · esc cancel", classes="dialog-keys")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#name").focus()

    def submit(self) -> bool:
        values = {
            field_id: self.checked_field(field_id, validate)
            for field_id, _, _, validate in LINE_FIELDS
        }
        matters = self.checked_area(
            "matters", lambda text: validate_note(text, label="What matters to them")
        )
        if matters is None or any(value is None for value in values.values()):
            self.focus_first_problem()
            return False
        checked = {key: value or "" for key, value in values.items()}
        base = self.contact or Contact(
            name=checked["name"], account_uid=self.account.uid, added_on=self.coach.now().date()
        )
        contact = replace(
            base,
            name=checked["name"],
            account_uid=self.account.uid,
            title=checked["title"],
            company=base.company or self.account.name,
            role=BuyingRole(self.query_one("#role", Select).value),
            relationship=Relationship(self.query_one("#relationship", Select).value),
            profile_url=checked["profile"],
            email=checked["email"],
            phone=checked["phone"],
            found_via=checked["found"],
            what_matters=matters,
        )
        if self._repeats_someone(contact):
            return False
        try:
            self.coach.repo.contacts.save(contact)
        except StoreError as error:
            self.not_saved("matters-feedback", error)
            return False
        self.dismiss(contact)
        return True

    def _repeats_someone(self, contact: Contact) -> bool:
        """Say so once if `contact` is likely someone coach already has (same name and
        company, same email or same profile); a second ctrl+s saves as typed."""
        seen = (contact.name, contact.company, contact.email, contact.profile_url)
        if seen == self._warned_for:
            return False
        repo = self.coach.repo
        try:
            twins = likely_duplicates(contact, repo.contacts.all())
            account = repo.accounts.get(twins[0].account_uid) if twins else None
        except StoreError:
            return False  # the save that follows reports the store's trouble
        if not twins:
            return False
        self._warned_for = seen
        name = self.query_one("#name-field", Field)
        name.say(
            duplicate_warning(twins[0], account.name if account else "", len(twins) - 1), "hint"
        )
        name.input.focus()
        return True
