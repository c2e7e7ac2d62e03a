"""Day plans, one per date."""

from __future__ import annotations

from datetime import date, datetime

from tinydb import Query

from coach_tui.model.day import MORNING_FLOW, PRIORITIES_PER_DAY, DayPlan
from coach_tui.model.draft import keepable
from coach_tui.model.flows.codec import AnswersMismatch, answers_of, typed_draft
from coach_tui.model.flows.morning import MorningAnswers
from coach_tui.store.codec import decode, encode
from coach_tui.store.repos.drafts import DraftRepository
from coach_tui.store.store import Store

TABLE = "days"


class DayRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    def get(self, day: date) -> DayPlan | None:
        with self._store.reading() as tx:
            found = tx.table(TABLE).get(Query().day == day.isoformat())
            return decode("days", found, day) if isinstance(found, dict) else None

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
        return decode("days", record, record.doc_id)

    def save(self, plan: DayPlan) -> None:
        """Save `plan`, replacing the day's earlier one."""
        with self._store.transaction() as tx:
            tx.table(TABLE).upsert(encode(plan), Query().day == plan.day.isoformat())

    # --- what was typed and not saved yet: one draft, for one day --------------------

    def typed(self, day: date) -> list[str] | None:
        """The priorities typed for `day` and not saved yet; None if there are none (a
        draft left from another day is stale and ignored)."""
        draft = DraftRepository(self._store).get(MORNING_FLOW)
        if draft is None:
            return None
        try:
            typed = answers_of(draft, MorningAnswers)
        except AnswersMismatch:
            return None  # edited out of shape: the fields start empty, the draft is replaced
        if typed.day != day.isoformat():
            return None
        texts = [*typed.priorities, *[""] * PRIORITIES_PER_DAY]
        return texts[:PRIORITIES_PER_DAY]

    def keep_typed(self, day: date, texts: list[str], now: datetime) -> None:
        """Keep `texts` as `day`'s draft, replacing any earlier one."""
        answers = MorningAnswers(day.isoformat(), tuple(keepable(text) for text in texts))
        DraftRepository(self._store).save(typed_draft(MORNING_FLOW, 0, answers, now))

    def drop_typed(self) -> None:
        """Forget the draft (the fields hold the saved plan again)."""
        drafts = DraftRepository(self._store)
        if drafts.has(MORNING_FLOW):
            drafts.discard(MORNING_FLOW)
