"""The people inside an account: decision makers and where the seller gets in.

The method asks for a mapped way in — one business unit to start from and the people who
decide there, each with the part they play in buying. Contacts are validated here so an
import, a form and the demo all hold the same rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from urllib.parse import urlsplit, urlunsplit

from coach_tui.model.dates import check_day
from coach_tui.model.errors import ValidationError
from coach_tui.model.ids import check_link, check_uid, new_uid
from coach_tui.model.limits import Limits
from coach_tui.model.text import TextRule, clean_text

CONTACT_NAME_MAX = 120
CONTACT_LINE_MAX = 200
CONTACT_NOTE_MAX = 2_000
URL_MAX = 500
EMAIL_MAX = 254  # the longest address mail systems deliver to
UNIT_MAX = 200

CONTACT_NAME = TextRule("The contact's name", CONTACT_NAME_MAX)
LINE = TextRule("The line", CONTACT_LINE_MAX, required=False)
NOTE = TextRule("The note", CONTACT_NOTE_MAX, multiline=True, required=False)
UNIT = TextRule("The business unit", UNIT_MAX)


class BuyingRole(Enum):
    """The part a person plays in the decision; unknown until the seller learns it."""

    ECONOMIC_BUYER = "economic buyer"
    USER = "user"
    TECHNICAL_EVALUATOR = "technical evaluator"
    CHAMPION = "coach/champion"
    BLOCKER = "blocker"
    UNKNOWN = "unknown"


class Relationship(Enum):
    """How well the seller knows them, weakest first."""

    NONE = "none yet"
    WEAK = "weak"
    WORKING = "working"
    STRONG = "strong"


@dataclass(frozen=True, slots=True)
class EntryPoint:
    """Where the seller starts inside an account, and why there."""

    account_uid: str
    unit: str
    why_there: str = ""
    owner: str = ""
    uid: str = field(default_factory=new_uid)


@dataclass(frozen=True, slots=True)
class Contact:
    """A person at a client. `account_uid` is empty for imported people not yet placed."""

    name: str
    account_uid: str = ""
    title: str = ""
    company: str = ""
    role: BuyingRole = BuyingRole.UNKNOWN
    profile_url: str = ""
    email: str = ""
    phone: str = ""
    what_matters: str = ""
    found_via: str = ""
    relationship: Relationship = Relationship.NONE
    added_on: date | None = None  # when coach first heard of them (the weekly figures count it)
    uid: str = field(default_factory=new_uid)


@dataclass(frozen=True, slots=True)
class RosterEntry:
    """Who a person is, where, and the part they play: all the dashboard needs of them."""

    uid: str
    name: str
    account_uid: str
    role: BuyingRole


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9 ()./-]{5,30}$")


def validate_contact_name(raw: str) -> str:
    return CONTACT_NAME.clean(raw)


def validate_line(raw: str, *, label: str) -> str:
    """An optional one-line field (title, company, how found)."""
    return LINE.clean(raw, label=label)


def validate_note(raw: str, *, label: str) -> str:
    """An optional free-text note (what matters to them, why this unit)."""
    return NOTE.clean(raw, label=label)


def validate_unit(raw: str) -> str:
    """The business unit an entry point starts from."""
    return UNIT.clean(raw)


def validate_email(raw: str) -> str:
    """Empty, or something that looks like one address."""
    text = clean_text(raw, multiline=False)
    if text and (len(text) > EMAIL_MAX or not _EMAIL.match(text)):
        raise ValidationError(
            f"“{text[:60]}” does not look like an email address (name@company.com).",
            field="email",
        )
    return text


def validate_phone(raw: str) -> str:
    """Empty, or digits with the usual separators and an optional leading +."""
    text = clean_text(raw, multiline=False)
    if text and (not _PHONE.match(text) or sum(c.isdigit() for c in text) < 5):
        raise ValidationError(
            f"“{text[:40]}” does not look like a phone number (digits, spaces, + - ( )).",
            field="phone",
        )
    return text


def validate_profile_url(raw: str) -> str:
    """Empty, or an http(s) address with a host; a bare `linkedin.com/in/x` gets https."""
    text = clean_text(raw, multiline=False)
    if not text:
        return ""
    if len(text) > URL_MAX:
        raise ValidationError(
            f"That address is {len(text):,} characters; the limit is {URL_MAX}.", field="url"
        )
    if "://" not in text:
        text = f"https://{text}"
    refusal = ValidationError(
        "A profile link should be a web address such as https://www.linkedin.com/in/name.",
        field="url",
    )
    try:
        parts = urlsplit(text)
    except ValueError:  # e.g. an unmatched "[" reads as a broken IPv6 host
        raise refusal from None
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or "." not in host or " " in text:
        raise refusal
    return text


def normalised_profile_url(url: str) -> str:
    """The form two links to one profile share: https, no www, no query, no trailing slash.

    Used to spot duplicates on import; never shown or stored in place of what was typed.
    """
    text = url.strip()
    if not text:
        return ""
    if "://" not in text:
        text = f"https://{text}"
    parts = urlsplit(text)
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = parts.path.rstrip("/").lower()
    return urlunsplit(("https", host, path, "", ""))


def check_contact(contact: Contact, limits: Limits) -> None:
    """Refuse a stored contact a form would not save (see `Limits` for which rules apply).

    In a data file an address that is merely odd is kept: it is shown, never followed.
    """
    check_uid(contact.uid)
    if contact.added_on is not None:
        check_day(contact.added_on, field="added_on")
    if limits is not Limits.FORMS:
        return
    check_link(contact.account_uid, field="account_uid")
    CONTACT_NAME.check(contact.name, "name")
    for name in ("title", "company", "found_via"):
        LINE.check(getattr(contact, name), name)
    NOTE.check(contact.what_matters, "what_matters")
    for name, validate in (
        ("profile_url", validate_profile_url),
        ("email", validate_email),
        ("phone", validate_phone),
    ):
        try:
            validate(getattr(contact, name))
        except ValidationError as error:
            raise ValidationError(error.message, field=name) from None


def check_entry_point(entry: EntryPoint, limits: Limits) -> None:
    """Refuse a stored entry point a form would not save."""
    check_uid(entry.uid)
    if limits is Limits.FORMS:
        check_link(entry.account_uid, field="account_uid")
        UNIT.check(entry.unit, "unit")
        NOTE.check(entry.why_there, "why_there")
        LINE.check(entry.owner, "owner")
