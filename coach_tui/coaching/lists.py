"""Lists cut to fit a screen or a terminal: the part shown and a line saying what was left out.

Every shortened list ends the same way, "… and 21 more (a shows them)", so the seller
always knows there is more and which key shows it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

Item = TypeVar("Item")


def and_more(hidden: int, how: str) -> str:
    """`… and 21 more (a shows them)`: the closing line of a list cut short."""
    return f"… and {hidden:,} more ({how})"


def cut(items: Sequence[Item], limit: int | None) -> tuple[Sequence[Item], int]:
    """The first `limit` items (all of them when `limit` is None) and how many were left out."""
    if limit is None or len(items) <= limit:
        return items, 0
    return items[:limit], len(items) - limit
