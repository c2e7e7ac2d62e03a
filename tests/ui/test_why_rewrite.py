"""Rewriting the why keeps every earlier version, viewable with dates."""

from coach_tui.ui.screens.dashboard import DashboardScreen
from coach_tui.ui.screens.why_history import WhyHistoryScreen
from tests.helpers import screen_text, squashed
from tests.ui.flow import answer_box, clear_answer, paste, run, settle


async def test_rewrite_starts_from_the_current_version_and_keeps_history(
    make_app, with_why
) -> None:
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert f"“{with_why}”" in squashed(screen_text(app))
        assert "written 25 Oct 2026" in screen_text(app)

        await pilot.press("w")
        assert answer_box(pilot).text == "A home"
        assert "current version is filled in" in squashed(screen_text(app))
        await pilot.press("ctrl+s", "ctrl+s", "ctrl+s")
        assert answer_box(pilot).text == with_why
        await clear_answer(pilot)
        await paste(pilot, "I sell to build a life my family chooses.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        dashboard = squashed(screen_text(app))
        assert "“I sell to build a life my family chooses.”" in dashboard
        assert "h history (2 versions)" in dashboard

        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, WhyHistoryScreen)
        history = squashed(screen_text(app))
        assert "24 Nov 2026, 08:30 (current)" in history
        assert "25 Oct 2026, 08:30" in history
        assert "I sell to build a life my family chooses." in history
        await pilot.press("down")
        older = squashed(screen_text(app))
        assert with_why in older
        assert "earlier version" in older
        assert "Northwind" in older  # the answers of that version
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)

    assert [why.statement for why in app.repo.why.history()] == [
        "I sell to build a life my family chooses.",
        with_why,
    ]


async def test_history_before_any_why_says_how_to_start(make_app) -> None:
    app = make_app()
    async with run(app) as pilot:
        await pilot.press("escape", "h")
        await settle(pilot)
        assert isinstance(app.screen, WhyHistoryScreen)
        assert "No why written yet. Press w" in squashed(screen_text(app))
