"""Trends: how the weeks compare over the last 12 to 52 weeks, one sparkline per measure.

The figures read a year of calls and touches at most; that happens in a worker so the screen
opens at once and says it is reading.
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header, Static

from coach_tui.coaching.trends import Series
from coach_tui.services.weekly_review import read_trends
from coach_tui.store.errors import StoreError
from coach_tui.ui.kit.base import CoachScreen
from coach_tui.ui.text import plain
from coach_tui.ui.widgets.key_footer import KeyFooter
from coach_tui.ui.widgets.scroll import VerticalScroll
from coach_tui.ui.widgets.trend_bars import TrendBars

SPANS = (12, 26, 52)


def series_title(series: Series) -> str:
    """Name, latest value, the lowest and highest week, and the scale the bars are drawn on."""
    known = [value for value in series.values if value is not None]
    digits = 1 if known and max(known) < 10 else 0
    low, high = (f"{value:.{digits}f}" for value in (min(known or [0]), max(known or [0])))
    spread = f" · low {low}, high {high}" if len(known) > 1 else ""
    return f"{series.name} · latest {series.latest}{spread} · bars on {series.scale}"


class TrendsScreen(CoachScreen[None]):
    """Advance rate, outcomes prepared, touches, getting-better ratings, revenue vs pace."""

    HELP_NAME = "Trends"
    CSS_PATH = "review.tcss"
    BINDINGS = [
        Binding("right_square_bracket", "span(1)", "Longer", id="trends.longer",
                tooltip="Show more weeks (12, 26, 52)"),
        Binding("left_square_bracket", "span(-1)", "Shorter", id="trends.shorter",
                tooltip="Show fewer weeks"),
        Binding("escape", "app.pop_screen", "Back", id="trends.back"),
    ]  # fmt: skip

    def __init__(self, weeks: int = SPANS[0]) -> None:
        super().__init__()
        self.span = weeks if weeks in SPANS else SPANS[0]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Reading your weeks…", id="trends-status", classes="muted")
        yield VerticalScroll(id="trends-body")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        self.sub_title = f"last {self.span} weeks"
        self._load(self.span)

    def action_span(self, step: int) -> None:
        index = min(max(SPANS.index(self.span) + step, 0), len(SPANS) - 1)
        if SPANS[index] != self.span:
            self.span = SPANS[index]
            self.reload()

    @work(thread=True, exclusive=True, group="trends")
    def _load(self, span: int) -> None:
        try:
            series = read_trends(self.coach.repo, self.coach.now(), span)
        except StoreError as error:
            self.app.call_from_thread(self._show_error, str(error))
            return
        self.app.call_from_thread(self._show, span, series)

    def _show_error(self, message: str) -> None:
        self.query_one("#trends-status", Static).update(plain(message))

    def _show(self, span: int, series: list[Series]) -> None:
        if span != self.span:
            return  # an older read finishing after the span changed
        body = self.query_one("#trends-body", VerticalScroll)
        body.remove_children()
        empty = all(value is None or value == 0 for s in series for value in s.values)
        self.query_one("#trends-status", Static).update(
            plain(
                "Nothing recorded in these weeks yet. Trends fill in as you log calls, "
                "debriefs, touches and weekly reviews; [ and ] change how many weeks are shown."
                if empty
                else "Oldest week on the left, this week so far on the right, · where a week "
                "has no data · [ ] change the span "
                f"({', '.join(map(str, SPANS))} weeks)"
            )
        )
        widgets = []
        for each in series:
            widgets.append(Static(plain(series_title(each)), classes="trend-title"))
            widgets.append(TrendBars(each, classes="trend-line"))
            if each.hint:
                widgets.append(Static(plain(each.hint), classes="muted"))
        body.mount_all(widgets)
