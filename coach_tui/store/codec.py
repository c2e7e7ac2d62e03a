"""Converting model objects to the JSON records TinyDB stores, and back.

Decoding is strict: a record with a missing or mistyped field raises `DamagedRecord`
instead of handing the screens half an object. Nested values are copied so nothing the
UI holds aliases TinyDB's cache.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from coach_tui.model.draft import FlowDraft
from coach_tui.model.settings import Settings
from coach_tui.model.why import ANSWER_KEYS, WhyAnswers, WhyStatement
from coach_tui.store.errors import DamagedRecord

Record = dict[str, Any]


class _Reader:
    """Typed access to one stored record, raising `DamagedRecord` on any surprise."""

    def __init__(self, table: str, doc_id: object, record: Record) -> None:
        self.table = table
        self.doc_id = doc_id
        self.record = record

    def fail(self, reason: str) -> DamagedRecord:
        return DamagedRecord(self.table, self.doc_id, reason)

    def text(self, key: str, *, default: str | None = None) -> str:
        value = self.record.get(key, default)
        if not isinstance(value, str):
            raise self.fail(f"'{key}' should be text")
        return value

    def integer(self, key: str) -> int:
        value = self.record.get(key)
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail(f"'{key}' should be a whole number")
        return value

    def moment(self, key: str) -> datetime:
        value = self.text(key)
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise self.fail(f"'{key}' is not a date and time: {value!r}") from None
        if moment.tzinfo is None:
            raise self.fail(f"'{key}' has no time zone: {value!r}")
        return moment

    def optional_moment(self, key: str) -> datetime | None:
        return None if self.record.get(key) is None else self.moment(key)

    def text_map(self, key: str) -> dict[str, str]:
        value = self.record.get(key, {})
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise self.fail(f"'{key}' should map names to text")
        return dict(value)


def moment_to_text(moment: datetime | None) -> str | None:
    """ISO 8601 with offset; we only ever store aware datetimes."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        raise ValueError("refusing to store a datetime without a time zone")
    return moment.isoformat()


def why_to_record(why: WhyStatement) -> Record:
    return {
        "uid": why.uid,
        "statement": why.statement,
        "written_at": moment_to_text(why.written_at),
        "answers": {key: why.answers.get(key) for key in ANSWER_KEYS},
    }


def why_from_record(record: Record, doc_id: object = "?") -> WhyStatement:
    read = _Reader("why", doc_id, record)
    answers = read.text_map("answers")
    return WhyStatement(
        statement=read.text("statement"),
        written_at=read.moment("written_at"),
        answers=WhyAnswers(**{key: answers.get(key, "") for key in ANSWER_KEYS}),
        uid=read.text("uid"),
    )


def draft_to_record(draft: FlowDraft) -> Record:
    return {
        "flow": draft.flow,
        "step": draft.step,
        "answers": dict(draft.answers),
        "updated_at": moment_to_text(draft.updated_at),
    }


def draft_from_record(record: Record, doc_id: object = "?") -> FlowDraft:
    read = _Reader("drafts", doc_id, record)
    step = read.integer("step")
    if step < 0:
        raise read.fail("'step' is negative")
    return FlowDraft(
        flow=read.text("flow"),
        step=step,
        answers=read.text_map("answers"),
        updated_at=read.optional_moment("updated_at"),
    )


def settings_to_record(settings: Settings) -> Record:
    return {"theme": settings.theme}


def settings_from_record(record: Record, doc_id: object = "?") -> Settings:
    read = _Reader("settings", doc_id, record)
    theme = record.get("theme")
    if theme is not None and not isinstance(theme, str):
        raise read.fail("'theme' should be text")
    return Settings(theme=theme)


# Every table and how to read its records: used to check files at open and by `coach doctor`.
DECODERS = {
    "why": why_from_record,
    "drafts": draft_from_record,
    "settings": settings_from_record,
}
