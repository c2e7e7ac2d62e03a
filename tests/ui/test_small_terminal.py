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
from tests.ui.screen_checks import footer_problems
from tests.ui.screen_routes import ROUTES, demo_app, visit

__all__ = ["demo_app"]  # the fixture the tests use

SMALL = (80, 24)


@pytest.mark.parametrize("width", [40, 60, 80])
async def test_a_key_that_does_not_fit_is_left_out_whole(demo_app, width) -> None:
    async with demo_app.run_test(size=(width, 24)) as pilot:
        await settle(pilot)
        await visit(pilot, ROUTES["getting in"])
        footer = pilot.app.screen.query_one(KeyFooter)
        assert footer_problems(footer) == []


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
