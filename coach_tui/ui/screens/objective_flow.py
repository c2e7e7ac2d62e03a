"""Setting (or rewording) an account's strategic objective, one question at a time."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from coach_tui.coaching.objectives import (
    CLIENT_GOAL_QUESTION,
    description_hints,
    past_date_warning,
)
from coach_tui.model.account import (
    WHY_NOW,
    Account,
    ExpansionKind,
    StrategicObjective,
    validate_objective_text,
)
from coach_tui.model.dates import Prefer, parse_day, read_back
from coach_tui.model.draft import FlowDraft
from coach_tui.model.errors import ValidationError
from coach_tui.model.flows.objective import ObjectiveAnswers
from coach_tui.model.money import Money, parse_money
from coach_tui.model.paragraphs import paragraphs
from coach_tui.model.wording import days_from
from coach_tui.services.flow_saves import save_objective
from coach_tui.store.errors import StoreError
from coach_tui.ui.flow_names import objective_flow_name
from coach_tui.ui.kit.guided import GuidedFlowScreen, StepKind, Verdict, attr_slot
from coach_tui.ui.objective_steps import objective_steps
from coach_tui.ui.text import day


def days_from_today(days: int) -> str:
    return days_from(days)


def answers_from(objective: StrategicObjective | None) -> ObjectiveAnswers:
    if objective is None:
        return ObjectiveAnswers()
    target = objective.financial_target
    return ObjectiveAnswers(
        uid=objective.uid,
        kind=objective.kind,
        description=objective.description,
        client_goal=objective.client_goal,
        target=f"{target.amount} {target.currency}" if target else "",
        date=day(objective.target_date) if objective.target_date else "",
        why_now=objective.why_now,
    )


class ObjectiveFlowScreen(GuidedFlowScreen[StrategicObjective, ObjectiveAnswers]):
    """Dismisses with the saved objective, or None when left (the draft is kept)."""

    HELP_NAME = "Strategic objective"
    resume_hint = "Press o on the account to pick up where you left off."

    def __init__(
        self,
        account: Account,
        *,
        draft: FlowDraft | None,
        current: StrategicObjective | None,
        default_currency: str,
    ) -> None:
        kind, description, client_goal, target, when, why_now, review = objective_steps(
            account.name
        )
        steps = (
            kind.bind(slot=attr_slot(ObjectiveAnswers, "kind", ExpansionKind)),
            description.bind(
                slot=attr_slot(ObjectiveAnswers, "description"), check=self._check_description
            ),
            client_goal.bind(
                slot=attr_slot(ObjectiveAnswers, "client_goal"), check=self._check_client_goal
            ),
            target.bind(
                slot=attr_slot(ObjectiveAnswers, "target"),
                check=self._check_target,
                echo=self._echo_target,
            ),
            when.bind(
                slot=attr_slot(ObjectiveAnswers, "date"),
                check=self._check_date,
                echo=self._echo_date,
            ),
            why_now.bind(slot=attr_slot(ObjectiveAnswers, "why_now"), check=self._check_why_now),
            review,
        )
        super().__init__(
            flow=objective_flow_name(account.uid),
            title=f"Strategic objective · {account.name}",
            steps=steps,
            draft=draft,
            answers=answers_from(current),
        )
        self.account = account
        self.current_objective = current
        self.default_currency = default_currency

    @property
    def today(self) -> date:
        return self.coach.now().date()

    # --- reading answers ----------------------------------------------------------

    def _money(self, text: str) -> Money | None:
        if not text.strip():
            return None
        return parse_money(text, default_currency=self.default_currency, label="The target")

    def _day(self, text: str) -> date | None:
        if not text.strip():
            return None
        return parse_day(
            text,
            today=self.today,
            prefer=Prefer.FUTURE,
            label="The date",
            day_first=self.coach.day_first,
        )

    def _echo_date(self, value: str) -> str:
        if when := self._day(value):  # or why it does not read
            days = (when - self.today).days
            read = read_back(value, when, day_first=self.coach.day_first)
            return f"{read} ({days_from_today(days)})"
        return ""

    def _echo_target(self, value: str) -> str:
        try:
            if money := self._money(value):
                return f"= {money}"
        except ValidationError:
            return ""
        return ""

    def _check_description(self) -> Verdict:
        try:
            text = validate_objective_text(self.answers.description, label="The description")
        except ValidationError as error:
            return Verdict(error=error.message)
        hints = description_hints(text)
        return (
            Verdict(question=paragraphs(hints[0], "Ctrl+s again keeps it.")) if hints else Verdict()
        )

    def _check_client_goal(self) -> Verdict:
        value = self.answers.client_goal
        if not value.strip():
            return Verdict(error=CLIENT_GOAL_QUESTION)
        try:
            validate_objective_text(value, label="The client goal")
        except ValidationError as error:
            return Verdict(error=error.message)
        return Verdict()

    def _check_target(self) -> Verdict:
        try:
            money = self._money(self.answers.target)
        except ValidationError as error:
            return Verdict(error=error.message)
        if money is None:
            return Verdict(
                question="No financial target yet? Without one it is hard to choose between "
                "accounts. Ctrl+s again leaves it empty for now; the dashboard will remind you."
            )
        return Verdict()

    def _check_date(self) -> Verdict:
        try:
            when = self._day(self.answers.date)
        except ValidationError as error:
            return Verdict(error=error.message)
        if when is None:
            return Verdict(
                question="No date yet? An objective without a date rarely moves. Ctrl+s "
                "again leaves it open for now."
            )
        warning = past_date_warning(when, self.today)
        if warning:
            return Verdict(question=paragraphs(warning, "Ctrl+s again to keep it."))
        return Verdict()

    def _check_why_now(self) -> Verdict:
        try:
            WHY_NOW.clean(self.answers.why_now)
        except ValidationError as error:
            return Verdict(error=error.message)
        return Verdict()

    def reference_title(self) -> str:
        return "Your objective"

    def reference(self) -> str:
        if self.current.kind is not StepKind.REVIEW:
            return ""
        try:
            objective = self.build()
        except ValidationError as error:
            return f"Something needs fixing first: {error.message}"
        target = str(objective.financial_target) if objective.financial_target else "not set yet"
        when = day(objective.target_date) if objective.target_date else "not set yet"
        return (
            f"{objective.kind.value.capitalize()}: {objective.description}\n"
            f"Serves their goal: {objective.client_goal}\n"
            f"Worth: {target}\n"
            f"By: {when}\n"
            f"Why now: {objective.why_now or 'not known yet'}"
        )

    def build(self) -> StrategicObjective:
        """The objective the answers describe (raises ValidationError if one is wrong)."""
        answers = self.answers
        objective = StrategicObjective(
            account_uid=self.account.uid,
            description=validate_objective_text(answers.description, label="The description"),
            kind=answers.kind or ExpansionKind.OTHER,
            client_goal=validate_objective_text(answers.client_goal, label="The client goal"),
            financial_target=self._money(answers.target),
            target_date=self._day(answers.date),
            why_now=WHY_NOW.clean(answers.why_now),
            created_at=self.coach.now(),
            uid=answers.uid,
        )
        if self.current_objective is not None:
            objective = replace(objective, created_at=self.current_objective.created_at)
        return objective

    def finish(self) -> StrategicObjective | None:
        try:
            objective = self.build()
            save_objective(self.coach.repo, objective, draft=self.flow)
        except ValidationError as error:
            self.say(error.message, kind="error")
            return None
        except (StoreError, ValueError) as error:
            self.say(str(error), kind="error")
            return None
        return objective
