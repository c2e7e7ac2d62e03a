"""How numbers read in a sentence, the same on every screen, command and export.

One place for plurals ("1 day ago", "2 days ago"), shares ("1 of 1 account"), possessives
("Plastics' goals", "Nordvale's goals") and how a number is written (5,000, never 5000), so
no message makes its own and gets "1 rows" or "Plastics's".
"""

from __future__ import annotations

from decimal import Decimal

Number = int | Decimal


def numeral(value: Number) -> str:
    """A count as this app writes one: 4,580; a fraction keeps what it has (2.5)."""
    if isinstance(value, Decimal) and value != value.to_integral_value():
        return f"{value.normalize():,f}"
    return f"{value:,.0f}" if isinstance(value, Decimal) else f"{value:,}"


def noun_for(value: Number, noun: str, plural: str = "") -> str:
    """`noun` as it agrees with `value`: singular only for exactly one."""
    return noun if value == 1 else plural or f"{noun}s"


def counted(value: Number, noun: str, plural: str = "") -> str:
    """`1 call`, `2,140 calls`: a count and its noun, singular only for one.

    `plural` for a noun that does not just take an s (`company`, `companies`; `person`,
    `people`).
    """
    return f"{numeral(value)} {noun_for(value, noun, plural)}"


def share(part: Number, whole: Number, noun: str, plural: str = "") -> str:
    """`1 of 1 account`, `3 of 12 accounts`: the noun agrees with the whole."""
    return f"{numeral(part)} of {counted(whole, noun, plural)}"


def days_from(days: int) -> str:
    """`today`, `1 day from today`, `3 days ago`: a distance in days, either way."""
    if days == 0:
        return "today"
    if days > 0:
        return f"{counted(days, 'day')} from today"
    return f"{counted(-days, 'day')} ago"


def possessive(name: str) -> str:
    """`Nordvale's`, `Plastics'`: a name that ends in s takes the apostrophe alone."""
    stripped = name.rstrip()
    if not stripped:
        return name
    return f"{stripped}'" if stripped[-1] in "sS" else f"{stripped}'s"
