"""Themes: switched from the palette and remembered; bad names and files never crash."""

from pathlib import Path

from coach_tui.store.paths import config_dir
from tests.helpers import notices
from tests.ui.flow import run, settle


async def pick_theme(pilot, name: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.press(*"switch theme")
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press(*name)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await settle(pilot)


async def test_theme_picked_in_the_palette_is_remembered(make_app, with_why) -> None:
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        assert app.theme == "coach-dark"
        await pick_theme(pilot, "coach-light")
        assert app.theme == "coach-light"
    assert app.repo.settings.get().theme == "coach-light"
    app.repo.close()

    again = make_app()
    async with run(again) as pilot:
        await settle(pilot)
        assert again.theme == "coach-light"


async def test_theme_flag_applies_for_this_run_without_changing_the_setting(
    make_app, with_why
) -> None:
    app = make_app(theme="coach-contrast")
    async with run(app) as pilot:
        await settle(pilot)
        assert app.theme == "coach-contrast"
    assert app.repo.settings.get().theme is None


async def test_unknown_theme_falls_back_with_a_notice(make_app, with_why) -> None:
    app = make_app(theme="no-such-theme")
    async with run(app) as pilot:
        await settle(pilot)
        assert app.theme == "coach-dark"
        assert "no theme called 'no-such-theme'" in notices(app)
    assert app.repo.settings.get().theme is None


async def test_broken_user_theme_is_skipped_and_a_good_one_is_offered(
    make_app, with_why, data_dir: Path
) -> None:
    themes = data_dir / "themes"
    themes.mkdir()
    (themes / "broken.toml").write_text('name = "broken"\n[colors]\nprimary = "nope"')
    (themes / "sunrise.toml").write_text(
        'name = "sunrise"\ndark = false\n[colors]\nprimary = "#ff8800"'
    )
    app = make_app(theme="broken")
    async with run(app) as pilot:
        await settle(pilot)
        assert "Theme skipped — broken.toml" in notices(app)
        assert app.theme == "coach-dark"
        assert "sunrise" in app.available_themes
        await pick_theme(pilot, "sunrise")
        assert app.theme == "sunrise"
    assert app.repo.settings.get().theme == "sunrise"


async def test_the_saved_theme_colours_the_first_screen(make_app, with_why) -> None:
    """Dark themes are set before anything is styled and light ones through Textual's
    watcher: either way the first screen is drawn in the chosen theme, not the default."""
    for name, background, mode in (
        ("coach-contrast", "#000000", "-dark-mode"),
        ("coach-light", "#F7F5F0", "-light-mode"),
    ):
        app = make_app(theme=name)
        async with run(app) as pilot:
            await settle(pilot)
            assert app.screen.styles.background.hex == background
            assert app.has_class(mode, f"-theme-{name}")
        app.repo.close()


async def test_themes_in_the_config_folder_are_offered_and_the_data_folder_wins_a_clash(
    make_app, with_why, data_dir: Path
) -> None:
    """The seller's config folder holds themes too; a bad file there is named, never a crash."""
    mine = config_dir() / "themes"
    mine.mkdir(parents=True)
    (mine / "dusk.toml").write_text('name = "dusk"\n[colors]\nprimary = "#112233"')
    (mine / "harbour.toml").write_text('name = "harbour"\n[colors]\nprimary = "#111111"')
    (mine / "broken.toml").write_text('name = "broken"\n[colors]\nprimary = "nope"')
    (data_dir / "themes").mkdir()
    (data_dir / "themes" / "harbour.toml").write_text(
        'name = "harbour"\n[colors]\nprimary = "#222222"'
    )
    app = make_app(theme="dusk")
    async with run(app) as pilot:
        await settle(pilot)
        assert app.theme == "dusk"
        assert app.get_theme("harbour").primary == "#222222"
        said = notices(app)
        assert "Theme skipped — broken.toml: 'primary' is not a colour: 'nope'" in said
        assert f"(in{mine})" in said.replace(" ", "")  # the path may be folded
