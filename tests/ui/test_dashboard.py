"""The home screen: helpful empty states, keys in the footer, help and the palette."""

from coach_tui.ui.messages import DashboardLoaded
from coach_tui.ui.screens.dashboard import EMPTY_STATES, DashboardScreen
from coach_tui.ui.screens.help import HelpScreen
from coach_tui.ui.screens.why_history import WhyHistoryScreen
from tests.helpers import screen_text, squashed, widget_text
from tests.ui.flow import run, settle


async def test_every_panel_says_what_will_appear_and_which_key_starts_it(make_app) -> None:
    app = make_app()
    async with run(app) as pilot:
        await pilot.press("escape")
        await settle(pilot)
        for panel_id, (title, what, how) in EMPTY_STATES.items():
            panel = app.screen.query_one(f"#{panel_id}")
            assert title in widget_text(app, panel, frame=True)
            shown = widget_text(app, panel)
            assert squashed(what) in shown
            assert how in shown
        assert "You have not written your why yet" in widget_text(app, app.screen.query_one("#why"))
        shown = squashed(screen_text(app))
        # w is offered in the why's own panel; the footer keeps its room for the rest.
        for key_hint in ("Press w to write it", "m Plan", "? Help", "^p palette", "^q Quit"):
            assert key_hint in shown


async def test_dashboard_data_arrives_from_a_worker(make_app, with_why) -> None:
    loaded: list[DashboardLoaded] = []
    app = make_app()
    async with app.run_test(
        message_hook=lambda m: isinstance(m, DashboardLoaded) and loaded.append(m)
    ) as pilot:
        await settle(pilot)
    assert len({id(message) for message in loaded}) == 1  # one load, seen as it bubbles up
    assert loaded[0].data.why is not None
    assert loaded[0].data.why.statement == with_why


async def test_under_the_morning_plan_the_dashboard_reads_once_it_is_back_in_view(
    make_app, open_repo, clock
) -> None:
    """At the day's first start the morning plan covers the dashboard: its read would
    compete with drawing the plan, for panels nobody can see."""
    from coach_tui.model.why import new_why
    from coach_tui.ui.screens.morning import MorningPlanScreen

    repo = open_repo()
    repo.why.save(new_why("I sell so my kids see steady work.", {}, now=clock()))
    repo.close()
    loaded: list[DashboardLoaded] = []
    app = make_app()
    async with app.run_test(
        message_hook=lambda m: isinstance(m, DashboardLoaded) and loaded.append(m)
    ) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, MorningPlanScreen)
        assert loaded == []
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert len({id(message) for message in loaded}) == 1
        assert "I sell so my kids see steady work." in squashed(screen_text(app))


async def test_a_failed_first_load_still_says_what_each_panel_is_for(
    make_app, with_why, monkeypatch
) -> None:
    from coach_tui.store.errors import StoreError

    app = make_app()

    def unreadable(_now: object) -> object:
        raise StoreError("calls.json could not be read")

    monkeypatch.setattr(app.repo.calls, "digest", unreadable)
    async with run(app) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert "calls.json could not be read" in squashed(screen_text(app))
        for panel_id, (_title, what, _how) in EMPTY_STATES.items():
            assert squashed(what) in widget_text(app, app.screen.query_one(f"#{panel_id}"))


async def test_c_opens_calls_with_an_empty_state_that_says_what_to_do(make_app) -> None:
    from coach_tui.ui.screens.calls import CallsScreen

    app = make_app()
    async with run(app) as pilot:
        await pilot.press("escape", "c")
        await settle(pilot)
        assert isinstance(app.screen, CallsScreen)
        assert "No calls yet. Press n to schedule one" in squashed(screen_text(app))


async def test_question_mark_lists_the_keys_of_the_screen(make_app, with_why) -> None:
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = squashed(screen_text(app))
        assert "Keys — Dashboard" in shown
        for key, description in (
            ("w", "Write or rewrite your why"),
            ("h", "Earlier versions of your why"),
        ):
            assert f"{key} {description}" in shown
        keys = app.screen.query_one("#help-keys")
        keys.scroll_end(animate=False)  # the list scrolls; the palette's key is last
        await pilot.pause()
        assert "ctrl+p Command palette" in widget_text(app, keys)
        assert "Focus Next" not in shown  # Textual's generic keys are not the coach's keys
        about = app.screen.query_one("#help-about")
        about.scroll_end(animate=False)  # the method, below the keys
        await pilot.pause()
        assert "outcome the client can agree to" in widget_text(app, about)
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)


async def test_palette_lists_coach_actions_and_runs_them(make_app, with_why) -> None:
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"why hist")
        await pilot.pause(0.3)
        shown = squashed(screen_text(app))
        assert "Why history" in shown
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, WhyHistoryScreen)


async def test_palette_offers_write_before_a_why_exists_and_rewrite_after(make_app) -> None:
    app = make_app()
    async with run(app) as pilot:
        await pilot.press("escape", "ctrl+p")
        await pilot.press(*"your why")
        await pilot.pause(0.3)
        shown = squashed(screen_text(app))
        assert "Write your why" in shown
        assert "Rewrite your why" not in shown


async def test_default_currency_is_set_from_the_palette(make_app, with_why) -> None:
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"default currency")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        for _ in range(3):
            await pilot.press("backspace")
        await pilot.press(*"xyz", "ctrl+s")
        assert "'xyz' is not a currency code" in squashed(screen_text(app))
        for _ in range(3):
            await pilot.press("backspace")
        await pilot.press(*"eur", "ctrl+s")
        await settle(pilot)
    assert app.repo.settings.get().currency == "EUR"
