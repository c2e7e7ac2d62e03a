"""Converting model objects to the JSON records TinyDB stores, and back.

Decoding is strict: a record with a missing or mistyped field, or one its kind of record
does not have, raises `DamagedRecord` instead of handing the screens half an object (the
rules a value must keep beyond its type are the model's: see `store/records.py`). Nested
values are copied so nothing the UI holds aliases TinyDB's cache.
"""

from __future__ import annotations

import copy
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any, TypeVar

from coach_tui.model.account import (
    RESEARCH_PARTS,
    Account,
    ExpansionKind,
    ObjectiveStatus,
    Perspective,
    PerspectiveKind,
    Research,
    StrategicObjective,
)
from coach_tui.model.clock import UnknownZone, named_zone, zone_key
from coach_tui.model.draft import FlowDraft, answers_problem
from coach_tui.model.goal import Metric, PerformanceGoal, ProgressEntry, SkillGoal
from coach_tui.model.limits import STORED_TEXT_MAX
from coach_tui.model.money import Money
from coach_tui.model.settings import Settings
from coach_tui.model.why import ANSWER_KEYS, WhyAnswers, WhyStatement
from coach_tui.store.errors import DamagedRecord

Record = dict[str, Any]
E = TypeVar("E", bound=Enum)


class Reader:
    """Typed access to one stored record, raising `DamagedRecord` on any surprise."""

    def __init__(self, table: str, doc_id: object, record: Record) -> None:
        self.table = table
        self.doc_id = doc_id
        self.record = record

    def fail(self, reason: str) -> DamagedRecord:
        return DamagedRecord(self.table, self.doc_id, reason)

    def only(self, fields: frozenset[str], what: str) -> Reader:
        """Refuse keys this record cannot have: a value put there by hand would be
        silently dropped at the next save, or the record belongs to another table."""
        unknown = self.record.keys() - fields
        if unknown:
            raise self.fail(f"{what} has no field {listed_keys(unknown)}")
        return self

    def nested(self, value: Record, fields: frozenset[str], what: str) -> Reader:
        """A reader of a record inside this one (a debrief, a progress entry)."""
        return Reader(self.table, self.doc_id, value).only(fields, what)

    def text(self, key: str, *, default: str | None = None) -> str:
        value = self.record.get(key, default)
        if not isinstance(value, str):
            raise self.fail(f"'{key}' should be text")
        if len(value) > STORED_TEXT_MAX:
            raise self.too_long(key, value)
        return value

    def too_long(self, key: str, value: str) -> DamagedRecord:
        """No field holds more: a runaway paste or a damaged file (see `STORED_TEXT_MAX`)."""
        return self.fail(
            f"'{key}' is {len(value):,} characters, more than coach keeps in any field "
            f"({STORED_TEXT_MAX:,})"
        )

    def integer(self, key: str) -> int:
        value = self.record.get(key)
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail(f"'{key}' should be a whole number")
        return value

    def moment(self, key: str) -> datetime:
        value = self.text(key)
        try:
            return moment_from_text(value)
        except NoTimeZone:
            raise self.fail(f"'{key}' has no time zone: {value!r}") from None
        except ValueError:
            raise self.fail(f"'{key}' is not a date and time: {value!r}") from None

    def optional_moment(self, key: str) -> datetime | None:
        return None if self.record.get(key) is None else self.moment(key)

    def flag(self, key: str) -> bool:
        value = self.record.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(f"'{key}' should be true or false")
        return value

    def text_list(self, key: str) -> list[str]:
        value = self.record.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.fail(f"'{key}' should be a list of text")
        for item in value:
            if len(item) > STORED_TEXT_MAX:
                raise self.too_long(key, item)
        return list(value)

    def optional_text(self, key: str) -> str:
        value = self.record.get(key)
        if value is None:
            return ""
        if not isinstance(value, str):
            raise self.fail(f"'{key}' should be text")
        if len(value) > STORED_TEXT_MAX:
            raise self.too_long(key, value)
        return value

    def decimal(self, key: str, source: Record | None = None) -> Decimal:
        value = (self.record if source is None else source).get(key)
        if not isinstance(value, str):
            raise self.fail(f"'{key}' should be a number written as text")
        if len(value) > NUMBER_MAX_CHARS:
            raise self.fail(f"'{key}' has {len(value):,} characters, too many for an amount")
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise self.fail(f"'{key}' is not a number: {value!r}") from None
        if not number.is_finite():
            raise self.fail(f"'{key}' is not a finite number")
        return number

    def day(self, key: str, source: Record | None = None) -> date:
        value = (self.record if source is None else source).get(key)
        if not isinstance(value, str):
            raise self.fail(f"'{key}' should be a date")
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise self.fail(f"'{key}' is not a date: {value!r}") from None

    def optional_day(self, key: str) -> date | None:
        return None if self.record.get(key) is None else self.day(key)

    def choice(self, key: str, kind: type[E]) -> E:
        value = self.record.get(key)
        try:
            found = _members_by_value(kind).get(value)
        except TypeError:  # a list or an object where a value belongs
            found = None
        if found is None:
            raise self.fail(f"'{key}' is not one of the known values: {value!r:.60}")
        return found

    def money(self, key: str) -> Money | None:
        value = self.record.get(key)
        if value is None:
            return None
        if not isinstance(value, dict) or not isinstance(value.get("currency"), str):
            raise self.fail(f"'{key}' should hold an amount and a currency")
        self.nested(value, MONEY_FIELDS, f"'{key}'")
        return Money(self.decimal("amount", value), value["currency"])

    def records(self, key: str) -> list[Record]:
        value = self.record.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            raise self.fail(f"'{key}' should be a list of records")
        return value

    def text_map(self, key: str, names: frozenset[str] | None = None) -> dict[str, str]:
        """A `{name: text}` object; with `names`, only those names may appear."""
        value = self.record.get(key, {})
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise self.fail(f"'{key}' should map names to text")
        if names is not None:
            self.nested(value, names, f"'{key}'")
        for name, text in value.items():
            if len(text) > STORED_TEXT_MAX or len(name) > STORED_TEXT_MAX:
                raise self.too_long(key, max(text, name, key=len))
        return dict(value)


# An amount is at most a trillion with cents: "1000000000000.00" is 16 characters.
NUMBER_MAX_CHARS = 40
MONEY_FIELDS = frozenset(Money.__dataclass_fields__)
PROGRESS_FIELDS = frozenset(ProgressEntry.__dataclass_fields__)


_BY_VALUE: dict[type, dict[object, Any]] = {}


def _members_by_value(kind: type[E]) -> dict[object, E]:
    """`kind`'s members by value: a dict lookup, three times faster than `kind(value)`,
    which counts when a full check reads 240,000 of them."""
    members = _BY_VALUE.get(kind)
    if members is None:
        members = _BY_VALUE[kind] = {member.value: member for member in kind}
    return members


def listed_keys(keys: set[str]) -> str:
    """ "'company', 'email', 'role' and 6 more": field names for a sentence."""
    shown = sorted(keys)
    names = ", ".join(f"'{key[:40]}'" for key in shown[:3])
    return names + (f" and {len(shown) - 3} more" if len(shown) > 3 else "")


class NoTimeZone(ValueError):
    """A stored time without an offset: which moment it means cannot be known."""


def moment_to_text(moment: datetime | None) -> str | None:
    """An instant (when something happened): ISO 8601 with the offset of that moment."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        raise ValueError("refusing to store a datetime without a time zone")
    return moment.isoformat()


def zoned_to_text(moment: datetime) -> str:
    """A time the seller scheduled: wall time, that date's offset and the zone's name,
    `2027-07-01T10:00:00+02:00[Europe/Berlin]` (RFC 9557, the form Temporal and java.time
    write).

    The name keeps the clock time the seller meant if the zone's rules change; the offset
    tells which of the two 02:30s of an autumn night it is, and lets any ISO 8601 reader
    (and the archive's text comparisons) use the part before the bracket as it stands.
    A zone without a name (see `clock.py`) is stored as its offset alone.
    """
    if moment.tzinfo is None:
        raise ValueError("refusing to store a datetime without a time zone")
    key = zone_key(moment.tzinfo)
    return f"{moment.isoformat()}[{key}]" if key else moment.isoformat()


def moment_from_text(text: str) -> datetime:
    """A stored time as an aware datetime; `ValueError` if it is not one.

    With a zone name, the wall time in that zone is the moment, at the offset its rules
    give that date; the stored offset only picks between the two readings of a wall time
    the clocks pass twice. A name this machine does not know leaves the moment as saved,
    and the name with it (`UnknownZone`), for the next save to write back.
    """
    key = ""
    if text.endswith("]"):  # RFC 9557: the zone's name in brackets, "!" if critical
        text, _bracket, key = text[:-1].rpartition("[")
        key = key.removeprefix("!")
    stamp = datetime.fromisoformat(text)
    offset = stamp.utcoffset()
    if offset is None:
        raise NoTimeZone(text)
    if not key:
        return stamp
    zone = named_zone(key)
    if zone is None:
        return stamp.replace(tzinfo=UnknownZone(key, offset))
    moment = stamp.astimezone(zone)
    if moment.utcoffset() == offset:  # the same moment, the same clock time: as saved
        return moment
    # The zone's rules give that date another offset now: the clock time typed wins.
    wall = stamp.replace(tzinfo=zone, fold=0)
    if wall.utcoffset() != offset and wall.replace(fold=1).utcoffset() == offset:
        return wall.replace(fold=1)
    return wall


def why_to_record(why: WhyStatement) -> Record:
    return {
        "uid": why.uid,
        "statement": why.statement,
        "written_at": moment_to_text(why.written_at),
        "answers": {key: why.answers.get(key) for key in ANSWER_KEYS},
    }


def why_from_record(record: Record, doc_id: object = "?") -> WhyStatement:
    read = Reader("why", doc_id, record)
    answers = read.text_map("answers", frozenset(ANSWER_KEYS))
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
        "answers": copy.deepcopy(draft.answers),
        "updated_at": moment_to_text(draft.updated_at),
        # Always written, even as null: a save (an upsert) must clear an earlier mark.
        "stopped_at": moment_to_text(draft.stopped_at),
        "typed": draft.typed,
    }


def draft_from_record(record: Record, doc_id: object = "?") -> FlowDraft:
    read = Reader("drafts", doc_id, record)
    step = read.integer("step")
    if step < 0:
        raise read.fail("'step' is negative")
    answers = record.get("answers", {})
    if problem := answers_problem(answers):
        raise read.fail(problem)
    return FlowDraft(
        flow=read.text("flow"),
        step=step,
        answers=copy.deepcopy(answers),
        updated_at=read.optional_moment("updated_at"),
        stopped_at=read.optional_moment("stopped_at"),
        typed=read.flag("typed"),
    )


def settings_to_record(settings: Settings) -> Record:
    return {
        "theme": settings.theme,
        "currency": settings.currency,
        "stall_weeks": settings.stall_weeks,
        "holiday_region": settings.holiday_region,
        "day_first": settings.day_first,
    }


def settings_from_record(record: Record, doc_id: object = "?") -> Settings:
    read = Reader("settings", doc_id, record)
    theme = record.get("theme")
    if theme is not None and not isinstance(theme, str):
        raise read.fail("'theme' should be text")
    weeks = record.get("stall_weeks", Settings().stall_weeks)
    if not isinstance(weeks, int) or isinstance(weeks, bool):
        raise read.fail("'stall_weeks' should be a whole number")
    region = record.get("holiday_region")
    if region is not None and not isinstance(region, str):
        raise read.fail("'holiday_region' should be text")
    day_first = record.get("day_first")
    if day_first is not None and not isinstance(day_first, bool):
        raise read.fail("'day_first' should be true, false or null")
    return Settings(
        theme=theme,
        currency=read.text("currency", default=Settings().currency),
        stall_weeks=weeks,
        holiday_region=region,
        day_first=day_first,
    )


def day_to_text(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def money_to_record(money: Money | None) -> Record | None:
    return None if money is None else {"amount": str(money.amount), "currency": money.currency}


def account_to_record(account: Account) -> Record:
    return {
        "uid": account.uid,
        "name": account.name,
        "research": {part: account.research.get(part) for part in RESEARCH_PARTS},
        "created_at": moment_to_text(account.created_at),
        "archived_at": moment_to_text(account.archived_at),
    }


def account_from_record(record: Record, doc_id: object = "?") -> Account:
    read = Reader("accounts", doc_id, record)
    research = read.text_map("research", frozenset(RESEARCH_PARTS))
    return Account(
        name=read.text("name"),
        research=Research(**{part: research.get(part, "") for part in RESEARCH_PARTS}),
        created_at=read.optional_moment("created_at"),
        archived_at=read.optional_moment("archived_at"),
        uid=read.text("uid"),
    )


def objective_to_record(objective: StrategicObjective) -> Record:
    return {
        "uid": objective.uid,
        "account_uid": objective.account_uid,
        "description": objective.description,
        "kind": objective.kind.value,
        "client_goal": objective.client_goal,
        "financial_target": money_to_record(objective.financial_target),
        "target_date": day_to_text(objective.target_date),
        "status": objective.status.value,
        "created_at": moment_to_text(objective.created_at),
        "closed_at": moment_to_text(objective.closed_at),
        "closing_note": objective.closing_note,
    }


def objective_from_record(record: Record, doc_id: object = "?") -> StrategicObjective:
    read = Reader("objectives", doc_id, record)
    return StrategicObjective(
        account_uid=read.text("account_uid"),
        description=read.text("description"),
        kind=read.choice("kind", ExpansionKind),
        client_goal=read.optional_text("client_goal"),
        financial_target=read.money("financial_target"),
        target_date=read.optional_day("target_date"),
        status=read.choice("status", ObjectiveStatus),
        created_at=read.optional_moment("created_at"),
        closed_at=read.optional_moment("closed_at"),
        closing_note=read.optional_text("closing_note"),
        uid=read.text("uid"),
    )


def perspective_to_record(perspective: Perspective) -> Record:
    return {
        "uid": perspective.uid,
        "account_uid": perspective.account_uid,
        "who": perspective.who,
        "role": perspective.role,
        "said_on": perspective.said_on.isoformat(),
        "kind": perspective.kind.value,
        "text": perspective.text,
    }


def perspective_from_record(record: Record, doc_id: object = "?") -> Perspective:
    read = Reader("perspectives", doc_id, record)
    return Perspective(
        account_uid=read.text("account_uid"),
        who=read.text("who"),
        role=read.optional_text("role"),
        said_on=read.day("said_on"),
        kind=read.choice("kind", PerspectiveKind),
        text=read.text("text"),
        uid=read.text("uid"),
    )


def goal_to_record(goal: PerformanceGoal) -> Record:
    return {
        "uid": goal.uid,
        "name": goal.name,
        "metric": goal.metric.value,
        "target": str(goal.target),
        "start": goal.start.isoformat(),
        "end": goal.end.isoformat(),
        "currency": goal.currency,
        "unit": goal.unit,
        "progress": [
            {"uid": e.uid, "on": e.on.isoformat(), "amount": str(e.amount), "note": e.note}
            for e in goal.progress
        ],
    }


def goal_from_record(record: Record, doc_id: object = "?") -> PerformanceGoal:
    read = Reader("goals", doc_id, record)
    progress = tuple(_progress_entry(read, entry) for entry in read.records("progress"))
    return PerformanceGoal(
        name=read.text("name"),
        metric=read.choice("metric", Metric),
        target=read.decimal("target"),
        start=read.day("start"),
        end=read.day("end"),
        currency=read.optional_text("currency"),
        unit=read.optional_text("unit"),
        progress=progress,
        uid=read.text("uid"),
    )


def _progress_entry(read: Reader, entry: Record) -> ProgressEntry:
    inner = read.nested(entry, PROGRESS_FIELDS, "a progress entry")
    return ProgressEntry(
        on=inner.day("on"),
        amount=inner.decimal("amount"),
        note=inner.optional_text("note"),
        uid=inner.optional_text("uid"),
    )


def skill_to_record(skill: SkillGoal) -> Record:
    return {
        "uid": skill.uid,
        "skill": skill.skill,
        "why_it_matters": skill.why_it_matters,
        "how_noticed": skill.how_noticed,
        "started_on": day_to_text(skill.started_on),
        "retired_on": day_to_text(skill.retired_on),
        "retired_note": skill.retired_note,
    }


def skill_from_record(record: Record, doc_id: object = "?") -> SkillGoal:
    read = Reader("skill_goals", doc_id, record)
    return SkillGoal(
        skill=read.text("skill"),
        why_it_matters=read.optional_text("why_it_matters"),
        how_noticed=read.optional_text("how_noticed"),
        started_on=read.optional_day("started_on"),
        retired_on=read.optional_day("retired_on"),
        retired_note=read.optional_text("retired_note"),
        uid=read.text("uid"),
    )
