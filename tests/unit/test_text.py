"""Cleaning pasted text: keep what people mean, drop what breaks the screen or the file."""

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach_tui.model.errors import ValidationError
from coach_tui.model.text import clean_characters, clean_text, printable, require_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  plain  ", "plain"),
        ("two\nlines", "two lines"),
        ("tabs\tand   spaces", "tabs and spaces"),
        ("bell\x07 and escape\x1b[31m", "bell and escape[31m"),
        ("nul\x00byte", "nulbyte"),
        ("bidi \u202eevil\u202c override", "bidi evil override"),
        ("bom\ufeff inside", "bom inside"),
        ("lone \ud800 surrogate", "lone surrogate"),
        ("family 👨\u200d👩\u200d👧 emoji", "family 👨\u200d👩\u200d👧 emoji"),
        ("שלום עולם", "שלום עולם"),
        ("مرحبا بالعالم", "مرحبا بالعالم"),
        ("e\u0301cole", "école"),  # decomposed accent is normalised to one character
        ("\r\nwindows\r\n", "windows"),
    ],
)
def test_one_line_cleaning(raw: str, expected: str) -> None:
    assert clean_text(raw, multiline=False) == expected


def test_multiline_keeps_paragraphs_but_not_piles_of_blank_lines() -> None:
    raw = "  first line  \n\n\n\n  second\t line \n"
    assert clean_text(raw, multiline=True) == "first line\n\nsecond line"


@pytest.mark.parametrize("raw", ["", "   ", "\n\n\t", "\x00\x07", "\u202e"])
def test_required_text_refuses_empty_after_cleaning(raw: str) -> None:
    with pytest.raises(ValidationError, match="empty"):
        require_text(raw, label="Your why", max_chars=10)


def test_optional_text_may_be_empty() -> None:
    assert require_text("  ", label="Note", max_chars=10, required=False) == ""


def test_too_long_message_gives_both_numbers_and_advice() -> None:
    with pytest.raises(ValidationError) as caught:
        require_text("x" * 10_000, label="Your why", max_chars=400, too_long_advice="Trim it.")
    message = caught.value.message
    assert "10,000" in message
    assert "400" in message
    assert message.endswith("Trim it.")
    assert caught.value.field == "Your why"


def test_length_is_checked_after_cleaning() -> None:
    # 400 characters plus padding and control codes still fits.
    assert len(require_text("  " + "a" * 400 + "\x07  ", label="x", max_chars=400)) == 400


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("Ann Lee", "Ann Lee"),
        ("title \x1b]0;pwned\x07 set", "title ␛]0;pwned␇ set"),
        ("wipe \x1b[2J screen", "wipe ␛[2J screen"),
        ("nul\x00 byte", "nul␀ byte"),
        ("csi \x9b as one byte", "csi � as one byte"),
        ("right \u202eto left", "right to left"),
        ("bom\ufeff", "bom"),
        ("lone \ud800", "lone �"),
        ("two\r\nlines\tand a tab", "two\nlines\tand a tab"),
        ("emoji 👨\u200d👩\u200d👧, 東京, e\u0301", "emoji 👨\u200d👩\u200d👧, 東京, e\u0301"),
    ],
)
def test_printable_shows_control_codes_instead_of_sending_them(stored: str, shown: str) -> None:
    assert printable(stored) == shown


def _kept_by_the_old_rule(char: str) -> bool:
    """The characters clean_text has always removed, by Unicode category."""
    if char == "\n":
        return True
    if char in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff":
        return False
    return unicodedata.category(char) not in ("Cc", "Cs")


@settings(max_examples=500)
@given(st.text(alphabet=st.characters(exclude_categories=())))  # surrogates too
def test_clean_characters_is_the_typed_text_rule_and_settles_at_once(raw: str) -> None:
    prepared = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    expected = unicodedata.normalize("NFC", "".join(filter(_kept_by_the_old_rule, prepared)))
    cleaned = clean_characters(raw)
    assert cleaned == expected
    assert clean_characters(cleaned) == cleaned  # what it returns, it keeps
    # Text the forms saved passes unchanged: an import of coach's own export changes nothing.
    for multiline in (False, True):
        typed = clean_text(raw, multiline=multiline)
        assert clean_characters(typed) == typed
