"""Money typed the way sellers type it: "12k", "1,200.50", "€3000", "EUR 2.5m".

Amounts are `Decimal` (never float) and must be positive and below a sanity cap, so a
slipped finger ("1e20") is caught instead of stored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from coach_tui.model.errors import ValidationError

MAX_AMOUNT = Decimal("1000000000000")  # a trillion: above that it is a typo, not a deal
SYMBOLS = {"€": "EUR", "$": "USD", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB"}
_SYMBOL_OF = {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "INR": "₹", "KRW": "₩", "RUB": "₽"}
_MULTIPLIERS = {"k": Decimal(1_000), "m": Decimal(1_000_000), "mm": Decimal(1_000_000),
                "bn": Decimal(1_000_000_000), "b": Decimal(1_000_000_000)}  # fmt: skip
CODES = frozenset(
    "EUR USD GBP JPY INR KRW RUB CHF CAD AUD NZD SEK NOK DKK PLN CZK HUF RON BGN TRY ILS "
    "AED SAR ZAR BRL MXN ARS CLP COP SGD HKD CNY TWD THB MYR IDR PHP VND".split()
)
# A code before the number, or after it (also after a k/m/bn suffix: "2.5mEUR").
_CODE = re.compile(r"^([A-Za-z]{3})(?=[\d.,-])|(?<=[\d.kKmMbBnN])([A-Za-z]{3})$")
_SUFFIX = re.compile(r"(?<=\d)(k|m|mm|bn|b)$", re.IGNORECASE)
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']+")
_EXAMPLES = "Try 12000, 12k, 1,200.50 or €3000."
CENT = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class Money:
    """An amount in a currency (ISO 4217 code)."""

    amount: Decimal
    currency: str

    def __str__(self) -> str:
        return format_money(self.amount, self.currency)


def format_money(amount: Decimal, currency: str) -> str:
    """€12,000 or €1,200.50 or 12,000 CHF: whole amounts without cents."""
    whole = amount == amount.to_integral_value()
    number = f"{amount:,.0f}" if whole else f"{amount:,.2f}"
    symbol = _SYMBOL_OF.get(currency)
    return f"{symbol}{number}" if symbol else f"{number} {currency}"


def compact_money(amount: Decimal, currency: str) -> str:
    """€1.2m, €350k: for tight table columns."""
    symbol = _SYMBOL_OF.get(currency, "")
    suffix = "" if symbol else f" {currency}"
    for limit, letter in ((Decimal(1_000_000_000), "bn"), (Decimal(1_000_000), "m"),
                          (Decimal(1_000), "k")):  # fmt: skip
        if abs(amount) >= limit:
            scaled = (amount / limit).quantize(Decimal("0.1"), ROUND_HALF_UP).normalize()
            return f"{symbol}{scaled:f}{letter}{suffix}"
    return f"{symbol}{amount:,.0f}{suffix}"


def _number(text: str, original: str) -> Decimal:
    """The decimal value of a bare number that may use , or . for thousands or decimals."""
    if "," in text and "." in text:
        decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal_mark == "," else ","
        text = text.replace(thousands, "").replace(decimal_mark, ".")
    elif "," in text:
        if re.fullmatch(r"\d{1,3}(,\d{3})+", text):
            text = text.replace(",", "")
        elif re.fullmatch(r"\d+,\d{1,2}", text):
            text = text.replace(",", ".")
        else:
            raise ValidationError(f"'{original}' is not an amount. {_EXAMPLES}")
    elif text.count(".") > 1:
        if not re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
            raise ValidationError(f"'{original}' is not an amount. {_EXAMPLES}")
        text = text.replace(".", "")
    if not re.fullmatch(r"(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?", text):
        raise ValidationError(f"'{original}' is not an amount. {_EXAMPLES}")
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValidationError(f"'{original}' is not an amount. {_EXAMPLES}") from None


def parse_amount(raw: str, *, label: str = "The amount", allow_zero: bool = False) -> Decimal:
    """A plain positive number (counts, or money without a currency); "12k" works too."""
    money = _parse(raw, label=label, allow_zero=allow_zero)
    return money[0]


def parse_money(raw: str, *, default_currency: str, label: str = "The amount") -> Money:
    """Money from what was typed; a symbol or code in the text wins over the default."""
    amount, currency = _parse(raw, label=label, allow_zero=False)
    return Money(amount, currency or default_currency)


def _parse(raw: str, *, label: str, allow_zero: bool) -> tuple[Decimal, str | None]:
    original = " ".join(raw.split())
    text = _SPACES.sub("", raw.strip())
    if not text:
        raise ValidationError(f"{label} is empty. {_EXAMPLES}")
    negative = text.startswith(("-", "−")) or (text.startswith("(") and text.endswith(")"))
    text = text.strip("()").lstrip("-−+")
    currency = None
    for symbol, code in SYMBOLS.items():
        if symbol in text:
            currency = code
            text = text.replace(symbol, "", 1)
            break
    text = text.lstrip("-−")
    negative = negative or raw.strip().startswith(tuple(f"{s}-" for s in SYMBOLS))
    code_match = _CODE.search(text)
    if code_match and currency is None:
        code = (code_match.group(1) or code_match.group(2)).upper()
        if not any(char.isdigit() for char in text):
            raise ValidationError(f"'{original}' is not an amount. {_EXAMPLES}")
        if code not in CODES:
            raise ValidationError(f"'{code}' is not a currency coach knows. {_EXAMPLES}")
        currency = code
        text = text[: code_match.start()] + text[code_match.end() :]
    multiplier = Decimal(1)
    suffix = _SUFFIX.search(text)
    if suffix:
        multiplier = _MULTIPLIERS[suffix.group(1).lower()]
        text = text[: suffix.start()]
    number = _number(text, original)
    if negative:
        raise ValidationError(f"{label} must be more than zero, not '{original}'.")
    # Compare before multiplying: arithmetic on "1e999999999" overflows the decimal context.
    if number > MAX_AMOUNT:
        number = MAX_AMOUNT + 1  # refused just below, naming what was typed
    value = check_amount(
        number * multiplier, label=label, allow_zero=allow_zero, shown=original, advice=_EXAMPLES
    )
    return value.quantize(CENT, ROUND_HALF_UP), currency


def check_amount(
    amount: Decimal,
    *,
    label: str = "The amount",
    allow_zero: bool = False,
    shown: str | None = None,
    advice: str = "",
    field: str | None = None,
) -> Decimal:
    """`amount` if a form would take it: finite, above zero (or zero if allowed) once
    rounded to the cent, at most a trillion. Forms and the checks of stored records both
    use this, so a file cannot hold an amount no form would (1e999999 overflows the pace
    arithmetic; a zero target divides by nothing)."""
    if not amount.is_finite() or amount > MAX_AMOUNT:
        typed = _shown(amount if shown is None else shown)
        raise ValidationError(
            f"{label} '{typed}' is more than a trillion — probably a typo. {advice}".rstrip(),
            field=field,
        )
    if amount < 0:
        typed = _shown(amount if shown is None else shown)
        raise ValidationError(f"{label} must be more than zero, not '{typed}'.", field=field)
    # Round first, so "0.004" (which would be stored as 0.00) counts as zero.
    if amount.quantize(CENT, ROUND_HALF_UP) == 0 and not allow_zero:
        raise ValidationError(f"{label} must be more than zero.", field=field)
    return amount


def check_currency(code: str, *, label: str = "The currency", field: str | None = None) -> str:
    """`code` if it is a currency coach knows (the forms offer no others)."""
    if code not in CODES:
        raise ValidationError(
            f"{label} '{_shown(code)}' is not a currency code coach knows.", field=field
        )
    return code


def _shown(value: object, limit: int = 24) -> str:
    """`value` short enough to quote in a sentence (a hand-edited 5,000-digit number)."""
    text = value if isinstance(value, str) else f"{value}"
    return text if len(text) <= limit else f"{text[: limit - 1]}…"
