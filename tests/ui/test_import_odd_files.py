"""The app's import screen given a file that is not one: a sentence, never a crash."""

from pathlib import Path

from coach_tui.ui.screens.import_form import ImportForm
from tests.helpers import screen_text, squashed
from tests.ui.flow import paste, run, settle
from tests.ui.test_import_screen import open_import


async def test_a_csv_linked_to_dev_zero_is_refused_on_screen(
    make_app, with_why, tmp_path: Path
) -> None:
    endless = tmp_path / "Connections.csv"
    endless.symlink_to("/dev/zero")  # its size says 0; reading it never ends
    app = make_app()
    async with run(app) as pilot:
        await open_import(pilot)
        await paste(pilot, str(endless))
        await pilot.press("ctrl+s")
        await settle(pilot)
        shown = squashed(screen_text(app))
        assert "Nothing imported: Connections.csv is a device, not a file." in shown
        assert isinstance(app.screen, ImportForm)
    assert app.repo.contacts.all() == []
