"""App preferences: config.toml first, then the record stored with the data.

config.toml (see `store/config_file.py`) is the source of truth for each setting it holds.
A setting chosen in the app is saved in both: the stored record keeps it with the data (an
export carries it), and the file says it where a person edits it. The first such save writes
the file with every stored setting, so what was chosen before the file existed is kept.
"""

from __future__ import annotations

from tinydb.table import Document

from coach_tui.model.settings import Settings
from coach_tui.store.codec import decode, encode
from coach_tui.store.config_file import (
    ConfigFile,
    config_path,
    read_config,
    tell_config_problems,
)
from coach_tui.store.config_values import TOML_NAMES
from coach_tui.store.store import Store

TABLE = "settings"
_ONLY_ID = 1


class SettingsRepository:
    """Read and replace the seller's preferences."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def stored(self) -> Settings:
        """The preferences stored with the data (defaults if none were saved yet)."""
        with self._store.reading() as tx:
            record = tx.table(TABLE).get(doc_id=_ONLY_ID)
            return Settings() if record is None else decode("settings", record, _ONLY_ID)

    def get(self) -> Settings:
        """The preferences in force: config.toml's values over the stored ones."""
        config = read_config()
        stored = self.stored()
        tell_config_problems(config, stored)
        return config.applied_to(stored)

    def problems(self, config: ConfigFile | None = None) -> list[str]:
        """One sentence per bad line of config.toml, naming what coach uses instead."""
        config = read_config() if config is None else config
        if not config.problems:
            return []
        stored = self.stored()
        return [problem.sentence(stored) for problem in config.problems]

    def save(self, settings: Settings) -> None:
        """Replace the preferences, in the data and, once that is written, in config.toml
        (inside a unit of work, only if the whole unit is saved).

        Raises ConfigNotWritten (a StoreError) when the file could not be changed: the
        stored record has the new value then, and the message says the file still wins.
        """
        before = self.get()
        with self._store.transaction() as tx:
            tx.table(TABLE).upsert(Document(encode(settings), doc_id=_ONLY_ID))
            tx.after_commit(lambda: _write_config(settings, before))


def _write_config(settings: Settings, before: Settings) -> None:
    """Write what changed into config.toml; the first write holds every setting, so a
    choice made before the file existed is not lost."""
    # Imported here: only a save writes the file (tomlkit), and the app starts without.
    from coach_tui.store.config_write import ConfigNotWritten, template_for, write_settings

    path = config_path()
    if path.exists():
        changed = {
            setting: getattr(settings, setting)
            for setting in TOML_NAMES
            if getattr(settings, setting) != getattr(before, setting)
        }
    else:
        changed = dict(template_for(settings))
    if not changed:
        return
    try:
        write_settings(changed, path)
    except ConfigNotWritten as error:
        raise ConfigNotWritten(
            f"{error} The choice is saved with your data; config.toml's own value "
            "applies until the file can be written."
        ) from None
