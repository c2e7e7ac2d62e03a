"""Stable identifiers for records.

TinyDB reuses document ids after deletions, so links between records (and ids handed to
calendars later) use our own random ids instead.
"""

import uuid


def new_uid() -> str:
    """A fresh 32-character hex id."""
    return uuid.uuid4().hex
