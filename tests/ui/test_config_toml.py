"""config.toml as a person meets it in the app: its bad lines said at start, its [keys] in
force (footer and ? help included), a clash refused with a word, and a choice made in the
app written back into the file with the person's comments."""

from __future__ import annotations

import re

from textual.binding import Binding

from coach_tui.store.config_file import config_path
from coach_tui.ui.screens.accounts import AccountsScreen
from coach_tui.ui.screens.calls import CallsScreen
from coach_tui.ui.screens.help import HelpScreen
from tests.helpers import notices, screen_text
from tests.ui.flow import run, settle


def footer_line(app) -> str:
    return screen_text(app).split("\n")[-1]


async def test_a_remapped_key_works_and_shows_in_the_footer_and_help(make_app, with_why) -> None:
    config_path().write_text('[keys]\n"dashboard.accounts" = "x"\n')
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        line = footer_line(app)
        assert "x Accounts" in line
        assert "a Accounts" not in line
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        rows = re.findall(r"█   (\S+) +(\S.*?) *█", screen_text(app))
        # In its place, where the dashboard declares it (after w and h), not moved last.
        assert rows[1:4] == [
            ("w", "Write or rewrite your why"),
            ("h", "Earlier versions of your why, with dates"),
            ("x", "Your accounts and their strategic objectives"),
        ]
        await pilot.press("escape")
        await pilot.press("a")
        await settle(pilot)
        assert not isinstance(app.screen, AccountsScreen)
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, AccountsScreen)


async def test_a_key_another_action_has_is_refused_with_its_line(make_app, with_why) -> None:
    config_path().write_text('[keys]\n\n"dashboard.calls" = "a"\n')
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        said = notices(app)
        assert "config.toml line 3: a is already 'dashboard.accounts' on the" in said
        assert "so 'dashboard.calls' keeps its own key." in said
        assert "c Calls" in footer_line(app)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, AccountsScreen)
        await pilot.press("escape")
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CallsScreen)


async def test_a_bad_value_is_said_at_start_and_the_app_runs(make_app, with_why) -> None:
    config_path().write_text('# mine\nstall_weeks = 40\nholidays = "XX"\n')
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        said = notices(app)
        assert (
            "config.toml line 2: stall_weeks is 40, but it can be 2 to 26, so coach uses 6 " in said
        )
        # The holiday calendar is loaded after the first frame, and its word comes then.
        assert "config.toml line 3: coach's holiday calendar does not know 'XX'" in said


async def test_a_theme_chosen_in_the_app_is_written_with_the_comments_kept(
    make_app, with_why
) -> None:
    config_path().write_text('# my colours\ntheme = "coach-dark"  # dark, for the night\n')
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        app.theme = "coach-light"
        await settle(pilot)
    assert config_path().read_text() == (
        '# my colours\ntheme = "coach-light"  # dark, for the night\n'
    )


async def test_a_clash_textual_finds_later_takes_the_entry_back_with_a_word(
    make_app, with_why
) -> None:
    config_path().write_text('[keys]\n"dashboard.accounts" = "x"\n')
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        clashed = {Binding("x", "select", "Select", id="some.widget")}
        app.handle_bindings_clash(clashed, app.screen)
        await settle(pilot)
        assert "so coach leaves out the entries for 'dashboard.accounts'." in notices(app)
        assert "a Accounts" in footer_line(app)
        app.handle_bindings_clash(clashed, app.screen)  # said once, not at every key press
        await settle(pilot)
        assert notices(app).count("leaves out the entries") == 1
