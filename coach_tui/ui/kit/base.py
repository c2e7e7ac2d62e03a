"""The base of coach screens: typed access to the app and its repository."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, TypeVar, cast

from textual.screen import Screen

from coach_tui.model.clock import local_time

if TYPE_CHECKING:
    from coach_tui.model.account import Account
    from coach_tui.ui.host import CoachHost

ResultT = TypeVar("ResultT")


class CoachScreen(Screen[ResultT]):
    """A screen of the coach; `self.coach` is the running app, as screens may use it."""

    @property
    def coach(self) -> CoachHost:
        return cast("CoachHost", self.app)

    def local(self, moment: datetime) -> datetime:
        """`moment` on the seller's clock: in the zone the app's clock is in now."""
        return local_time(moment, self.coach.now())

    def account_or_leave(self, uid: str) -> Account | None:
        """The account, or None after saying it is gone and leaving this screen.

        Raises StoreError like any read; callers already report those.
        """
        account = self.coach.repo.accounts.get(uid)
        if account is None:
            self.notify("That account no longer exists.", severity="warning")
            self.app.pop_screen()
        return account

    def reload(self) -> None:
        """Read the data again after a change made elsewhere (an undo, say)."""
