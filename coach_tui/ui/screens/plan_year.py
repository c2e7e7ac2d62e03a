"""Plan the year: targets first, then the key accounts, then one objective per account.

The targets and the list of key accounts are a guided flow (with its draft). Finishing it
saves the goals, creates any new accounts, and starts the objective walk: the objective
flow of each key account in turn. The walk keeps its own place in the store, so quitting
half-way resumes with the next account (press y again).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from coach_tui.coaching.plan_year import (
    OBJECTIVE_WALK,
    PLAN_FLOW,
    TARGETS,
    KeyAccounts,
    key_accounts,
    parse_year,
    planned_goal,
    year_goal,
    year_to_plan,
)
from coach_tui.model.account import Account
from coach_tui.model.counts import parse_count
from coach_tui.model.draft import FlowDraft
from coach_tui.model.errors import ValidationError
from coach_tui.model.flows.codec import typed_draft
from coach_tui.model.flows.plan_year import PlanAnswers, WalkAnswers
from coach_tui.model.goal import Metric, PerformanceGoal
from coach_tui.model.money import format_money, parse_money
from coach_tui.services.flow_saves import save_year_plan
from coach_tui.store.errors import StoreError
from coach_tui.ui.kit.guided import (
    FlowStep,
    GuidedFlowScreen,
    Slot,
    StepKind,
    Verdict,
    attr_slot,
)
from coach_tui.ui.year_plan import Plan

SHOWN_ACCOUNTS = 24


def plan_steps(year_hint: int) -> tuple[FlowStep, ...]:
    return (
        FlowStep(
            "year",
            "The year",
            "Which year are you planning?",
            "Targets run on the calendar year, 1 January to 31 December.",
            kind=StepKind.LINE,
            placeholder=str(year_hint),
        ),
        FlowStep(
            "revenue",
            "Revenue",
            "What revenue will you bring in that year?",
            "The number you are measured on. 1.2m, €900k and 1,500,000 all work.",
            kind=StepKind.LINE,
            placeholder="e.g. 1.2m",
        ),
        FlowStep(
            "deals",
            "Deals",
            "How many deals do you want to win?",
            "Count the signatures, not the size.",
            kind=StepKind.LINE,
            placeholder="e.g. 24",
        ),
        FlowStep(
            "new_accounts",
            "New accounts",
            "How many new accounts will you open?",
            "Clients who have never bought from you before.",
            kind=StepKind.LINE,
            placeholder="e.g. 6",
        ),
        FlowStep(
            "accounts",
            "Key accounts",
            "Which key accounts will carry this plan? One per line.",
            "The few accounts where a next stage would change your year. Existing accounts "
            "are matched by name; new names become new accounts. You will set each one's "
            "strategic objective next.",
        ),
        FlowStep(
            "review",
            "Check the plan",
            "Is this a year worth having?",
            "Esc goes back to change anything. Ctrl+s saves the targets, then walks you "
            "through an objective for each key account.",
            kind=StepKind.REVIEW,
        ),
    )


def currency_question(typed: str, default: str) -> str:
    """Asked once when the revenue target is in another currency than the default."""
    return (
        f"That target is in {typed}; amounts typed without a currency mean {default} so far. "
        f"Ctrl+s again makes {typed} your default, so the objectives' amounts that follow "
        f'("250k") mean {typed} too. Type the target in {default} to keep {default}; '
        "the palette's Default currency changes it any time."
    )


def target_slot(metric: Metric) -> Slot:
    """The target typed for `metric` in the plan's answers."""
    return Slot(
        lambda answers: answers.target(metric),
        lambda answers, text: answers.set_target(metric, text),
    )


class PlanYearScreen(GuidedFlowScreen[Plan, PlanAnswers]):
    """Dismisses with the saved plan (then the app walks the objectives), or None."""

    HELP_NAME = "Plan the year"
    resume_hint = "Press y to pick up where you left off."

    def __init__(
        self,
        *,
        draft: FlowDraft | None,
        today: date,
        goals: list[PerformanceGoal],
        accounts: list[Account],
        currency: str,
    ) -> None:
        year = year_to_plan(today)
        year_step, revenue, deals, new_accounts, key_accounts_step, review = plan_steps(year)
        targets = [
            step.bind(
                slot=target_slot(metric),
                check=lambda step=step, metric=metric: self._check_target(step, metric),
                echo=echo,
            )
            for step, metric, echo in (
                (revenue, Metric.REVENUE, self._echo_revenue),
                (deals, Metric.DEALS, self._echo_count),
                (new_accounts, Metric.NEW_ACCOUNTS, self._echo_count),
            )
        ]
        key_accounts_step = key_accounts_step.bind(
            slot=attr_slot(PlanAnswers, "accounts"), check=self._check_accounts
        )
        steps = (
            year_step.bind(
                slot=attr_slot(PlanAnswers, "year"), check=self._check_year, echo=self._echo_year
            ),
            *targets,
            key_accounts_step,
            review,
        )
        super().__init__(
            flow=PLAN_FLOW,
            title="Plan the year",
            steps=steps,
            draft=draft,
            answers=self._start_answers(year, goals),
        )
        self.accounts_step = key_accounts_step
        self.today = today
        self.goals = goals
        self.accounts = accounts
        self.currency = currency

    @staticmethod
    def _start_answers(year: int, goals: list[PerformanceGoal]) -> PlanAnswers:
        """The year to plan, with any targets already set for it filled in."""
        answers = PlanAnswers(year=str(year))
        for metric in TARGETS.values():
            goal = year_goal(goals, metric, year)
            if goal is None:
                continue
            money = metric.is_money
            typed = format_money(goal.target, goal.currency) if money else f"{goal.target:f}"
            answers.set_target(metric, typed)
        return answers

    # --- reading answers ----------------------------------------------------------

    def year(self) -> int:
        return parse_year(self.answers.year, self.today)

    def target(self, metric: Metric) -> tuple[Decimal, str] | None:
        text = self.answers.target(metric)
        if not text.strip():
            return None
        if metric.is_money:
            money = parse_money(text, default_currency=self.currency, label="The revenue target")
            return money.amount, money.currency
        return parse_count(text, label="The target"), ""

    def _new_default(self, currency: str) -> str:
        """The currency this plan's revenue target makes the default, or "" (the same)."""
        return currency if currency and currency != self.currency else ""

    def keys(self) -> KeyAccounts:
        return key_accounts(self.answers.accounts, self.accounts)

    def _echo_year(self, value: str) -> str:
        try:
            return f"= 1 Jan – 31 Dec {parse_year(value, self.today)}"
        except ValidationError:
            return ""

    def _echo_revenue(self, value: str) -> str:
        try:
            if value.strip():
                money = parse_money(value, default_currency=self.currency)
                switch = self._new_default(money.currency)
                return f"= {money}" + (
                    f" · {switch} becomes your default currency" if switch else ""
                )
        except ValidationError:
            return ""
        return ""

    def _echo_count(self, value: str) -> str:
        try:
            return f"= {parse_count(value):,.0f}" if value.strip() else ""
        except ValidationError:
            return ""

    def _check_year(self) -> Verdict:
        try:
            self.year()
        except ValidationError as error:
            return Verdict(error=error.message)
        return Verdict()

    def _check_target(self, step: FlowStep, metric: Metric) -> Verdict:
        try:
            target = self.target(metric)
        except ValidationError as error:
            return Verdict(error=error.message)
        if target is None:
            return Verdict(question=f"No {step.title.lower()} target? Ctrl+s again skips it.")
        if self._new_default(target[1]):
            return Verdict(question=currency_question(target[1], self.currency))
        return Verdict()

    def _check_accounts(self) -> Verdict:
        try:
            keys = self.keys()
        except ValidationError as error:
            return Verdict(error=error.message)
        if keys.count == 0:
            return Verdict(
                question="No key accounts? The targets will be saved without them. "
                "Ctrl+s again to go on."
            )
        return Verdict()

    def _on_accounts(self) -> bool:
        return self.current is self.accounts_step

    def reference_title(self) -> str:
        return "Your accounts" if self._on_accounts() else "The plan"

    def reference(self) -> str:
        if self._on_accounts():
            names = [account.name for account in self.accounts if not account.archived]
            if not names:
                return "You have no accounts yet: every name you type will be created."
            more = len(names) - SHOWN_ACCOUNTS
            return ", ".join(names[:SHOWN_ACCOUNTS]) + (f" … and {more} more" if more > 0 else "")
        if self.current.kind is not StepKind.REVIEW:
            return ""
        try:
            lines = [f"Year: {self.year()}"]
            for metric, label in ((Metric.REVENUE, "Revenue"), (Metric.DEALS, "Deals won"),
                                  (Metric.NEW_ACCOUNTS, "New accounts")):  # fmt: skip
                target = self.target(metric)
                if target is None:
                    lines.append(f"{label}: not set")
                elif metric.is_money:
                    lines.append(f"{label}: {format_money(*target)}")
                else:
                    lines.append(f"{label}: {target[0]:,.0f}")
            keys = self.keys()
            names = [a.name for a in keys.existing] + [f"{n} (new)" for n in keys.new_names]
            lines.append(f"Key accounts ({keys.count}): {', '.join(names) or 'none'}")
        except ValidationError as error:
            return f"Something needs fixing first: {error.message}"
        return "\n".join(lines)

    def finish(self) -> Plan | None:
        repo = self.coach.repo
        try:
            year = self.year()
            keys = self.keys()
            goals = []
            for metric in TARGETS.values():
                target = self.target(metric)
                if target is not None:
                    existing = year_goal(repo.goals.performance(), metric, year)
                    goals.append(planned_goal(existing, metric, year, *target))
        except (ValidationError, StoreError) as error:
            self.say(getattr(error, "message", str(error)), kind="error")
            return None
        try:
            revenue = self.target(Metric.REVENUE)
            # The first currency typed is the default from now on (the question on the
            # revenue step said so): the objectives' "250k" that follow mean it too.
            new_default = revenue is not None and self._new_default(revenue[1])
            currency = revenue[1] if revenue is not None and new_default else None
            uids = [account.uid for account in keys.existing]
            accounts = [Account(name=name, created_at=self.coach.now()) for name in keys.new_names]
            uids.extend(account.uid for account in accounts)
            walk = None
            if uids:
                walk = typed_draft(OBJECTIVE_WALK, 0, WalkAnswers(tuple(uids)), self.coach.now())
            save_year_plan(
                repo, goals, currency=currency, new_accounts=accounts, walk=walk, draft=PLAN_FLOW
            )
        except StoreError as error:
            self.say(str(error), kind="error")
            return None
        return Plan(year, tuple(uids))
