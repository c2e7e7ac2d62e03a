"""Planning the year: annual targets and the key accounts to set objectives for, together.

The method sets results targets and the strategic objectives of key accounts at the same
sitting, so the plan for the number and the plan for the accounts agree.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from coach_tui.model.account import Account, validate_account_name
from coach_tui.model.errors import ValidationError
from coach_tui.model.goal import Metric, PerformanceGoal, calendar_year
from coach_tui.model.text import small_number

PLAN_FLOW = "plan-year"
OBJECTIVE_WALK = "plan-year:objectives"  # the accounts still waiting for an objective
# The plan's target steps, by answer key.
TARGETS = {"revenue": Metric.REVENUE, "deals": Metric.DEALS, "new_accounts": Metric.NEW_ACCOUNTS}
MAX_KEY_ACCOUNTS = 30


def year_to_plan(today: date) -> int:
    """From October on, people plan next year; before that, this one."""
    return today.year + 1 if today.month >= 10 else today.year


def new_goal_period(today: date) -> tuple[date, date]:
    """The period a new goal starts with: the year being planned, so a goal added in
    November (right after planning next year) is not for the year ending in a few weeks."""
    return calendar_year(year_to_plan(today))


def parse_year(text: str, today: date) -> int:
    year = small_number(text)
    if year is None or not today.year - 1 <= year <= today.year + 2:
        raise ValidationError(
            f"Plan a year from {today.year - 1} to {today.year + 2}, e.g. {year_to_plan(today)}."
        )
    return year


def goal_name(metric: Metric, year: int) -> str:
    return {
        Metric.REVENUE: f"Revenue {year}",
        Metric.DEALS: f"Deals won {year}",
        Metric.NEW_ACCOUNTS: f"New accounts {year}",
    }.get(metric, f"{metric.value.capitalize()} {year}")


def year_goal(goals: list[PerformanceGoal], metric: Metric, year: int) -> PerformanceGoal | None:
    """The goal of this metric covering exactly that calendar year, if one exists."""
    start, end = calendar_year(year)
    return next(
        (g for g in goals if g.metric is metric and g.start == start and g.end == end), None
    )


def planned_goal(
    existing: PerformanceGoal | None,
    metric: Metric,
    year: int,
    amount: Decimal,
    currency: str,
) -> PerformanceGoal:
    """The year's goal with its new target: an existing one keeps its progress and id."""
    if existing is not None:
        return replace(existing, target=amount, currency=currency if metric.is_money else "")
    start, end = calendar_year(year)
    return PerformanceGoal(
        name=goal_name(metric, year),
        metric=metric,
        target=amount,
        start=start,
        end=end,
        currency=currency if metric.is_money else "",
    )


@dataclass(frozen=True, slots=True)
class KeyAccounts:
    """The accounts named in the plan: the ones that exist and the names to create."""

    existing: tuple[Account, ...]
    new_names: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.existing) + len(self.new_names)


def key_accounts(text: str, accounts: list[Account]) -> KeyAccounts:
    """Read one account name per line, matching existing accounts regardless of case."""
    by_name = {account.name.casefold(): account for account in accounts}
    existing: list[Account] = []
    new_names: list[str] = []
    seen: set[str] = set()
    for line in text.splitlines():
        if not line.strip():
            continue
        name = validate_account_name(line)
        key = name.casefold()
        if key in seen:
            continue
        seen.add(key)
        if key in by_name:
            existing.append(by_name[key])
        else:
            new_names.append(name)
    if len(seen) > MAX_KEY_ACCOUNTS:
        raise ValidationError(
            f"{len(seen)} key accounts is more than one sitting can do well. Pick the "
            f"{MAX_KEY_ACCOUNTS} that matter most; the rest can follow."
        )
    return KeyAccounts(tuple(existing), tuple(new_names))
