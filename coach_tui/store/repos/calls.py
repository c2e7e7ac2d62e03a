"""Calls and the commitments made in them.

Debriefed calls older than a quarter live in the archive (`store/archive.py`), except
those the daily views read. `current`, `recent_for_account` and `digest` read the live
file only and are exact for what they show; `all`, `for_account`, `get` and old spans
include the archive (read from disk the first time one of them needs it).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from coach_tui.coaching.calls import stall_window
from coach_tui.model.call import (
    Call,
    CallDigest,
    Commitment,
    DebriefMark,
    Movement,
    revised,
)
from coach_tui.store.codec import Record, decode, encode
from coach_tui.store.moments import moment_from_text
from coach_tui.store.repos.common import BY_UID, get_by_uid, stored_records, upsert_by_uid
from coach_tui.store.store import Store, Transaction
from coach_tui.store.tiers import ARCHIVE_OF, archive_may_hold, with_archive

CALLS = "calls"
COMMITMENTS = "commitments"


def _by_time(call: Call) -> tuple[datetime, str]:
    """Calls by time; the uid orders calls at the same moment the same way wherever they
    were stored (live or archived)."""
    return call.when, call.uid


def _by_due(commitment: Commitment) -> tuple[date, str, str]:
    """Promises by due date (undated last), then by what, then uid for a stable order."""
    return commitment.due or date.max, commitment.what.casefold(), commitment.uid


def _first(item: tuple[datetime, Record]) -> tuple[datetime, str]:
    return item[0], item[1]["uid"]


def _decode(items: list[tuple[datetime, Record]]) -> list[Call]:
    return [decode("calls", record, record["uid"]) for _, record in items]


class CallRepository:
    """Scheduling, prep and debrief all save the call whole; a debrief may add the next
    call and commitments in the same transaction."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def all(self) -> list[Call]:
        """Every call by time, archived ones included (exports)."""
        with self._store.reading() as tx:
            calls = [decode("calls", r, k) for k, r in with_archive(tx, CALLS)]
        return sorted(calls, key=_by_time)

    def current(self) -> list[Call]:
        """By time, the live file only: every upcoming call, every call waiting for a
        debrief, and the last quarter — what the calls screen lists."""
        with self._store.reading() as tx:
            stored = stored_records(tx.table(CALLS))
            calls = [decode("calls", r, k) for k, r in stored.items()]
        return sorted(calls, key=_by_time)

    def in_span(self, first: date, last: date) -> list[Call]:
        """Calls around `first`..`last`, by time: two days wider each side, since a stored
        time is on its own zone's calendar and zones are up to 26 hours apart (Kiritimati,
        Baker Island); the weekly figures bucket them exactly by local date."""
        low, high = (first - timedelta(days=2)).isoformat(), (last + timedelta(days=3)).isoformat()
        with self._store.reading() as tx:
            items = (
                with_archive(tx, CALLS)
                if archive_may_hold(self._store, CALLS, first - timedelta(days=2))
                else stored_records(tx.table(CALLS)).items()
            )
            calls = [decode("calls", r, k) for k, r in items if low <= r["when"] < high]
        return sorted(calls, key=_by_time)

    def advances_between(self, first: date, last: date) -> int:
        """How many calls dated `first`..`last` (as stored) were debriefed as an advance,
        counted from the live records without decoding them: the live file holds the last
        quarter whole, and a day's zone difference does not matter to an average."""
        low, high = first.isoformat(), (last + timedelta(days=1)).isoformat()
        advance = Movement.ADVANCE.value
        with self._store.reading() as tx:
            return sum(
                1
                for record in stored_records(tx.table(CALLS)).values()
                if low <= record["when"] < high
                and (record.get("debrief") or {}).get("movement") == advance
            )

    def for_account(self, account_uid: str) -> list[Call]:
        """Every call of the account by time, archived ones included."""
        with self._store.reading() as tx:
            found = [
                decode("calls", r, k)
                for k, r in with_archive(tx, CALLS)
                if r["account_uid"] == account_uid
            ]
        return sorted(found, key=_by_time)

    def recent_for_account(self, account_uid: str) -> list[Call]:
        """The account's live calls by time: its upcoming ones, its open objective's, the
        last quarter and its stall window — all the account card and prep read."""
        with self._store.reading() as tx:
            stored = stored_records(tx.table(CALLS))
            found = [
                decode("calls", r, k) for k, r in stored.items() if r["account_uid"] == account_uid
            ]
        return sorted(found, key=_by_time)

    def get(self, uid: str) -> Call | None:
        """A call by uid, looked for in the archive if it is not live."""
        with self._store.reading() as tx:
            record = get_by_uid(tx.table(CALLS), uid)
            if record is None:
                record = get_by_uid(tx.table("calls_archive"), uid)
            return None if record is None else decode("calls", record, uid)

    def save(self, call: Call) -> None:
        """The call whole (scheduling, prep, debrief), stamped against its stored copy."""
        with self._store.transaction() as tx:
            upsert_by_uid(tx.table(CALLS), encode(self._revised(tx, call)))

    def save_debrief(
        self,
        call: Call,
        *,
        commitments: Sequence[Commitment] = (),
        next_call: Call | None = None,
    ) -> None:
        """The debriefed call, what was promised and the next call, in one transaction."""
        with self._store.transaction() as tx:
            upsert_by_uid(tx.table(CALLS), encode(self._revised(tx, call)))
            if next_call is not None:
                upsert_by_uid(tx.table(CALLS), encode(self._revised(tx, next_call)))
            for commitment in commitments:
                upsert_by_uid(tx.table(COMMITMENTS), encode(commitment))

    def _revised(self, tx: Transaction, call: Call) -> Call:
        """`call` stamped against its stored copy (see `model.call.revised`). Only a
        debriefed call can be in the archive, so a new one never opens it."""
        record = get_by_uid(tx.table(CALLS), call.uid)
        if record is None and call.debrief is not None:
            record = get_by_uid(tx.table(ARCHIVE_OF[CALLS]), call.uid)
        stored = None if record is None else decode("calls", record, call.uid)
        return revised(call, stored, self._store.now())

    def delete(self, uid: str) -> None:
        with self._store.transaction() as tx:
            tx.table(CALLS).remove(uid == BY_UID)

    def digest(self, now: datetime) -> CallDigest:
        """What the dashboard shows, decoding only the calls it needs (see `CallDigest`).

        A first pass reads each record's time, account, objective and debrief movement
        straight from the stored dict; only the chosen records become `Call` objects.
        """
        upcoming: list[tuple[datetime, Record]] = []
        waiting: list[tuple[datetime, Record]] = []
        per_objective: dict[str, int] = {}
        debriefed: dict[str, list[tuple[datetime, Record]]] = {}
        people_on: dict[str, tuple[str, ...]] = {}
        met: dict[str, set[str]] = {}
        with self._store.reading() as tx:
            for record in stored_records(tx.table(CALLS)).values():
                when = moment_from_text(record["when"])
                people = tuple(record.get("contact_uids") or ())
                if people:
                    people_on[record["uid"]] = people
                    met.setdefault(record["account_uid"], set()).update(people)
                objective = record.get("objective_uid")
                if objective:
                    per_objective[objective] = per_objective.get(objective, 0) + 1
                debrief = record.get("debrief")
                if when >= now:
                    upcoming.append((when, record))
                elif debrief is None:
                    waiting.append((when, record))
                else:
                    debriefed.setdefault(record["account_uid"], []).append((when, record))
            history = {
                account: tuple(
                    stall_window(
                        DebriefMark(when, Movement(record["debrief"]["movement"]))
                        for when, record in sorted(found, key=_first)
                    )
                )
                for account, found in debriefed.items()
            }
            return CallDigest(
                tuple(_decode(sorted(upcoming, key=_first))),
                tuple(_decode(sorted(waiting, key=_first))),
                per_objective,
                history,
                people_on,
                {account: frozenset(uids) for account, uids in met.items()},
            )

    # --- commitments ------------------------------------------------------------------

    def commitments(self, account_uid: str | None = None) -> list[Commitment]:
        """Open and done, by due date (undated last), archived ones included."""
        with self._store.reading() as tx:
            found = [
                decode("commitments", r, k)
                for k, r in with_archive(tx, COMMITMENTS)
                if account_uid is None or r["account_uid"] == account_uid
            ]
        return sorted(found, key=_by_due)

    def open_commitments(self, account_uid: str | None = None) -> list[Commitment]:
        """Promises not kept yet (of one account, or all), by due date; the live file holds
        every one of them, and kept ones are skipped before decoding."""
        with self._store.reading() as tx:
            stored = stored_records(tx.table(COMMITMENTS))
            found = [
                decode("commitments", r, k)
                for k, r in stored.items()
                if r.get("done_on") is None
                and (account_uid is None or r["account_uid"] == account_uid)
            ]
        return sorted(found, key=_by_due)

    def recent_commitments(self, account_uid: str) -> list[Commitment]:
        """The account's live promises by due date: every open one, and those kept in the
        last quarter (older kept ones are in the archive)."""
        with self._store.reading() as tx:
            stored = stored_records(tx.table(COMMITMENTS))
            found = [
                decode("commitments", r, k)
                for k, r in stored.items()
                if r["account_uid"] == account_uid
            ]
        return sorted(found, key=_by_due)

    def save_commitment(self, commitment: Commitment) -> None:
        with self._store.transaction() as tx:
            upsert_by_uid(tx.table(COMMITMENTS), encode(commitment))
