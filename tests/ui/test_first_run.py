"""A newcomer's first minutes: welcome, the why flow, the dashboard."""

from coach_tui.ui.screens.dashboard import DashboardScreen
from coach_tui.ui.screens.welcome import WelcomeScreen
from coach_tui.ui.screens.why_flow import WhyFlowScreen
from tests.helpers import screen_text, squashed
from tests.ui.flow import paste, run, settle


async def test_welcome_then_why_flow_end_to_end(make_app, clock) -> None:
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        welcome = squashed(screen_text(app))
        assert "Welcome to coach" in welcome
        assert "keeps your why in front of you" in welcome
        assert "outcome the client agrees to" in welcome

        await pilot.press("enter")
        assert isinstance(app.screen, WhyFlowScreen)
        assert "Step 1 of 4" in screen_text(app)
        await pilot.press(*"A home for my kids")
        await pilot.press("ctrl+s")
        assert "Step 2 of 4" in screen_text(app)
        await paste(pilot, "The one clients call first")
        await pilot.press("ctrl+s")
        await paste(pilot, "Opened Northwind")
        await pilot.press("ctrl+s")
        shown = squashed(screen_text(app))
        assert "Step 4 of 4" in shown
        # The last step shows what was written on the way, to build the statement from.
        assert "A home for my kids" in shown
        assert "Opened Northwind" in shown
        await paste(pilot, "I sell so my kids see what steady work builds.")
        await pilot.press("ctrl+s")
        await settle(pilot)

        assert isinstance(app.screen, DashboardScreen)
        dashboard = squashed(screen_text(app))
        assert "“I sell so my kids see what steady work builds.”" in dashboard
        assert "written 24 Nov 2026" in dashboard

    why = app.repo.why.current()
    assert why is not None
    assert why.statement == "I sell so my kids see what steady work builds."
    assert why.answers.gives == "A home for my kids"
    assert why.answers.seller == "The one clients call first"
    assert why.answers.win == "Opened Northwind"
    assert why.written_at == clock()
    assert app.repo.drafts.get("why") is None


async def test_later_on_the_welcome_leaves_a_dashboard_that_says_what_to_do(make_app) -> None:
    app = make_app()
    async with run(app) as pilot:
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert "Press w to write it" in squashed(screen_text(app))
        await pilot.press("w")
        assert isinstance(app.screen, WhyFlowScreen)
    assert app.repo.drafts.get("why") is None  # opening the flow alone writes nothing


async def test_coach_questions_a_money_only_why_before_saving(make_app) -> None:
    app = make_app()
    async with run(app) as pilot:
        await pilot.press("enter")
        for _ in range(3):
            await pilot.press("ctrl+s", "ctrl+s")  # skip each prompt (asked once, then allowed)
        await paste(pilot, "Hit quota and the bonus")
        await pilot.press("ctrl+s")
        shown = squashed(screen_text(app))
        assert "all about the number" in shown
        assert "press ctrl+s again to save it as it is" in shown
        assert app.repo.why.current() is None
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
    current = app.repo.why.current()
    assert current is not None
    assert current.statement == "Hit quota and the bonus"


async def test_skipping_a_prompt_is_allowed_after_one_nudge(make_app) -> None:
    app = make_app()
    async with run(app) as pilot:
        await pilot.press("enter", "ctrl+s")
        assert "Step 1 of 4" in screen_text(app)
        assert "Skipping is fine" in squashed(screen_text(app))
        await pilot.press("ctrl+s")
        assert "Step 2 of 4" in screen_text(app)
