"""Times as coach stores them: ISO 8601 text, with the zone's name for a scheduled time."""

from __future__ import annotations

from datetime import datetime

from coach_tui.model.clock import UnknownZone, named_zone, zone_key


class NoTimeZone(ValueError):
    """A stored time without an offset: which moment it means cannot be known."""


def moment_to_text(moment: datetime | None) -> str | None:
    """An instant (when something happened): ISO 8601 with the offset of that moment."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        raise ValueError("refusing to store a datetime without a time zone")
    return moment.isoformat()


def zoned_to_text(moment: datetime) -> str:
    """A time the seller scheduled: wall time, that date's offset and the zone's name,
    `2027-07-01T10:00:00+02:00[Europe/Berlin]` (RFC 9557, the form Temporal and java.time
    write).

    The name keeps the clock time the seller meant if the zone's rules change; the offset
    tells which of the two 02:30s of an autumn night it is, and lets any ISO 8601 reader
    (and the archive's text comparisons) use the part before the bracket as it stands.
    A zone without a name (see `clock.py`) is stored as its offset alone.
    """
    if moment.tzinfo is None:
        raise ValueError("refusing to store a datetime without a time zone")
    key = zone_key(moment.tzinfo)
    return f"{moment.isoformat()}[{key}]" if key else moment.isoformat()


def moment_from_text(text: str) -> datetime:
    """A stored time as an aware datetime; `ValueError` if it is not one.

    With a zone name, the wall time in that zone is the moment, at the offset its rules
    give that date; the stored offset only picks between the two readings of a wall time
    the clocks pass twice. A name this machine does not know leaves the moment as saved,
    and the name with it (`UnknownZone`), for the next save to write back.
    """
    key = ""
    if text.endswith("]"):  # RFC 9557: the zone's name in brackets, "!" if critical
        text, _bracket, key = text[:-1].rpartition("[")
        key = key.removeprefix("!")
    stamp = datetime.fromisoformat(text)
    offset = stamp.utcoffset()
    if offset is None:
        raise NoTimeZone(text)
    if not key:
        return stamp
    zone = named_zone(key)
    if zone is None:
        return stamp.replace(tzinfo=UnknownZone(key, offset))
    moment = stamp.astimezone(zone)
    if moment.utcoffset() == offset:  # the same moment, the same clock time: as saved
        return moment
    # The zone's rules give that date another offset now: the clock time typed wins.
    wall = stamp.replace(tzinfo=zone, fold=0)
    if wall.utcoffset() != offset and wall.replace(fold=1).utcoffset() == offset:
        return wall.replace(fold=1)
    return wall
