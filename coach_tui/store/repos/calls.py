"""Calls and the commitments made in them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from tinydb import Query

from coach_tui.model.call import Call, CallDigest, Commitment
from coach_tui.store.codec import Record
from coach_tui.store.codec_calls import (
    call_from_record,
    call_to_record,
    commitment_from_record,
    commitment_to_record,
)
from coach_tui.store.repos.common import BY_UID, get_by_uid, stored_records, upsert_by_uid
from coach_tui.store.repos.drafts import TABLE as DRAFTS
from coach_tui.store.store import Store

CALLS = "calls"
COMMITMENTS = "commitments"


def _first(item: tuple[datetime, Record]) -> datetime:
    return item[0]


def _decode(items: list[tuple[datetime, Record]]) -> list[Call]:
    return [call_from_record(record, record.doc_id) for _, record in items]


def _stall_window(found: list[tuple[datetime, Record]]) -> list[tuple[datetime, Record]]:
    """The first debriefed call, the last advance and the last three, in time order."""
    ordered = sorted(found, key=_first)
    advances = [item for item in ordered if item[1]["debrief"].get("movement") == "advance"]
    keep = [ordered[0], *advances[-1:], *ordered[-3:]]
    unique = {id(item[1]): item for item in keep}
    return sorted(unique.values(), key=_first)


class CallRepository:
    """Scheduling, prep and debrief all save the call whole; a debrief may add the next
    call and commitments in the same transaction."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def all(self) -> list[Call]:
        """By time."""
        with self._store.reading() as tx:
            calls = [call_from_record(r, r.doc_id) for r in tx.table(CALLS).all()]
        return sorted(calls, key=lambda call: call.when)

    def in_span(self, first: date, last: date) -> list[Call]:
        """Calls around `first`..`last`, by time: a day wider each side, since stored times
        carry their own offset; the weekly figures bucket them exactly by local date."""
        low, high = (first - timedelta(days=1)).isoformat(), (last + timedelta(days=2)).isoformat()
        with self._store.reading() as tx:
            stored = stored_records(tx.table(CALLS))
            calls = [call_from_record(r, k) for k, r in stored.items() if low <= r["when"] < high]
        return sorted(calls, key=lambda call: call.when)

    def for_account(self, account_uid: str) -> list[Call]:
        """By time."""
        with self._store.reading() as tx:
            records = tx.table(CALLS).search(Query().account_uid == account_uid)
            calls = [call_from_record(r, r.doc_id) for r in records]
        return sorted(calls, key=lambda call: call.when)

    def get(self, uid: str) -> Call | None:
        with self._store.reading() as tx:
            record = get_by_uid(tx.table(CALLS), uid)
            return None if record is None else call_from_record(record, uid)

    def save(self, call: Call, *, finished_flow: str | None = None) -> None:
        with self._store.transaction() as tx:
            upsert_by_uid(tx.table(CALLS), call_to_record(call))
            if finished_flow is not None:
                tx.table(DRAFTS).remove(Query().flow == finished_flow)

    def save_debrief(
        self,
        call: Call,
        *,
        commitments: Sequence[Commitment] = (),
        next_call: Call | None = None,
        finished_flow: str | None = None,
    ) -> None:
        """The debriefed call, what was promised and the next call, in one transaction."""
        with self._store.transaction() as tx:
            upsert_by_uid(tx.table(CALLS), call_to_record(call))
            if next_call is not None:
                upsert_by_uid(tx.table(CALLS), call_to_record(next_call))
            for commitment in commitments:
                upsert_by_uid(tx.table(COMMITMENTS), commitment_to_record(commitment))
            if finished_flow is not None:
                tx.table(DRAFTS).remove(Query().flow == finished_flow)

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
        with self._store.reading() as tx:
            for record in tx.table(CALLS).all():
                when = datetime.fromisoformat(record["when"])
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
                account: tuple(_decode(_stall_window(found)))
                for account, found in debriefed.items()
            }
            return CallDigest(
                tuple(_decode(sorted(upcoming, key=_first))),
                tuple(_decode(sorted(waiting, key=_first))),
                per_objective,
                history,
            )

    def upcoming(self, now: datetime) -> list[Call]:
        """Calls from now on, soonest first."""
        return [call for call in self.all() if call.when >= now]

    def calls_per_objective(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for call in self.all():
            if call.objective_uid:
                counts[call.objective_uid] = counts.get(call.objective_uid, 0) + 1
        return counts

    # --- commitments ------------------------------------------------------------------

    def commitments(self, account_uid: str | None = None) -> list[Commitment]:
        """Open and done, by due date (undated last)."""
        with self._store.reading() as tx:
            table = tx.table(COMMITMENTS)
            records = (
                table.all()
                if account_uid is None
                else table.search(Query().account_uid == account_uid)
            )
            found = [commitment_from_record(r, r.doc_id) for r in records]
        return sorted(found, key=lambda c: (c.due or date.max, c.what.casefold()))

    def open_commitments(self) -> list[Commitment]:
        """Promises not kept yet, by due date; closed ones are skipped before decoding."""
        with self._store.reading() as tx:
            stored = stored_records(tx.table(COMMITMENTS))
            found = [
                commitment_from_record(r, k) for k, r in stored.items() if r.get("done_on") is None
            ]
        return sorted(found, key=lambda c: (c.due or date.max, c.what.casefold()))

    def save_commitment(self, commitment: Commitment) -> None:
        with self._store.transaction() as tx:
            upsert_by_uid(tx.table(COMMITMENTS), commitment_to_record(commitment))
