"""What the plan-the-year flow hands back when it saves."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Plan:
    """What the flow saved: the year and the key accounts, in the order given."""

    year: int
    account_uids: tuple[str, ...]
