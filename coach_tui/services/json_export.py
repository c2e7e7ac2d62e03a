"""Export everything as JSON: every table of the folder in the envelope `coach import json`
reads back."""

from __future__ import annotations

from dataclasses import dataclass

from coach_tui.interop.json_envelope import encode_export
from coach_tui.model.progress import Progress, no_progress
from coach_tui.store.layout import SCHEMA_VERSION
from coach_tui.store.portable import read_tables
from coach_tui.store.repository import Repository


@dataclass(frozen=True)
class JsonExport:
    """The file's bytes and how many records it holds."""

    payload: bytes
    records: int


ENCODING = "Writing it as JSON"


def json_export(repo: Repository, progress: Progress = no_progress) -> JsonExport:
    """The whole folder (archive included) as one export file; `progress` counts the
    tables read, then hears of the encoding (one step) begun and done."""
    tables = read_tables(repo.store, progress)
    progress(ENCODING, 0, None)
    payload = encode_export(SCHEMA_VERSION, tables)
    progress(ENCODING, 1, 1)
    return JsonExport(payload, sum(len(records) for records in tables.values()))
