"""At 80×24 every screen keeps what a seller needs: quit and help in the footer, whole
words (never "behin" for "behind"), and no scrollbar where nothing scrolls."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Select
from textual.widgets._select import SelectOverlay

from coach_tui.ui.screens.help import HelpScreen
from coach_tui.ui.widgets.key_footer import KeyFooter
from tests.helpers import on_screen, screen_text, widget_text
from tests.ui.flow import settle
from tests.ui.screen_routes import ROUTES, demo_app, visit

__all__ = ["demo_app"]  # the fixture the tests use

SMALL = (80, 24)


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


async def test_every_footer_keeps_quit_and_help_and_whole_keys(demo_app) -> None:
    problems: dict[str, list[str]] = {}
    async with demo_app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        for name, route in ROUTES.items():
            await visit(pilot, route)
            footers = list(pilot.app.screen.query(KeyFooter))
            for footer in footers:
                if found := footer_problems(footer):
                    problems[name] = found
    assert problems == {}, "\n".join(f"{name}: {found}" for name, found in problems.items())


@pytest.mark.parametrize("width", [40, 60, 80])
async def test_a_key_that_does_not_fit_is_left_out_whole(demo_app, width) -> None:
    async with demo_app.run_test(size=(width, 24)) as pilot:
        await settle(pilot)
        await visit(pilot, ROUTES["getting in"])
        footer = pilot.app.screen.query_one(KeyFooter)
        assert footer_problems(footer) == []


@pytest.mark.parametrize("size", [(120, 40), SMALL], ids=["120x40", "80x24"])
async def test_no_screen_scrolls_as_a_whole(demo_app, size) -> None:
    """A screen taller than the terminal draws its scrollbar down to the footer's row
    (the "▇▇" beside "^p palette"): its own parts scroll instead."""
    scrolling: list[str] = []
    async with demo_app.run_test(size=size) as pilot:
        await settle(pilot)
        for name, route in ROUTES.items():
            await visit(pilot, route)
            screen = pilot.app.screen
            if screen.show_vertical_scrollbar or screen.show_horizontal_scrollbar:
                scrolling.append(name)
    assert scrolling == []


async def test_the_import_dropdown_stops_above_the_footer(demo_app) -> None:
    async with demo_app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await visit(pilot, ROUTES["import"])
        choose = pilot.app.screen.query_one("#account", Select)
        choose.focus()
        await pilot.press("enter")
        await settle(pilot)
        overlay = choose.query_one(SelectOverlay)
        assert overlay.display
        assert overlay.region.bottom <= SMALL[1] - 1  # the footer's row stays readable


async def test_help_wraps_a_long_description_instead_of_cutting_it(demo_app) -> None:
    async with demo_app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await visit(pilot, ROUTES["account objective"])
        await pilot.press("question_mark")
        await settle(pilot)
        keys = widget_text(pilot.app, pilot.app.screen.query_one("#help-keys"))
        assert "Schedule a call; p on it in the calls list prepares the outcome" in keys


async def test_a_guided_flow_offers_help_on_f1_where_question_marks_are_typed(demo_app) -> None:
    async with demo_app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await visit(pilot, ROUTES["why flow"])
        footer = pilot.app.screen.query_one(KeyFooter).render().plain
        assert "f1 Help" in footer
        await pilot.press("question_mark")  # typed into the answer, as a question mark
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(pilot.app.screen, HelpScreen)
        assert "Keys — " in on_screen(pilot.app)


@pytest.mark.parametrize("name", ["accounts", "getting in", "calls", "goals", "touches"])
async def test_tables_fit_the_width_cutting_free_text_after_whole_words(demo_app, name) -> None:
    """At 80×24 the accounts list kept its Target column, goals their pace ("behind", not
    "behin") and decision makers their last column: free text gives way instead."""
    async with demo_app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await visit(pilot, ROUTES[name])
        await settle(pilot)
        for table in pilot.app.screen.query(DataTable):
            if table.display and table.row_count:
                assert table.max_scroll_x == 0, f"{table.id} scrolls sideways"
        if name == "accounts":
            assert "Target date  Target" in screen_text(pilot.app)
