"""Done, skip and snooze on the highlighted touch — shared by the queue and the account.

Each change can be undone (`u`), and a touch that won a meeting marks its campaign as
succeeded and hands over to the calls: the first meeting is what the campaign was for. A
reply without a meeting can move the person's next touches to the day they named.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.binding import Binding

from coach_tui.coaching.touches import after_meeting_prompt, moved_line
from coach_tui.model.touch import CampaignStatus, Touch
from coach_tui.model.wording import counted
from coach_tui.services.campaigns import CampaignEnded, RepliedNotNow, end_campaign, undo_end
from coach_tui.store.errors import StoreError
from coach_tui.ui.kit.base import CoachScreen
from coach_tui.ui.routes import TouchDoneRoute, TouchSkipRoute, TouchSnoozeRoute
from coach_tui.ui.widgets.fitted_table import FittedTable


class TouchTable(FittedTable):
    """Touches, one per row keyed by uid; its keys act on the highlighted one."""

    BINDINGS = [
        Binding("d", "screen.touch_done", "Done", id="touch.done",
                tooltip="Mark the highlighted touch done, with what happened"),
        Binding("k", "screen.touch_skip", "Skip", id="touch.skip",
                tooltip="Skip the highlighted touch, saying why"),
        Binding("s", "screen.touch_snooze", "Snooze", id="touch.snooze",
                tooltip="Move the highlighted touch a day, a week or to a date"),
    ]  # fmt: skip

    def highlighted_key(self) -> str | None:
        if self.row_count == 0:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return row_key.value


class TouchActionsScreen(CoachScreen[None]):
    """A screen with a `TouchTable`; subclasses say which touch is which and whose it is."""

    touches: dict[str, Touch]
    contact_names: dict[str, str]

    def highlighted_touch(self) -> Touch | None:
        key = self.query_one(TouchTable).highlighted_key()
        return self.touches.get(key) if key else None

    def who(self, touch: Touch) -> str:
        return self.contact_names.get(touch.contact_uid, "someone no longer listed")

    def _open_touch(self) -> Touch | None:
        touch = self.highlighted_touch()
        if touch is None:
            self.notify("No touch is highlighted.")
            return None
        if not touch.is_open:
            self.notify(f"That touch is already {touch.status.value}.")
            return None
        return touch

    def _changed(
        self,
        before: Touch,
        label: str,
        won: Callable[[], CampaignEnded | None] = lambda: None,
        moved: Callable[[], RepliedNotNow | None] = lambda: None,
    ) -> Callable[[Touch | None], None]:
        """What follows a form's save of a touch: the undo, and the news of a campaign the
        touch's meeting ended with it (`won`) or of the person's touches a reply moved to
        the day they named (`moved`), both asked once the form has saved."""
        repo = self.coach.repo

        def done(after: Touch | None) -> None:
            if after is None:
                return
            ended = won()
            replied = moved()
            if ended is not None:
                self._campaign_won(after, ended)
            elif replied is not None and replied.moved:
                put_back = replied.put_back
                self.coach.undo.push(
                    f"{label} and moving their touches",
                    lambda: repo.touches.save_many(put_back),
                )
                self.notify(moved_line(self.who(after), replied.moved), title="Not now")
            else:
                if replied is not None:  # a day they named that nothing came before
                    self.notify(
                        f"Nothing to move: {self.who(after)} has no touch planned before then."
                    )
                self.coach.undo.push(label, lambda: repo.touches.save(before))
            self.reload()

        return done

    def end_campaign(
        self,
        campaign_uid: str,
        status: CampaignStatus,
        label: str,
        *,
        restore: Sequence[Touch] = (),
    ) -> int | None:
        """End a running campaign and close all its open touches in one save, undoably.

        `restore` are touches the undo also puts back (the touch that won the meeting).
        Returns how many open touches were closed, or None if nothing was saved (the
        campaign is gone or no longer running, or the save failed: the seller is told).
        """
        repo = self.coach.repo
        today = self.coach.now().date()
        try:
            ended = end_campaign(repo, campaign_uid, status, today, restore=restore)
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=15, markup=False)
            return None
        if ended is None:
            return None
        self.coach.undo.push(label, lambda: undo_end(repo, ended))
        return len(ended.closed)

    def _campaign_won(self, after: Touch, ended: CampaignEnded) -> None:
        """The campaign did its job: it succeeded and its other touches left the queue."""
        who = self.who(after)
        repo = self.coach.repo
        self.coach.undo.push(f"the meeting won with {who}", lambda: undo_end(repo, ended))
        closed = len(ended.closed)
        left = (
            f" Closed what was left of the campaign: "
            f"{counted(closed, 'open touch', 'open touches')} (u undoes)."
            if closed
            else ""
        )
        self.notify(after_meeting_prompt(who) + left, title="Meeting won", timeout=15)

    def action_touch_done(self) -> None:
        touch = self._open_touch()
        if touch is not None:
            today = self.coach.now().date()
            who = self.who(touch)
            form = None  # the form the route opens: asked once it has saved

            def won() -> CampaignEnded | None:
                return getattr(form, "ended", None)

            def moved() -> RepliedNotNow | None:
                return getattr(form, "replied", None)

            form = self.coach.open(
                TouchDoneRoute(touch, who, today=today),
                self._changed(touch, f"marking the touch to {who} done", won, moved),
            )

    def action_touch_skip(self) -> None:
        touch = self._open_touch()
        if touch is not None:
            today = self.coach.now().date()
            self.coach.open(
                TouchSkipRoute(touch, self.who(touch), today=today),
                self._changed(touch, f"skipping the touch to {self.who(touch)}"),
            )

    def action_touch_snooze(self) -> None:
        touch = self._open_touch()
        if touch is not None:
            today = self.coach.now().date()
            self.coach.open(
                TouchSnoozeRoute(touch, self.who(touch), today=today),
                self._changed(touch, f"snoozing the touch to {self.who(touch)}"),
            )
