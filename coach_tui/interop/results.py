"""What reading an import file produced, row by row, before anything is written.

Both readers (LinkedIn CSV, vCard) give back the same shape, so planning, the shell report
and the app's import screen work the same whichever file it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from coach_tui.model.contact import Contact
from coach_tui.model.errors import ValidationError

# Called as (rows done, rows in the file) while a big file is read, to move a progress bar.
Progress = Callable[[int, int], None]
PROGRESS_EVERY = 500


class RowStatus(Enum):
    IMPORTED = "imported"  # read cleanly; saved unless planning finds it is a duplicate
    SKIPPED = "skipped"  # nothing wrong, nothing to do: someone already known
    ERROR = "error"  # could not be read as a person


@dataclass(frozen=True, slots=True)
class RowResult:
    """One row (or card) of the file and what became of it.

    `line` is the line of the file the row starts on, as a text editor numbers it.
    `reason` is empty for a clean import; otherwise plain words: why it was skipped or not
    readable, or which detail was left out of an imported person. `label` names the row
    for the report when there is no contact (whatever name or company it had).
    """

    line: int
    status: RowStatus
    contact: Contact | None = None
    reason: str = ""
    label: str = ""

    @property
    def who(self) -> str:
        return self.contact.name if self.contact is not None else self.label


@dataclass(frozen=True, slots=True)
class ParsedFile:
    """Every row of one file, in file order; blank rows are only counted."""

    source: str
    rows: tuple[RowResult, ...] = field(default=())
    blank_rows: int = 0

    @property
    def contacts(self) -> list[Contact]:
        return [row.contact for row in self.rows if row.contact is not None]


def optional_detail(raw: str, check: Callable[[str], str], what: str, notes: list[str]) -> str:
    """`check(raw)`, or "" with a note when it fails.

    A phone number written oddly should not cost the seller the whole person: the person is
    imported without it, and the report says which detail was left out and why.
    """
    try:
        return check(raw)
    except ValidationError as error:
        notes.append(f"{what} left out: {error.message.rstrip('.')}")
        return ""
