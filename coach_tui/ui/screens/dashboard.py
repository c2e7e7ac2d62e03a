"""The home screen: the why on top, then objectives, calls, touches and pace."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid
from textual.screen import ModalScreen
from textual.widgets import Header

from coach_tui.store.errors import StoreError
from coach_tui.ui.kit.base import CoachScreen
from coach_tui.ui.messages import DashboardLoaded, DashboardLoadFailed
from coach_tui.ui.widgets.key_footer import KeyFooter
from coach_tui.ui.widgets.panel import DashboardPanel
from coach_tui.ui.widgets.why_banner import WhyBanner

if TYPE_CHECKING:
    from coach_tui.model.day import DayPlan

# What each panel will hold, and how the seller starts it. Each later capability
# replaces its panel's empty state with real content.
EMPTY_STATES = {
    "objectives": (
        "Strategic objectives",
        "Each key account's next big milestone: the door you want opened, what it is "
        "worth, and by when.",
        "Press a to open your accounts and set one, or y to plan the year.",
    ),
    "calls": (
        "Upcoming calls",
        "Your next calls and meetings, each with the outcome you want the client to agree "
        "to — and a loud warning when one has none.",
        "Press c for your calls (n schedules one), or c on an account.",
    ),
    "touches": (
        "Touches due",
        "Emails, calls and messages from your account-entry campaigns that are due today "
        "or overdue.",
        "Open an account (a, enter) and press e to map the way in and plan a campaign.",
    ),
    "pace": (
        "Pace",
        "How far along each annual target you are, where a straight line says you should "
        "be by today, and what each week needs from here.",
        "Press g to set your goals, or y to plan the year.",
    ),
}


class DashboardScreen(CoachScreen[None]):
    """Home. Reloads its data in a worker every time it comes back into view."""

    # Its dashboard.tcss is loaded with the app's CSS (see `CoachApp.CSS_PATH`).
    BINDINGS = [
        Binding(
            "w",
            "app.write_why",
            "Why",
            id="dashboard.write_why",
            show=False,  # the why's own panel says "w rewrite": the footer keeps room for more
            tooltip="Write or rewrite your why",
        ),
        Binding(
            "h",
            "app.why_history",
            "History",
            id="dashboard.why_history",
            show=False,  # "h history" is said in the why's panel too
            tooltip="Earlier versions of your why, with dates",
        ),
        Binding("q", "app.quit", "Quit", id="dashboard.quit", show=False),
        Binding(
            "a",
            "app.accounts",
            "Accounts",
            id="dashboard.accounts",
            tooltip="Your accounts and their strategic objectives",
        ),
        Binding(
            "p",
            "app.people",
            "People",
            id="dashboard.people",
            # The footer is full at 100 columns; `?` and the palette list it.
            show=False,
            tooltip="Everyone you know at clients, on an account or not yet",
        ),
        Binding(
            "c",
            "app.calls",
            "Calls",
            id="dashboard.calls",
            tooltip="Upcoming calls with their outcomes, and calls to debrief",
        ),
        Binding(
            "t",
            "app.touches",
            "Touches",
            id="dashboard.touches",
            tooltip="Touches due today and overdue, across every account",
        ),
        Binding(
            "g",
            "app.goals",
            "Goals",
            id="dashboard.goals",
            tooltip="Annual targets with pace, and getting-better goals",
        ),
        Binding(
            "m",
            "app.morning",
            "Plan",
            id="dashboard.morning",
            tooltip="Today's agenda and your three priorities",
        ),
        Binding(
            "1",
            "tick(0)",
            "Tick 1",
            id="dashboard.tick1",
            show=False,
            tooltip="Tick (or untick) today's first priority; 2 and 3 the others",
        ),
        Binding(
            "2",
            "tick(1)",
            "Tick 2",
            id="dashboard.tick2",
            show=False,
            tooltip="Tick (or untick) today's second priority",
        ),
        Binding(
            "3",
            "tick(2)",
            "Tick 3",
            id="dashboard.tick3",
            show=False,
            tooltip="Tick (or untick) today's third priority",
        ),
        Binding(
            "r",
            "weekly_review",
            "Review",
            id="dashboard.review",
            tooltip="Weekly review: your numbers, reflection, next week's focus",
        ),
        Binding(
            "T",
            "trends",
            "Trends",
            id="dashboard.trends",
            tooltip="Trends over the weeks: advances, prep, touches, ratings",
        ),
        Binding(
            "R",
            "past_reviews",
            "Reviews",
            id="dashboard.past_reviews",
            tooltip="Every weekly review, newest first",
        ),
        Binding(
            "y",
            "app.plan_year",
            "Year",
            id="dashboard.plan_year",
            tooltip="Set targets and key accounts' objectives in one sitting",
        ),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield WhyBanner(id="why")
        with Grid(id="panels"):
            for panel_id, (title, _, _) in EMPTY_STATES.items():
                yield DashboardPanel(title, id=panel_id)
        yield KeyFooter()

    def show_empty_states(self) -> None:
        for panel_id, (_, what, how) in EMPTY_STATES.items():
            self.query_one(f"#{panel_id}", DashboardPanel).show_empty(what, how)

    def on_screen_resume(self) -> None:
        self.sub_title = self.coach.today_label()
        if self.in_view():
            # Once the frame that shows it is drawn: the read's thread imports the rules
            # and parses records, and would take turns with that frame (the first one of
            # a start, under the welcome) for the interpreter.
            self.call_after_refresh(self.load)

    def in_view(self) -> bool:
        """On top, or behind a dialog. Under a full screen (the morning plan at start) a
        read would compete with drawing that screen for what the seller cannot see; the
        dashboard reads when it comes back into view."""
        shown = next(s for s in reversed(self.app.screen_stack) if not isinstance(s, ModalScreen))
        return shown is self

    @work(thread=True, exclusive=True, group="dashboard")
    def load(self) -> None:
        """Read what the dashboard shows without blocking the UI thread.

        The rules that compute it (agenda, red flags, pace) are imported here, by the first
        read, rather than on the way to the first frame."""
        from coach_tui.services.dashboard import dashboard

        try:
            data = dashboard(self.coach.repo, self.coach.now())
        except StoreError as error:
            self.post_message(DashboardLoadFailed(str(error)))
            return
        self.post_message(DashboardLoaded(data))

    def reload(self) -> None:
        self.load()

    # Panels stay blank until the first load says what they hold: a seller with years of
    # data never sees a flash of "nothing here yet", and the first frame draws less.
    loaded_once = False

    @on(DashboardLoaded)
    def show_data(self, message: DashboardLoaded) -> None:
        from coach_tui.ui.widgets.dashboard_panels import (
            call_content,
            goal_content,
            objective_content,
            touch_content,
        )

        self.loaded_once = True
        data = message.data
        self.query_one(WhyBanner).show(data.why, data.why_versions, now=self.coach.now())
        self.query_one(WhyBanner).show_day(data.day)
        self.day = data.day
        objectives = self.query_one("#objectives", DashboardPanel)
        if data.objectives:
            rows = max(objectives.content_size.height, 3)
            width = objectives.content_size.width
            objectives.show(objective_content(data.objectives, rows, width), wrap=width <= 0)
        else:
            objectives.show_empty(*EMPTY_STATES["objectives"][1:])
        calls = self.query_one("#calls", DashboardPanel)
        if data.calls or data.to_debrief:
            rows = max(calls.content_size.height, 3)
            calls.show(call_content(data.calls, data.to_debrief, rows), wrap=False)
        else:
            calls.show_empty(*EMPTY_STATES["calls"][1:])
        touches = self.query_one("#touches", DashboardPanel)
        if data.touches:
            rows = max(touches.content_size.height, 3)
            touches.show(touch_content(data.touches, rows), wrap=False)
        else:
            touches.show_empty(*EMPTY_STATES["touches"][1:])
        pace = self.query_one("#pace", DashboardPanel)
        if data.goals:
            pace.show(goal_content(data.goals))
        else:
            pace.show_empty(*EMPTY_STATES["pace"][1:])

    @on(DashboardLoadFailed)
    def show_failure(self, message: DashboardLoadFailed) -> None:
        if not self.loaded_once:  # say what each panel is for, as for a new seller
            self.show_empty_states()
        self.notify(
            message.reason, title="Could not load", severity="error", timeout=15, markup=False
        )

    day: DayPlan | None = None

    def action_tick(self, index: int) -> None:
        plan = self.day
        if plan is None or index >= len(plan.priorities):
            self.notify("No such priority today. Press m to plan the day.")
            return
        ticked = plan.toggled(index)
        try:
            self.coach.repo.days.save(ticked)
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=15, markup=False)
            return
        self.day = ticked
        self.query_one(WhyBanner).show_day(ticked)

    def action_weekly_review(self) -> None:
        from coach_tui.ui.routes import WeeklyReviewRoute

        self.coach.open(WeeklyReviewRoute())

    def action_trends(self) -> None:
        from coach_tui.ui.routes import TrendsRoute

        self.coach.open(TrendsRoute())

    def action_past_reviews(self) -> None:
        from coach_tui.ui.routes import PastReviewsRoute

        self.coach.open(PastReviewsRoute())
