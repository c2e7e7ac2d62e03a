"""Money typed the way sellers type it, refused with a sentence when it cannot be meant."""

from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from coach_tui.model.errors import ValidationError
from coach_tui.model.money import (
    MAX_AMOUNT,
    Money,
    compact_money,
    format_money,
    parse_amount,
    parse_money,
)


def money(raw: str, default: str = "EUR") -> Money:
    return parse_money(raw, default_currency=default)


@pytest.mark.parametrize(
    ("typed", "amount", "currency"),
    [
        ("12000", "12000", "EUR"),
        ("12k", "12000", "EUR"),
        ("12K", "12000", "EUR"),
        ("12 k", "12000", "EUR"),
        ("1.5k", "1500", "EUR"),
        ("1,200.50", "1200.50", "EUR"),
        ("1,000", "1000", "EUR"),
        ("1,000,000", "1000000", "EUR"),
        ("1.000.000", "1000000", "EUR"),
        ("€3000", "3000", "EUR"),
        ("$1.5M", "1500000", "USD"),
        ("£2bn", "2000000000", "GBP"),
        ("1mm", "1000000", "EUR"),
        ("1b", "1000000000", "EUR"),
        ("EUR 2.5m", "2500000", "EUR"),
        ("2.5m EUR", "2500000", "EUR"),
        ("2.5mEUR", "2500000", "EUR"),
        ("EUR12m", "12000000", "EUR"),
        ("usd 100", "100", "USD"),
        ("100usd", "100", "USD"),
        ("CHF 1'000", "1000", "CHF"),
        ("1.234.567,89 €", "1234567.89", "EUR"),
        ("12.000,5", "12000.50", "EUR"),
        ("12 000,50", "12000.50", "EUR"),
        ("350 000", "350000", "EUR"),
        ("12\u00a0000", "12000", "EUR"),  # no-break space, as pasted from a spreadsheet
        ("12\u202f000", "12000", "EUR"),  # narrow no-break space (French thousands)
        ("12,5", "12.50", "EUR"),
        ("12,50", "12.50", "EUR"),
        ("100.", "100", "EUR"),
        (".5", "0.50", "EUR"),
        ("+5", "5", "EUR"),
        ("5e+3", "5000", "EUR"),
        ("1e12", "1000000000000", "EUR"),  # exactly a trillion is still allowed
        ("1e9k", "1000000000000", "EUR"),
        ("0.005", "0.01", "EUR"),  # half a cent rounds up
        ("1,234,567.891", "1234567.89", "EUR"),
        ("  12k  ", "12000", "EUR"),
    ],
)
def test_amounts_typed_the_way_sellers_type_them(typed, amount, currency) -> None:
    parsed = money(typed)
    assert parsed.amount == Decimal(amount)
    assert parsed.currency == currency


@pytest.mark.parametrize(
    ("typed", "default", "currency"),
    [
        ("12k", "CHF", "CHF"),  # nothing typed: the default
        ("€12k", "USD", "EUR"),  # a symbol in the text wins over the default
        ("GBP 12k", "USD", "GBP"),  # so does a code
        ("12k sek", "EUR", "SEK"),  # codes are read in any case
    ],
)
def test_a_currency_in_the_text_wins_over_the_default(typed, default, currency) -> None:
    assert money(typed, default).currency == currency


def test_amounts_are_decimals_rounded_to_the_cent_never_floats() -> None:
    parsed = money("1,200.505")
    assert isinstance(parsed.amount, Decimal)
    assert parsed.amount == Decimal("1200.51")
    assert parsed.amount.as_tuple().exponent == -2


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("-5", "must be more than zero, not '-5'"),
        ("- 5", "must be more than zero"),
        ("−5", "must be more than zero"),  # a typographic minus
        ("€-5", "must be more than zero"),
        ("-€5", "must be more than zero"),
        ("(500)", "must be more than zero"),  # accountants' negative
        ("--5", "must be more than zero"),
        ("-1e999999999", "must be more than zero"),
        ("0", "must be more than zero."),
        ("0.00", "must be more than zero."),
        ("€0", "must be more than zero."),
        ("0k", "must be more than zero."),
        ("0.004", "must be more than zero."),  # would be stored as 0.00
        ("1e-6k", "must be more than zero."),
        ("1e-999999999", "must be more than zero."),
        ("1e20", "'1e20' is more than a trillion"),
        ("1000000000000.01", "is more than a trillion"),
        ("1.000000001e9k", "is more than a trillion"),
        ("2000bn", "is more than a trillion"),
        ("1e999999999", "is more than a trillion"),  # must not overflow the decimal context
        ("1e999999999k", "is more than a trillion"),
        ("9" * 60, "is more than a trillion"),
        ("", "The amount is empty"),
        ("   ", "The amount is empty"),
        ("XYZ 100", "'XYZ' is not a currency coach knows"),
        ("100 XYZ", "'XYZ' is not a currency coach knows"),
        ("12abc", "'ABC' is not a currency coach knows"),
        ("eur", "'eur' is not an amount"),
        ("€", "'€' is not an amount"),
        ("k", "'k' is not an amount"),
        ("12kk", "'12kk' is not an amount"),
        ("1,2345", "'1,2345' is not an amount"),
        ("1,,000", "is not an amount"),
        ("12.34.56", "is not an amount"),
        ("1.2.3", "is not an amount"),
        ("1,", "is not an amount"),
        (",5", "is not an amount"),
        ("5-", "is not an amount"),
        ("1e", "is not an amount"),
        ("e5", "is not an amount"),
        ("NaN", "is not an amount"),
        ("Infinity", "is not an amount"),
        ("inf", "is not an amount"),
        ("1_000", "is not an amount"),
        ("½", "is not an amount"),
        ("€€5", "is not an amount"),
        ("€5 USD", "is not an amount"),  # two currencies: which one?
        ("twelve thousand", "is not"),
    ],
)
def test_what_cannot_be_meant_is_refused_with_a_sentence(typed, says) -> None:
    with pytest.raises(ValidationError) as caught:
        money(typed)
    assert says in caught.value.message
    assert str(caught.value) == caught.value.message


def test_refusals_name_the_field_they_are_about() -> None:
    with pytest.raises(ValidationError, match=r"^The target must be more than zero"):
        parse_money("-3", default_currency="EUR", label="The target")
    with pytest.raises(ValidationError, match=r"^The deals is empty"):
        parse_amount("", label="The deals")


def test_refusals_suggest_what_would_work() -> None:
    with pytest.raises(ValidationError) as caught:
        money("lots")
    assert "Try 12000, 12k, 1,200.50 or €3000." in caught.value.message


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("12", "12"),
        ("12k", "12000"),
        ("2.5", "2.50"),  # fractional counts are kept as typed (see report)
        ("€12", "12"),  # a currency typed for a count is dropped, not refused
        ("1,000", "1000"),
    ],
)
def test_a_plain_amount_is_the_number_without_its_currency(typed, amount) -> None:
    assert parse_amount(typed) == Decimal(amount)


def test_zero_is_refused_unless_the_caller_allows_it() -> None:
    with pytest.raises(ValidationError, match="must be more than zero"):
        parse_amount("0")
    assert parse_amount("0", allow_zero=True) == Decimal(0)
    assert parse_amount("0.004", allow_zero=True) == Decimal(0)
    with pytest.raises(ValidationError, match="must be more than zero"):
        parse_amount("-1", allow_zero=True)


def test_the_trillion_cap_is_inclusive() -> None:
    assert parse_amount(str(MAX_AMOUNT)) == MAX_AMOUNT
    with pytest.raises(ValidationError, match="more than a trillion"):
        parse_amount(str(MAX_AMOUNT + Decimal("0.01")))


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("1.000", "1"),  # read as one with three decimals, not a thousand (see report)
        ("1.50", "1.50"),
        ("1.234", "1.23"),
    ],
)
def test_a_single_dot_is_always_the_decimal_mark(typed, amount) -> None:
    assert parse_amount(typed) == Decimal(amount)


@pytest.mark.parametrize(
    ("amount", "currency", "shown"),
    [
        ("12000", "EUR", "€12,000"),
        ("12000.00", "EUR", "€12,000"),
        ("1200.5", "EUR", "€1,200.50"),
        ("1200.50", "USD", "$1,200.50"),
        ("0.5", "GBP", "£0.50"),
        ("12000", "CHF", "12,000 CHF"),
        ("1234567.89", "SEK", "1,234,567.89 SEK"),
        ("1000000000000", "JPY", "¥1,000,000,000,000"),
    ],
)
def test_format_money_shows_whole_amounts_without_cents(amount, currency, shown) -> None:
    assert format_money(Decimal(amount), currency) == shown


def test_money_prints_the_way_it_is_formatted() -> None:
    assert str(Money(Decimal("1200.50"), "EUR")) == "€1,200.50"


@pytest.mark.parametrize(
    ("amount", "currency", "shown"),
    [
        ("999", "EUR", "€999"),
        ("1000", "EUR", "€1k"),
        ("350000", "EUR", "€350k"),
        ("1250", "EUR", "€1.3k"),  # half up
        ("999999", "EUR", "€1000k"),  # rounded within its band, not promoted
        ("1000000", "EUR", "€1m"),
        ("1200000", "USD", "$1.2m"),
        ("2500000000", "GBP", "£2.5bn"),
        ("350000", "CHF", "350k CHF"),
        ("12", "CHF", "12 CHF"),
    ],
)
def test_compact_money_fits_tight_columns(amount, currency, shown) -> None:
    assert compact_money(Decimal(amount), currency) == shown


def test_what_is_typed_and_what_is_shown_agree() -> None:
    for typed in ("12k", "€1,200.50", "EUR 2.5m", "1.234.567,89 €", "350 000"):
        shown = str(money(typed))
        assert money(shown) == money(typed)


@settings(max_examples=300, deadline=None)
@given(st.text())
@example("1e999999999")
@example("-(€1e99999)")
@example("١٢٣")
def test_any_text_is_money_or_a_validation_error(raw) -> None:
    try:
        parsed = money(raw)
    except ValidationError as error:
        assert error.message
        return
    assert Decimal(0) < parsed.amount <= MAX_AMOUNT
    assert parsed.amount == parsed.amount.quantize(Decimal("0.01"))
    assert len(parsed.currency) == 3


money_like = st.from_regex(
    r"[-+(€$£]?[0-9.,e ]{1,20}(k|m|bn|mm|b)?\)?( ?(EUR|usd|XYZ|€))?", fullmatch=True
)


@settings(max_examples=300, deadline=None)
@given(money_like, st.booleans())
def test_anything_that_looks_like_money_is_an_amount_or_a_validation_error(raw, zero) -> None:
    try:
        amount = parse_amount(raw, allow_zero=zero)
    except ValidationError as error:
        assert error.message
        return
    assert (Decimal(0) if zero else Decimal("0.01")) <= amount <= MAX_AMOUNT
