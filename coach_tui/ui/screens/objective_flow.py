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
    Account,
    ExpansionKind,
    StrategicObjective,
    validate_objective_text,
)
from coach_tui.model.dates import Prefer, parse_day, read_back
from coach_tui.model.draft import FlowDraft
from coach_tui.model.errors import ValidationError
from coach_tui.model.ids import new_uid
from coach_tui.model.money import Money, parse_money
from coach_tui.model.paragraphs import paragraphs
from coach_tui.model.wording import days_from
from coach_tui.services.flow_saves import save_objective
from coach_tui.store.errors import StoreError
from coach_tui.ui.flow_names import objective_flow_name
from coach_tui.ui.kit.guided import FlowStep, GuidedFlowScreen, StepKind, Verdict
from coach_tui.ui.objective_steps import objective_steps
from coach_tui.ui.text import day


def days_from_today(days: int) -> str:
    return days_from(days)


def answers_from(objective: StrategicObjective | None) -> dict[str, str]:
    if objective is None:
        return {"uid": new_uid()}
    target = objective.financial_target
    return {
        "uid": objective.uid,
        "kind": objective.kind.value,
        "description": objective.description,
        "client_goal": objective.client_goal,
        "target": f"{target.amount} {target.currency}" if target else "",
        "date": day(objective.target_date) if objective.target_date else "",
    }


class ObjectiveFlowScreen(GuidedFlowScreen[StrategicObjective]):
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
        super().__init__(
            flow=objective_flow_name(account.uid),
            title=f"Strategic objective · {account.name}",
            steps=objective_steps(account.name),
            draft=draft,
            answers=answers_from(current),
        )
        self.account = account
        self.current_objective = current
        self.default_currency = default_currency
        self.answers.setdefault("uid", new_uid())

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

    def echo(self, step: FlowStep, value: str) -> str:
        if step.key == "date" and (when := self._day(value)):  # or why it does not read
            days = (when - self.today).days
            read = read_back(value, when, day_first=self.coach.day_first)
            return f"{read} ({days_from_today(days)})"
        try:
            if step.key == "target" and (money := self._money(value)):
                return f"= {money}"
        except ValidationError:
            return ""
        return ""

    def check(self, step: FlowStep, value: str) -> Verdict:
        try:
            if step.key == "description":
                text = validate_objective_text(value, label="The description")
                hints = description_hints(text)
                return (
                    Verdict(question=paragraphs(hints[0], "Ctrl+s again keeps it."))
                    if hints
                    else Verdict()
                )
            if step.key == "client_goal":
                if not value.strip():
                    return Verdict(error=CLIENT_GOAL_QUESTION)
                validate_objective_text(value, label="The client goal")
            if step.key == "target" and self._money(value) is None:
                return Verdict(
                    question="No financial target yet? Without one it is hard to choose between "
                    "accounts. Ctrl+s again leaves it empty for now; the dashboard will remind you."
                )
            if step.key == "date":
                when = self._day(value)
                if when is None:
                    return Verdict(
                        question="No date yet? An objective without a date rarely moves. Ctrl+s "
                        "again leaves it open for now."
                    )
                warning = past_date_warning(when, self.today)
                if warning:
                    return Verdict(question=paragraphs(warning, "Ctrl+s again to keep it."))
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
            f"By: {when}"
        )

    def build(self) -> StrategicObjective:
        """The objective the answers describe (raises ValidationError if one is wrong)."""
        answers = self.answers
        objective = StrategicObjective(
            account_uid=self.account.uid,
            description=validate_objective_text(
                answers.get("description", ""), label="The description"
            ),
            kind=ExpansionKind(answers.get("kind") or ExpansionKind.OTHER.value),
            client_goal=validate_objective_text(
                answers.get("client_goal", ""), label="The client goal"
            ),
            financial_target=self._money(answers.get("target", "")),
            target_date=self._day(answers.get("date", "")),
            created_at=self.coach.now(),
            uid=answers["uid"],
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
