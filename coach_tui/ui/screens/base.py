"""The base of coach screens: typed access to the app and its repository."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from textual.screen import Screen

if TYPE_CHECKING:
    from coach_tui.ui.app import CoachApp

ResultT = TypeVar("ResultT")


class CoachScreen(Screen[ResultT]):
    """A screen of the coach; `self.coach` is the running `CoachApp`."""

    @property
    def coach(self) -> CoachApp:
        from coach_tui.ui.app import CoachApp

        assert isinstance(self.app, CoachApp)
        return self.app

    def reload(self) -> None:
        """Read the data again after a change made elsewhere (an undo, say)."""
