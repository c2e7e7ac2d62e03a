"""Which rules a check of stored records applies, and the one limit every text keeps."""

from __future__ import annotations

from enum import Enum

# The longest text any record may hold, whatever its field: a data file is refused beyond
# it (a runaway paste or a damaged file), and drafts are cut to it.
STORED_TEXT_MAX = 50_000


class Limits(Enum):
    """Which of a field's rules a check applies.

    A form or an import applies all of them (`FORMS`). Opening a data file applies those
    whose breach coach cannot work with (`FILES`): types, choices, numbers and dates in
    range, a record's own id. Text longer than its form allows, a list with more items than
    the form offers, an e-mail address a form would not take: a hand edit can leave those,
    nothing breaks on them, and refusing the file would make the seller restore this
    morning's backup over the day's work. So a data file may hold them, up to
    `STORED_TEXT_MAX` characters a text (the store's reader refuses longer ones).
    """

    FORMS = "forms"
    FILES = "files"
