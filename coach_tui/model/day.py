"""A day's plan: the three priorities the seller chose in the morning, ticked off as done."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime

from coach_tui.model.ids import new_uid
from coach_tui.model.text import require_text

PRIORITY_MAX = 200
PRIORITIES_PER_DAY = 3


@dataclass(frozen=True, slots=True)
class Priority:
    text: str
    done: bool = False


@dataclass(frozen=True, slots=True)
class DayPlan:
    day: date
    priorities: tuple[Priority, ...] = ()
    planned_at: datetime | None = None
    uid: str = field(default_factory=new_uid)

    def toggled(self, index: int) -> DayPlan:
        """The plan with priority `index` ticked or unticked."""
        items = list(self.priorities)
        items[index] = replace(items[index], done=not items[index].done)
        return replace(self, priorities=tuple(items))

    @property
    def unfinished(self) -> list[str]:
        return [item.text for item in self.priorities if not item.done]


def validate_priority(raw: str, *, number: int) -> str:
    return require_text(raw, label=f"Priority {number}", max_chars=PRIORITY_MAX, required=False)
