"""The day's agenda as `coach today` shows it, and the digest that keeps it between runs.

`agenda_view()` is the one shape of what `coach today` shows: `--json` prints it (its
`"version"` says which shape), the plain and `--format` printers read it, and the digest
stores it. `write_today_digest()` keeps it in the data folder stamped with what it was
computed from (see `store/today_digest.py`); `cached_view()` hands it back only while
every stamp holds, so a reader gets exactly what the full read would give.

The agenda depends on the time of day at one point only: a call moves from "upcoming" to
"waiting for its debrief" when its time comes (which changes the list to debrief, the red
flags and the coach's line). So a digest holds until the next call's time; after that the
agenda is read again.

Importing this module loads no repository and no coaching rule: a digest hit must not
pay for them.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coach_tui import __version__
from coach_tui.model.clock import zone_key
from coach_tui.store.paths import config_dir
from coach_tui.store.today_digest import Identity, live_identities, load_digest, save_digest

if TYPE_CHECKING:
    from coach_tui.coaching.agenda import Agenda
    from coach_tui.store.repository import Repository

# The version of `agenda_view()`'s shape (`--json`'s "version"): raise it when a key is
# renamed, removed or changes type; adding a key keeps it.
VIEW_VERSION = 1
CONFIG_FILE = "config.toml"
LOCALE_VARIABLES = ("LC_ALL", "LC_TIME", "LANG")  # as `coaching/public_holidays.py` reads them

View = dict[str, Any]
Identities = dict[str, Identity]

_TEXT_OR_NONE = (str, type(None))
# `agenda_view()`'s shape, to check a digest's view before it is used: the digest is a
# file anyone can edit, and the printers trust the view they are given.
_TOP: dict[str, type | tuple[type, ...]] = {
    "version": int, "date": str, "why": str, "calls": list, "to_debrief": list,
    "touches": list, "promises": list, "stalled": list, "behind_pace": list,
    "late_objectives": list, "review": _TEXT_OR_NONE, "coach": str,
}  # fmt: skip
_ITEMS: dict[str, dict[str, type | tuple[type, ...]]] = {
    "calls": {"time": str, "account": str, "kind": str, "outcome": _TEXT_OR_NONE},
    "to_debrief": {"time": str, "account": str, "kind": str},
    "touches": {"due": str, "days_overdue": int, "account": str, "to": str, "channel": str,
                "purpose": str},
    "promises": {"account": str, "whose": str, "what": str, "due": str, "days_late": int},
    "stalled": {"account": str, "question": str},
    "behind_pace": {"goal": str, "coach": str},
    "late_objectives": {"account": str, "objective": str},
}  # fmt: skip


def agenda_view(agenda: Agenda) -> View:
    """What `coach today` shows, as plain JSON values (documented in the README)."""
    return {
        "version": VIEW_VERSION,
        "date": agenda.today.isoformat(),
        "why": agenda.why,
        "calls": [
            {
                "time": c.when.isoformat(),
                "account": c.account,
                "kind": c.kind,
                "outcome": c.outcome or None,
            }
            for c in agenda.calls
        ],
        "to_debrief": [
            {"time": c.when.isoformat(), "account": c.account, "kind": c.kind}
            for c in agenda.to_debrief
        ],
        "touches": [
            {
                "due": line.item.touch.due.isoformat(),
                "days_overdue": line.item.days_overdue,
                "account": line.account,
                "to": line.who,
                "channel": line.item.touch.channel.value,
                "purpose": line.item.touch.purpose.value,
            }
            for line in agenda.touches
        ],
        "promises": [
            {
                "account": p.account,
                "whose": p.whose,
                "what": p.what,
                "due": p.due,
                "days_late": p.days_late,
            }
            for p in agenda.promises
        ],
        "stalled": [{"account": a, "question": q} for a, q in agenda.stalled],
        "behind_pace": [{"goal": g, "coach": s} for g, s in agenda.behind],
        "late_objectives": [{"account": a, "objective": o} for a, o in agenda.late],
        "review": agenda.review or None,
        "coach": agenda.coach_line,
    }


def data_identities(data_dir: Path) -> Identities:
    """What the agenda is read from, as it is now: take it BEFORE reading the agenda and
    hand it to `write_today_digest()`. The config file is among them: settings there may
    change what the agenda says."""
    return live_identities(data_dir, also=(config_dir() / CONFIG_FILE,))


def todays_agenda_kept(repo: Repository, now: datetime) -> Agenda:
    """`todays_agenda()`, kept as the digest for the next `coach today` (the app reads the
    agenda with this, so a status line that runs after it has nothing to read again)."""
    from coach_tui.services.agenda import todays_agenda

    read_from = data_identities(repo.data_dir)  # before reading: what the agenda comes from
    agenda = todays_agenda(repo, now)
    write_today_digest(repo.data_dir, agenda, now, read_from)
    return agenda


def write_today_digest(
    data_dir: Path, agenda: Agenda, now: datetime, read_from: Identities
) -> bool:
    """Keep `agenda` (read at `now` from the files as `read_from` found them) for the next
    `coach today`. Written only if the files are still those: a save that landed while
    the agenda was read would make the digest a lie. Atomic; never raises on a disk
    problem (`False`: not written, the next reader just reads the files).
    `todays_agenda_kept()` is the whole sequence for a caller holding a repository.
    """
    if data_identities(data_dir) != read_from:
        return False
    until = agenda.steady_until
    return save_digest(
        data_dir,
        {
            "coach": __version__,
            "view_version": VIEW_VERSION,
            "day": now.date().isoformat(),
            "zone": _zone_of(now),
            "locale": _locale(),
            "computed": now.isoformat(),
            "until": until.isoformat() if until is not None else None,
            "files": read_from,
            "view": agenda_view(agenda),
        },
    )


def cached_view(data_dir: Path, now: datetime) -> View | None:
    """The digest's view if it is exactly what reading the files at `now` would give,
    else `None` (none there, another day or zone, a call's time passed, a file changed)."""
    digest = load_digest(data_dir)
    if digest is None:
        return None
    try:
        fresh = (
            digest.get("coach") == __version__
            and digest.get("view_version") == VIEW_VERSION
            and digest.get("day") == now.date().isoformat()
            and digest.get("zone") == _zone_of(now)
            and digest.get("locale") == _locale()
            and datetime.fromisoformat(digest["computed"]) <= now
            and (digest["until"] is None or now <= datetime.fromisoformat(digest["until"]))
        )
    except (KeyError, TypeError, ValueError):  # not a shape this coach wrote
        return None
    if not fresh or digest.get("files") != data_identities(data_dir):
        return None
    view = digest.get("view")
    return view if _well_formed(view) else None


def _well_formed(view: object) -> bool:
    """Whether `view` has `agenda_view()`'s shape, every time readable."""
    if not isinstance(view, dict) or view.keys() != _TOP.keys():
        return False
    if not all(isinstance(view[key], kind) for key, kind in _TOP.items()):
        return False
    for key, shape in _ITEMS.items():
        for item in view[key]:
            if not isinstance(item, dict) or item.keys() != shape.keys():
                return False
            if not all(isinstance(item[name], kind) for name, kind in shape.items()):
                return False
    try:
        date.fromisoformat(view["date"])
        for call in (*view["calls"], *view["to_debrief"]):
            datetime.fromisoformat(call["time"])
    except ValueError:
        return False
    return True


def _locale() -> list[str]:
    """The locale variables, which pick the public holidays when the settings leave them
    to the locale (the red flags count working days around them)."""
    return [os.environ.get(name, "") for name in LOCALE_VARIABLES]


def _zone_of(now: datetime) -> str:
    """The zone's name, or its offset now where the machine names none."""
    key = zone_key(now.tzinfo)
    return key if key is not None else f"offset {now.utcoffset()}"
