"""The key line at the bottom: what it shows, and that clicking and hovering work."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.command import CommandPalette

from coach_tui.ui.screens.accounts import AccountsScreen
from coach_tui.ui.widgets.key_footer import KeyFooter
from tests.helpers import screen_text
from tests.ui.flow import run, settle


def footer_line(app: App) -> str:
    return screen_text(app).split("\n")[-1]


async def test_dashboard_footer_shows_its_keys_and_the_palette_at_the_right(
    make_app, with_why
) -> None:
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        line = footer_line(app)
        for shown in ("a Accounts", "c Calls", "m Plan", "r Review", "? Help", "^q Quit"):
            assert shown in line
        assert " q Quit" not in line  # the plain q is a hidden alias of ctrl+q
        assert line.endswith("▏^p palette")
        assert len(line) == app.size.width - 1


async def test_clicking_a_key_in_the_footer_runs_it(make_app, with_why) -> None:
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        column = footer_line(app).index("Accounts")
        await pilot.click(KeyFooter, offset=(column, 0))
        await settle(pilot)
        assert isinstance(app.screen, AccountsScreen)


async def test_hovering_a_key_shows_what_it_does(make_app, with_why) -> None:
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(KeyFooter)
        await pilot.hover(KeyFooter, offset=(footer_line(app).index("Plan"), 0))
        assert footer.tooltip == "Today's agenda and your three priorities"
        await pilot.hover(KeyFooter, offset=(footer_line(app).index("Accounts"), 0))
        assert footer.tooltip == "Your accounts and their strategic objectives"


class KeysApp(App[None]):
    """Two keys, one of them switched off; the footer must dim it and refuse it."""

    BINDINGS = [
        Binding("x", "count", "Count"),
        Binding("y", "never", "Blocked"),
        Binding("z", "count", "Same action again"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.counted = 0

    def compose(self) -> ComposeResult:
        yield KeyFooter()

    def action_count(self) -> None:
        self.counted += 1

    def action_never(self) -> None:
        raise AssertionError("a disabled key must not run")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "never" else True


async def test_a_disabled_key_is_dimmed_and_a_click_on_it_does_nothing() -> None:
    app = KeysApp()
    async with app.run_test(size=(60, 4)) as pilot:
        await pilot.pause()
        footer = app.query_one(KeyFooter)
        rendered = footer.render()
        blocked = rendered.plain.index("Blocked")
        dimmed = [span for span in rendered.spans if span.start <= blocked < span.end]
        assert dimmed and all("dim" in str(span.style) for span in dimmed)
        counted = rendered.plain.index("Count")
        assert not any(
            "dim" in str(span.style) for span in rendered.spans if span.start <= counted < span.end
        )
        await pilot.click(KeyFooter, offset=(blocked, 0))
        await pilot.click(KeyFooter, offset=(counted, 0))
        await pilot.pause()
        assert app.counted == 1
        # One entry per action: the second key for the same action is not repeated.
        assert "Same action again" not in footer_line(app)


async def test_a_narrow_footer_cuts_the_keys_but_keeps_the_palette() -> None:
    app = KeysApp()
    async with app.run_test(size=(22, 4)) as pilot:
        await pilot.pause()
        line = footer_line(app)
        assert line.endswith("^p palette")
        assert line.startswith(" x Count")
        assert "Blocked" not in line


async def test_a_click_on_the_palette_key_of_a_narrow_footer_opens_the_palette() -> None:
    """A key cut off by the right end must not answer clicks on the palette key drawn there."""
    app = KeysApp()
    async with app.run_test(size=(22, 4)) as pilot:
        await pilot.pause()
        await pilot.click(KeyFooter, offset=(footer_line(app).index("palette"), 0))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


async def test_at_120_columns_the_dashboard_footer_holds_every_screen_key(
    make_app, with_why
) -> None:
    """Plan, year, trends and reviews were left out; w and h are offered in the why's panel."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        line = footer_line(app)
        for shown in ("m Plan", "y Year", "T Trends", "R Reviews", "^q Quit", "? Help"):
            assert shown in line
        assert "w rewrite · h history" in screen_text(app)
