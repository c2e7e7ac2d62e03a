"""Undo for the session: each destructive action leaves a way back until the app closes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

MAX_UNDO = 50


@dataclass(frozen=True, slots=True)
class Undoable:
    label: str  # "deleting Nordvale Foods", said back to the seller when undone
    undo: Callable[[], None]


class UndoStack:
    """Most recent first; only the last `MAX_UNDO` actions are kept."""

    def __init__(self) -> None:
        self._items: list[Undoable] = []

    def push(self, label: str, undo: Callable[[], None]) -> None:
        self._items.append(Undoable(label, undo))
        del self._items[:-MAX_UNDO]

    def pop(self) -> Undoable | None:
        return self._items.pop() if self._items else None

    def __len__(self) -> int:
        return len(self._items)
