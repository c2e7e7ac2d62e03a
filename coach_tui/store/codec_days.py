"""Records of day plans."""

from __future__ import annotations

from coach_tui.model.day import DayPlan, Priority
from coach_tui.store.codec import Reader, Record, moment_to_text

TABLE = "days"
PRIORITY_FIELDS = frozenset(Priority.__dataclass_fields__)


def day_to_record(plan: DayPlan) -> Record:
    return {
        "uid": plan.uid,
        "day": plan.day.isoformat(),
        "priorities": [{"text": p.text, "done": p.done} for p in plan.priorities],
        "planned_at": moment_to_text(plan.planned_at),
    }


def day_from_record(record: Record, doc_id: object = "?") -> DayPlan:
    read = Reader(TABLE, doc_id, record)
    items = []
    for item in read.records("priorities"):
        inner = read.nested(item, PRIORITY_FIELDS, "a priority")
        items.append(Priority(inner.text("text"), inner.flag("done")))
    return DayPlan(
        day=read.day("day"),
        priorities=tuple(items),
        planned_at=read.optional_moment("planned_at"),
        uid=read.text("uid"),
    )
