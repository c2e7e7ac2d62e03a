"""coach's scrolling container: a focus stop only where the keyboard needs one, and then
drawn as focused.

Textual's `VerticalScroll` is always a focus stop and looks the same focused or not. Tab
then lands on it unseen (between the account's tabs and the first research box, say), and
letters typed "into" it fire the screen's keys instead. This one takes focus only when it
has something to scroll and nothing inside it can take focus (the keyboard then reaches
every part of it through its own stops); when it does take focus, it is tinted as Textual
tints a focused list or log. Use it wherever `textual.containers.VerticalScroll` would go:
it has the same name so that a screen's only change is where it imports it from.
"""

from __future__ import annotations

from textual import containers
from textual.widget import Widget


class VerticalScroll(containers.VerticalScroll):
    """A `VerticalScroll` that is never an invisible focus stop; see the module docstring."""

    DEFAULT_CSS = """
    VerticalScroll:focus {
        background-tint: $foreground 5%;
    }
    """

    def allow_focus(self) -> bool:
        if not self.can_focus or not (self.allow_vertical_scroll or self.allow_horizontal_scroll):
            return False
        return not any(widget.focusable for widget in self.walk_children(Widget))
