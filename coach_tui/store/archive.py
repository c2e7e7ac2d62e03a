"""Old history out of the daily files: what keeps start-up and saves flat as years pass.

Five years of a heavy seller's work is 60,000 touches and 12,000 calls, and TinyDB
rewrites a whole file on every save. Almost all of it is history no daily screen shows,
so touches closed, calls debriefed, promises kept and campaigns ended more than a
quarter ago move to `archive.json`
(a lazy family: read only when a history view, an old week's figures or an export asks).
A quarter keeps the weekly review (a week against the four before it) and the 12-week
trends in the live files; longer trends read the archive in their worker.

Closed touches of finished campaigns leave the live touches file sooner: every pass (daily)
moves them to `recent.json`, another lazy family, which the weekly review and the 12-week
trends read along with the live file. At five years they were 1.8 MB of the 3.2 MB that
every start parsed, and no daily screen shows one. A monthly pass moves them on from there
to the archive once they are a quarter old.

What stays live regardless of age, so every daily view is exact from the live files:
planned touches and touches of a running campaign; calls not debriefed yet, calls of an
open objective, and each account's stall window (its first debriefed call, last advance
and last three debriefs — exactly what the stall rule reads); every campaign that still
has a touch in the live file (finished campaigns are most of the entry file at five
years, and only a lookup by uid ever reads one).

The move is one transaction over both files, and the archive is swapped in before the
live files: a crash in between leaves a record in both places, never in neither. Readers
that combine the two prefer the live copy (`with_archive`), and the next pass replaces
the archived copy by uid. (A read-only open keeps the archive of its snapshot for a late
read: see `snapshot.py`.) The live file's `_meta` stamp records the boundary, so a query
about recent weeks knows it need not open the archive at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta
from tinydb.table import Table

from coach_tui.store.codec import Record
from coach_tui.store.layout import META_TABLE, TABLE_FAMILY
from coach_tui.store.repos.common import stored_records
from coach_tui.store.store import Store, Transaction

KEEP_LIVE = relativedelta(weeks=13)
# Records are moved in batches: only once something is a month past the boundary, so the
# (large) archive file is rewritten about monthly rather than every day.
MOVE_AFTER = relativedelta(weeks=17)
BOUNDARY = "archived_before"
# Stamped in the live touches file: the oldest close date in the recent file, so a daily
# pass knows when that file holds something due for the archive without reading it.
RECENT_SINCE = "recent_since"
# The tier between live and archive, for touches only (the largest table by far).
RECENT_OF = {"touches": "touches_recent"}
ARCHIVE_OF = {
    "touches": "touches_archive",
    "calls": "calls_archive",
    "commitments": "commitments_archive",
    "campaigns": "campaigns_archive",
}


@dataclass(frozen=True, slots=True)
class Moved:
    """How many records one pass moved to the archive."""

    touches: int = 0
    calls: int = 0
    commitments: int = 0
    campaigns: int = 0
    settled_touches: int = 0  # to `recent.json`, not the archive

    def __bool__(self) -> bool:
        return bool(
            self.touches or self.calls or self.commitments or self.campaigns or self.settled_touches
        )


def archived_before(store: Store, table: str) -> date | None:
    """The boundary of the last pass for `table`: nothing on or after it is archived."""
    text = _stamp(store, table).get(BOUNDARY)
    return date.fromisoformat(text) if isinstance(text, str) else None


def _stamp(store: Store, table: str) -> dict:
    """The `_meta` stamp of the live file that holds `table`."""
    data = store.database(TABLE_FAMILY[table]).storage.read() or {}
    stamp = next(iter(data.get(META_TABLE, {}).values()), {})
    return stamp if isinstance(stamp, dict) else {}


def archive_may_hold(store: Store, table: str, first: date) -> bool:
    """Whether records dated `first` or later could be in the archive (an old span)."""
    boundary = archived_before(store, table)
    return boundary is not None and first < boundary


def with_archive(tx: Transaction, table: str) -> Iterator[tuple[str, Record]]:
    """Every stored (key, record) of `table`: live, then recent, then archived, each record
    once (the copy in the earlier tier wins)."""
    return _tiers(tx, table, (RECENT_OF.get(table), ARCHIVE_OF[table]))


def with_recent(tx: Transaction, table: str) -> Iterator[tuple[str, Record]]:
    """Live records, then recent ones not also live: everything after the archive boundary."""
    return _tiers(tx, table, (RECENT_OF.get(table),))


def _tiers(
    tx: Transaction, table: str, later: tuple[str | None, ...]
) -> Iterator[tuple[str, Record]]:
    live = stored_records(tx.table(table))
    yield from live.items()
    seen = {record["uid"] for record in live.values()}
    for tier in later:
        if tier is None:
            continue
        fresh = [(k, r) for k, r in stored_records(tx.table(tier)).items() if r["uid"] not in seen]
        seen.update(r["uid"] for _, r in fresh)
        yield from fresh


def archive_old_history(store: Store, today: date, *, force: bool = False) -> Moved:
    """Move closed touches of finished campaigns to the recent file, and what is older than
    the boundary to the archive if that is due.

    Without `force` the archive is left alone until some record is a month past the
    boundary (see `MOVE_AFTER`); a pass that finds nothing to move reads neither lazy file.
    """
    boundary = (today - KEEP_LIVE).isoformat()
    trigger = boundary if force else (today - MOVE_AFTER).isoformat()
    with store.transaction() as tx:
        # Read through the databases, not `tx.table`: a file is held (and written) only
        # when it changes, and the archive must be held first so it is swapped in first.
        live_touches = stored_records(store.database("touches").table("touches"))
        live_calls = stored_records(store.database("calls").table("calls"))
        live_promises = stored_records(store.database("calls").table("commitments"))
        live_campaigns = stored_records(store.database("entry").table("campaigns"))
        running = {r["uid"] for r in live_campaigns.values() if r.get("status") == "active"}
        touches = _old_touches(running, live_touches, boundary)
        calls = _old_calls(store, live_calls, boundary)
        promises = [
            key for key, r in live_promises.items() if (r.get("done_on") or boundary) < boundary
        ]
        settled = _settled_touches(running, live_touches)
        campaigns = _old_campaigns(live_campaigns, live_touches, set(settled), boundary)
        due = (
            _any_before(touches, live_touches, "closed_on", trigger)
            or _any_before(calls, live_calls, "when", trigger)
            or _any_before(promises, live_promises, "done_on", trigger)
            or _any_before(campaigns, live_campaigns, "ended_on", trigger, otherwise="start")
            or str(_stamp(store, "touches").get(RECENT_SINCE) or "9999") < trigger
        )
        if not due:  # this pass only settles closed touches in the recent file
            touches, calls, promises, campaigns = [], [], [], []
        archiving = set(touches)
        settled = [key for key in settled if key not in archiving]
        if not (due or settled):
            return Moved()
        recent = stored_records(store.database("recent").table("touches_recent"))
        settling = {live_touches[key]["uid"] for key in settled}
        aged = [  # recent ones a quarter old, unless a newer copy is settling now
            key
            for key, r in recent.items()
            if due and (r.get("closed_on") or r["due"]) < boundary and r["uid"] not in settling
        ]
        # Files are swapped in in the order first held: archive, then recent, then live.
        archived_touches = [live_touches[key] for key in touches] + [recent[key] for key in aged]
        _append(tx.table("touches_archive"), archived_touches)
        _append(tx.table("calls_archive"), [live_calls[key] for key in calls])
        _append(tx.table("commitments_archive"), [live_promises[key] for key in promises])
        _append(tx.table("campaigns_archive"), [live_campaigns[key] for key in campaigns])
        _append(tx.table("touches_recent"), [live_touches[key] for key in settled])
        if aged:
            tx.table("touches_recent").remove(doc_ids=[int(key) for key in aged])
        gone = set(aged)
        kept = [r for key, r in recent.items() if key not in gone and r["uid"] not in settling]
        since = min(
            (r.get("closed_on") or r["due"] for r in kept + [live_touches[k] for k in settled]),
            default=None,
        )
        _drop(tx.table("touches"), touches + settled, boundary if due else None, since=since)
        if due:
            _drop(tx.table("calls"), calls, boundary)
            _drop(tx.table("commitments"), promises, boundary)
        if campaigns:  # the entry file is only rewritten when it loses something
            _drop(tx.table("campaigns"), campaigns, boundary)
    return Moved(len(archived_touches), len(calls), len(promises), len(campaigns), len(settled))


def _any_before(
    keys: list[str], stored: dict[str, Record], field: str, trigger: str, otherwise: str = "due"
) -> bool:
    return any((stored[k].get(field) or stored[k].get(otherwise, ""))[:10] < trigger for k in keys)


def _old_touches(running: set[str], stored: dict[str, Record], boundary: str) -> list[str]:
    """Keys of touches closed before `boundary`, outside any running campaign."""
    return [
        key
        for key, r in stored.items()
        if r["status"] != "planned"
        and (r.get("closed_on") or r["due"]) < boundary
        and r["campaign_uid"] not in running
    ]


def _settled_touches(running: set[str], stored: dict[str, Record]) -> list[str]:
    """Keys of closed touches outside any running campaign: no daily screen reads them."""
    return [
        key
        for key, r in stored.items()
        if r["status"] != "planned" and r["campaign_uid"] not in running
    ]


def _old_campaigns(
    stored: dict[str, Record], touches: dict[str, Record], leaving: set[str], boundary: str
) -> list[str]:
    """Keys of campaigns ended before `boundary` none of whose touches stays live."""
    kept = {r["campaign_uid"] for key, r in touches.items() if key not in leaving}
    return [
        key
        for key, r in stored.items()
        if r.get("status") != "active"
        and (r.get("ended_on") or r["start"]) < boundary
        and r["uid"] not in kept
    ]


def _old_calls(store: Store, stored: dict[str, Record], boundary: str) -> list[str]:
    """Keys of debriefed calls before `boundary`, except what the live views still read."""
    objectives = stored_records(store.database("accounts").table("objectives"))
    open_objectives = {r["uid"] for r in objectives.values() if r.get("status") == "open"}
    debriefed: dict[str, list[tuple[str, str]]] = {}
    for key, r in stored.items():
        if r.get("debrief") is not None:
            debriefed.setdefault(r["account_uid"], []).append((r["when"], key))
    keep: set[str] = set()
    for found in debriefed.values():
        keep.update(_stall_window(stored, found))
    return [
        key
        for found in debriefed.values()
        for when, key in found
        if when[:10] < boundary
        and key not in keep
        and stored[key].get("objective_uid") not in open_objectives
    ]


def _stall_window(stored: dict[str, Record], found: list[tuple[str, str]]) -> set[str]:
    """The first debrief, the last advance and the last three debriefs of one account.

    Stored times carry their offsets; their text sorts by time for one seller's calls
    (one zone at a time), and an hour's misordering only keeps a fourth call live.
    """
    ordered = [key for _, key in sorted(found)]
    advances = [k for k in ordered if stored[k]["debrief"].get("movement") == "advance"]
    return {ordered[0], *advances[-1:], *ordered[-3:]}


def _append(table: Table, records: list[Record]) -> None:
    """Add `records` to an archive table, replacing earlier copies with the same uid."""
    if not records:
        return
    uids = {record["uid"] for record in records}
    stale = [int(key) for key, r in stored_records(table).items() if r["uid"] in uids]
    if stale:  # a crash after an earlier pass wrote the archive but not the live file
        table.remove(doc_ids=stale)
    table.insert_multiple(dict(record) for record in records)


def _drop(table: Table, keys: list[str], boundary: str | None, *, since: str | None = None) -> None:
    """Remove moved records from a live table and stamp the boundary (if one moved to the
    archive) in its file; for touches, also the oldest close date left in the recent file."""
    data = table.storage.read()
    for key in keys:
        data[table.name].pop(key)
    stamp = next(iter(data[META_TABLE].values()))  # one per file: calls and promises share
    if boundary is not None:
        stamp[BOUNDARY] = max(boundary, stamp.get(BOUNDARY, ""))
    if table.name == "touches":
        stamp[RECENT_SINCE] = since
    table.storage.write(data)  # held: written once, at commit, after the archive
    table.clear_cache()
