"""Goals of both kinds: results to reach (performance) and skills to practise (getting better)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from enum import Enum

from coach_tui.model.counts import check_count, parse_count
from coach_tui.model.dates import check_day
from coach_tui.model.errors import ValidationError
from coach_tui.model.ids import check_link, check_uid, new_uid
from coach_tui.model.limits import Limits
from coach_tui.model.money import (
    check_amount,
    check_currency,
    format_money,
    parse_money,
)
from coach_tui.model.text import TextRule
from coach_tui.model.wording import noun_for

NAME_MAX = 120
NOTE_MAX = 500
SKILL_TEXT_MAX = 1_000
UNIT_MAX = 40
PERIOD_MAX_DAYS = 5 * 366

GOAL_NAME = TextRule("The goal's name", NAME_MAX)
UNIT = TextRule("The unit", UNIT_MAX, required=False)
NOTE = TextRule("The note", NOTE_MAX, required=False)
SKILL = TextRule(
    "The skill",
    200,
    too_long_advice="Name the habit in one line; put the rest under why it matters.",
)
SKILL_TEXT = TextRule("The text", SKILL_TEXT_MAX, multiline=True, required=False)


class Metric(Enum):
    """What a performance goal counts."""

    REVENUE = "revenue"
    DEALS = "deals won"
    NEW_ACCOUNTS = "new accounts"
    CUSTOM = "custom count"

    @property
    def is_money(self) -> bool:
        return self is Metric.REVENUE


@dataclass(frozen=True, slots=True)
class ProgressEntry:
    """One step towards a goal: a deal closed, revenue booked, an account opened."""

    on: date
    amount: Decimal
    note: str = ""
    uid: str = field(default_factory=new_uid)


@dataclass(frozen=True, slots=True)
class PerformanceGoal:
    """A result to reach within a period, e.g. €1.2m revenue in 2027."""

    name: str
    metric: Metric
    target: Decimal
    start: date
    end: date
    currency: str = ""  # for revenue goals; empty otherwise
    unit: str = ""  # for custom counts, e.g. "first meetings"
    progress: tuple[ProgressEntry, ...] = ()
    uid: str = field(default_factory=new_uid)

    @property
    def attained(self) -> Decimal:
        return sum((entry.amount for entry in self.progress), Decimal(0))

    def format_amount(self, amount: Decimal) -> str:
        """An amount in this goal's terms: €12,000, 1 deal won or 3 deals won (a unit the
        seller typed is their words, kept as typed)."""
        if self.metric.is_money:
            return format_money(amount, self.currency)
        if self.unit:
            return f"{_count(amount)} {self.unit}"
        noun = noun_for(amount, _SINGULAR.get(self.metric, self.metric.value), self.metric.value)
        return f"{_count(amount)} {noun}"

    def format_progress(self, attained: Decimal, target: Decimal) -> str:
        """'€870,000 of €1,200,000' or '6 of 6 new accounts'."""
        if self.metric.is_money:
            return (
                f"{format_money(attained, self.currency)} of {format_money(target, self.currency)}"
            )
        return f"{_count(attained)} of {self.format_amount(target)}"


_SINGULAR = {Metric.DEALS: "deal won", Metric.NEW_ACCOUNTS: "new account"}


def _count(amount: Decimal) -> str:
    return f"{amount:,.0f}" if amount == amount.to_integral_value() else f"{amount:,.1f}"


@dataclass(frozen=True, slots=True)
class SkillGoal:
    """A getting-better goal: practised, not counted. Retired goals are kept with a note."""

    skill: str
    why_it_matters: str = ""
    how_noticed: str = ""
    started_on: date | None = None
    retired_on: date | None = None
    retired_note: str = ""
    uid: str = field(default_factory=new_uid)

    @property
    def active(self) -> bool:
        return self.retired_on is None


def validate_goal_name(raw: str) -> str:
    return GOAL_NAME.clean(raw)


def validate_period(start: date, end: date) -> None:
    """A period must end after it starts and last at most a few years."""
    _period_ends_after_start(start, end)
    if (end - start).days > PERIOD_MAX_DAYS:
        raise ValidationError("A goal's period can be at most five years.", field="end")


def _period_ends_after_start(start: date, end: date) -> None:
    # A period of no days would divide the pace by zero; so this holds in data files too.
    if end <= start:
        raise ValidationError("The period must end after it starts.", field="end")


def calendar_year(year: int) -> tuple[date, date]:
    """The default period: 1 January to 31 December."""
    return date(year, 1, 1), date(year, 12, 31)


def validate_skill(raw: str) -> str:
    return SKILL.clean(raw)


def validate_note(raw: str, *, label: str = "The note") -> str:
    return NOTE.clean(raw, label=label)


def validate_skill_text(raw: str, *, label: str) -> str:
    return SKILL_TEXT.clean(raw, label=label)


def check_goal(goal: PerformanceGoal, limits: Limits) -> None:
    """Refuse a stored goal a form would not save (see `Limits` for which rules apply)."""
    check_uid(goal.uid)
    check_amount(goal.target, label="The target", field="target")
    check_day(goal.start, label="The start", field="start")
    check_day(goal.end, label="The end", field="end")
    for number, entry in enumerate(goal.progress, start=1):
        check_day(entry.on, label="The day", field=f"progress {number} on")
        check_amount(entry.amount, field=f"progress {number} amount")
    if limits is not Limits.FORMS:
        _period_ends_after_start(goal.start, goal.end)
        return
    validate_period(goal.start, goal.end)
    if goal.metric.is_money:
        check_currency(goal.currency, field="currency")
    else:
        check_count(goal.target, label="The target", field="target")
        for number, entry in enumerate(goal.progress, start=1):
            check_count(entry.amount, label="The amount", field=f"progress {number} amount")
    GOAL_NAME.check(goal.name, "name")
    UNIT.check(goal.unit, "unit")
    for number, entry in enumerate(goal.progress, start=1):
        check_link(entry.uid, field=f"progress {number} uid")
        NOTE.check(entry.note, f"progress {number} note")


def check_skill(skill: SkillGoal, limits: Limits) -> None:
    """Refuse a stored getting-better goal a form would not save."""
    check_uid(skill.uid)
    for name, day in (("started_on", skill.started_on), ("retired_on", skill.retired_on)):
        if day is not None:
            check_day(day, field=name)
    if limits is Limits.FORMS:
        SKILL.check(skill.skill, "skill")
        SKILL_TEXT.check(skill.why_it_matters, "why_it_matters")
        SKILL_TEXT.check(skill.how_noticed, "how_noticed")
        NOTE.check(skill.retired_note, "retired_note")


def with_progress(goal: PerformanceGoal, entry: ProgressEntry) -> PerformanceGoal:
    """`goal` with one more progress entry, kept in date order."""
    entries = tuple(sorted((*goal.progress, entry), key=lambda item: item.on))
    return replace(goal, progress=entries)


def without_progress(goal: PerformanceGoal, entry_uid: str) -> PerformanceGoal:
    """`goal` with one progress entry taken out (a mistaken entry)."""
    return replace(goal, progress=tuple(e for e in goal.progress if e.uid != entry_uid))


def new_performance_goal(
    *,
    name: str,
    metric: Metric,
    target: str,
    start: date,
    end: date,
    default_currency: str,
    unit: str = "",
    uid: str | None = None,
    progress: tuple[ProgressEntry, ...] = (),
) -> PerformanceGoal:
    """A validated performance goal from what was typed (the target as text)."""
    validate_period(start, end)
    if metric.is_money:
        money = parse_money(target, default_currency=default_currency, label="The target")
        amount, currency = money.amount, money.currency
    else:
        amount, currency = parse_count(target, label="The target"), ""
    goal = PerformanceGoal(
        name=validate_goal_name(name),
        metric=metric,
        target=amount,
        start=start,
        end=end,
        currency=currency,
        unit=UNIT.clean(unit),
        progress=progress,
    )
    return goal if uid is None else replace(goal, uid=uid)
