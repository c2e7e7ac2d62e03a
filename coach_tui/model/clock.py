"""The one place that reads the wall clock and the machine's time zone.

Now is an aware datetime in the seller's named zone (a `ZoneInfo`, e.g. Europe/Berlin),
never a fixed UTC offset: combined with a typed day and time it gives the offset of THAT
date, so a call typed in December for July lands at July's clock time.

The zone's name comes from `TZ` if it names one (`Europe/Berlin`, `:Europe/Berlin` or a
path into a zoneinfo folder), else from where `/etc/localtime` points, else from
`/etc/timezone`. A machine with no named zone (Windows, a POSIX rule string such as
`CET-1CEST,M3.5.0,M10.5.0/3` in `TZ`) falls back to dateutil's `tzlocal()`: the machine's
own rules, which still give each date its right offset, but no name to store with a call.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime, timedelta, timezone, tzinfo
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

Clock = Callable[[], datetime]

LOCALTIME = Path("/etc/localtime")
TIMEZONE_FILE = Path("/etc/timezone")  # Debian and Ubuntu also write the name here
_ZONE_FOLDERS = ("zoneinfo/", "zoneinfo.default/")  # macOS points into the latter
_VARIANTS = ("posix/", "right/")  # the same zones under other folders of the database


def system_clock() -> datetime:
    """Now, as an aware datetime in the machine's local time zone."""
    return datetime.now(local_zone())


def local_zone() -> tzinfo:
    """The machine's time zone: a `ZoneInfo` when it has a name (see the module's note)."""
    return _zone_for(os.environ.get("TZ"))


def zone_key(zone: tzinfo | None) -> str | None:
    """The IANA name of `zone` (`Europe/Berlin`), or None for a zone without one."""
    if isinstance(zone, ZoneInfo | UnknownZone):
        return zone.key or None
    return None


class UnknownZone(tzinfo):
    """A zone named in a stored time that this machine's zone database lacks (a name newer
    than its tzdata, say): the offset the time was saved with, and the name, kept so that
    saving the record again writes the name back rather than dropping it."""

    def __init__(self, key: str, offset: timedelta) -> None:
        self.key = key
        self._offset = offset

    def utcoffset(self, dt: datetime | None) -> timedelta:
        return self._offset

    def dst(self, dt: datetime | None) -> timedelta:
        return timedelta(0)

    def tzname(self, dt: datetime | None) -> str:
        return timezone(self._offset).tzname(None)  # the name is data: never shown

    def __getinitargs__(self) -> tuple[str, timedelta]:  # for copy and pickle
        return self.key, self._offset

    def __repr__(self) -> str:
        return f"UnknownZone({self.key!r}, {self._offset!r})"


@cache
def named_zone(key: str) -> ZoneInfo | None:
    """The zone called `key`, or None when this machine's zone database has no such name."""
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # ValueError: not a zone name at all
        return None


def local_time(moment: datetime, now: datetime) -> datetime:
    """`moment` as the seller's clock shows it: in the zone `now` is in.

    Every time shown, and every "is it today?", goes through here, whatever zone the
    moment was stored with (a call typed before a flight keeps its own zone).
    """
    return moment.astimezone(now.tzinfo)


@cache
def _zone_for(tz_variable: str | None) -> tzinfo:
    """Looked up once per value of `TZ`: a clock read must not touch the disk."""
    key = _key_from_variable(tz_variable) if tz_variable is not None else _key_from_system()
    zone = named_zone(key) if key else None
    if zone is not None:
        return zone
    from dateutil import tz  # only a machine that names no zone needs dateutil's rules

    return tz.tzlocal()


def _key_from_variable(value: str) -> str | None:
    """The zone name in a `TZ` value; an empty one means UTC, as the C library reads it."""
    value = value.removeprefix(":").strip()
    if not value:
        return "UTC"
    return key_from_path(value) if value.startswith("/") else value


def _key_from_system(
    localtime: Path = LOCALTIME, timezone_file: Path = TIMEZONE_FILE
) -> str | None:
    """The name the system's own settings give the local zone, if any."""
    try:
        if localtime.is_symlink():
            key = key_from_path(os.path.realpath(localtime))
            if key:
                return key
        return timezone_file.read_text(encoding="utf-8").strip() or None
    except (OSError, UnicodeDecodeError):
        return None


def key_from_path(path: str) -> str | None:
    """`Europe/Berlin` from `/usr/share/zoneinfo/Europe/Berlin` (None if no zone folder)."""
    for folder in _ZONE_FOLDERS:
        _before, found, key = path.rpartition(folder)
        if found and key:
            for variant in _VARIANTS:
                key = key.removeprefix(variant)
            return key
    return None
