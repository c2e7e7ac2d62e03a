"""What a screen may ask of the app it runs in, without importing the app.

Screens reach the app as `self.coach` (see `kit/base.py`). Typing that as this protocol,
rather than as `CoachApp`, is what keeps every screen and kit module from importing
`ui/app.py`: the app imports the screens (through `ui/router.py`), never the other way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from textual.screen import Screen

    from coach_tui.model.clock import Clock
    from coach_tui.store.repository import Repository
    from coach_tui.ui.undo import UndoStack


class CoachHost(Protocol):
    """The running coach as screens use it (`CoachApp` is the one implementation)."""

    repo: Repository
    now: Clock
    undo: UndoStack

    @property
    def day_first(self) -> bool:
        """How date fields read 03/04/2027."""
        ...

    def today_label(self) -> str: ...

    def open(self, route: object, callback: Callable[[Any], object] | None = None) -> Screen | None:
        """Show the screen `route` names (a value from `ui/routes.py`); `callback` gets
        its result. Returns the screen pushed, or None for a flow (it may ask about its
        draft first) or a screen already in front."""
        ...

    def action_undo(self) -> None: ...

    # Textual's own, as screens call them on the app.
    def push_screen(
        self, screen: Screen, callback: Callable[[Any], object] | None = None
    ) -> Any: ...

    def pop_screen(self) -> Any: ...

    def notify(self, message: str, **options: Any) -> None: ...

    def action_write_why(self) -> None: ...
