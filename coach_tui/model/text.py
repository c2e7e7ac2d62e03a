"""Cleaning of free text people type or paste, before it is validated or stored.

Pastes from e-mail, PDFs and chat bring invisible characters with them. Some of them
(terminal control codes, bidi overrides) can scramble the screen; lone surrogates cannot
even be written as UTF-8. We remove those and keep everything a person means: emoji,
joiners inside emoji, right-to-left scripts, accents.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from coach_tui.model.errors import ValidationError

# Removed from every text that comes in: control codes (Unicode category Cc: escape
# sequences, NUL, bell) but the line break, bidi embeddings, overrides and isolates
# (legitimate RTL text does not need them, and a stray one reverses the rest of a terminal
# line), BOMs and lone surrogates (category Cs: they cannot even be written as UTF-8).
_REMOVED = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")
_HORIZONTAL_SPACE = re.compile(r"[^\S\n]+")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")


def clean_characters(raw: str) -> str:
    """`raw` with the characters no text of ours may hold removed, and nothing else tidied.

    Line ends become `\\n`, tabs spaces, accents one composed character (NFC). This is the
    rule every way in shares: typing (`clean_text`), LinkedIn, vCard and `import json`.
    """
    if not _REMOVED.search(raw) and unicodedata.is_normalized("NFC", raw):
        return raw  # nearly always: a whole import's text is checked quickly
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return unicodedata.normalize("NFC", _REMOVED.sub("", text))


def clean_text(raw: str, *, multiline: bool) -> str:
    """Return `raw` without unsafe characters, normalised, with tidy whitespace.

    One-line text has every run of whitespace (newlines included) folded to a single space.
    Multi-line text keeps line breaks but trims each line and at most one blank line in a row.
    """
    text = clean_characters(raw)
    if not multiline:
        return " ".join(text.split())
    lines = [_HORIZONTAL_SPACE.sub(" ", line).strip() for line in text.split("\n")]
    return _MANY_BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


@dataclass(frozen=True, slots=True)
class TextRule:
    """What one text field accepts. Forms and imports `clean` with it; the checks of data
    files and imported records `check` the text as stored with the same rule."""

    label: str
    max_chars: int
    multiline: bool = False
    required: bool = True
    too_long_advice: str = ""

    def clean(self, raw: str, *, label: str | None = None) -> str:
        """`raw` cleaned (see `clean_text`) and checked; `ValidationError` with a sentence."""
        text = clean_text(raw, multiline=self.multiline)
        self._fit(text, len(text), label or self.label, field=label or self.label)
        return text

    def check(self, text: str, field: str) -> None:
        """Refuse stored `text` that a form with this rule would not have saved (an
        import's check), naming `field`.

        Control characters are not judged (they are shown as pictures, see `printable`);
        text is measured the way the form measured it, after cleaning.
        """
        length = len(text)
        if length > self.max_chars:  # cleaning hardly ever lengthens: measure it only then
            length = len(clean_text(text, multiline=self.multiline))
        self._fit(text.strip(), length, self.label, field=field)

    def _fit(self, text: str, length: int, label: str, *, field: str) -> None:
        if self.required and not text:
            raise ValidationError(f"{label} is empty — write at least a few words.", field=field)
        if length > self.max_chars:
            advice = f" {self.too_long_advice}" if self.too_long_advice else ""
            raise ValidationError(
                f"{label} is {length:,} characters; the limit is {self.max_chars:,}.{advice}",
                field=field,
            )


def require_text(
    raw: str,
    *,
    label: str,
    max_chars: int,
    multiline: bool = False,
    required: bool = True,
    too_long_advice: str = "",
) -> str:
    """Clean `raw` and check it fits; raise `ValidationError` with a sentence for the user.

    For a field with a fixed rule, define a `TextRule` instead, so the file check uses it too.
    """
    rule = TextRule(label, max_chars, multiline, required, too_long_advice)
    return rule.clean(raw)


def small_number(text: str, *, max_digits: int = 6) -> int | None:
    """The whole number `text` spells in decimal digits, or `None`.

    `str.isdigit` accepts '²' and `int` refuses more than 4,300 digits; a field that asks
    for a count or a year never needs more than a few digits, so anything else is `None`.
    """
    cleaned = text.strip()
    if not cleaned.isdecimal() or len(cleaned) > max_digits:
        return None
    return int(cleaned)


# What a stored string may never send to a terminal or a file another program reads:
# C0/C1 control codes (ESC starts every escape sequence, NUL ends C strings, BEL rings),
# bidi overrides and isolates (they reverse the rest of a line), BOMs and lone surrogates.
_C0_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)} | {0x7F: "\u2421"}
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")


def _made_visible(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code in _C0_PICTURES:
        return _C0_PICTURES[code]
    if 0x80 <= code <= 0x9F or 0xD800 <= code <= 0xDFFF:
        return "\ufffd"
    return ""  # bidi controls and BOMs: invisible by design, so dropped


def printable(text: str) -> str:
    """`text` safe to write to a terminal or an export, whatever file it came from.

    Typed and imported text is cleaned on the way in (`clean_text`), but a hand-edited or
    damaged file can still hold anything. Control codes are shown as their Unicode pictures
    (ESC as ␛, NUL as ␀) so a seller sees that something odd is there; bidi overrides and
    BOMs are dropped; line breaks and tabs are kept for the caller to lay out.
    """
    if not _UNSAFE.search(text):
        return text
    text = text.replace("\r\n", "\n")
    return _UNSAFE.sub(_made_visible, text)
