"""Counts are whole things: deals won, new accounts, first meetings.

"2.5 new accounts" is a slip, and a target of 2.5 would read "0 of 2.5" and a weekly need
of 0.0 forever after; so a count is refused, with a sentence, unless it is whole. Forms,
plan the year and the checks of stored records (`coach import json`, `coach doctor`) all
use these two functions.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from coach_tui.model.errors import ValidationError
from coach_tui.model.money import parse_amount


def check_count(
    amount: Decimal, *, label: str = "The count", shown: str | None = None, field: str | None = None
) -> Decimal:
    """`amount` if it is a whole number; otherwise a sentence saying which whole numbers
    are near."""
    if amount.is_finite() and amount == amount.to_integral_value():
        return amount
    typed = shown if shown is not None else f"{amount.normalize():f}"
    if not amount.is_finite():
        raise ValidationError(f"{label} '{typed}' is not a whole number.", field=field)
    low = amount.to_integral_value(ROUND_FLOOR)
    high = amount.to_integral_value(ROUND_CEILING)
    near = f"{high:,f}" if low <= 0 else f"{low:,f} or {high:,f}"
    raise ValidationError(
        f"{label} counts whole things, and '{typed}' is not a whole number. Type {near}.",
        field=field,
    )


def parse_count(raw: str, *, label: str = "The count") -> Decimal:
    """A whole positive count from what was typed ("12", "1,500", "2k")."""
    amount = parse_amount(raw, label=label)
    return check_count(amount, label=label, shown=" ".join(raw.split()))
