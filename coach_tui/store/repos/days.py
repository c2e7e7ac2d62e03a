"""Day plans, one per date."""

from __future__ import annotations

from datetime import date

from tinydb import Query

from coach_tui.model.day import DayPlan
from coach_tui.store.codec_days import TABLE, day_from_record, day_to_record
from coach_tui.store.store import Store


class DayRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    def get(self, day: date) -> DayPlan | None:
        with self._store.reading() as tx:
            found = tx.table(TABLE).get(Query().day == day.isoformat())
            return day_from_record(found, day) if isinstance(found, dict) else None

    def first_day(self) -> date | None:
        """The day of the earliest plan, if any (without decoding the plans)."""
        with self._store.reading() as tx:
            days = [r["day"] for r in tx.table(TABLE).all()]
        return date.fromisoformat(min(days)) if days else None

    def latest_before(self, day: date) -> DayPlan | None:
        """The most recent plan before `day` (for carrying unfinished priorities over)."""
        wanted = day.isoformat()
        with self._store.reading() as tx:
            earlier = [r for r in tx.table(TABLE).all() if r["day"] < wanted]
        if not earlier:
            return None
        record = max(earlier, key=lambda r: r["day"])
        return day_from_record(record, record.doc_id)

    def save(self, plan: DayPlan, *, finished_flow: str | None = None) -> None:
        """Save `plan` and, in the same write, drop the draft it was typed in (if named)."""
        with self._store.transaction() as tx:
            tx.table(TABLE).upsert(day_to_record(plan), Query().day == plan.day.isoformat())
            if finished_flow is not None:
                tx.table("drafts").remove(Query().flow == finished_flow)
