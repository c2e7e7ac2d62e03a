"""vCard 3.0 and 4.0 (.vcf), as phones and mail programs export them.

Lines may be folded (a line break followed by a space or tab continues the line), values
may carry parameters (`EMAIL;TYPE=work:`) and escapes (`\\,` `\\;` `\\n`). A card without
an END or a name is reported with the line it starts on; the other cards still import.
"""

from __future__ import annotations

import re
from pathlib import Path

from coach_tui.interop.errors import ImportFailed
from coach_tui.interop.reading import read_text
from coach_tui.interop.results import ParsedFile, RowResult, RowStatus
from coach_tui.model.contact import (
    Contact,
    validate_contact_name,
    validate_email,
    validate_line,
    validate_phone,
    validate_profile_url,
)
from coach_tui.model.errors import ValidationError

_ESCAPES = {"\\n": "\n", "\\N": "\n", "\\,": ",", "\\;": ";", "\\\\": "\\"}
_ESCAPE = re.compile(r"\\[nN,;\\]")


def unescape(value: str) -> str:
    return _ESCAPE.sub(lambda match: _ESCAPES[match.group()], value)


def _split_components(value: str) -> list[str]:
    """Split on unescaped semicolons (N and ORG have parts)."""
    return [unescape(part) for part in re.split(r"(?<!\\);", value)]


def _property(line: str) -> tuple[str, str]:
    """('EMAIL', 'a@b.c') from 'item1.EMAIL;TYPE=work:a@b.c'."""
    head, _, value = line.partition(":")
    name = head.split(";")[0].split(".")[-1].upper()
    return name, value


def _card_contact(props: list[tuple[str, str]]) -> Contact:
    first: dict[str, str] = {}
    urls: list[str] = []
    for name, value in props:
        if name == "URL":
            urls.append(unescape(value))
        first.setdefault(name, value)
    full = unescape(first.get("FN", "")).strip()
    if not full and "N" in first:
        parts = [*_split_components(first["N"]), "", ""]
        full = f"{parts[1]} {parts[0]}".strip()
    phone = unescape(first.get("TEL", "")).removeprefix("tel:")
    link = next((url for url in urls if "linkedin." in url.lower()), urls[0] if urls else "")
    if not full:
        raise ValidationError("no name (FN or N)")
    return Contact(
        validate_contact_name(full),
        title=validate_line(unescape(first.get("TITLE", "")), label="The title"),
        company=validate_line(_split_components(first.get("ORG", ""))[0], label="The company"),
        email=validate_email(unescape(first.get("EMAIL", "")).removeprefix("mailto:")),
        phone=validate_phone(phone),
        profile_url=validate_profile_url(link),
        found_via="Address book (vCard)",
    )


def unfold(text: str) -> list[tuple[int, str]]:
    """Logical lines with the file line each starts on (continuations joined back)."""
    lines: list[tuple[int, str]] = []
    for number, raw in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        if raw[:1] in (" ", "\t") and lines:
            start, so_far = lines[-1]
            lines[-1] = (start, so_far + raw[1:])
        else:
            lines.append((number, raw))
    return lines


def parse_vcard_text(text: str, source: str = "contacts.vcf") -> ParsedFile:
    """Each card as a row; malformed cards are errors with the line they start on."""
    results: list[RowResult] = []
    card: list[tuple[str, str]] | None = None
    started = 0
    for number, raw in unfold(text):
        line = raw.strip()
        if not line:
            continue
        upper = line.upper()
        if upper == "BEGIN:VCARD":
            if card is not None:
                results.append(RowResult(started, RowStatus.ERROR, reason="card has no END"))
            card, started = [], number
        elif upper == "END:VCARD":
            if card is None:
                results.append(RowResult(number, RowStatus.ERROR, reason="END without BEGIN"))
                continue
            results.append(_card_row(started, card))
            card = None
        elif card is not None and ":" in line:
            card.append(_property(line))
    if card is not None:
        results.append(RowResult(started, RowStatus.ERROR, reason="card has no END"))
    return ParsedFile(source, tuple(results))


def _card_row(line: int, card: list[tuple[str, str]]) -> RowResult:
    try:
        return RowResult(line, RowStatus.READY, _card_contact(card))
    except ValidationError as error:
        return RowResult(line, RowStatus.ERROR, reason=error.message)


def parse_vcard(path: Path) -> ParsedFile:
    text = read_text(path, kind="vCard", suffixes=(".vcf", ".vcard"))
    parsed = parse_vcard_text(text, path.name)
    if not parsed.rows:
        raise ImportFailed(f"{path.name} holds no contact cards (BEGIN:VCARD … END:VCARD).")
    return parsed
