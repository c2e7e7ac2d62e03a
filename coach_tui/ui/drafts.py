"""What guided-flow screens promise the app: their draft can be written, and named."""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class KeepsDraft(Protocol):
    """A screen whose typed text must reach the store before the app closes."""

    def save_draft(self) -> None:
        """Persist the current step and answers."""


@runtime_checkable
class FlowOnScreen(Protocol):
    """A guided flow: if coach stops while it is open, its draft is marked for rescue."""

    flow: str  # the key its draft is kept under

    def whereabouts(self) -> str:
        """Where the seller was, for crash.log ("review:2026-W48, step 7 of 9: Key calls")."""
