"""Goals: results with their pace on top, the skills being practised below.

The data is small and the store keeps it in memory, so it is read on the UI thread.
"""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Header, OptionList, Static
from textual.widgets.option_list import Option

from coach_tui.coaching.pace import Pace, goal_pace
from coach_tui.model.goal import PerformanceGoal, SkillGoal
from coach_tui.model.settings import Settings
from coach_tui.model.wording import counted
from coach_tui.services.goal_notes import goal_notes
from coach_tui.store.errors import StoreError
from coach_tui.ui.kit.base import CoachScreen
from coach_tui.ui.kit.confirm import ConfirmScreen
from coach_tui.ui.routes import GoalFormRoute, ProgressRoute, RetireSkillRoute, SkillFormRoute
from coach_tui.ui.text import plain
from coach_tui.ui.widgets.fitted_table import FittedTable
from coach_tui.ui.widgets.goal_views import GOAL_COLUMNS, goal_cells, goal_detail, skill_card
from coach_tui.ui.widgets.key_footer import KeyFooter


def no_goals_text(year: int) -> str:
    return (
        f"No goals for {year} yet — press n to set your annual targets: revenue, deals won, "
        "new accounts, or a count of your own."
    )


NO_SKILLS = (
    "No getting-better goals yet — press k to name one skill you will practise, like "
    "“open every call with a business reason”. You practise it; the weekly review asks how "
    "it went."
)


class GoalsScreen(CoachScreen[None]):
    """Performance goals with pace, and getting-better goals."""

    HELP_NAME = "Goals"
    CSS_PATH = "goals.tcss"
    BINDINGS = [
        Binding("n", "new_goal", "New goal", id="goals.new",
                tooltip="Set a result to reach: revenue, deals, accounts"),
        Binding("e", "edit", "Edit", id="goals.edit",
                tooltip="Change the highlighted goal (or skill, in that list)"),
        Binding("p", "progress", "Progress", id="goals.progress",
                tooltip="Log revenue booked, a deal won, an account opened"),
        Binding("d", "delete", "Delete", id="goals.delete",
                tooltip="Delete the highlighted goal (asks; u undoes)"),
        Binding("k", "new_skill", "New skill", id="goals.new_skill",
                tooltip="Name a skill to practise: a getting-better goal"),
        Binding("r", "retire", "Retire", id="goals.retire_skill",
                tooltip="Retire the highlighted skill, with a note"),
        # Said where they matter (the skills' border, the delete notice) to keep the footer short.
        Binding("v", "toggle_retired", "Retired", id="goals.show_retired", show=False,
                tooltip="Show or hide retired skills"),
        Binding("u", "undo", "Undo", id="goals.undo", show=False,
                tooltip="Undo the last delete or retire"),
        Binding("escape", "back", "Back", id="goals.back", tooltip="Back to the dashboard"),
    ]  # fmt: skip

    def __init__(self) -> None:
        super().__init__()
        self.goals: list[PerformanceGoal] = []
        self.paces: dict[str, Pace] = {}
        self.notes: dict[str, tuple[str, ...]] = {}
        self.skills: list[SkillGoal] = []
        self.retired_count = 0
        self.show_retired = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="results"):
            yield Static("", id="goals-empty")
            yield FittedTable(flexible=(0,), id="goal-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="goal-detail")
        with Vertical(id="practice"):
            yield Static(NO_SKILLS, id="skills-empty")
            yield OptionList(id="skill-list")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Goals"
        self.query_one("#results").border_title = "Results · performance goals and pace"
        self.query_one("#practice").border_title = "Getting better · skills you practise"
        self.query_one(DataTable).add_columns(*GOAL_COLUMNS)
        # Table cells carry the theme's colours themselves, so a new theme redraws them.
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.reload())

    def on_screen_resume(self) -> None:
        self.reload()

    @property
    def today(self) -> date:
        return self.coach.now().date()

    # --- data ---------------------------------------------------------------------

    def reload(self, *, keep_goal: str | None = None, keep_skill: str | None = None) -> None:
        """Read both kinds of goal again, keeping the cursors where they were if possible."""
        repo = self.coach.repo
        try:
            goals = repo.goals.performance()
            skills = repo.goals.skills(include_retired=True)
            self.notes = goal_notes(repo, [g for g in goals if g.end >= self.today], self.today)
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=15, markup=False)
            return
        today = self.today
        # Running and coming goals first; ended ones after, the most recent first.
        running = [goal for goal in goals if goal.end >= today]
        ended = sorted((g for g in goals if g.end < today), key=lambda g: g.end, reverse=True)
        self.goals = running + ended
        self.paces = {goal.uid: goal_pace(goal, today) for goal in self.goals}
        self.retired_count = sum(1 for skill in skills if not skill.active)
        self.skills = [skill for skill in skills if skill.active or self.show_retired]
        self._draw_goals(keep_goal or self.highlighted_goal_uid(), has_running=bool(running))
        self._draw_skills(keep_skill or self.highlighted_skill_uid())

    def _draw_goals(self, keep: str | None, *, has_running: bool) -> None:
        table = self.query_one(DataTable)
        table.clear()
        colours = self.app.theme_variables
        for goal in self.goals:
            table.add_row(*goal_cells(goal, self.paces[goal.uid], colours), key=goal.uid)
        if keep is not None and any(goal.uid == keep for goal in self.goals):
            table.move_cursor(row=table.get_row_index(keep))
        table.display = bool(self.goals)
        empty = self.query_one("#goals-empty", Static)
        empty.display = not has_running
        empty.update(plain(no_goals_text(self.today.year)))
        self._draw_detail()
        if self.goals and not self.query_one("#skill-list").has_focus:
            table.focus()

    def _draw_detail(self) -> None:
        detail = self.query_one("#goal-detail", Static)
        goal = self.highlighted_goal()
        detail.display = goal is not None
        if goal is not None:
            detail.update(goal_detail(goal, self.paces[goal.uid], self.notes.get(goal.uid, ())))

    def _draw_skills(self, keep: str | None) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        for index, skill in enumerate(self.skills):
            if index:
                options.add_option(None)  # a rule between cards
            options.add_option(Option(skill_card(skill), id=skill.uid))
        if self.skills:
            uids = [skill.uid for skill in self.skills]
            options.highlighted = options.get_option_index(keep if keep in uids else uids[0])
        options.display = bool(self.skills)
        self.query_one("#skills-empty").display = not any(s.active for s in self.skills)
        practice = self.query_one("#practice")
        if self.retired_count:
            shown = "v hides them" if self.show_retired else "v shows them"
            practice.border_subtitle = plain(f"{self.retired_count} retired · {shown}")
        else:
            practice.border_subtitle = ""
        if not self.goals and self.skills:
            options.focus()

    # --- what the cursors are on ------------------------------------------------------

    def highlighted_goal_uid(self) -> str | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return str(key.value) if key.value is not None else None

    def highlighted_goal(self) -> PerformanceGoal | None:
        uid = self.highlighted_goal_uid()
        return next((goal for goal in self.goals if goal.uid == uid), None)

    def highlighted_skill_uid(self) -> str | None:
        options = self.query_one(OptionList)
        if options.highlighted is None or options.option_count == 0:
            return None
        return options.get_option_at_index(options.highlighted).id

    def highlighted_skill(self) -> SkillGoal | None:
        uid = self.highlighted_skill_uid()
        return next((skill for skill in self.skills if skill.uid == uid), None)

    @on(DataTable.RowHighlighted)
    def _goal_highlighted(self) -> None:
        self._draw_detail()

    @on(OptionList.OptionSelected)
    def _skill_selected(self) -> None:
        self._edit_skill()

    # --- performance goals ------------------------------------------------------------

    def action_new_goal(self) -> None:
        self.coach.open(GoalFormRoute(today=self.today, currency=self._currency()), self._saved)

    def action_edit(self) -> None:
        if self.query_one(OptionList).has_focus:
            self._edit_skill()
            return
        goal = self.highlighted_goal()
        if goal is None:
            self.notify("No goal to edit yet. Press n to set one.")
            return
        form = GoalFormRoute(today=self.today, currency=self._currency(), goal=goal)
        self.coach.open(form, self._saved)

    def _currency(self) -> str:
        try:
            return self.coach.repo.settings.get().currency
        except StoreError:
            return Settings().currency

    def _saved(self, goal: PerformanceGoal | None) -> None:
        if goal is not None:
            self.reload(keep_goal=goal.uid)
            self.notify(f"Saved {goal.name}.", title="Goal", markup=False)

    def action_progress(self) -> None:
        goal = self.highlighted_goal()
        if goal is None:
            self.notify("Set a goal first (n); then log progress against it here.")
            return

        def logged(updated: PerformanceGoal | None) -> None:
            if updated is None:
                return
            self.reload(keep_goal=updated.uid)
            percent = self.paces[updated.uid].percent
            self.notify(
                f"Logged on {updated.name}: {percent:.0f}% of the target now.",
                title="Progress",
                markup=False,
            )

        self.coach.open(ProgressRoute(goal, today=self.today), logged)

    def action_delete(self) -> None:
        goal = self.highlighted_goal()
        if goal is None:
            return
        count = len(goal.progress)
        with_entries = {0: "", 1: " and its one progress entry"}.get(
            count, f" and its {counted(count, 'progress entry', 'progress entries')}"
        )

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            repo = self.coach.repo
            try:
                deleted = repo.goals.delete(goal.uid)
            except StoreError as error:
                self.notify(str(error), severity="error", timeout=15, markup=False)
                return
            if deleted is not None:
                self.coach.undo.push(f"deleting {deleted.name}", lambda: repo.goals.save(deleted))
            self.notify(f"Deleted {goal.name}. Press u to undo (until you quit).", markup=False)
            self.reload()

        question = f"Delete {goal.name}{with_entries}? This cannot be undone after you quit."
        self.app.push_screen(ConfirmScreen(question, confirm="Delete"), answered)

    # --- getting-better goals ---------------------------------------------------------

    def action_new_skill(self) -> None:
        self.coach.open(SkillFormRoute(today=self.today), self._skill_saved)

    def _edit_skill(self) -> None:
        skill = self.highlighted_skill()
        if skill is None:
            return
        self.coach.open(SkillFormRoute(today=self.today, skill=skill), self._skill_saved)

    def _skill_saved(self, skill: SkillGoal | None) -> None:
        if skill is not None:
            self.reload(keep_skill=skill.uid)
            self.notify(
                "Saved. The weekly review will ask whether you practised it.",
                title="Getting better",
            )

    def action_retire(self) -> None:
        skill = self.highlighted_skill()
        if skill is None:
            self.notify("No skill goal to retire. Press k to name one.")
            return
        if skill.retired_on is not None:
            self.notify("That one is already retired.")
            return

        def retired(done: SkillGoal | None) -> None:
            if done is None:
                return
            repo = self.coach.repo
            self.coach.undo.push(f"retiring {skill.skill}", lambda: repo.goals.save_skill(skill))
            self.notify(
                f"Retired “{skill.skill}”. Press u to undo; v shows retired skills.",
                markup=False,
            )
            self.reload()

        self.coach.open(RetireSkillRoute(skill, today=self.today), retired)

    def action_toggle_retired(self) -> None:
        self.show_retired = not self.show_retired
        self.reload()

    # --- leaving and undoing ------------------------------------------------------------

    def action_undo(self) -> None:
        self.coach.action_undo()

    def action_back(self) -> None:
        self.app.pop_screen()
