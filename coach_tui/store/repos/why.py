"""The why's versions: the newest is current, the rest is history."""

from __future__ import annotations

from coach_tui.model.why import WhyStatement
from coach_tui.store.codec import decode, encode
from coach_tui.store.store import Store

TABLE = "why"


class WhyRepository:
    """Save a new why version; read the current one and the history."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def history(self) -> list[WhyStatement]:
        """Every version, newest first."""
        with self._store.reading() as tx:
            records = tx.table(TABLE).all()
            versions = [decode("why", record, record.doc_id) for record in records]
        return sorted(versions, key=lambda why: why.written_at, reverse=True)

    def current(self) -> WhyStatement | None:
        """The version shown on the dashboard, or `None` before the first one is written."""
        history = self.history()
        return history[0] if history else None

    def save(self, why: WhyStatement) -> None:
        """Add `why` as the newest version."""
        with self._store.transaction() as tx:
            tx.table(TABLE).insert(encode(why))
