"""What every screen must keep, checked on a walk through all of them (see
`test_screen_walks.py`): focus stops a seller can see, a footer that keeps quit, help and
whole keys, and no screen that scrolls as a whole."""

from __future__ import annotations

from dataclasses import dataclass

from textual.css.match import _check_selectors
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget

from coach_tui.ui.widgets.key_footer import KeyFooter


@dataclass(frozen=True, slots=True)
class Stop:
    widget: Widget
    problem: str

    def __str__(self) -> str:
        name = type(self.widget).__name__ + (f"#{self.widget.id}" if self.widget.id else "")
        return f"{name}: {self.problem}"


def draws_focus(widget: Widget) -> bool:
    """Whether a CSS rule for the focused state applies to `widget` (its own look, or that
    of a part of it, changes when it has focus)."""
    nodes = widget.css_path_nodes
    for rule in widget.app.stylesheet.rules:
        for selector_set in rule.selector_set:
            selectors = selector_set.selectors
            for index, selector in enumerate(selectors):
                if "focus" in selector.pseudo_classes and _check_selectors(
                    selectors[: index + 1], nodes
                ):
                    return True
    return False


def problem_with(widget: Widget) -> str:
    """Why the seller could not see this focus stop ("" when they can)."""
    screen = widget.screen
    shown = widget.region.intersection(screen.region)
    if not widget.display or not widget.visible or shown.area == 0:
        return "off screen"
    if not draws_focus(widget):
        return "looks the same focused"
    return ""


async def focus_problems(pilot: Pilot) -> list[str]:
    """Tab once around the screen in front and list the stops a seller could not see."""
    screen = pilot.app.screen
    found: list[str] = []
    for _ in range(len(screen.focus_chain) + 1):
        await pilot.press("tab")
        await pilot.pause()  # the scroll that brings it into view lands at once (no animation)
        focused = screen.focused
        if focused is None:
            continue
        problem = problem_with(focused)
        if problem and str(Stop(focused, problem)) not in found:
            found.append(str(Stop(focused, problem)))
    return found


def footer_problems(footer: KeyFooter) -> list[str]:
    """What is wrong with the footer line as drawn ([] when nothing)."""
    line = footer.render().plain
    problems = [] if "^q Quit" in line else ["no '^q Quit'"]
    if "? Help" not in line and "f1 Help" not in line:
        problems.append("no help key")
    for span in footer._spans:
        drawn = line[span.start : span.end].strip()
        whole = f"{span.key.shown_as} {span.key.description}".strip()
        if drawn != whole:
            problems.append(f"{whole!r} drawn as {drawn!r}")
    return problems


def scroll_problems(screen: Screen) -> list[str]:
    """A screen taller than the terminal draws its scrollbar down to the footer's row
    (the "▇▇" beside "^p palette"): its own parts must scroll instead."""
    if screen.show_vertical_scrollbar or screen.show_horizontal_scrollbar:
        return ["the screen scrolls as a whole"]
    return []
