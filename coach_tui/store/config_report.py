"""Who hears of config.toml's mistakes outside the app: a command prints them on standard
error when it first reads the settings (the app asks for them and shows them itself).

Kept apart and free of imports so `coach` can name the listener before every command
without loading the settings code for commands that never read them.
"""

from __future__ import annotations

from collections.abc import Callable

Reporter = Callable[[str], None]
_reporter: list[Reporter] = []
_told: set[int] = set()


def report_config_problems_to(reporter: Reporter | None) -> None:
    """Send the sentences about config.toml's bad lines to `reporter` (None: nowhere)."""
    _reporter[:] = [] if reporter is None else [reporter]


def tell_once(reading: int, sentences: Callable[[], list[str]]) -> None:
    """Give the listener, if any, the sentences about one reading of the file, once."""
    if _reporter and reading not in _told:
        _told.add(reading)
        for sentence in sentences():
            _reporter[0](sentence)
