"""Forms for getting-better goals: naming a skill to practise, and retiring one with a note."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from textual.app import ComposeResult
from textual.widgets import Label, Static, TextArea

from coach_tui.model.errors import ValidationError
from coach_tui.model.goal import SkillGoal, validate_note, validate_skill, validate_skill_text
from coach_tui.store.errors import StoreError
from coach_tui.ui.kit.form import FormScreen
from coach_tui.ui.kit.styles import GOAL_FORM_CSS
from coach_tui.ui.text import editable, plain
from coach_tui.ui.widgets.field import Field
from coach_tui.ui.widgets.scroll import VerticalScroll

# TextArea id → the label the model's messages use for it, and the prompt shown above it.
SKILL_AREAS = {
    "why-it-matters": (
        "Why it matters",
        "What changes for your clients, or your number, when you do this every time?",
    ),
    "how-noticed": (
        "How you'll notice you practised it",
        "Something you can check at the end of the week: a line in each call plan, a question "
        "you can tick off in your notes.",
    ),
}


class SkillForm(FormScreen[SkillGoal]):
    """A new getting-better goal, or changes to one. Dismisses with the saved skill goal."""

    CSS_PATH = GOAL_FORM_CSS

    def __init__(self, skill: SkillGoal | None = None, *, today: date) -> None:
        super().__init__()
        self.skill = skill
        self.today = today

    def compose(self) -> ComposeResult:
        skill = self.skill
        values = {
            "why-it-matters": skill.why_it_matters if skill else "",
            "how-noticed": skill.how_noticed if skill else "",
        }
        with VerticalScroll(classes="dialog"):
            yield Static(
                "Change the skill goal" if skill else "New getting-better goal",
                classes="dialog-title",
            )
            yield Field(
                "The skill",
                field_id="skill",
                hint="One habit, said as something you do: ask two implication questions.",
                value=skill.skill if skill else "",
                max_length=300,
            )
            for area_id, (label, prompt) in SKILL_AREAS.items():
                yield Label(plain(label), classes="field-label")
                yield Static(plain(prompt), classes="goal-hint")
                yield TextArea(
                    editable(values[area_id]), id=area_id, soft_wrap=True, classes="form-area"
                )
                yield Static("", id=f"{area_id}-feedback", classes="form-error")
            yield Static("ctrl+s save · esc cancel", classes="dialog-keys")

    def _area(self, area_id: str) -> str | None:
        """The cleaned text of one area, or None with the reason shown under it."""
        label = SKILL_AREAS[area_id][0]
        return self.checked_area(area_id, lambda text: validate_skill_text(text, label=label))

    def submit(self) -> bool:
        field = self.query_one("#skill-field", Field)
        try:
            name = validate_skill(field.value)
            field.clear_feedback()
        except ValidationError as error:
            field.say(error.message)
            name = None
        why = self._area("why-it-matters")
        noticed = self._area("how-noticed")
        if name is None or why is None or noticed is None:
            self.focus_first_problem()
            return False
        if self.skill is None:
            skill = SkillGoal(name, why, noticed, started_on=self.today)
        else:
            skill = replace(self.skill, skill=name, why_it_matters=why, how_noticed=noticed)
        try:
            self.coach.repo.goals.save_skill(skill)
        except StoreError as error:
            field.say(str(error))
            return False
        self.dismiss(skill)
        return True


class RetireSkillForm(FormScreen[SkillGoal]):
    """Retire a skill goal today, with a line on why. Dismisses with the retired goal."""

    CSS_PATH = GOAL_FORM_CSS

    def __init__(self, skill: SkillGoal, *, today: date) -> None:
        super().__init__()
        self.skill = skill
        self.today = today

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static("Retire a skill goal", classes="dialog-title")
            yield Static(plain(f"“{self.skill.skill}”"), classes="dialog-question")
            yield Field(
                "Why retire it",
                field_id="note",
                hint="Is it a habit now, or was it the wrong skill? One line for your future "
                "self; it stays with the goal.",
                max_length=600,
            )
            yield Static("ctrl+s retire · esc cancel", classes="dialog-keys")

    def submit(self) -> bool:
        field = self.query_one(Field)
        try:
            note = validate_note(field.value)
        except ValidationError as error:
            field.say(error.message)
            return False
        try:
            retired = self.coach.repo.goals.retire_skill(self.skill.uid, self.today, note)
        except StoreError as error:
            field.say(str(error))
            return False
        if retired is None:
            field.say("This skill goal no longer exists; nothing was changed.")
            return False
        self.dismiss(retired)
        return True
