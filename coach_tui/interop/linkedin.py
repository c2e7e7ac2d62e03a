"""LinkedIn's Connections.csv, as LinkedIn writes it.

The export may start with a UTF-8 byte-order mark and a "Notes:" paragraph before the
header, quotes fields that hold commas or quotes, leaves blank rows, and writes dates as
"04 Mar 2024". Columns are found by header name (any order, any case), so a file re-saved
from a spreadsheet with its columns moved still reads. The `csv` module does the parsing.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

from dateutil import parser as date_parser

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
    validate_profile_url,
)
from coach_tui.model.errors import ValidationError
from coach_tui.model.text import clean_text

KIND = FileKind(
    name="LinkedIn CSV",
    suffixes=(".csv",),
    how_to_get_it="On LinkedIn: Settings → Data privacy → Get a copy of your data → "
    "Connections; the file to import is Connections.csv.",
    how_to_fix_encoding="Download the export from LinkedIn again, or save the file from your "
    "spreadsheet as “CSV UTF-8”.",
)

# Header names as LinkedIn spells them, keyed by how they are matched (case-folded).
COLUMNS = {
    "first name": "First Name",
    "last name": "Last Name",
    "url": "URL",
    "email address": "Email Address",
    "company": "Company",
    "position": "Position",
    "connected on": "Connected On",
}
REQUIRED = ("first name", "last name")
HEADER_SEARCH_ROWS = 20  # the Notes: preamble is a few lines; the header comes right after

# English on purpose: LinkedIn writes English month names whatever the reader's locale.
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_NUMBER = {name.casefold(): number for number, name in enumerate(MONTHS, start=1)}
_LINKEDIN_DATE = re.compile(r"^(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})$")


def connected_on(text: str) -> date | None:
    """'04 Mar 2024' as LinkedIn writes it; ISO and other spellings with a year are tried
    too (a spreadsheet may have rewritten the column). Anything else is None, not an error."""
    text = text.strip()
    if not text:
        return None
    match = _LINKEDIN_DATE.match(text)
    if match and match.group(2).casefold() in _MONTH_NUMBER:
        day, month, year = match.groups()
        try:
            return date(int(year), _MONTH_NUMBER[month.casefold()], int(day))
        except ValueError:
            return None  # 31 Feb: the column is damaged, not worth a guess
    try:
        return date.fromisoformat(text)  # 2024-03-04, before dateutil reads it day first
    except ValueError:
        pass
    if not re.search(r"\d{4}", text):
        return None  # dateutil would fill a missing year from today: a guess, not a date
    try:
        return date_parser.parse(text, dayfirst=True).date()
    except (ValueError, OverflowError):
        return None


def describe_connection(day: date | None) -> str:
    """How the seller found this person, for the contact's `found_via`."""
    if day is None:
        return "LinkedIn connection"
    return f"LinkedIn connection since {day.day} {MONTHS[day.month - 1]} {day.year}"


def _records(text: str, source: str) -> list[tuple[int, list[str]]]:
    """Every CSV record with the file line it starts on (a quoted field may span lines)."""
    reader = csv.reader(io.StringIO(text, newline=""))
    records: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for record in reader:
            records.append((start, record))
            start = reader.line_num + 1
    except csv.Error as error:
        raise ImportFailed(
            f"{source} cannot be read as CSV near line {reader.line_num} ({error}). "
            f"{KIND.how_to_get_it}"
        ) from None
    return records


def _preview(cells: list[str]) -> str:
    shown = ", ".join(cell.strip() for cell in cells[:8] if cell.strip())
    return shown[:120] + ("…" if len(shown) > 120 else "")


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _find_header(records: list[tuple[int, list[str]]], source: str) -> tuple[int, dict[str, int]]:
    """Where the header is and which column holds what; refuses a file without names."""
    first_text: list[str] | None = None
    for position, (line, cells) in enumerate(records[:HEADER_SEARCH_ROWS]):
        keys = [cell.strip().lstrip("\ufeff").casefold() for cell in cells]
        if first_text is None and any(keys):
            first_text = cells
        index: dict[str, int] = {}
        for column, key in enumerate(keys):
            if key in COLUMNS:
                index.setdefault(key, column)
        if not index:
            continue
        missing = [COLUMNS[key] for key in REQUIRED if key not in index]
        if missing:
            raise ImportFailed(
                f"{source} has no {' or '.join(missing)} column (its header, line {line}, "
                f"has: {_preview(cells)}). coach needs First Name and Last Name. "
                f"{KIND.how_to_get_it}"
            )
        return position, index
    expected = ", ".join(COLUMNS.values())
    found = f" Its first row has: {_preview(first_text)}." if first_text else ""
    raise ImportFailed(
        f"{source} has none of LinkedIn's columns ({expected}); First Name and Last Name are "
        f"missing.{found} {KIND.how_to_get_it}"
    )


def _row(line: int, cells: dict[str, str]) -> RowResult:
    """One connection: a contact, or the reason it is not one. Never raises."""
    first = clean_text(cells.get("first name", ""), multiline=False)
    last = clean_text(cells.get("last name", ""), multiline=False)
    full = f"{first} {last}".strip()
    company_raw = clean_text(cells.get("company", ""), multiline=False)
    label = full or company_raw or clean_text(cells.get("url", ""), multiline=False)
    if not full:
        return RowResult(line, RowStatus.ERROR, reason="no first or last name", label=_short(label))
    try:
        name = validate_contact_name(full)
    except ValidationError as error:
        return RowResult(line, RowStatus.ERROR, reason=error.message, label=_short(label))
    notes: list[str] = []
    company = optional_detail(
        company_raw, lambda raw: validate_line(raw, label="The company"), "company", notes
    )
    title = optional_detail(
        cells.get("position", ""),
        lambda raw: validate_line(raw, label="The position"),
        "position",
        notes,
    )
    url = optional_detail(cells.get("url", ""), validate_profile_url, "profile link", notes)
    email = optional_detail(cells.get("email address", ""), validate_email, "email", notes)
    raw_day = clean_text(cells.get("connected on", ""), multiline=False)
    day = connected_on(raw_day)
    if raw_day and day is None:
        notes.append(f"date connected left out: “{raw_day[:40]}” is not a date")
    contact = Contact(
        name,
        title=title,
        company=company,
        profile_url=url,
        email=email,
        found_via=describe_connection(day),
    )
    return RowResult(line, RowStatus.IMPORTED, contact, "; ".join(notes))


def parse_linkedin_text(
    text: str, source: str = "Connections.csv", progress: Progress | None = None
) -> ParsedFile:
    """Rows of a connections export. A row that is not a person is reported, not fatal;
    a file without the name columns is refused whole (`ImportFailed`)."""
    records = _records(text, source)
    header, index = _find_header(records, source)
    width = len(records[header][1])
    body = records[header + 1 :]
    rows: list[RowResult] = []
    blank = 0
    for done, (line, cells) in enumerate(body, start=1):
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, len(body))
        if not any(cell.strip() for cell in cells):
            blank += 1
            continue
        if len(cells) > width and any(cell.strip() for cell in cells[width:]):
            rows.append(
                RowResult(
                    line,
                    RowStatus.ERROR,
                    reason=f"{len(cells)} values where the header has {width} columns "
                    "(a comma outside quotes?)",
                    label=_short(" ".join(cells[index[key]].strip() for key in REQUIRED)),
                )
            )
            continue
        rows.append(_row(line, {key: cells[i] for key, i in index.items() if i < len(cells)}))
    if not rows:
        raise ImportFailed(f"{source} has LinkedIn's columns but no connections under them.")
    if progress is not None:
        progress(len(body), len(body))
    return ParsedFile(source, tuple(rows), blank)


def parse_linkedin_bytes(
    data: bytes, source: str = "Connections.csv", progress: Progress | None = None
) -> ParsedFile:
    """For bytes already in hand (a file picked in the app, a test)."""
    return parse_linkedin_text(decode(data, source, KIND), source, progress)


def parse_linkedin(path: Path, progress: Progress | None = None) -> ParsedFile:
    """Read Connections.csv from disk; refused whole by type, size or encoding first."""
    return parse_linkedin_bytes(read_bytes(path, KIND), path.name, progress)
