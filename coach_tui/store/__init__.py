"""TinyDB behind a small repository API: atomic writes, one lock, versions, backups.

Nothing outside this package touches TinyDB; everything it hands out is a model object.
Its own words (family, tier, pin, publishing, trusted, journal …) are explained, with a
diagram of the tiers, in `README.md` beside this file.
"""

from coach_tui.store.errors import StoreError
from coach_tui.store.repository import Repository

__all__ = ["Repository", "StoreError"]
