"""Every version of the why, newest first, with what the seller answered at the time."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from coach_tui.coaching.why import WHY_STEPS
from coach_tui.model.why import ANSWER_KEYS, WhyStatement
from coach_tui.store.errors import StoreError
from coach_tui.ui.kit.base import CoachScreen
from coach_tui.ui.text import day_and_time, plain
from coach_tui.ui.widgets.key_footer import KeyFooter
from coach_tui.ui.widgets.scroll import VerticalScroll

NO_HISTORY = "No why written yet. Press w to write your first one."


class WhyHistoryScreen(CoachScreen[None]):
    """Browse earlier versions; the newest is the one on the dashboard."""

    CSS_PATH = "why.tcss"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="history.back"),
        Binding("w", "rewrite", "Rewrite", id="history.rewrite"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.versions: list[WhyStatement] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            yield OptionList(id="versions")
            with VerticalScroll(id="version-detail"):
                yield Static("", id="version-date", classes="detail-label")
                yield Static("", id="version-statement")
                for step in WHY_STEPS[: len(ANSWER_KEYS)]:
                    yield Static(plain(step.question), classes="detail-label")
                    yield Static("", id=f"version-{step.key}")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Why history"
        self.query_one("#versions").border_title = "Versions"
        self.query_one("#version-detail").border_title = "Version"

    def on_screen_resume(self) -> None:
        try:
            self.versions = self.coach.repo.why.history()
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=15, markup=False)
            self.versions = []
        options = self.query_one("#versions", OptionList)
        options.clear_options()
        for index, why in enumerate(self.versions):
            label = day_and_time(self.local(why.written_at)) + ("  (current)" if index == 0 else "")
            options.add_option(Option(plain(label), id=str(index)))
        if self.versions:
            options.highlighted = 0
            options.focus()
            self._show(0)
        else:
            self.query_one("#version-date", Static).update("")
            self.query_one("#version-statement", Static).update(NO_HISTORY)

    @on(OptionList.OptionHighlighted, "#versions")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show(event.option_index)

    def _show(self, index: int) -> None:
        why = self.versions[index]
        status = "current version" if index == 0 else "earlier version"
        self.query_one("#version-date", Static).update(
            plain(f"Written {day_and_time(self.local(why.written_at))} · {status}")
        )
        self.query_one("#version-statement", Static).update(plain(f"“{why.statement}”"))
        for key in ANSWER_KEYS:
            answer = why.answers.get(key) or "(skipped)"
            self.query_one(f"#version-{key}", Static).update(plain(answer))

    def action_rewrite(self) -> None:
        self.coach.action_write_why()
