"""Past weekly reviews: the list, one review read-only, and editing with a confirmation.

A review is written for its week. Editing one from an earlier week is allowed (a typo, a late
thought) but asked about first, because it rewrites what you thought back then.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Markdown, Static

from coach_tui.interop.review_markdown import review_markdown
from coach_tui.model.review import WeekReview
from coach_tui.model.text import printable
from coach_tui.model.week import IsoWeek
from coach_tui.model.wording import counted
from coach_tui.services.weekly_review import key_call_labels, read_week_report
from coach_tui.store.errors import StoreError
from coach_tui.ui.kit.base import CoachScreen
from coach_tui.ui.kit.confirm import ConfirmScreen
from coach_tui.ui.routes import WeeklyReviewRoute
from coach_tui.ui.text import cell
from coach_tui.ui.widgets.key_footer import KeyFooter
from coach_tui.ui.widgets.scroll import VerticalScroll

if TYPE_CHECKING:
    from coach_tui.ui.host import CoachHost

EMPTY = (
    "No weekly reviews yet. Press r to review this week: ten minutes at the end of the week "
    "to look at your numbers, say what went well and what did not, and pick next week's focus."
)


def editable_without_asking(week: IsoWeek, today_week: IsoWeek) -> bool:
    """This week's and last week's reviews are still being written; older ones are history."""
    return week >= today_week.shifted(-1)


def confirm_then_edit(app: CoachHost, week: IsoWeek) -> None:
    """Open the review of `week` for editing, asking first when it is an earlier week's."""
    if editable_without_asking(week, IsoWeek.of(app.now().date())):
        app.open(WeeklyReviewRoute(week))
        return

    def answered(yes: bool | None) -> None:
        if yes:
            app.open(WeeklyReviewRoute(week))

    app.push_screen(
        ConfirmScreen(
            f"The review of {week.label} is from an earlier week. Edit it anyway? What you "
            "change replaces what you wrote then.",
            confirm="Edit it",
        ),
        answered,
    )


class ReviewsScreen(CoachScreen[None]):
    """Every saved review, newest first; enter reads one."""

    HELP_NAME = "Past reviews"
    CSS_PATH = "review.tcss"
    BINDINGS = [
        Binding("r", "review", "Review this week", id="reviews.new",
                tooltip="Write (or carry on with) the review the coach suggests for today"),
        Binding("e", "edit", "Edit", id="reviews.edit",
                tooltip="Edit the highlighted review (asks first for earlier weeks)"),
        Binding("escape", "app.pop_screen", "Back", id="reviews.back"),
    ]  # fmt: skip

    def __init__(self) -> None:
        super().__init__()
        self.reviews: dict[str, WeekReview] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="reviews", cursor_type="row", zebra_stripes=True)
        yield Static(EMPTY, id="reviews-empty", classes="muted")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("week", "focus", "rating", "settled")

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        try:
            reviews = self.coach.repo.reviews.all()
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=15, markup=False)
            return
        self.reviews = {str(review.week): review for review in reviews}
        table = self.query_one(DataTable)
        table.clear()
        for review in reversed(reviews):
            rating = review.average_rating
            table.add_row(
                cell(review.week.label),
                cell("; ".join(review.focus) or "—", 60),
                cell("—" if rating is None else f"{rating:.1f}/5"),
                cell(str(review.cleared)),
                key=str(review.week),
            )
        table.display = bool(reviews)
        self.query_one("#reviews-empty").display = not reviews
        self.sub_title = counted(len(reviews), "review")
        if reviews:
            table.focus()

    def highlighted(self) -> WeekReview | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return self.reviews.get(str(row_key.value))

    @on(DataTable.RowSelected)
    def _chosen(self) -> None:
        review = self.highlighted()
        if review is not None:
            self.app.push_screen(ReviewViewScreen(review))

    def action_review(self) -> None:
        self.coach.open(WeeklyReviewRoute())

    def action_edit(self) -> None:
        review = self.highlighted()
        if review is None:
            self.notify("No review to edit yet. Press r to write this week's.")
            return
        confirm_then_edit(self.coach, review.week)


class ReviewViewScreen(CoachScreen[None]):
    """One review, read-only, as the Markdown `coach export review` writes."""

    HELP_NAME = "Weekly review"
    CSS_PATH = "review.tcss"
    BINDINGS = [
        Binding("e", "edit", "Edit", id="review_view.edit",
                tooltip="Edit this review (asks first for earlier weeks)"),
        Binding("escape", "app.pop_screen", "Back", id="review_view.back"),
    ]  # fmt: skip

    def __init__(self, review: WeekReview) -> None:
        super().__init__()
        self.review = review

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="review-body"):
            # No link in a review opens anything: the seller's text is escaped, and this
            # makes sure a click never reaches a browser either.
            yield Markdown("Reading the week…", id="review-text", open_links=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = self.review.week.label
        self._load()

    @work(thread=True, exclusive=True, group="review-view")
    def _load(self) -> None:
        """The figures read five weeks of data: off the UI thread."""
        repo, now = self.coach.repo, self.coach.now()
        try:
            report = read_week_report(repo, self.review.week, now)
            labels = key_call_labels(repo, self.review, now)
        except StoreError as error:
            self.app.call_from_thread(
                self.notify, str(error), severity="error", timeout=15, markup=False
            )
            return
        # Markdown structure in the seller's text is escaped by `review_markdown`; control
        # codes are made visible here, as everywhere on screen.
        text = printable(review_markdown(report, self.review, call_labels=labels, zone=now.tzinfo))
        self.app.call_from_thread(self.query_one("#review-text", Markdown).update, text)

    def action_edit(self) -> None:
        app = self.coach
        app.pop_screen()
        confirm_then_edit(app, self.review.week)
