"""Old history out of the daily files: what keeps start-up and saves flat as years pass.

TinyDB parses a whole file at open and rewrites it on every save, and most of a long
history is something no daily screen shows. So touches closed, calls debriefed, promises
kept and campaigns ended more than a quarter ago move to `archive.json` (a lazy family:
read only when a history view, an old week's figures or an export asks). A quarter keeps
the weekly review (a week against the four before it) and the 12-week trends in the live
files; longer trends read the archive in their worker.

Closed touches of finished campaigns leave the live touches file sooner: every pass (daily)
moves them to `recent.json`, another lazy family, which the weekly review and the 12-week
trends read along with the live file; no daily screen shows one, and they are much of
what every start would otherwise parse. A monthly pass moves them on from there to the
archive once they are a quarter old.

Which records may move is not decided here: the store keeps data safe, coaching knows
what a daily view still needs (`coaching/archivable.py`). What stays live regardless of
age: planned touches and touches of a running campaign; calls not debriefed yet, calls
of an open objective, and each account's stall window (what the stall rule reads); every
campaign that still has a touch in the live file.

A pass decides under a short read, reads the lazy files it needs without holding the
store, then moves records in batches, each one transaction over the files it changes, so
a screen reading on the UI thread waits for one batch at most. In each batch the archive
is swapped in before the live files: a crash in between leaves a record in both places,
never in neither. Readers
that combine the two prefer the live copy (`with_archive`), and the next pass replaces
the archived copy by uid. (A read-only open keeps the archive of its snapshot for a late
read: see `snapshot.py`.) The live file's `_meta` stamp records the boundary, so a query
about recent weeks knows it need not open the archive at all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta
from tinydb.table import Table

from coach_tui.coaching.archivable import (
    CallFacts,
    CampaignFacts,
    TouchFacts,
    calls_to_archive,
    campaign_may_archive,
    promise_may_archive,
    touch_is_settled,
    touch_may_archive,
)
from coach_tui.model.call import Movement
from coach_tui.model.progress import Progress, no_progress
from coach_tui.store.codec import Record
from coach_tui.store.layout import META_TABLE
from coach_tui.store.moments import moment_from_text
from coach_tui.store.repos.common import stored_records
from coach_tui.store.store import Store, Transaction
from coach_tui.store.tiers import BOUNDARY, RECENT_SINCE, live_stamp

KEEP_LIVE = relativedelta(weeks=13)
# Records are moved in batches: only once something is a month past the boundary, so the
# (large) archive file is rewritten about monthly rather than every day.
MOVE_AFTER = relativedelta(weeks=17)
# Records of each kind moved per transaction: a read on the UI thread waits one batch at most.
BATCH = 5_000
ARCHIVING = "Moving old history to the archive"


@dataclass(frozen=True, slots=True)
class Moved:
    """How many records one pass moved to the archive."""

    touches: int = 0
    calls: int = 0
    commitments: int = 0
    campaigns: int = 0
    settled_touches: int = 0  # to `recent.json`, not the archive

    def plus(self, other: Moved) -> Moved:
        return Moved(
            self.touches + other.touches,
            self.calls + other.calls,
            self.commitments + other.commitments,
            self.campaigns + other.campaigns,
            self.settled_touches + other.settled_touches,
        )

    def __bool__(self) -> bool:
        return bool(self.records)

    @property
    def records(self) -> int:
        return self.touches + self.calls + self.commitments + self.campaigns + self.settled_touches


def archive_old_history(
    store: Store,
    today: date,
    *,
    force: bool = False,
    batch: int | None = BATCH,
    between_batches: Callable[[], None] | None = None,
    progress: Progress = no_progress,
) -> Moved:
    """Move closed touches of finished campaigns to the recent file, and what is older than
    the boundary to the archive if that is due; how many records moved.

    Without `force` the archive is left alone until some record is a month past the
    boundary (see `MOVE_AFTER`); a pass that finds nothing to move reads neither lazy file.
    Which records may move is coaching's rule (`coaching/archivable.py`). The pass first
    looks under a short read, then reads the lazy files it needs without holding the
    store (`Store.load_aside`); then it moves at most `batch` records of each kind per
    transaction (`None`: all in one), letting the store go between batches, so a screen
    reading on the UI thread waits for one batch at most, never for the whole pass.
    `between_batches` runs between two batches (tests hook in there); `progress` counts
    the records moved, batch by batch, of those the first look found.
    """
    before = today - KEEP_LIVE
    trigger = before if force else today - MOVE_AFTER
    progress(ARCHIVING, 0, None)  # reading what may move takes a while at volume
    with store.reading():
        first = _decide(store, before, trigger, None)
    if not first.any:
        progress(ARCHIVING, 0, 0)
        return Moved()
    expected = first.records
    progress(ARCHIVING, 0, expected)
    store.load_aside("recent")  # parsed and checked while screens go on reading
    if first.due:
        store.load_aside("archive")
    total = Moved()
    while True:
        with store.transaction() as tx:
            plan = _decide(store, before, trigger, batch)
            moved = _move(store, tx, plan) if plan.any else Moved()
        total = total.plus(moved)
        aged = moved.touches - len(plan.touches)  # taken from the recent file
        left_out = plan.capped or (batch is not None and aged >= batch)
        if not (moved and left_out):  # nothing was left out of this batch: done
            progress(ARCHIVING, total.records, total.records)
            return total
        expected = max(expected, total.records)  # the recent file's, unknown at first, count too
        progress(ARCHIVING, total.records, expected)
        if plan.due:  # once due, the pass moves everything past the boundary, batch by batch
            trigger = before
        if between_batches is not None:
            between_batches()


@dataclass(frozen=True, slots=True)
class _Plan:
    """Which live records (by key) one batch moves where."""

    before: date
    limit: int | None
    due: bool  # anything to archive: the boundary moves and is stamped
    touches: list[str]  # live touches to the archive
    settled: list[str]  # live touches to the recent file
    calls: list[str]
    promises: list[str]
    campaigns: list[str]
    live_touches: dict[str, Record]
    live_calls: dict[str, Record]
    live_promises: dict[str, Record]
    live_campaigns: dict[str, Record]

    @property
    def any(self) -> bool:
        return self.due or bool(self.settled)

    @property
    def records(self) -> int:
        """How many live records this plan moves (the recent file's are found as it goes)."""
        return sum(
            map(len, (self.touches, self.settled, self.calls, self.promises, self.campaigns))
        )

    @property
    def capped(self) -> bool:
        """Whether the limit left records out (the next batch takes them)."""
        lists = (self.touches, self.settled, self.calls, self.promises, self.campaigns)
        return self.limit is not None and any(len(keys) >= self.limit for keys in lists)


def _decide(store: Store, before: date, trigger: date, limit: int | None) -> _Plan:
    """What may move (coaching's rule on the live records), at most `limit` of each kind.

    Read through the databases, not `tx.table`: a file is held (and written) only when it
    changes, and the archive must be held first so it is swapped in first.
    """
    live_touches = stored_records(store.database("touches").table("touches"))
    live_calls = stored_records(store.database("calls").table("calls"))
    live_promises = stored_records(store.database("calls").table("commitments"))
    live_campaigns = stored_records(store.database("entry").table("campaigns"))
    campaigns = {key: _campaign_facts(r) for key, r in live_campaigns.items()}
    running = {facts.uid for facts in campaigns.values() if facts.running}
    touches = {key: _touch_facts(r) for key, r in live_touches.items()}
    old = [key for key, facts in touches.items() if touch_may_archive(facts, running, before)]
    settled = [key for key, facts in touches.items() if touch_is_settled(facts, running)]
    calls = {key: _call_facts(r) for key, r in live_calls.items()}
    objectives = stored_records(store.database("accounts").table("objectives"))
    open_objectives = {r["uid"] for r in objectives.values() if r.get("status") == "open"}
    old_calls = calls_to_archive(calls, before, open_objectives)
    kept_on = {key: _day(r.get("done_on")) for key, r in live_promises.items()}
    promises = [key for key, done in kept_on.items() if promise_may_archive(done, before)]

    def ended(leaving: set[str]) -> list[str]:
        with_live = {r["campaign_uid"] for key, r in live_touches.items() if key not in leaving}
        return [key for key, f in campaigns.items() if campaign_may_archive(f, before, with_live)]

    due = (
        any(touches[key].closed_on < trigger for key in old)
        or any(calls[key].when.date() < trigger for key in old_calls)
        or any((kept_on[key] or trigger) < trigger for key in promises)
        or any(campaigns[key].ended_on < trigger for key in ended(set(settled)))
        or (_day(live_stamp(store, "touches").get(RECENT_SINCE)) or trigger) < trigger
    )
    if not due:  # this pass only settles closed touches in the recent file
        old, old_calls, promises = [], [], []
    archiving = set(old)
    settled = [key for key in settled if key not in archiving]  # the archive takes them
    old, settled = old[:limit], settled[:limit]
    return _Plan(
        before,
        limit,
        due,
        old,
        settled,
        old_calls[:limit],
        promises[:limit],
        ended(set(old) | set(settled))[:limit] if due else [],
        live_touches,
        live_calls,
        live_promises,
        live_campaigns,
    )


def _move(store: Store, tx: Transaction, plan: _Plan) -> Moved:
    """Move one batch: the archive first, then the recent file, then the live files."""
    boundary = plan.before.isoformat()
    live_touches = plan.live_touches
    recent = stored_records(store.database("recent").table("touches_recent"))
    settling = {live_touches[key]["uid"] for key in plan.settled}
    aged = [  # recent ones a quarter old, unless a newer copy is settling now
        key
        for key, r in recent.items()
        if plan.due and _touch_facts(r).closed_on < plan.before and r["uid"] not in settling
    ][: plan.limit]
    # Files are swapped in in the order first held: archive, then recent, then live.
    archived_touches = [live_touches[key] for key in plan.touches] + [recent[key] for key in aged]
    _append(tx.table("touches_archive"), archived_touches)
    _append(tx.table("calls_archive"), [plan.live_calls[key] for key in plan.calls])
    _append(tx.table("commitments_archive"), [plan.live_promises[key] for key in plan.promises])
    _append(tx.table("campaigns_archive"), [plan.live_campaigns[key] for key in plan.campaigns])
    _append(tx.table("touches_recent"), [live_touches[key] for key in plan.settled])
    if aged:
        tx.table("touches_recent").remove(doc_ids=[int(key) for key in aged])
    gone = set(aged)
    kept = [r for key, r in recent.items() if key not in gone and r["uid"] not in settling]
    since = min(
        (r.get("closed_on") or r["due"] for r in kept + [live_touches[k] for k in plan.settled]),
        default=None,
    )
    due = boundary if plan.due else None
    _drop(tx.table("touches"), plan.touches + plan.settled, due, since=since)
    if plan.due:
        _drop(tx.table("calls"), plan.calls, boundary)
        _drop(tx.table("commitments"), plan.promises, boundary)
    if plan.campaigns:  # the entry file is only rewritten when it loses something
        _drop(tx.table("campaigns"), plan.campaigns, boundary)
    return Moved(
        len(archived_touches),
        len(plan.calls),
        len(plan.promises),
        len(plan.campaigns),
        len(plan.settled),
    )


def _day(text: object) -> date | None:
    return date.fromisoformat(text[:10]) if isinstance(text, str) and text else None


def _touch_facts(record: Record) -> TouchFacts:
    closed = record.get("closed_on") or record["due"]
    return TouchFacts(record["campaign_uid"], record["status"] == "planned", _iso(closed))


def _call_facts(record: Record) -> CallFacts:
    debrief = record.get("debrief")
    return CallFacts(
        record["account_uid"],
        moment_from_text(record["when"]),
        Movement(debrief["movement"]) if debrief is not None else None,
        record.get("objective_uid"),
    )


def _campaign_facts(record: Record) -> CampaignFacts:
    ended = record.get("ended_on") or record["start"]
    return CampaignFacts(record["uid"], record.get("status") == "active", _iso(ended))


def _iso(text: str) -> date:
    return date.fromisoformat(text[:10])


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
