"""The `coach export json` file: every table of the seller's data in one JSON document.

The document is a format marker, the data version of its records, and the tables as
lists of records: `{"format": "coach-tui data", "format_version": 1, "schema": 1,
"tables": {"accounts": [...], ...}}`. Where a record sits on disk (the live files or the
archive) and TinyDB's numeric ids are storage details and are left out, so the same data
always exports to the same bytes: records are ordered by their uid, keys are sorted, and
the indentation is fixed. That is what lets an export, imported and exported again, be
compared byte for byte.

The file is a faithful copy of what is stored, so text is never changed on the way out.
JSON already writes control codes as `\\u001b`-style escapes; the few characters it may
leave raw that would act on a terminal or an editor (DEL, the C1 controls, bidi overrides
and isolates, BOMs) are written as escapes too. They decode to the same text, so a file
with none of them is unchanged, and a file with some reads back exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import orjson

from coach_tui.interop.errors import ImportFailed

FORMAT = "coach-tui data"
FORMAT_VERSION = 1
# Those characters' UTF-8 bytes. Their lead bytes never occur inside another character's
# bytes, and orjson writes them only inside strings, so they can be replaced bytewise.
_RAW_CONTROL = re.compile(
    rb"\x7f|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]|\xef\xbb\xbf"
)
_ASCII_BUT_DEL = bytes(range(0x7F))

Record = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Envelope:
    """A decoded export: the data version of its records and its tables."""

    schema: int
    tables: dict[str, list[Record]]


def _order_key(record: Record) -> tuple[str, bytes]:
    """By uid; the few records without one (settings, drafts) by their content."""
    uid = record.get("uid")
    if isinstance(uid, str):
        return uid, b""
    return "", orjson.dumps(record, option=orjson.OPT_SORT_KEYS)


def in_export_order(records: Iterable[Record]) -> list[Record]:
    """`records` in the order an export lists them, whatever order they were stored in."""
    return sorted(records, key=_order_key)


def encode_export(schema: int, tables: Mapping[str, Iterable[Record]]) -> bytes:
    """The export file's bytes: deterministic for the same data."""
    document = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema": schema,
        "tables": {name: in_export_order(records) for name, records in tables.items()},
    }
    payload = orjson.dumps(
        document, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE
    )
    # Those characters are never ASCII but for DEL: look among the other bytes first
    # (their sequences stay whole), so a 200 MB export is searched in a blink.
    if not _RAW_CONTROL.search(payload.translate(None, _ASCII_BUT_DEL)):
        return payload
    return _RAW_CONTROL.sub(_json_escape, payload)


def _json_escape(match: re.Match[bytes]) -> bytes:
    return b"\\u%04x" % ord(match.group().decode("utf-8"))


def decode_export(payload: bytes, newest_schema: int) -> Envelope:
    """Read an export's bytes, or `ImportFailed` saying what is wrong with the file.

    Only the envelope is checked here (marker, versions, the shape of the tables); which
    tables may be imported and the records themselves are checked by the store, with the
    same rules as its own files.
    """
    try:
        document = orjson.loads(payload)
    except orjson.JSONDecodeError as error:
        raise ImportFailed(f"the file is not valid JSON ({error}).") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportFailed(
            "this is not a coach export: it lacks the line "
            f'"format": "{FORMAT}" that `coach export json` writes.'
        )
    format_version = _whole_number(document, "format_version")
    schema = _whole_number(document, "schema")
    if format_version > FORMAT_VERSION or schema > newest_schema:
        raise ImportFailed(
            "the file was written by a newer coach than this one. Upgrade coach, then "
            "import it again."
        )
    tables = document.get("tables")
    if not isinstance(tables, dict):
        raise ImportFailed('"tables" is missing or is not a JSON object.')
    return Envelope(schema, {name: _records(name, value) for name, value in tables.items()})


def _whole_number(document: Record, key: str) -> int:
    value = document.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ImportFailed(f'"{key}" is missing or is not a whole number.')
    return value


def _records(name: str, value: object) -> list[Record]:
    if not isinstance(value, list):
        raise ImportFailed(f"table '{name}' is not a list of records.")
    for number, record in enumerate(value, start=1):
        if not isinstance(record, dict):
            raise ImportFailed(f"record {number} of table '{name}' is not a JSON object.")
    return value
