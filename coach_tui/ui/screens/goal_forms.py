"""Forms for performance goals: setting or changing one, and logging progress against it.

Every typed amount and date is echoed back under its field as it was read, so "12k" or
"next march" is seen as $12,000 or 31 Mar 2027 before anything is saved.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import TypeVar

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Select, Static

from coach_tui.coaching.pace import goal_pace, pace_sentence
from coach_tui.coaching.plan_year import new_goal_period
from coach_tui.model.counts import parse_count
from coach_tui.model.dates import Prefer, parse_day, read_back
from coach_tui.model.errors import ValidationError
from coach_tui.model.goal import (
    UNIT,
    Metric,
    PerformanceGoal,
    ProgressEntry,
    new_performance_goal,
    validate_goal_name,
    validate_note,
    validate_period,
)
from coach_tui.model.money import format_money, parse_money
from coach_tui.store.errors import StoreError
from coach_tui.ui.kit.form import FormScreen
from coach_tui.ui.kit.styles import GOAL_FORM_CSS
from coach_tui.ui.text import day, plain
from coach_tui.ui.widgets.field import Field
from coach_tui.ui.widgets.goal_views import period_label
from coach_tui.ui.widgets.scroll import VerticalScroll

T = TypeVar("T")
METRIC_LABELS = {
    Metric.REVENUE: "Revenue (money)",
    Metric.DEALS: "Deals won",
    Metric.NEW_ACCOUNTS: "New accounts opened",
    Metric.CUSTOM: "Something else I count",
}


class Refused(ValidationError):
    """Input that reads fine but breaks a rule of the form (a day outside the period)."""


def count_text(amount: Decimal) -> str:
    """A count as a person writes it: 24, 1,500 or 2.5 — not 24.00."""
    if amount == amount.to_integral_value():
        return f"{amount:,.0f}"
    return f"{amount.normalize():,f}"


def read(field: Field, build: Callable[[str], T]) -> T | None:
    """`build(field.value)`, or None with the reason shown under the field."""
    try:
        value = build(field.value)
    except ValidationError as error:
        field.say(error.message, recheck=lambda: build(field.value))
        return None
    if field.has_problem:  # fixed since the last try; an echo stays
        field.clear_feedback()
    return value


def echo(field: Field, reading: Callable[[str], str]) -> None:
    """Show how the input reads; a reading that would be refused is said at once, as a hint."""
    if not field.value.strip():
        field.say("")
        return
    if field.has_problem:
        return  # an error stays until it is put right (see Field)
    try:
        field.say(f"= {reading(field.value)}", "echo")
    except ValidationError as problem:  # why it does not read, or would be refused: a hint,
        field.say(problem.message, "hint")  # as it may still be half typed


class GoalForm(FormScreen[PerformanceGoal]):
    """A new performance goal, or changes to one. Dismisses with the saved goal."""

    CSS_PATH = GOAL_FORM_CSS

    def __init__(self, goal: PerformanceGoal | None = None, *, today: date, currency: str) -> None:
        super().__init__()
        self.goal = goal
        self.today = today
        # Editing a revenue goal keeps its currency for amounts typed without one.
        self.currency = goal.currency if goal is not None and goal.currency else currency

    def compose(self) -> ComposeResult:
        goal = self.goal
        start, end = (goal.start, goal.end) if goal else new_goal_period(self.today)
        metric = goal.metric if goal else Metric.REVENUE
        with VerticalScroll(classes="dialog"):
            yield Static(
                "Change the goal" if goal else "New performance goal", classes="dialog-title"
            )
            yield Field(
                "Name",
                field_id="name",
                hint="What you would call it on your plan: Revenue 2027, New logos H1.",
                value=goal.name if goal else "",
                max_length=200,
            )
            fixed = bool(goal and goal.progress)  # progress was logged in its terms
            with Horizontal(classes="goal-row"):
                with Vertical(classes="goal-metric"):
                    yield Label("What it counts", classes="field-label")
                    yield Static(
                        "Kept: progress is logged in it." if fixed else "Money, or a count.",
                        classes="goal-hint",
                    )
                    yield Select(
                        [(plain(METRIC_LABELS[m]), m.name) for m in Metric],
                        value=metric.name,
                        allow_blank=False,
                        id="metric",
                        disabled=fixed,
                    )
                yield Field(
                    "Target",
                    field_id="target",
                    hint="By the last day.",  # replaced to suit the metric on mount
                    value=self._target_text(),
                    max_length=40,
                )
            yield Field(
                "What you count",
                field_id="unit",
                hint="In a few words: first meetings, demos given, referrals asked for.",
                value=goal.unit if goal else "",
                max_length=80,
            )
            with Horizontal(classes="goal-row"):
                yield Field("Period starts", field_id="start", value=day(start), max_length=40)
                yield Field("Period ends", field_id="end", value=day(end), max_length=40)
            yield Static("ctrl+s save · esc cancel", classes="dialog-keys")

    def on_mount(self) -> None:
        super().on_mount()
        self._metric_changed()

    def _target_text(self) -> str:
        goal = self.goal
        if goal is None:
            return ""
        if goal.metric.is_money:
            return format_money(goal.target, goal.currency)
        return count_text(goal.target)

    # --- reading the fields -------------------------------------------------------------

    def field(self, field_id: str) -> Field:
        return self.query_one(f"#{field_id}-field", Field)

    @property
    def metric(self) -> Metric:
        value = self.query_one("#metric", Select).value
        return Metric[value] if isinstance(value, str) else Metric.REVENUE

    def _target(self, text: str) -> tuple[Decimal, str]:
        if self.metric.is_money:
            money = parse_money(text, default_currency=self.currency, label="The target")
            return money.amount, money.currency
        return parse_count(text, label="The target"), ""

    def _start(self, text: str) -> date:
        return parse_day(
            text,
            today=self.today,
            prefer=Prefer.PAST,
            label="The start",
            day_first=self.coach.day_first,
        )

    def _end(self, text: str) -> date:
        return parse_day(
            text,
            today=self.today,
            prefer=Prefer.FUTURE,
            label="The end",
            day_first=self.coach.day_first,
        )

    def _unit(self, text: str) -> str:
        unit = UNIT.clean(text, label="What you count")
        if self.metric is Metric.CUSTOM and not unit:
            raise ValidationError("Say what you count, e.g. first meetings.")
        return unit

    def _check_period(self) -> None:
        validate_period(self._start(self.field("start").value), self._end(self.field("end").value))

    # --- echo while typing ----------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        super().on_input_changed(event)
        field_id = event.input.id
        if field_id == "target":
            self._echo_target()
        elif field_id in ("start", "end"):
            self._echo_day(field_id)

    def on_select_changed(self, event: Select.Changed) -> None:
        super().on_select_changed(event)
        self._metric_changed()

    def _metric_changed(self) -> None:
        custom = self.metric is Metric.CUSTOM
        self.field("unit").display = custom
        hint = (
            f"{self.currency}, or type €, £ or a code."
            if self.metric.is_money
            else "How many by the last day."
        )
        self.field("target").query_one(".field-hint", Static).update(plain(hint))
        self._echo_target()

    def _echo_target(self) -> None:
        echo(self.field("target"), self._target_reading)

    def _target_reading(self, text: str) -> str:
        amount, currency = self._target(text)
        return format_money(amount, currency) if self.metric.is_money else count_text(amount)

    def _echo_day(self, field_id: str) -> None:
        parse = self._start if field_id == "start" else self._end
        echo(self.field(field_id), lambda text: self._day_reading(text, parse(text)))

    def _day_reading(self, text: str, value: date) -> str:
        return read_back(text, value, day_first=self.coach.day_first).removeprefix("= ")

    # --- saving --------------------------------------------------------------------------

    def submit(self) -> bool:
        name = read(self.field("name"), validate_goal_name)
        unit = read(self.field("unit"), self._unit) if self.metric is Metric.CUSTOM else ""
        target = read(self.field("target"), self._target)
        start = read(self.field("start"), self._start)
        end = read(self.field("end"), self._end)
        if start is not None and end is not None:
            try:
                validate_period(start, end)
            except ValidationError as error:
                self.field("end").say(error.message, recheck=self._check_period)
                end = None
        if name is None or unit is None or target is None or start is None or end is None:
            self.focus_first_problem()
            return False
        goal = self.goal
        try:
            saved = new_performance_goal(
                name=name,
                metric=self.metric,
                target=self.field("target").value,
                start=start,
                end=end,
                default_currency=self.currency,
                unit=unit,
                uid=goal.uid if goal else None,
                progress=goal.progress if goal else (),
            )
        except ValidationError as error:
            self.field("name").say(error.message)
            return False
        try:
            self.coach.repo.goals.save(saved)
        except StoreError as error:
            self.field("name").say(str(error))
            return False
        self.dismiss(saved)
        return True


class ProgressForm(FormScreen[PerformanceGoal]):
    """One step towards a goal. Dismisses with the goal as saved, entry included."""

    CSS_PATH = GOAL_FORM_CSS

    def __init__(self, goal: PerformanceGoal, *, today: date) -> None:
        super().__init__()
        self.goal = goal
        self.today = today

    def compose(self) -> ComposeResult:
        goal = self.goal
        amount_hint = (
            f"Revenue booked, in {goal.currency}: 12k, 3,500 or "
            f"{format_money(Decimal(3000), goal.currency)}."
            if goal.metric.is_money
            else f"How many {goal.unit or goal.metric.value}: usually 1."
        )
        with VerticalScroll(classes="dialog"):
            yield Static(plain(f"Log progress · {goal.name}"), classes="dialog-title")
            standing = pace_sentence(goal, goal_pace(goal, self.today))
            yield Static(plain(standing), classes="goal-hint")
            # The amount first: it is what was typed every time; "today" is usually right.
            yield Field("Amount", field_id="amount", hint=amount_hint, max_length=40)
            yield Field("When", field_id="on", value="today", max_length=40)
            yield Field(
                "Note",
                field_id="note",
                hint="Optional: which deal or account, so the weekly review can find it.",
                max_length=600,
            )
            yield Static("ctrl+s save · esc cancel", classes="dialog-keys")

    def field(self, field_id: str) -> Field:
        return self.query_one(f"#{field_id}-field", Field)

    def _on(self, text: str) -> date:
        when = parse_day(
            text, today=self.today, prefer=Prefer.PAST, label="When", day_first=self.coach.day_first
        )
        if when > self.today:
            raise Refused(
                f"{day(when)} has not happened yet. Log progress once it has: today or earlier."
            )
        goal = self.goal
        if not goal.start <= when <= goal.end:
            raise Refused(
                f"{day(when)} is outside this goal's period ({period_label(goal.start, goal.end)}),"
                " so it would not count. Pick a day inside it."
            )
        return when

    def _amount(self, text: str) -> Decimal:
        goal = self.goal
        if not goal.metric.is_money:
            return parse_count(text, label="The amount")
        money = parse_money(text, default_currency=goal.currency, label="The amount")
        if money.currency != goal.currency:
            raise Refused(
                f"That reads as {money}, but this goal counts in {goal.currency}. Convert it "
                f"to {goal.currency} first."
            )
        return money.amount

    def on_input_changed(self, event: Input.Changed) -> None:
        super().on_input_changed(event)
        if event.input.id == "on":
            echo(self.field("on"), lambda text: self._day_reading(text, self._on(text)))
        elif event.input.id == "amount":
            echo(self.field("amount"), lambda text: self.goal.format_amount(self._amount(text)))

    def _day_reading(self, text: str, value: date) -> str:
        return read_back(text, value, day_first=self.coach.day_first).removeprefix("= ")

    def submit(self) -> bool:
        on = read(self.field("on"), self._on)
        amount = read(self.field("amount"), self._amount)
        note = read(self.field("note"), validate_note)
        if on is None or amount is None or note is None:
            self.focus_first_problem()
            return False
        entry = ProgressEntry(on=on, amount=amount, note=note)
        try:
            saved = self.coach.repo.goals.add_progress(self.goal.uid, entry)
        except KeyError:
            self.field("amount").say("This goal was deleted meanwhile; nothing was logged.")
            return False
        except StoreError as error:
            self.field("amount").say(str(error))
            return False
        self.dismiss(saved)
        return True
