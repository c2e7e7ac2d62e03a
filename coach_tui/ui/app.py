"""CoachApp: loads themes, routes between screens, and keeps drafts safe on quit.

Kept thin on purpose: each flow lives in its own screen module.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.content import Content
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import Theme

from coach_tui.coaching.why import WHY_FLOW
from coach_tui.model.clock import Clock, system_clock
from coach_tui.model.date_order import order_name, reads_day_first
from coach_tui.model.settings import Settings
from coach_tui.model.text import printable
from coach_tui.model.why import WhyStatement
from coach_tui.model.wording import counted
from coach_tui.process import collect_after_start
from coach_tui.store.config_file import CONFIG_NAME, read_config
from coach_tui.store.errors import StoreError
from coach_tui.store.repository import Repository
from coach_tui.ui.config_toml import show_config_at_start, take_back_clash
from coach_tui.ui.crash_handling import CrashRecord, record_crash
from coach_tui.ui.drafts import KeepsDraft
from coach_tui.ui.flow_opening import open_flow, set_aside_unreadable_drafts
from coach_tui.ui.kit.base import CoachScreen
from coach_tui.ui.kit.styles import SCREEN_STYLES
from coach_tui.ui.messages import DashboardLoaded, FirstScreenShown
from coach_tui.ui.screens.dashboard import DashboardScreen
from coach_tui.ui.text import day
from coach_tui.ui.themes import DEFAULT_THEME, discover_themes, theme_folders
from coach_tui.ui.undo import UndoStack

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.dom import DOMNode

# Screens other than the dashboard are imported when first opened, which keeps their
# widgets (text areas, tables) off the start-up path.
# The stylesheets of the screens a start shows: home, the welcome and the offers to resume
# or rescue a draft (dialogs), the morning plan (entry). Resolved paths, as Textual resolves
# a screen's own, so a screen naming one finds it already loaded.
START_STYLES = [SCREEN_STYLES / name for name in ("dashboard.tcss", "dialogs.tcss", "entry.tcss")]
# System palette entries that our own provider replaces with coach wording.
_REPLACED_SYSTEM_COMMANDS = {"Theme", "Quit"}
# How often an app left open looks at the clock for a new day (it passed midnight).
NEW_DAY_CHECK_SECONDS = 30


def coach_commands() -> type[Provider]:
    """The palette provider, imported on first use of the palette."""
    from coach_tui.ui.commands import CoachCommands

    return CoachCommands


class CoachApp(App[None]):
    """The full-screen coach on one open repository."""

    TITLE = "coach"
    # Absolute, so subclasses defined elsewhere (benchmarks, tests) still find them. The
    # rules of every screen a start can show load with the app's: a screen's own CSS_PATH
    # is read when it first shows and makes Textual re-parse and re-apply every rule, on
    # the way to the first frame. (Screen CSS files apply app-wide once read either way.)
    CSS_PATH: ClassVar = [
        Path(__file__).resolve().parent / "app.tcss",
        *START_STYLES,
    ]
    COMMANDS: ClassVar = App.COMMANDS | {coach_commands}
    BINDINGS: ClassVar = [
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True),
        Binding("question_mark", "help", "Help", id="app.help", tooltip="This list of keys"),
        # Where ? is typed into a box (every guided flow), F1 opens the help instead.
        Binding("f1", "help", "Help", id="app.help_anywhere", tooltip="This list of keys"),
        Binding(
            "ctrl+z",
            "undo",
            "Undo",
            id="app.undo",
            show=False,
            tooltip="Undo the last archive, delete or close",
        ),
    ]

    def __init__(
        self, repo: Repository, *, theme: str | None = None, clock: Clock = system_clock
    ) -> None:
        super().__init__()
        self.repo = repo
        self.now = clock
        self.requested_theme = theme
        self._saved_settings = Settings()
        self._crash: CrashRecord | None = None
        self._farewell_said = False
        self.undo = UndoStack()
        self._startup_notices: list[tuple[str, str]] = []
        self.config = read_config()  # config.toml, checked (see ui/config_toml.py)
        self.keys_in_force: dict[str, str] = {}  # what of its [keys] applies
        self._day = clock().date()  # the day the app last offered a plan for
        self._archived_on: date | None = None  # the day old history was last tidied
        self._backup_started = False  # the day's backup, once the first screen shows
        # Chosen before the first paint, so the screen is styled once, not twice.
        self._apply_startup_theme()

    # --- how text reaches the screen outside the screens' own widgets -------------------

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """A toast, always of literal text: messages quote names, notes and file names.

        Textual reads a toast's message as markup by default; here it never is, and
        control codes in it are made visible. (`markup` stays in the signature for
        Textual's own callers, and is ignored.)
        """
        super().notify(
            printable(message),
            title=printable(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def format_title(self, title: str, sub_title: str) -> Content:
        """The header line: screens put account names in their sub-titles."""
        return super().format_title(printable(title), printable(sub_title))

    # --- start-up ----------------------------------------------------------------

    def get_default_screen(self) -> Screen:
        """Home is the dashboard; every other screen is pushed on top of it.

        (As a mode it would make Textual re-parse and re-apply all CSS once more on the way
        to the first frame.)
        """
        return DashboardScreen()

    def on_mount(self) -> None:
        for message, severity in self._startup_notices:
            self.notify(message, title="Theme", severity=severity, timeout=10)  # type: ignore[arg-type]
        show_config_at_start(self)
        # Subscribe only now, so that only the seller's later choices are remembered.
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        # A hand-edited draft must not stop a flow. Checked once the first screen is drawn:
        # a flow that opens before then meets such a draft through `open_flow` anyway.
        self.call_after_refresh(set_aside_unreadable_drafts, self)
        # Once Textual's start-up batch has ended: a screen pushed inside it is drawn once
        # for nothing (the batch discards the frame) and then again.
        self.call_later(self._open_first_screen)
        self.set_interval(NEW_DAY_CHECK_SECONDS, self.check_new_day)

    def _open_first_screen(self) -> None:
        """The welcome, the why flow resumed, or the day's plan and flows left half done;
        once that is drawn, the collector runs again (`pause_collector_for_start`)."""
        self.call_after_refresh(collect_after_start)
        if self.repo.why.current() is None:
            if self.repo.drafts.has(WHY_FLOW):
                self.action_write_why()
            else:
                from coach_tui.ui.screens.welcome import WelcomeScreen

                self.push_screen(WelcomeScreen(), self._welcome_closed)
        else:
            from coach_tui.ui.flow_resume import offer_on_start

            plan_first = self.repo.days.get(self.now().date()) is None
            if plan_first:
                self.action_morning()  # once a day, the day starts with its plan
            offer_on_start(self)  # on top: flows left half done are offered first
            if plan_first:
                return  # the backup starts once the plan shows its agenda (FirstScreenShown)
        self.call_after_refresh(self.start_daily_backup)

    def on_first_screen_shown(self, _message: FirstScreenShown) -> None:
        self.start_daily_backup()

    def start_daily_backup(self) -> None:
        """Start the day's backup in a thread (`Store.backup_in_background`) once the first
        screen shows what it read: before then the copy would compete with drawing it.
        Once per app; a save before then takes the backup first, as every write does."""
        if self._backup_started:
            return
        self._backup_started = True
        if not self.repo.store.read_only:
            self.repo.store.backup_in_background()
        # The function, not a coroutine: an app closing meanwhile never leaves one unawaited.
        self.run_worker(self._report_backup_once_taken, group="backup")

    def check_new_day(self) -> None:
        """Roll over to a new day that began while the app was open.

        Waits until the dashboard is the screen in front, so a flow or a form is never
        interrupted: then the dashboard reloads (yesterday's priorities leave it) and the
        new day's morning plan opens, unless that day already has a plan.
        """
        self.report_backup_problem()
        today = self.now().date()
        screen = self.screen
        if today == self._day or not isinstance(screen, DashboardScreen):
            return
        self._day = today
        screen.sub_title = self.today_label()
        screen.reload()
        try:
            wanted = self.repo.why.current() is not None and self.repo.days.get(today) is None
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=15, markup=False)
            return
        if wanted:
            self.action_morning()

    async def _report_backup_once_taken(self) -> None:
        """The day's backup is taken once the first screen shows (`start_daily_backup`):
        a problem with it is told as soon as it is known."""
        await asyncio.to_thread(self.repo.store.wait_for_backup)
        self.report_backup_problem()

    def report_backup_problem(self) -> None:
        """Say once that the daily backup could not be written (`coach doctor` says so too).

        The seller's saves still work; only the safety copy is missing.
        """
        problem = self.repo.store.take_backup_problem()
        if problem:
            text = printable(problem[:1].upper() + problem[1:])
            self.notify(text, title="Backup", severity="warning", timeout=20, markup=False)

    def on_dashboard_loaded(self, _message: DashboardLoaded) -> None:
        """Back on the dashboard: the moment a day that began meanwhile gets its plan,
        and (once a day, in a thread) old history moves out of the daily files."""
        self.start_daily_backup()  # if the morning plan was left before it showed its agenda
        self.check_new_day()
        today = self.now().date()
        if self._archived_on != today:
            self._archived_on = today
            # Only once the loaded dashboard is on screen: the pass reads every live record
            # and would otherwise compete with drawing the seller's data.
            self.call_after_refresh(self._start_archive_pass, today)

    def _start_archive_pass(self, today: date) -> None:
        self.run_worker(
            lambda: self._archive_old_history(today),
            thread=True,
            group="archive",
            exclusive=True,
        )

    def _archive_old_history(self, today: date) -> None:
        """Off the UI thread; the pass moves records in batches, letting screens read between."""
        from coach_tui.store.archive import archive_old_history

        try:
            self._close_touches_of_ended_campaigns(today)
            archive_old_history(self.repo.store, today)
        except StoreError as error:  # the files are unchanged; try again tomorrow
            self.call_from_thread(
                self.notify, f"Could not archive old history: {error}", severity="warning"
            )

    def _close_touches_of_ended_campaigns(self, today: date) -> None:
        """Touches an older coach left planned after their campaign was won or stopped
        leave the queue, in one save (they then archive like any closed touch)."""
        from coach_tui.coaching.campaign_end import left_open

        planned = self.repo.touches.planned()
        statuses = {}
        for uid in {touch.campaign_uid for touch in planned}:
            campaign = self.repo.campaigns.get(uid)
            if campaign is not None:
                statuses[uid] = campaign.status
        closed = left_open(planned, statuses, today)
        if closed:
            self.repo.touches.save_many(closed)

    def _welcome_closed(self, start: bool | None) -> None:
        if start:
            self.action_write_why()

    def today_label(self) -> str:
        return day(self.now())

    # --- themes ---------------------------------------------------------------

    def theme_folders(self) -> list[Path]:
        """Built-ins, then the seller's own in the config folder, then in <data>/themes."""
        return theme_folders(self.repo.data_dir)

    def _apply_startup_theme(self) -> None:
        catalogue = discover_themes(self.theme_folders())
        for theme in catalogue.themes:
            self.register_theme(theme)
        self._startup_notices += [(problem, "warning") for problem in catalogue.problems]
        try:
            self._saved_settings = self.repo.settings.get()
        except StoreError as error:
            self._startup_notices.append((str(error), "error"))
        wanted = self.requested_theme or self._saved_settings.theme or DEFAULT_THEME
        if wanted not in self.available_themes:
            fallback = DEFAULT_THEME if DEFAULT_THEME in self.available_themes else "textual-dark"
            line = self.config.lines.get("theme") if not self.requested_theme else None
            where = f"{CONFIG_NAME} line {line}: there" if line else "There"
            self._startup_notices.append(
                (
                    f"{where} is no theme called '{wanted}', so coach is using {fallback}. "
                    "Ctrl+p → Switch theme lists the ones you have.",
                    "warning",
                )
            )
            wanted = fallback
        self._start_with_theme(wanted)

    def handle_bindings_clash(self, clashed_bindings: set[Binding], node: DOMNode) -> None:
        take_back_clash(self, clashed_bindings, node)

    def _start_with_theme(self, name: str) -> None:
        """Make `name` the theme before anything has been styled.

        Assigning `self.theme` runs Textual's theme watcher, which re-reads and re-applies
        all of the CSS twice before the first frame (~25 ms of every start). Nothing is
        styled yet, so a dark theme only needs the value, the mode classes and the
        stylesheet's variables. A light theme also needs Textual's mapping of terminal
        colours changed, which only the watcher does, so it takes that path.
        """
        theme = self.get_theme(name)
        if theme is None or not theme.dark:
            self.theme = name
            return
        self.set_reactive(App.theme, name)
        self.update_classes(
            {"-dark-mode": True, "-light-mode": False, f"-theme-{name}": True}, update=False
        )
        self.stylesheet.set_variables(self.get_css_variables())

    def _remember_theme(self, theme: Theme) -> None:
        if theme.name == self._saved_settings.theme:
            return
        settings = replace(self._saved_settings, theme=theme.name)
        try:
            self.repo.settings.save(settings)
        except StoreError as error:
            self.notify(
                str(error), title="Theme not remembered", severity="error", timeout=15, markup=False
            )
            return
        self._saved_settings = settings

    # --- actions ------------------------------------------------------------------

    def open(self, route: object, callback: Callable[[Any], object] | None = None) -> Screen | None:
        """Show the screen `route` names (see `ui/routes.py`): how screens open each other.

        The router is imported on first use, like the screens it builds."""
        from coach_tui.ui.router import open_route

        return open_route(self, route, callback)

    def action_write_why(self) -> None:
        """Open the why flow, resuming a draft if there is one."""
        from coach_tui.ui.screens.why_flow import WhyFlowScreen

        if isinstance(self.screen, WhyFlowScreen):
            return
        try:
            current = self.repo.why.current()
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=15, markup=False)
            return
        open_flow(
            self,
            WHY_FLOW,
            lambda draft: WhyFlowScreen(draft=draft, current=current),
            self._why_closed,
        )

    def _why_closed(self, why: WhyStatement | None) -> None:
        if why is not None:
            self.notify("Saved. This is what you will read first every morning.", title="Your why")

    def action_accounts(self) -> None:
        from coach_tui.ui.screens.accounts import AccountsScreen

        if not isinstance(self.screen, AccountsScreen):
            self.push_screen(AccountsScreen())

    def action_morning(self) -> None:
        """Today's agenda and three priorities."""
        from coach_tui.ui.screens.morning import MorningPlanScreen

        if isinstance(self.screen, MorningPlanScreen):
            return

        def planned(plan: object) -> None:
            screen = self.screen
            if plan is not None and isinstance(screen, CoachScreen):
                screen.reload()

        self.push_screen(MorningPlanScreen(), planned)

    def action_calls(self) -> None:
        """Upcoming calls with their outcomes, and calls waiting for a debrief."""
        from coach_tui.ui.screens.calls import CallsScreen

        if not isinstance(self.screen, CallsScreen):
            self.push_screen(CallsScreen())

    def action_touches(self) -> None:
        """Today's and overdue touches across every account."""
        from coach_tui.ui.screens.touch_queue import TouchQueueScreen

        if not isinstance(self.screen, TouchQueueScreen):
            self.push_screen(TouchQueueScreen())

    def action_people(self) -> None:
        """Every person coach knows, on an account or waiting for one."""
        from coach_tui.ui.screens.people import PeopleScreen

        if not isinstance(self.screen, PeopleScreen):
            self.push_screen(PeopleScreen())

    def action_import_contacts(self) -> None:
        """Add people from a LinkedIn export or a vCard file."""
        from coach_tui.ui.screens.import_form import ImportForm

        try:
            accounts = self.repo.accounts.names()
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=15, markup=False)
            return

        def done(added: int | None) -> None:
            if added:
                self.notify(
                    f"Added {counted(added, 'person', 'people')}. People (p on the "
                    "dashboard) lists them: put those on no account yet onto one (a), then "
                    "give them buying roles on the account's getting-in screen (e).",
                    title="Import",
                )
                screen = self.screen
                if isinstance(screen, CoachScreen):
                    screen.reload()

        self.push_screen(ImportForm(accounts), done)

    def action_goals(self) -> None:
        """Open the performance and getting-better goals."""
        from coach_tui.ui.screens.goals import GoalsScreen

        if not isinstance(self.screen, GoalsScreen):
            self.push_screen(GoalsScreen())

    def action_plan_year(self) -> None:
        """Plan the year, or carry on with the key accounts' objectives of a plan under way."""
        from coach_tui.coaching.plan_year import PLAN_FLOW
        from coach_tui.ui.objective_walk import ObjectiveWalk
        from coach_tui.ui.screens.plan_year import PlanYearScreen
        from coach_tui.ui.year_plan import Plan

        if isinstance(self.screen, PlanYearScreen):
            return
        walk = ObjectiveWalk(self)
        try:
            if not self.repo.drafts.has(PLAN_FLOW) and walk.pending() is not None:
                walk.next()
                return
            goals = self.repo.goals.performance()
            accounts = self.repo.accounts.all()
            currency = self.repo.settings.get().currency
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=15, markup=False)
            return

        def planned(plan: Plan | None) -> None:
            if plan is not None:
                from coach_tui.ui.people_offer import offer_people

                self.notify(f"Targets for {plan.year} saved.", title="Plan the year")
                offer_people(self, plan.account_uids, then=walk.next)

        today = self.now().date()
        open_flow(
            self,
            PLAN_FLOW,
            lambda draft: PlanYearScreen(
                draft=draft, today=today, goals=goals, accounts=accounts, currency=currency
            ),
            planned,
        )

    def action_default_currency(self) -> None:
        from coach_tui.ui.screens.currency_form import CurrencyForm

        def saved(settings: Settings | None) -> None:
            if settings is not None:
                self._saved_settings = settings
                self.notify(f"Amounts without a currency now mean {settings.currency}.")

        self.push_screen(CurrencyForm(self._saved_settings), saved)

    def action_public_holidays(self) -> None:
        from coach_tui.ui.screens.holidays_form import HolidayRegionForm

        def saved(settings: Settings | None) -> None:
            if settings is not None:
                self._saved_settings = settings
                region = settings.holiday_region
                self.notify(
                    f"New campaigns skip the public holidays of {region}."
                    if region
                    else "New campaigns skip weekends only: no public holidays are set."
                )

        self.push_screen(HolidayRegionForm(self._saved_settings), saved)

    @property
    def day_first(self) -> bool:
        """How every date field reads 03/04/2027: the seller's choice, else the locale's."""
        return reads_day_first(self._saved_settings.day_first)

    def action_date_order(self) -> None:
        from coach_tui.ui.screens.date_order_form import DateOrderForm

        def saved(settings: Settings | None) -> None:
            if settings is not None:
                self._saved_settings = settings
                self.notify(f"Dates like 03/04/2027 are now read {order_name(self.day_first)}.")

        self.push_screen(DateOrderForm(self._saved_settings), saved)

    def action_stall_weeks(self) -> None:
        from coach_tui.ui.screens.stall_form import StallWeeksForm

        def saved(settings: Settings | None) -> None:
            if settings is not None:
                self._saved_settings = settings
                self.notify(
                    f"Accounts with no advance for {settings.stall_weeks} weeks are flagged."
                )
                screen = self.screen
                if isinstance(screen, CoachScreen):
                    screen.reload()

        self.push_screen(StallWeeksForm(self._saved_settings), saved)

    def action_undo(self) -> None:
        """Undo the most recent archive, delete or close of this session."""
        item = self.undo.pop()
        if item is None:
            self.notify("Nothing to undo.")
            return
        try:
            item.undo()
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=15, markup=False)
            return
        self.notify(f"Undid {item.label}.", markup=False)
        screen = self.screen
        if isinstance(screen, CoachScreen):
            screen.reload()

    def action_why_history(self) -> None:
        from coach_tui.ui.screens.why_history import WhyHistoryScreen

        if not isinstance(self.screen, WhyHistoryScreen):
            self.push_screen(WhyHistoryScreen())

    def action_help(self) -> None:
        from coach_tui.ui.binding_order import in_declared_order
        from coach_tui.ui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        keys: list[tuple[str, str]] = []
        rows: dict[str, int] = {}  # one row per action: "? f1" for help
        for _key, binding_info in in_declared_order(self.screen.active_bindings):
            binding = binding_info.binding
            # Our own bindings all carry ids; Textual's generic ones (focus, copy) do not.
            # Keys kept out of a crowded footer still appear here when they have a tooltip.
            listed = binding.show or bool(binding.tooltip)
            if binding.id and listed and binding_info.enabled:
                shown = self.get_key_display(binding)
                if binding.action in rows:
                    key, does = keys[rows[binding.action]]
                    keys[rows[binding.action]] = (f"{key} {shown}", does)
                    continue
                rows[binding.action] = len(keys)
                keys.append((shown, binding.tooltip or binding.description))
        keys.append(("ctrl+p", "Command palette: every action by name"))
        name = getattr(self.screen, "HELP_NAME", type(self.screen).__name__.removesuffix("Screen"))
        self.push_screen(HelpScreen(keys, name))

    async def action_quit(self) -> None:
        """Quit, first saving the draft of any flow that is open."""
        self._save_open_drafts()
        self.exit()

    def _save_open_drafts(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, KeepsDraft):
                screen.save_draft()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            if command.title not in _REPLACED_SYSTEM_COMMANDS:
                yield command

    # --- the last line of defence -------------------------------------------------------

    def _handle_exception(self, error: Exception) -> None:
        """Every unexpected error, whichever way Textual then reports it, is logged first and
        the open drafts saved (an error that renders itself skips `_fatal_error`).

        One of the two Textual internals coach relies on; tests/unit/test_textual_internals.py
        lists them and why."""
        if self._crash is None:  # one error can reach here from several message pumps
            self._crash = record_crash(self, error)
        super()._handle_exception(error)

    def _fatal_error(self) -> None:
        """Replace Textual's traceback dump with one sentence and a log file.

        The traceback went to <data>/crash.log (`record_crash`); drafts were saved as the
        seller typed and once more then, and every save is atomic, so nothing on disk is
        half-written. A flow open at the time offers to start afresh when next opened.
        Said once however many message pumps fail; `panic` is Textual's supported way out.
        """
        if self._farewell_said:
            return
        self._farewell_said = True
        self.bell()
        farewell = (self._crash or CrashRecord(None, ())).farewell()
        # Text, not markup: the sentence names the seller's folder.
        self.panic(Text(printable(farewell)))
