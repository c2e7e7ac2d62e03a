"""What reading a file produced, row by row, before anything is written."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from coach_tui.model.contact import Contact


class RowStatus(Enum):
    READY = "ready"  # read cleanly; imported unless it turns out to be a duplicate
    SKIPPED = "skipped"  # a duplicate, or an empty row: nothing wrong, nothing to do
    ERROR = "error"  # could not be read as a person


@dataclass(frozen=True, slots=True)
class RowResult:
    """One row (or card) of the file and what became of it."""

    line: int
    status: RowStatus
    contact: Contact | None = None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class ParsedFile:
    """Every row of one file, in file order."""

    source: str
    rows: tuple[RowResult, ...] = field(default=())

    @property
    def contacts(self) -> list[Contact]:
        return [row.contact for row in self.rows if row.contact is not None]
