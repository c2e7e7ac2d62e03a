"""One walk through every screen a seller can reach, on a year of demo data, at 120×40 and
80×24, checking on each: no screen scrolls as a whole, Tab never lands where the seller
cannot see it (off screen, or drawn the same focused: letters typed "into" it would fire the
screen's keys), and at 80×24 the footer keeps quit, help and whole keys (never "behin" for
"behind"). One walk per size, because reaching every screen is most of the cost."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coach_tui.ui.widgets.key_footer import KeyFooter
from tests.ui.flow import settle
from tests.ui.screen_checks import focus_problems, footer_problems, scroll_problems
from tests.ui.screen_routes import ROUTES, demo_app, visit

__all__ = ["demo_app"]  # the fixture the test uses

SMALL = (80, 24)


@pytest.mark.parametrize("size", [(120, 40), SMALL], ids=["120x40", "80x24"])
async def test_every_screen_keeps_its_footer_focus_and_layout(demo_app, size) -> None:
    problems: dict[str, list[str]] = {}
    async with demo_app.run_test(size=size) as pilot:
        await settle(pilot)
        for name, route in ROUTES.items():
            await visit(pilot, route)
            found = scroll_problems(pilot.app.screen)
            if size == SMALL:
                for footer in pilot.app.screen.query(KeyFooter):
                    found += footer_problems(footer)
            found += await focus_problems(pilot)
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
