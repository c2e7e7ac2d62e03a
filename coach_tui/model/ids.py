"""Stable identifiers for records.

TinyDB reuses document ids after deletions, so links between records (and ids handed to
calendars later) use our own random ids instead.
"""

import uuid

from coach_tui.model.errors import ValidationError


def new_uid() -> str:
    """A fresh 32-character hex id."""
    return uuid.uuid4().hex


UID_MAX = 64


def check_uid(uid: str, *, field: str = "uid") -> str:
    """A record's own id: not blank (nothing could find the record), not a page long."""
    if not uid or uid.isspace():
        raise ValidationError("The id is empty.", field=field)
    return check_link(uid, field=field) if len(uid) > UID_MAX else uid


def check_link(uid: str, *, field: str) -> str:
    """An id naming another record, or empty for none: at most `UID_MAX` characters.

    Whether that record exists is not checked: the screens show "someone no longer
    listed" for a link that leads nowhere, and a crash between the files of one save can
    leave such a link (see the repositories' write order), which must not lock a seller
    out of the folder.
    """
    if len(uid) > UID_MAX:
        raise ValidationError(
            f"The id is {len(uid):,} characters; an id has at most {UID_MAX}.", field=field
        )
    return uid
