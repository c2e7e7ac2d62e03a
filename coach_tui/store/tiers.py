"""Where a table's records live, by age: the tiers every history read combines.

Records a daily screen needs stay in the live files; closed touches of finished campaigns
move to the recent tier (`recent.json`), older history to the archive (`archive.json`).
Both are lazy families, parsed on first use. This module says which tier holds what and
how a read combines them; the pass that moves records is `archive.py`, kept off the path
that opens the store (it loads coaching's rules for what may move).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from coach_tui.store.codec import Record
from coach_tui.store.layout import META_TABLE, TABLE_FAMILY
from coach_tui.store.repos.common import stored_records
from coach_tui.store.store import Store, Transaction

# Stamped in each live file by the archive pass: nothing on or after it is archived.
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


def archived_before(store: Store, table: str) -> date | None:
    """The boundary of the last pass for `table`: nothing on or after it is archived."""
    text = live_stamp(store, table).get(BOUNDARY)
    return date.fromisoformat(text) if isinstance(text, str) else None


def live_stamp(store: Store, table: str) -> dict:
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
