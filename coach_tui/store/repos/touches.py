"""Touches: the largest table (tens of thousands over years), changed one at a time.

At that size TinyDB's own update path would cost as much as the file write: every `update`,
`insert` or `remove` rebuilds the whole table twice (ids to int and back), and finding a
record by uid with a `Query` evaluates it against every document. So this repository
works on the stored table directly for the hot paths — it is TinyDB's public storage
seam, `{doc id text: record}` per table — and leaves only inserts to TinyDB, which
keeps track of the next free id:

- a save finds its record through a uid → doc id index. The index is only a hint: each
  hit is checked against the record it points to, and a miss rebuilds it in one pass, so
  writes made elsewhere (a plan saved by `CampaignRepository`, an account restored,
  a rollback that reloads the file and later reuses ids) can never make it touch the wrong
  record;
- a changed record replaces the stored one and the whole file is written once per
  transaction; TinyDB's query cache is cleared after every such write;
- queries read the stored records in one plain pass (no per-record function call; every
  record was checked at open, so the fields are there) and decode only the matches; the
  daily queue compares the stored ISO date text.

History reads beyond the live file (`store/tiers.py`): the weeks since the archive
boundary add the recent file (closed touches of finished campaigns), and a campaign's or
account's touches and older weeks add the archive too. The daily queue never needs
either, since only closed touches move.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from tinydb.table import Table

from coach_tui.model.touch import Touch, TouchStatus
from coach_tui.store.codec import Record, decode, encode
from coach_tui.store.repos.common import stored_records
from coach_tui.store.store import Store, Transaction
from coach_tui.store.tiers import archive_may_hold, with_archive, with_recent

TABLE = "touches"
_OPEN = TouchStatus.PLANNED.value


def _decode(items: Iterable[tuple[str, Record]]) -> list[Touch]:
    """Touches by due date (uid breaks ties, so the order is stable)."""
    touches = [decode("touches", record, key) for key, record in items]
    return sorted(touches, key=lambda touch: (touch.due, touch.uid))


class TouchRepository:
    """Planned, done and skipped touches of every campaign."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._doc_ids: dict[str, str] = {}

    # --- reading ----------------------------------------------------------------------

    def for_campaign(self, campaign_uid: str) -> list[Touch]:
        """By due date, archived ones included."""
        with self._store.reading() as tx:
            return _decode(
                (k, r) for k, r in with_archive(tx, TABLE) if r["campaign_uid"] == campaign_uid
            )

    def for_account(self, account_uid: str) -> list[Touch]:
        """By due date, every campaign of the account, archived ones included."""
        with self._store.reading() as tx:
            return _decode(
                (k, r) for k, r in with_archive(tx, TABLE) if r["account_uid"] == account_uid
            )

    def open_due_by(self, day: date) -> list[Touch]:
        """Planned touches due on or before `day`, across every account (the daily queue).

        Dates are stored as ISO text, so comparing the text compares the dates.
        """
        last = day.isoformat()
        with self._store.reading() as tx:
            stored = stored_records(tx.table(TABLE))
            return _decode(
                (k, r) for k, r in stored.items() if r["status"] == _OPEN and r["due"] <= last
            )

    def in_span(self, first: date, last: date) -> list[Touch]:
        """Touches due, or closed, between `first` and `last` inclusive (the weekly figures)."""
        low, high = first.isoformat(), last.isoformat()
        with self._store.reading() as tx:
            items = (
                with_archive(tx, TABLE)
                if archive_may_hold(self._store, TABLE, first)
                else with_recent(tx, TABLE)
            )
            return _decode(
                (k, r)
                for k, r in items
                if low <= r["due"] <= high or low <= (r.get("closed_on") or "") <= high
            )

    def planned(self) -> list[Touch]:
        """Every touch still to do, whatever its date (for exports)."""
        with self._store.reading() as tx:
            stored = stored_records(tx.table(TABLE))
            return _decode((k, r) for k, r in stored.items() if r["status"] == _OPEN)

    def open_for_campaign(self, campaign_uid: str) -> list[Touch]:
        """A campaign's planned touches (only closed touches are archived: the live file)."""
        with self._store.reading() as tx:
            stored = stored_records(tx.table(TABLE))
            return _decode(
                (k, r)
                for k, r in stored.items()
                if r["status"] == _OPEN and r["campaign_uid"] == campaign_uid
            )

    def get(self, uid: str) -> Touch | None:
        """A live touch: every touch a screen can change (archived ones are closed)."""
        with self._store.reading() as tx:
            stored = stored_records(tx.table(TABLE))
            key = self._locate(stored, [uid]).get(uid)
            return None if key is None else decode("touches", stored[key], key)

    def count(self) -> int:
        """Every touch, archived ones included."""
        with self._store.reading() as tx:
            return sum(1 for _ in with_archive(tx, TABLE))

    def counts(self, campaign_uid: str | None = None) -> dict[TouchStatus, int]:
        """How many touches are planned, done and skipped (of one campaign, or of all)."""
        tally = dict.fromkeys(TouchStatus, 0)
        with self._store.reading() as tx:
            for _key, record in with_archive(tx, TABLE):
                if campaign_uid is None or record.get("campaign_uid") == campaign_uid:
                    tally[TouchStatus(record["status"])] += 1
        return tally

    # --- writing ----------------------------------------------------------------------

    def save(self, touch: Touch) -> None:
        """Add the touch, or replace the stored one with the same uid."""
        self.save_many([touch])

    def save_many(self, touches: Sequence[Touch]) -> None:
        """Several touches in one write, all or none (a later duplicate uid wins)."""
        records = [encode(touch) for touch in touches]  # a bad touch fails here
        with self._store.transaction() as tx:
            self.write(tx, records)

    def replace_plan(self, campaign_uid: str, touches: Sequence[Touch]) -> None:
        """The campaign's planned touches become `touches`, in one write.

        Done and skipped touches stay as history; a planned touch not in `touches` is
        dropped. Touches of another campaign are refused before anything is written.
        """
        strays = [t.uid for t in touches if t.campaign_uid != campaign_uid]
        if strays:
            raise ValueError(f"touches {strays} do not belong to campaign {campaign_uid}")
        records = [encode(touch) for touch in touches]
        with self._store.transaction() as tx:
            table = tx.table(TABLE)
            keep = {record["uid"] for record in records}
            dropped = [
                key
                for key, record in stored_records(table).items()
                if record.get("campaign_uid") == campaign_uid
                and record.get("status") == _OPEN
                and record.get("uid") not in keep
            ]
            self._remove(table, dropped)
            self.write(tx, records)

    def delete(self, uid: str) -> None:
        with self._store.transaction() as tx:
            table = tx.table(TABLE)
            key = self._locate(stored_records(table), [uid]).get(uid)
            if key is not None:
                self._remove(table, [key])

    def write(self, tx: Transaction, records: Sequence[Record]) -> None:
        """Upsert touch records by uid inside a transaction another repository opened.

        Used by `save_many` and by repositories that save touches together with their
        own records (a campaign's plan), so every touch write goes through one index.
        """
        table = tx.table(TABLE)
        wanted = {record["uid"]: record for record in records}
        found = self._locate(stored_records(table), wanted)
        if found:
            data = table.storage.read()
            for uid, key in found.items():
                data[TABLE][key] = wanted[uid]
            # Held: saved once, at commit; naming the records lets that be a journal line.
            table.storage.write_records(data, TABLE, found.values())
            table.clear_cache()
        fresh = [uid for uid in wanted if uid not in found]
        if fresh:  # TinyDB rebuilds the table even for an empty insert
            with table.storage.recording(TABLE) as changed:
                keys = [str(doc_id) for doc_id in table.insert_multiple(wanted[u] for u in fresh)]
                changed(keys)
            self._doc_ids.update(zip(fresh, keys, strict=True))

    # --- the uid index ----------------------------------------------------------------

    def _locate(self, stored: dict[str, Record], uids: Iterable[str]) -> dict[str, str]:
        """uid → doc id text of the stored touches among `uids` (absent ones are left out)."""
        found: dict[str, str] = {}
        missing: list[str] = []
        for uid in uids:
            key = self._doc_ids.get(uid)
            record = None if key is None else stored.get(key)
            if record is not None and record.get("uid") == uid:
                found[uid] = key
            else:
                missing.append(uid)
        if missing:
            self._doc_ids = {record["uid"]: key for key, record in stored.items()}
            found.update((uid, self._doc_ids[uid]) for uid in missing if uid in self._doc_ids)
        return found

    def _remove(self, table: Table, keys: Sequence[str]) -> None:
        if not keys:
            return
        data = table.storage.read()
        for key in keys:
            uid = data[TABLE].pop(key)["uid"]
            self._doc_ids.pop(uid, None)
        table.storage.write_records(data, TABLE, keys)
        table.clear_cache()
