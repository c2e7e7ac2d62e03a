"""One account: its strategic objective and history, research notes, and the team's view."""

from __future__ import annotations

from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.timer import Timer
from textual.widgets import Header, Static, TabbedContent, TabPane, TextArea

from coach_tui.coaching.coverage import coverage_brief, coverage_summary
from coach_tui.coaching.objectives import check_objective, missing_sentence
from coach_tui.coaching.red_flags import flag_question
from coach_tui.model.account import (
    RESEARCH_PARTS,
    Account,
    Research,
    StrategicObjective,
    validate_research,
)
from coach_tui.model.call import Call
from coach_tui.model.contact import Contact
from coach_tui.model.draft import FlowDraft
from coach_tui.model.errors import ValidationError
from coach_tui.model.wording import counted
from coach_tui.services.buying_map import met_and_kept
from coach_tui.services.red_flags import account_red_flags
from coach_tui.store.errors import StoreError
from coach_tui.ui.flow_names import objective_flow_name
from coach_tui.ui.flow_resume import draft_of
from coach_tui.ui.kit.call_actions import CallActions
from coach_tui.ui.kit.confirm import ConfirmScreen
from coach_tui.ui.objective_steps import objective_steps
from coach_tui.ui.palette_command import PaletteCommand
from coach_tui.ui.routes import (
    AccountFormRoute,
    CloseObjectiveRoute,
    EntryRoute,
    ObjectiveRoute,
    PerspectiveRoute,
)
from coach_tui.ui.text import day, editable, plain
from coach_tui.ui.widgets.key_footer import KeyFooter
from coach_tui.ui.widgets.scroll import VerticalScroll

RESEARCH_PROMPTS = {
    "direction": (
        "Direction",
        "Where is the company heading? New products, markets, acquisitions, leadership "
        "changes: their annual report, press releases and the CEO's last interview tell you.",
    ),
    "challenges": (
        "Challenges",
        "What stands in their way? Competitors, regulation, costs, hiring, systems they "
        "have outgrown.",
    ),
    "issues": (
        "Issues",
        "What hurts right now in the parts of the business you could serve? Delays, "
        "complaints, missed targets, what their people mention unprompted.",
    ),
    "long_term_goals": (
        "Long-term goals",
        "What do they want to be in three to five years, in their own words? Quote them.",
    ),
}
NO_OBJECTIVE = (
    "No strategic objective yet. Press o to set one: the next stage of the relationship, "
    "the client goal it serves, what it is worth and by when."
)
NO_PERSPECTIVES = (
    "Nobody's view recorded yet. Colleagues see what you miss: press p to note what a "
    "team member sees in this account."
)
AUTOSAVE_SECONDS = 1.0


class AccountScreen(CallActions):
    """Tabs: Objective · Research · Team view."""

    HELP_NAME = "Account"
    CSS_PATH = "accounts.tcss"
    BINDINGS = [
        Binding("o", "objective", "Objective", id="account.objective",
                tooltip="Set or reword the strategic objective"),
        Binding("c", "call", "Call", id="account.call",
                tooltip="Schedule a call; p on it in the calls list prepares the outcome"),
        Binding("e", "entry", "Getting in", id="account.entry",
                tooltip="Entry point, decision makers and the entry campaign"),
        Binding("h", "call_history", "History", id="account.call_history",
                tooltip="Every debriefed call: what it aimed for, what it got, promises, notes"),
        # Used less often than the keys above: on a narrow footer these give way first.
        Binding("p", "perspective", "Team view", id="account.perspective",
                tooltip="Note what a colleague sees in this account"),
        Binding("m", "close_objective", "Close objective", id="account.close_objective",
                tooltip="Mark the objective achieved or dropped"),
        Binding("r", "rename", "Rename", id="account.rename", show=False,
                tooltip="Rename the account"),
        Binding("escape", "back", "Back", id="account.back", tooltip="Back to the accounts"),
    ]  # fmt: skip

    def __init__(self, account_uid: str) -> None:
        super().__init__()
        self.account_uid = account_uid
        self.account: Account | None = None
        self.objective: StrategicObjective | None = None
        self.objective_draft: FlowDraft | None = None  # an objective half written
        self.people: list[Contact] = []
        self.calls: list[Call] = []
        self.flags = ""  # the coach's red flags on this account (stall v2)
        self.met: frozenset[str] = frozenset()  # people on its calls
        self._research_timer: Timer | None = None
        self._research_dirty = False

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(id="tabs"):
            with TabPane("Objective", id="tab-objective"), VerticalScroll():
                yield Static("", id="objective-card")
                yield Static("History", classes="section-title")
                yield Vertical(id="objective-history")
            with TabPane("Research", id="tab-research"), VerticalScroll():
                yield Static("", id="research-status")
                for part in RESEARCH_PARTS:
                    title, prompt = RESEARCH_PROMPTS[part]
                    yield Static(plain(title), classes="section-title")
                    yield Static(plain(prompt), classes="research-prompt")
                    yield TextArea(
                        "", id=f"research-{part}", soft_wrap=True, classes="research-area"
                    )
            with TabPane("Team view", id="tab-team"), VerticalScroll():
                yield Vertical(id="perspective-list")
        yield KeyFooter()

    def on_screen_resume(self) -> None:
        self.reload()

    # --- data -----------------------------------------------------------------------

    def reload(self) -> None:
        repo = self.coach.repo
        try:
            account = self.account_or_leave(self.account_uid)
            if account is None:
                return
            self.account = account
            self.objective = repo.objectives.active_for(account.uid)
            self.objective_draft = draft_of(repo, objective_flow_name(account.uid))
            history = repo.objectives.history_for(account.uid)
            perspectives = repo.perspectives.for_account(account.uid)
            self.people = repo.contacts.for_account(account.uid)
            self.calls = repo.calls.recent_for_account(account.uid)
            self.flags = flag_question(account_red_flags(repo, account.uid, self.coach.now()))
            self.met = met_and_kept(repo, account.uid).met
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=15, markup=False)
            return
        self.sub_title = account.name + (" (archived)" if account.archived else "")
        self._show_objective()
        self._show_history(history)
        self._show_research(account.research)
        self._show_perspectives(perspectives)

    def _show_objective(self) -> None:
        card = self.query_one("#objective-card", Static)
        objective = self.objective
        in_progress = self._objective_in_progress()
        if objective is None:
            coming = sum(1 for call in self.calls if call.when >= self.coach.now())
            calls = f"\n{counted(coming, 'call')} coming (c schedules one)."
            card.update(plain((in_progress or NO_OBJECTIVE) + (calls if self.calls else "")))
            return
        check = check_objective(objective, self.coach.now().date())
        lines = [
            f"{objective.kind.value.capitalize()}: {objective.description}",
            f"Serves their goal: {objective.client_goal or '—'}",
        ]
        target = str(objective.financial_target) if objective.financial_target else "no target"
        when = "no date"
        if objective.target_date is not None and check.days_left is not None:
            left = check.days_left
            timing = (
                f"{counted(left, 'day')} left"
                if left >= 0
                else f"{counted(-left, 'day')} past its date"
            )
            when = f"by {day(objective.target_date)} ({timing})"
        lines.append(f"Worth {target} · {when}")
        if objective.why_now:
            lines.append(f"Why now: {objective.why_now}")
        if check.missing:
            lines.append(f"⚠ {missing_sentence(check)}")
        if check.overdue:
            lines.append("⚠ Past its date and still open: achieved, dropped, or a new date? (m)")
        gap = coverage_brief(self.people, self.met)
        who = coverage_summary(self.people)
        shown = f"{who} · {gap}" if gap and gap not in who else who
        lines.append(f"{'⚠ ' if gap else ''}Decision makers: {shown} (e to map them)")
        linked = [call for call in self.calls if call.objective_uid == objective.uid]
        lines.append(f"Calls on this objective: {len(linked)} (c schedules one)")
        if self.flags:
            lines.append(f"⚠ {self.flags}")
        if in_progress:
            lines.append(in_progress)
        card.update(plain("\n".join(lines)))

    def _objective_in_progress(self) -> str:
        """Where a half-written objective stopped, so the page never hides it ("" if none)."""
        draft, account = self.objective_draft, self.account
        if draft is None or account is None:
            return ""
        steps = objective_steps(account.name)
        step = min(max(draft.step, 0), len(steps) - 1)
        what = "A new objective" if self.objective is None else "A rewording of this objective"
        return (
            f"{what} is in progress: you stopped at step {step + 1} of {len(steps)} "
            f"({steps[step].title}). Press o to carry on where you left off."
        )

    def _show_history(self, history: list[StrategicObjective]) -> None:
        box = self.query_one("#objective-history", Vertical)
        box.remove_children()
        if not history:
            box.mount(Static("Achieved and dropped objectives will be kept here.", classes="muted"))
            return
        for item in history:
            closed = day(self.local(item.closed_at)) if item.closed_at else "?"
            note = f"\n{item.closing_note}" if item.closing_note else ""
            text = f"{item.status.value.capitalize()} {closed} · {item.description}{note}"
            box.mount(Static(plain(text), classes="history-item"))

    def _show_research(self, research: Research) -> None:
        for part in RESEARCH_PARTS:
            area = self.query_one(f"#research-{part}", TextArea)
            shown = editable(research.get(part))
            if area.text != shown and not self._research_dirty:
                area.load_text(shown)
        filled = research.filled
        self.query_one("#research-status", Static).update(
            plain(f"{filled} of 4 parts written · saved as you type")
        )

    def _show_perspectives(self, perspectives: list) -> None:
        box = self.query_one("#perspective-list", Vertical)
        box.remove_children()
        if not perspectives:
            box.mount(Static(NO_PERSPECTIVES, classes="muted"))
            return
        for item in perspectives:
            role = f" ({item.role})" if item.role else ""
            head = f"{item.kind.value.capitalize()} · {item.who}{role} · {day(item.said_on)}"
            box.mount(Static(plain(f"{head}\n{item.text}"), classes="perspective-item"))

    # --- research notes, saved as typed ---------------------------------------------------

    @on(TextArea.Changed, ".research-area")
    def _research_typed(self) -> None:
        if self.account is None:
            return
        if all(  # opening the tab shows the notes, it does not change them
            self.query_one(f"#research-{p}", TextArea).text
            == editable(self.account.research.get(p))
            for p in RESEARCH_PARTS
        ):
            return
        self._research_dirty = True
        if self._research_timer is not None:
            self._research_timer.stop()
        self._research_timer = self.set_timer(AUTOSAVE_SECONDS, self.save_research)

    def save_research(self) -> bool:
        """Save all four parts together, or none (with a message) if one is too long."""
        if self._research_timer is not None:
            self._research_timer.stop()
            self._research_timer = None
        if self.account is None or not self._research_dirty:
            return True
        status = self.query_one("#research-status", Static)
        try:
            research = Research(
                **{
                    part: validate_research(
                        self.query_one(f"#research-{part}", TextArea).text,
                        label=RESEARCH_PROMPTS[part][0],
                    )
                    for part in RESEARCH_PARTS
                }
            )
            updated = replace(self.account, research=research)
            self.coach.repo.accounts.save(updated)
        except ValidationError as error:
            status.update(plain(f"Not saved: {error.message}"))
            return False
        except StoreError as error:
            status.update(plain(f"Not saved: {error}"))
            return False
        self.account = updated
        self._research_dirty = False
        status.update(plain(f"{research.filled} of 4 parts written · saved"))
        return True

    def save_draft(self) -> None:
        """Called on quit, like a flow's draft: research typed a moment ago is kept."""
        self.save_research()

    def palette_commands(self) -> list[PaletteCommand]:
        """This account's actions, offered first in the command palette."""
        name = self.account.name if self.account else "this account"
        return [
            PaletteCommand(
                f"Objective for {name}", "Set or reword the strategic objective",
                self.action_objective,
            ),
            PaletteCommand(
                f"Close the objective of {name}", "Mark it achieved or dropped",
                self.action_close_objective,
            ),
            PaletteCommand(
                f"Team view on {name}", "Note what a colleague sees", self.action_perspective
            ),
            PaletteCommand(
                f"Getting in at {name}", "Entry point, decision makers, entry campaign",
                self.action_entry,
            ),
            PaletteCommand(
                f"Call history of {name}", "Every debriefed call, promises and notes",
                self.action_call_history,
            ),
            PaletteCommand(f"Rename {name}", "Change the account's name", self.action_rename),
        ]  # fmt: skip

    # --- actions ------------------------------------------------------------------------

    def action_back(self) -> None:
        if self.save_research():
            self.app.pop_screen()
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self.app.pop_screen()

        self.app.push_screen(
            ConfirmScreen(
                "Your research notes could not be saved (see the message under them). "
                "Leave anyway and lose those edits?",
                confirm="Leave",
                keep="Stay and fix",
            ),
            answered,
        )

    def action_objective(self) -> None:
        if self.account is None:
            return
        account, current = self.account, self.objective
        try:
            currency = self.coach.repo.settings.get().currency
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=15, markup=False)
            return

        def done(objective: StrategicObjective | None) -> None:
            if objective is not None:
                self.notify("Objective saved. Every call on this account should move it.")

        self.coach.open(ObjectiveRoute(account, current=current, default_currency=currency), done)

    def action_close_objective(self) -> None:
        if self.objective is None:
            self.notify("There is no open objective to close. Press o to set one.")
            return
        repo = self.coach.repo

        def done(closed: StrategicObjective | None) -> None:
            if closed is None:
                return
            self.coach.undo.push(
                f"closing the objective of {self.account.name if self.account else ''}",
                lambda: repo.objectives.reopen(closed),
            )
            self.notify(
                f"Marked {closed.status.value}; it is in the history now. Press o to set the "
                "next objective."
            )

        self.coach.open(CloseObjectiveRoute(self.objective), done)

    def action_perspective(self) -> None:
        if self.account is not None:
            self.query_one(TabbedContent).active = "tab-team"
            self.coach.open(PerspectiveRoute(self.account))

    def highlighted_call(self) -> Call | None:
        return None

    def action_call(self) -> None:
        if self.account is not None:
            self.schedule_call(self.account.uid)

    def action_call_history(self) -> None:
        if self.account is not None and self.save_research():
            self.show_call_history(self.account.uid)

    def action_entry(self) -> None:
        if self.account is not None and self.save_research():
            self.coach.open(EntryRoute(self.account.uid))

    def action_rename(self) -> None:
        from coach_tui.ui.people_offer import offer_people

        def renamed(account: Account | None) -> None:
            if account is not None:  # people of the new name may be waiting for it
                offer_people(self.coach, [account.uid])

        if self.account is not None:
            self.coach.open(AccountFormRoute(self.account), renamed)
