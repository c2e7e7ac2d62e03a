"""What every guided-flow screen promises: it can write its draft on demand."""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class KeepsDraft(Protocol):
    """A screen whose typed text must reach the store before the app closes."""

    def save_draft(self) -> None:
        """Persist the current step and answers."""
