"""vCard 2.1, 3.0 and 4.0 (.vcf), as phones and mail programs export them.

Lines may be folded (a line break followed by a space or tab continues the line), properties
may carry a group and parameters (`item1.EMAIL;TYPE=work:`), values escape `\\,` `\\;` `\\n`,
and version 4 writes phones as `tel:` links. Version 2.1 (older phones, Outlook) writes
non-ASCII text quoted-printable in a named character set (`CHARSET=UTF-8;ENCODING=QUOTED-
PRINTABLE:J=C3=BCrgen`), continued with a soft line break (`=` at the end of a line).
Where a card has several emails or phones, the one marked preferred (`TYPE=PREF`, a bare
`PREF`, or `PREF=1` in 4.0) is kept. A card without an END or without a name, or with text
in a character set coach cannot read, is reported with the line it starts on; the other
cards in the file still import.
"""

from __future__ import annotations

import quopri
import re
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from coach_tui.interop.errors import ImportFailed
from coach_tui.interop.reading import FileKind, decode, read_bytes
from coach_tui.interop.results import (
    PROGRESS_EVERY,
    ParsedFile,
    Progress,
    RowResult,
    RowStatus,
    optional_detail,
)
from coach_tui.model.contact import (
    Contact,
    validate_contact_name,
    validate_email,
    validate_line,
    validate_phone,
    validate_profile_url,
)
from coach_tui.model.errors import ValidationError
from coach_tui.model.text import clean_text

KIND = FileKind(
    name="vCard",
    suffixes=(".vcf", ".vcard"),
    how_to_get_it="Export the contacts from your address book as vCard (a .vcf file).",
    how_to_fix_encoding="Export the contacts again as vCard, choosing UTF-8 if you are asked.",
)
FOUND_VIA = "Address book (vCard)"

_ESCAPES = {"n": "\n", "N": "\n", ",": ",", ";": ";", ":": ":", "\\": "\\"}
_ESCAPE = re.compile(r"\\([nN,;:\\])")
_UNESCAPED_SEMICOLON = re.compile(r"(?<!\\);")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")

# A 4.0 PREF=1..100 ranks preference (1 first); a 2.1/3.0 "pref" type counts as 1.
_NOT_PREFERRED = 101


class Property(NamedTuple):
    """One content line of a card: its NAME (group dropped), value, and parameters."""

    name: str
    value: str
    params: tuple[str, ...] = ()  # each upper-cased: "TYPE=WORK,PREF", "PREF", "CHARSET=UTF-8"

    def param(self, key: str) -> str:
        """The value of `KEY=value` ("" without one)."""
        for param in self.params:
            name, _, value = param.partition("=")
            if name.strip() == key:
                return value.strip().strip('"')
        return ""

    @property
    def quoted_printable(self) -> bool:
        """2.1 writes `ENCODING=QUOTED-PRINTABLE` or just `QUOTED-PRINTABLE`."""
        return "QUOTED-PRINTABLE" in self.params or self.param("ENCODING") == "QUOTED-PRINTABLE"

    @property
    def preference(self) -> int:
        """1 for the preferred one, higher for less; `_NOT_PREFERRED` when unmarked."""
        rank = self.param("PREF")
        if rank.isdigit():
            return int(rank)
        types = {t.strip().strip('"') for t in self.param("TYPE").split(",")}
        return 1 if "PREF" in types or "PREF" in self.params else _NOT_PREFERRED


class UnreadableText(ValueError):
    """A quoted-printable value in a character set Python does not know, or not in it."""


def unescape(value: str) -> str:
    r"""`Director\, EMEA` → `Director, EMEA`; a newline escape becomes a real line break."""
    return _ESCAPE.sub(lambda match: _ESCAPES[match.group(1)], value)


def components(value: str) -> list[str]:
    """The parts of a structured value (N, ORG), split on semicolons that are not escaped."""
    return [unescape(part) for part in _UNESCAPED_SEMICOLON.split(value)]


def unfold(text: str) -> list[tuple[int, str]]:
    """Logical lines, each with the file line it starts on (continuations joined back).

    A quoted-printable value ending in `=` continues on the next line whatever that line
    starts with (a soft line break); the break is kept for `quopri` to remove.
    """
    lines: list[tuple[int, str]] = []
    for number, raw in enumerate(_LINE_BREAK.split(text), start=1):
        if lines and _soft_break(lines[-1][1]):
            start, so_far = lines[-1]
            lines[-1] = (start, so_far + "\n" + raw)
        elif raw[:1] in (" ", "\t") and lines:
            start, so_far = lines[-1]
            lines[-1] = (start, so_far + raw[1:])
        else:
            lines.append((number, raw))
    return lines


def _soft_break(line: str) -> bool:
    if not line.endswith("="):
        return False
    prop = parse_property(line)
    return prop is not None and prop.quoted_printable


def parse_property(line: str) -> Property | None:
    """The property of one logical line; None without a colon.

    The name ends at the first colon outside double quotes: a quoted parameter may hold one.
    """
    quoted = False
    for position, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            name, *params = line[:position].split(";")
            return Property(
                name.rsplit(".", 1)[-1].strip().upper(),
                line[position + 1 :],
                tuple(param.strip().upper() for param in params if param.strip()),
            )
    return None


def split_property(line: str) -> tuple[str, str] | None:
    """('EMAIL', 'a@b.c') from 'item1.EMAIL;TYPE="work,pref":a@b.c'; None without a colon."""
    prop = parse_property(line)
    return None if prop is None else (prop.name, prop.value)


def decoded(prop: Property) -> Property:
    """The property with a quoted-printable value decoded in its CHARSET (UTF-8 unless
    named); `UnreadableText` when that character set is unknown or the bytes are not in it."""
    if not prop.quoted_printable:
        return prop
    charset = prop.param("CHARSET") or "UTF-8"
    raw = quopri.decodestring(prop.value.encode("utf-8"))
    try:
        text = raw.decode(charset)
    except LookupError:
        raise UnreadableText(
            f"{prop.name} is in a character set coach does not know: {charset}"
        ) from None
    except UnicodeDecodeError:
        raise UnreadableText(f"{prop.name} is not {charset} text as the card says") from None
    return prop._replace(value=text)


def _preferred(props: list[Property], name: str) -> str:
    """The value of the preferred `name` property; the first when none is marked."""
    found = [prop for prop in props if prop.name == name]
    return min(found, key=lambda prop: prop.preference).value if found else ""


def _phone(raw: str) -> str:
    """A vCard 4 `tel:+1-555-0100;ext=12` link becomes `+1-555-0100`."""
    text = unescape(raw).strip()
    if text.lower().startswith("tel:"):
        text = text[4:].split(";", 1)[0]
    return text


def _profile_link(props: list[Property]) -> str:
    """The LinkedIn profile when the card has one, else its first web address."""
    urls = [unescape(prop.value).strip() for prop in props if prop.name == "URL"]
    social = [unescape(prop.value).strip() for prop in props if prop.name == "X-SOCIALPROFILE"]
    linkedin = [url for url in urls + social if "linkedin." in url.lower()]
    return (linkedin or urls or [""])[0]


def _card_name(first: dict[str, str]) -> str:
    full = clean_text(unescape(first.get("FN", "")), multiline=False)
    if full or "N" not in first:
        return full
    family, given, additional, *_ = [*components(first["N"]), "", "", ""]
    return clean_text(" ".join((given, additional, family)), multiline=False)


def _card_row(line: int, props: list[Property]) -> RowResult:
    """One card: a contact, or the reason it is not one. Never raises."""
    try:
        props = [decoded(prop) for prop in props]
    except UnreadableText as error:
        return RowResult(line, RowStatus.ERROR, reason=str(error))
    first: dict[str, str] = {}
    for name, value, _params in props:
        first.setdefault(name, value)
    organisation = clean_text(components(first.get("ORG", ""))[0], multiline=False)
    email_raw = unescape(_preferred(props, "EMAIL")).strip()
    email_raw = email_raw[7:] if email_raw.lower().startswith("mailto:") else email_raw
    full = _card_name(first)
    if not full:
        label = organisation or email_raw
        return RowResult(line, RowStatus.ERROR, reason="no name (FN or N)", label=label)
    try:
        name = validate_contact_name(full)
    except ValidationError as error:
        return RowResult(line, RowStatus.ERROR, reason=error.message, label=full[:59] + "…")
    notes: list[str] = []
    contact = Contact(
        name,
        title=optional_detail(
            unescape(first.get("TITLE", "")),
            lambda raw: validate_line(raw, label="The title"),
            "title",
            notes,
        ),
        company=optional_detail(
            organisation, lambda raw: validate_line(raw, label="The company"), "company", notes
        ),
        email=optional_detail(email_raw, validate_email, "email", notes),
        phone=optional_detail(_phone(_preferred(props, "TEL")), validate_phone, "phone", notes),
        profile_url=optional_detail(
            _profile_link(props), validate_profile_url, "web address", notes
        ),
        found_via=FOUND_VIA,
    )
    return RowResult(line, RowStatus.IMPORTED, contact, "; ".join(notes))


def _unfinished(line: int, card: list[Property]) -> RowResult:
    readable = [prop for prop in card if not prop.quoted_printable]
    name = _card_name({prop.name: prop.value for prop in reversed(readable)})  # first FN/N wins
    return RowResult(line, RowStatus.ERROR, reason="card has no END:VCARD", label=name)


def _card_rows(lines: list[tuple[int, str]]) -> Iterator[RowResult]:
    """One result per card (or stray END), in file order. Text outside cards is ignored."""
    card: list[Property] | None = None
    started = 0
    for number, raw in lines:
        line = raw.strip()
        upper = line.upper()
        if upper == "BEGIN:VCARD":
            if card is not None:
                yield _unfinished(started, card)  # the next card starts; this one never ended
            card, started = [], number
        elif upper == "END:VCARD":
            if card is None:
                yield RowResult(number, RowStatus.ERROR, reason="END:VCARD without BEGIN")
            else:
                yield _card_row(started, card)
                card = None
        elif card is not None and line:
            prop = parse_property(line)
            if prop is not None:
                card.append(prop)
    if card is not None:
        yield _unfinished(started, card)


def parse_vcard_text(
    text: str, source: str = "contacts.vcf", progress: Progress | None = None
) -> ParsedFile:
    """Each card as a row, in file order; malformed cards are errors with their first line.
    A file with no cards at all is refused whole (`ImportFailed`)."""
    lines = unfold(text)
    total = sum(1 for _, line in lines if line.strip().upper() == "BEGIN:VCARD")
    rows: list[RowResult] = []
    for row in _card_rows(lines):
        rows.append(row)
        if progress is not None and len(rows) % PROGRESS_EVERY == 0:
            progress(len(rows), max(total, len(rows)))
    if not rows:
        raise ImportFailed(
            f"{source} holds no contact cards (BEGIN:VCARD … END:VCARD). {KIND.how_to_get_it}"
        )
    if progress is not None:
        progress(len(rows), len(rows))
    return ParsedFile(source, tuple(rows))


def parse_vcard_bytes(
    data: bytes, source: str = "contacts.vcf", progress: Progress | None = None
) -> ParsedFile:
    """For bytes already in hand (a file picked in the app, a test)."""
    return parse_vcard_text(decode(data, source, KIND), source, progress)


def parse_vcard(path: Path, progress: Progress | None = None) -> ParsedFile:
    """Read a .vcf from disk; refused whole by type, size or encoding first."""
    return parse_vcard_bytes(read_bytes(path, KIND), path.name, progress)
