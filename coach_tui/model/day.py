"""A day's plan: the three priorities the seller chose in the morning, ticked off as done."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime

from coach_tui.model.dates import check_day, check_moment
from coach_tui.model.errors import ValidationError
from coach_tui.model.ids import check_uid, new_uid
from coach_tui.model.limits import Limits
from coach_tui.model.text import TextRule

PRIORITY_MAX = 200
PRIORITIES_PER_DAY = 3
PRIORITY = TextRule("The priority", PRIORITY_MAX, required=False)
# The key of the morning plan's draft: what was typed and not saved yet, for one day.
MORNING_FLOW = "morning"


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
    return PRIORITY.clean(raw, label=f"Priority {number}")


def check_day_plan(plan: DayPlan, limits: Limits) -> None:
    """Refuse a stored day plan the morning screen would not save."""
    check_uid(plan.uid)
    check_day(plan.day, field="day")
    if plan.planned_at is not None:
        check_moment(plan.planned_at, field="planned_at")
    if limits is not Limits.FORMS:
        return
    if len(plan.priorities) > PRIORITIES_PER_DAY:
        raise ValidationError(
            f"A day has at most {PRIORITIES_PER_DAY} priorities, not {len(plan.priorities)}.",
            field="priorities",
        )
    for number, item in enumerate(plan.priorities, start=1):
        PRIORITY.check(item.text, f"priority {number}")
