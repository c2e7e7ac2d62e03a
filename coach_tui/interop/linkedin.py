"""LinkedIn's Connections.csv, as LinkedIn writes it.

The export starts with a "Notes:" paragraph before the header, may carry a UTF-8 BOM, quotes
fields with commas and quotes in them, and leaves blank rows. Columns are found by header
name (any order, any case), so a re-saved or trimmed file still reads.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

from dateutil import parser as date_parser

from coach_tui.interop.errors import ImportFailed
from coach_tui.interop.reading import read_text
from coach_tui.interop.results import ParsedFile, RowResult, RowStatus
from coach_tui.model.contact import (
    Contact,
    validate_contact_name,
    validate_email,
    validate_line,
    validate_profile_url,
)
from coach_tui.model.errors import ValidationError

NAME_COLUMNS = ("first name", "last name")
OPTIONAL_COLUMNS = ("url", "email address", "company", "position", "connected on")


def connected_on(text: str) -> date | None:
    """LinkedIn writes '04 Mar 2024'; other spellings are tried before giving up quietly."""
    text = text.strip()
    if not text:
        return None
    for pattern in ("%d %b %Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            pass
    try:
        return date_parser.parse(text, dayfirst=True).date()
    except (ValueError, OverflowError):
        return None


def _header_at(rows: list[list[str]]) -> int:
    for index, row in enumerate(rows):
        names = {cell.strip().casefold() for cell in row}
        if set(NAME_COLUMNS) <= names:
            return index
    raise ImportFailed(
        "No header row with 'First Name' and 'Last Name' was found. Is this the "
        "Connections.csv from LinkedIn's data export?"
    )


def _contact(cells: dict[str, str]) -> Contact:
    full = f"{cells.get('first name', '')} {cells.get('last name', '')}".strip()
    if not full:
        raise ValidationError("no first or last name")
    name = validate_contact_name(full)
    when = connected_on(cells.get("connected on", ""))
    found = f"LinkedIn connection since {when.day} {when:%b %Y}" if when else "LinkedIn"
    company = validate_line(cells.get("company", ""), label="The company")
    return Contact(
        name,
        title=validate_line(cells.get("position", ""), label="The position"),
        company=company,
        profile_url=validate_profile_url(cells.get("url", "")),
        email=validate_email(cells.get("email address", "")),
        found_via=found,
    )


def parse_linkedin_text(text: str, source: str = "Connections.csv") -> ParsedFile:
    """Rows of a connections export; a row that is not a person is reported, not fatal."""
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise ImportFailed(f"{source} is not a readable CSV file ({error}).") from None
    start = _header_at(rows)
    header = [cell.strip().casefold() for cell in rows[start]]
    results: list[RowResult] = []
    # Line numbers count physical rows as a spreadsheet shows them (header = its own row).
    for offset, row in enumerate(rows[start + 1 :], start=start + 2):
        if not any(cell.strip() for cell in row):
            continue  # blank rows carry nothing; not worth a line in the report
        cells = {name: row[i] if i < len(row) else "" for i, name in enumerate(header)}
        try:
            contact = _contact(cells)
        except ValidationError as error:
            results.append(RowResult(offset, RowStatus.ERROR, reason=error.message))
            continue
        results.append(RowResult(offset, RowStatus.READY, contact))
    return ParsedFile(source, tuple(results))


def parse_linkedin(path: Path) -> ParsedFile:
    text = read_text(path, kind="LinkedIn CSV", suffixes=(".csv",))
    return parse_linkedin_text(text, path.name)
