"""App preferences: a single record."""

from __future__ import annotations

from tinydb.table import Document

from coach_tui.model.settings import Settings
from coach_tui.store.codec import decode, encode
from coach_tui.store.store import Store

TABLE = "settings"
_ONLY_ID = 1


class SettingsRepository:
    """Read and replace the seller's preferences."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def get(self) -> Settings:
        """Saved preferences, or the defaults if none were saved yet."""
        with self._store.reading() as tx:
            record = tx.table(TABLE).get(doc_id=_ONLY_ID)
            return Settings() if record is None else decode("settings", record, _ONLY_ID)

    def save(self, settings: Settings) -> None:
        """Replace the preferences."""
        with self._store.transaction() as tx:
            tx.table(TABLE).upsert(Document(encode(settings), doc_id=_ONLY_ID))
