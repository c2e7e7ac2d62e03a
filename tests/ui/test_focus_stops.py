"""Tab never lands where the seller cannot see it: on every screen, each focus stop is on
screen and is drawn as focused (otherwise letters typed "into" it fire the screen's keys).

Walks a year of demo data at 120×40 and 80×24.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from textual.css.match import _check_selectors
from textual.widget import Widget

from tests.ui.flow import settle
from tests.ui.screen_routes import ROUTES, Step, demo_app, visit

__all__ = ["demo_app"]  # the fixture the test uses


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


async def walk(pilot, route: tuple[Step, ...]) -> list[str]:
    """Open the screen of `route`, Tab through it once around, and list the bad stops."""
    await visit(pilot, route)
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


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
async def test_every_focus_stop_is_on_screen_and_drawn_focused(demo_app, size) -> None:
    problems: dict[str, list[str]] = {}
    async with demo_app.run_test(size=size) as pilot:
        await settle(pilot)
        for name, route in ROUTES.items():
            found = await walk(pilot, route)
            if found:
                problems[name] = found
    assert problems == {}, "\n".join(f"{name}: {found}" for name, found in problems.items())


def test_every_scrolling_container_is_coachs_own() -> None:
    """Textual's VerticalScroll is an invisible focus stop; screens use coach's (same name,
    from `coach_tui.ui.widgets.scroll`), so a new screen cannot bring one back."""
    ui = Path(__file__).parents[2] / "coach_tui" / "ui"
    bare = sorted(
        str(path.relative_to(ui))
        for path in ui.rglob("*.py")
        if re.search(
            r"from textual\.containers import [^\n]*(VerticalScroll|ScrollableContainer)",
            path.read_text(),
        )
    )
    assert bare == []
