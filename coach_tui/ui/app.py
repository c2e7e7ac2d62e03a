"""CoachApp: loads themes, routes between screens, and keeps drafts safe on quit.

Kept thin on purpose: each flow lives in its own screen module.
"""

from __future__ import annotations

import contextlib
import traceback
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.theme import Theme

from coach_tui import __version__
from coach_tui.model.clock import Clock, system_clock
from coach_tui.model.settings import Settings
from coach_tui.model.why import WhyStatement
from coach_tui.store.errors import StoreError
from coach_tui.store.repository import Repository
from coach_tui.ui.commands import CoachCommands
from coach_tui.ui.drafts import KeepsDraft
from coach_tui.ui.screens.dashboard import DashboardScreen
from coach_tui.ui.screens.help import HelpScreen
from coach_tui.ui.screens.welcome import WelcomeScreen
from coach_tui.ui.screens.why_flow import FLOW as WHY_FLOW
from coach_tui.ui.screens.why_flow import WhyFlowScreen
from coach_tui.ui.screens.why_history import WhyHistoryScreen
from coach_tui.ui.text import day
from coach_tui.ui.themes import DEFAULT_THEME, discover_themes, shipped_theme_dirs

USER_THEMES_DIR = "themes"
CRASH_LOG = "crash.log"
# System palette entries that our own provider replaces with coach wording.
_REPLACED_SYSTEM_COMMANDS = {"Theme", "Quit"}


class CoachApp(App[None]):
    """The full-screen coach on one open repository."""

    TITLE = "coach"
    CSS_PATH = "app.tcss"
    COMMANDS: ClassVar = App.COMMANDS | {CoachCommands}
    # Top-level sections are modes, each with its own screen stack (and its CSS loaded).
    MODES: ClassVar = {"home": DashboardScreen}
    DEFAULT_MODE = "home"
    BINDINGS: ClassVar = [
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True),
        Binding("question_mark", "help", "Help", id="app.help"),
    ]

    def __init__(
        self, repo: Repository, *, theme: str | None = None, clock: Clock = system_clock
    ) -> None:
        super().__init__()
        self.repo = repo
        self.now = clock
        self.requested_theme = theme
        self._saved_settings = Settings()

    # --- start-up ----------------------------------------------------------------

    def on_mount(self) -> None:
        self._apply_startup_theme()
        if self.repo.why.current() is None:
            draft = self.repo.drafts.get(WHY_FLOW)
            if draft is not None:
                self.action_write_why()
            else:
                self.push_screen(WelcomeScreen(), self._welcome_closed)

    def _welcome_closed(self, start: bool | None) -> None:
        if start:
            self.action_write_why()

    def today_label(self) -> str:
        return day(self.now())

    # --- themes ---------------------------------------------------------------

    def theme_folders(self) -> list[Path]:
        """Shipped themes, then the seller's own in <data>/themes (theirs win a name clash)."""
        return [*shipped_theme_dirs(), self.repo.data_dir / USER_THEMES_DIR]

    def _apply_startup_theme(self) -> None:
        catalogue = discover_themes(self.theme_folders())
        for theme in catalogue.themes:
            self.register_theme(theme)
        for problem in catalogue.problems:
            self.notify(problem, title="Theme", severity="warning", timeout=10)
        try:
            self._saved_settings = self.repo.settings.get()
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=15)
        wanted = self.requested_theme or self._saved_settings.theme or DEFAULT_THEME
        if wanted not in self.available_themes:
            fallback = DEFAULT_THEME if DEFAULT_THEME in self.available_themes else "textual-dark"
            self.notify(
                f"There is no theme called '{wanted}', so coach is using {fallback}. "
                "Ctrl+p → Switch theme lists the ones you have.",
                title="Theme",
                severity="warning",
                timeout=10,
            )
            wanted = fallback
        self.theme = wanted
        # Subscribe after the start-up theme has been applied, so only later choices persist.
        self.call_after_refresh(self.theme_changed_signal.subscribe, self, self._remember_theme)

    def _remember_theme(self, theme: Theme) -> None:
        if theme.name == self._saved_settings.theme:
            return
        settings = Settings(theme=theme.name)
        try:
            self.repo.settings.save(settings)
        except StoreError as error:
            self.notify(str(error), title="Theme not remembered", severity="error", timeout=15)
            return
        self._saved_settings = settings

    # --- actions ------------------------------------------------------------------

    def action_write_why(self) -> None:
        """Open the why flow, resuming a draft if there is one."""
        if isinstance(self.screen, WhyFlowScreen):
            return
        try:
            draft = self.repo.drafts.get(WHY_FLOW)
            current = self.repo.why.current()
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=15)
            return
        self.push_screen(WhyFlowScreen(draft=draft, current=current), self._why_closed)

    def _why_closed(self, why: WhyStatement | None) -> None:
        if why is not None:
            self.notify("Saved. This is what you will read first every morning.", title="Your why")

    def action_why_history(self) -> None:
        if not isinstance(self.screen, WhyHistoryScreen):
            self.push_screen(WhyHistoryScreen())

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        keys = []
        for binding_info in self.screen.active_bindings.values():
            binding = binding_info.binding
            if binding.description and binding_info.enabled:
                keys.append((self.get_key_display(binding), binding.description))
        keys.append(("ctrl+p", "Command palette"))
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

    def _fatal_error(self) -> None:
        """Replace Textual's traceback dump with one sentence and a log file.

        The traceback is written to <data>/crash.log; drafts were already saved as the
        seller typed, and every save is atomic, so nothing on disk is half-written.
        """
        log = self._write_crash_log()
        where = f" Details: {log}" if log else ""
        self.bell()
        self._exit_renderables.append(
            f"coach stopped on an unexpected error. Everything you saved, drafts included, "
            f"is safe.{where}"
        )
        with contextlib.suppress(Exception):
            self._save_open_drafts()
        self._close_messages_no_wait()

    def _write_crash_log(self) -> Path | None:
        try:
            log = self.repo.data_dir / CRASH_LOG
            with log.open("a", encoding="utf-8") as handle:
                handle.write(f"--- {datetime.now().astimezone().isoformat()} coach {__version__}\n")
                handle.write(traceback.format_exc())
            log.chmod(0o600)
        except OSError:
            return None
        return log
