"""TinyDB behind a small repository API: atomic writes, one lock, versions, backups.

Nothing outside this package touches TinyDB; everything it hands out is a model object.
"""

from coach_tui.store.errors import StoreError
from coach_tui.store.repository import Repository

__all__ = ["Repository", "StoreError"]
