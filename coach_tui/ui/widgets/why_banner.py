"""The why at the top of the dashboard: the first thing the seller reads."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from coach_tui.model.clock import local_time
from coach_tui.model.day import DayPlan
from coach_tui.model.why import WhyStatement
from coach_tui.ui.text import day, plain

NO_WHY_YET = (
    "You have not written your why yet. It takes five quiet minutes, and it is the first "
    "thing you will read each morning. Press w to write it."
)


class WhyBanner(Vertical):
    """Shows the current why, or says how to write one."""

    def compose(self) -> ComposeResult:
        yield Static("Loading…", id="why-statement")
        yield Static("", id="why-meta")
        yield Static("", id="why-today")

    def on_mount(self) -> None:
        self.border_title = "Your why"

    def show(self, why: WhyStatement | None, versions: int, *, now: datetime) -> None:
        """Draw `why` (the current version) and how many versions exist; its date is the
        one on the seller's clock `now`."""
        statement = self.query_one("#why-statement", Static)
        meta = self.query_one("#why-meta", Static)
        self.set_class(why is None, "-empty")
        if why is None:
            statement.update(NO_WHY_YET)
            meta.display = False
            return
        meta.display = True
        statement.update(plain(f"“{why.statement}”"))
        history = f" · h history ({versions} versions)" if versions > 1 else " · h history"
        meta.update(plain(f"written {day(local_time(why.written_at, now))} · w rewrite{history}"))

    def show_day(self, plan: DayPlan | None) -> None:
        """Today's priorities under the why, ticked as they get done (keys 1-3)."""
        line = self.query_one("#why-today", Static)
        planned = plan is not None and bool(plan.priorities)
        # A plan always shows, so keys 1-3 never tick blind; before the why is written,
        # the invitation to plan the day waits for it (first things first).
        line.display = planned or not self.has_class("-empty")
        if plan is None or not plan.priorities:
            line.update("No priorities for today yet: m plans the day.")
            return
        items = "   ".join(
            f"{number} {'☑' if item.done else '☐'} {item.text}"
            for number, item in enumerate(plan.priorities, start=1)
        )
        line.update(plain(f"Today: {items}"))
