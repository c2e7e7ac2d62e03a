"""The line of keys at the bottom of every screen, drawn by one widget.

Textual's `Footer` mounts a widget per key, styles each one, and mounts them all again
whenever the screen's bindings settle. On the home screen of a five-year seller that was
about a seventh of a second of every start (`benchmarks/startup.py`), for a line of text.
This footer reads the same active bindings and draws them as one line: the same keys,
descriptions and theme colours, disabled keys dimmed, a click runs the key, hovering shows
the binding's tooltip, and the command palette's key sits at the right end.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget

from coach_tui.ui.binding_order import in_declared_order
from coach_tui.ui.text import plain

PALETTE_EDGE = "▏"
# Never dropped from a narrow footer: quit, and help (which lists every key of the screen;
# F1 is its key where ? is typed into a box), whatever keys config.toml gives them.
ALWAYS_SHOWN_ACTIONS = frozenset({"quit", "help"})
DIMMED = Style(dim=True)


@dataclass(frozen=True, slots=True)
class FooterKey:
    """One key as the footer shows it."""

    key: str
    shown_as: str
    description: str
    enabled: bool
    tooltip: str
    always: bool = False  # quit and help: kept when the line is too narrow for every key

    @property
    def width(self) -> int:
        """Cells it takes on the line, with the space before it."""
        described = f"{self.description} " if self.description else ""
        return cell_len(f" {self.shown_as} {described}")


@dataclass(frozen=True, slots=True)
class KeySpan:
    """The cells one key occupies on the line, for clicks and hovering."""

    start: int
    end: int
    key: FooterKey


class KeyStyles(NamedTuple):
    """The theme's styles for one drawing of the line, looked up once."""

    key: Style
    description: Style
    hover: Style


def fitting(
    keys: list[FooterKey], room: int, width_of: Callable[[FooterKey], int]
) -> list[FooterKey]:
    """The keys that fit in `room` cells, whole, in their order: the app's quit and help
    keys always (with them the seller can leave, or read every key); the screen's own keys
    from the first until one would not fit."""
    kept = [key for key in keys if key.always]
    left = room - sum(width_of(key) for key in kept)
    shown: set[int] = set()
    for index, key in enumerate(keys):
        if key.always:
            continue
        if width_of(key) > left:
            break
        left -= width_of(key)
        shown.add(index)
    return [key for index, key in enumerate(keys) if index in shown or key.always]


class KeyFooter(Widget):
    """The screen's shown bindings, one per action, in the order the screen declares them."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "key-footer--key",
        "key-footer--description",
        "key-footer--hover",
        "key-footer--edge",
    }
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
    }
    KeyFooter > .key-footer--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeyFooter > .key-footer--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    KeyFooter > .key-footer--hover {
        background: $block-hover-background;
    }
    KeyFooter > .key-footer--edge {
        color: $foreground 20%;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._spans: list[KeySpan] = []
        self._hovered: str | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def _bindings_changed(self, _screen: Screen[object]) -> None:
        self.refresh()

    def shown_keys(self) -> tuple[list[FooterKey], FooterKey | None]:
        """The keys on the left, one per action, and the command palette's key (or None)."""
        palette_key = self.app.COMMAND_PALETTE_BINDING if self.app.ENABLE_COMMAND_PALETTE else ""
        keys: list[FooterKey] = []
        palette: FooterKey | None = None
        actions: set[str] = set()
        for key, (_node, binding, enabled, tooltip) in in_declared_order(
            self.screen.active_bindings
        ):
            shown = FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                enabled,
                tooltip or binding.tooltip or binding.description,
                always=binding.action.removeprefix("app.") in ALWAYS_SHOWN_ACTIONS,
            )
            if key == palette_key:
                palette = shown
            elif binding.show and binding.action not in actions:
                actions.add(binding.action)
                keys.append(shown)
        return keys, palette

    def render(self) -> Text:
        keys, palette = self.shown_keys()
        styles = KeyStyles(
            self.get_component_rich_style("key-footer--key"),
            self.get_component_rich_style("key-footer--description"),
            self.get_component_rich_style("key-footer--hover"),
        )
        width = self.size.width
        right = Text(PALETTE_EDGE, style=self.get_component_rich_style("key-footer--edge"))
        if palette is not None:
            self._append_key(right, palette, styles, leading="")
        room = width - right.cell_len if palette is not None else width
        line = Text(no_wrap=True, end="")
        spans: list[KeySpan] = []
        for key in fitting(keys, room, self._drawn_width):
            start = line.cell_len
            self._append_key(line, key, styles, leading=" ")
            if start < room:  # a key cut off by the right end cannot be clicked there
                spans.append(KeySpan(start, min(line.cell_len, room), key))
        line.truncate(max(0, room))
        if palette is not None:
            line.pad_right(room - line.cell_len)
            start = line.cell_len + len(PALETTE_EDGE)
            line.append_text(right)
            spans.append(KeySpan(start, line.cell_len, palette))
        self._spans = spans
        return line

    def _append_key(self, line: Text, key: FooterKey, styles: KeyStyles, *, leading: str) -> None:
        key_style, description_style = styles.key, styles.description
        if key.key == self._hovered:
            key_style, description_style = (
                key_style + styles.hover,
                description_style + styles.hover,
            )
        if not key.enabled:
            key_style, description_style = key_style + DIMMED, description_style + DIMMED
        line.append(f"{leading}{key.shown_as} ", key_style)
        if key.description:
            line.append(f"{key.description} ", description_style)

    def _drawn_width(self, key: FooterKey) -> int:
        drawn = Text()
        self._append_key(drawn, key, KeyStyles(Style(), Style(), Style()), leading=" ")
        return drawn.cell_len

    def key_at(self, x: int) -> FooterKey | None:
        """The key drawn at column `x`, if any."""
        return next((span.key for span in self._spans if span.start <= x < span.end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        key = self.key_at(event.x)
        hovered = key.key if key else None
        if hovered != self._hovered:
            self._hovered = hovered
            self.tooltip = plain(key.tooltip) if key else None
            self.refresh()

    def on_leave(self, _event: events.Leave) -> None:
        if self._hovered is not None:
            self._hovered = None
            self.tooltip = None
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        key = self.key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()
