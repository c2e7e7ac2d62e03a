"""Cleaning of free text people type or paste, before it is validated or stored.

Pastes from e-mail, PDFs and chat bring invisible characters with them. Some of them
(terminal control codes, bidi overrides) can scramble the screen; lone surrogates cannot
even be written as UTF-8. We remove those and keep everything a person means: emoji,
joiners inside emoji, right-to-left scripts, accents.
"""

from __future__ import annotations

import re
import unicodedata

from coach_tui.model.errors import ValidationError

# Bidi embeddings, overrides and isolates: legitimate RTL text does not need them,
# and a stray one reverses the rest of a terminal line.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_HORIZONTAL_SPACE = re.compile(r"[^\S\n]+")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")


def _keep(char: str) -> bool:
    if char == "\n":
        return True
    if char in _BIDI_CONTROLS or char == "\ufeff":
        return False
    category = unicodedata.category(char)
    # Cc: control codes (escape sequences, NUL, bell). Cs: lone surrogates.
    return category not in ("Cc", "Cs")


def clean_text(raw: str, *, multiline: bool) -> str:
    """Return `raw` without unsafe characters, normalised, with tidy whitespace.

    One-line text has every run of whitespace (newlines included) folded to a single space.
    Multi-line text keeps line breaks but trims each line and at most one blank line in a row.
    """
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\t", " ")
    text = "".join(char for char in text if _keep(char))
    if not multiline:
        return " ".join(text.split())
    lines = [_HORIZONTAL_SPACE.sub(" ", line).strip() for line in text.split("\n")]
    return _MANY_BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def require_text(
    raw: str,
    *,
    label: str,
    max_chars: int,
    multiline: bool = False,
    required: bool = True,
    too_long_advice: str = "",
) -> str:
    """Clean `raw` and check it fits; raise `ValidationError` with a sentence for the user."""
    text = clean_text(raw, multiline=multiline)
    if required and not text:
        raise ValidationError(f"{label} is empty — write at least a few words.", field=label)
    if len(text) > max_chars:
        advice = f" {too_long_advice}" if too_long_advice else ""
        raise ValidationError(
            f"{label} is {len(text):,} characters; the limit is {max_chars:,}.{advice}",
            field=label,
        )
    return text


def small_number(text: str, *, max_digits: int = 6) -> int | None:
    """The whole number `text` spells in decimal digits, or `None`.

    `str.isdigit` accepts '²' and `int` refuses more than 4,300 digits; a field that asks
    for a count or a year never needs more than a few digits, so anything else is `None`.
    """
    cleaned = text.strip()
    if not cleaned.isdecimal() or len(cleaned) > max_digits:
        return None
    return int(cleaned)
