"""Importing contacts from inside the app: read, see the summary, then add."""

from pathlib import Path

from coach_tui.model.account import Account
from coach_tui.ui.screens.import_form import ImportForm
from tests.helpers import notices, screen_text, squashed, widget_text
from tests.ui.flow import paste, run, settle

FIXTURES = Path(__file__).parent.parent / "fixtures" / "import"


async def open_import(pilot) -> None:
    await settle(pilot)
    await pilot.press("ctrl+p", *"import contacts")
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ImportForm)


async def test_read_then_add_with_people_matched_to_their_account(
    make_app, with_why, open_repo, clock
) -> None:
    repo = open_repo()
    nordvale = Account("Nordvale Foods", created_at=clock())
    repo.accounts.save(nordvale)
    repo.close()
    app = make_app()
    async with run(app) as pilot:
        await open_import(pilot)
        await paste(pilot, str(FIXTURES / "Connections.csv"))
        await pilot.press("ctrl+s")
        await settle(pilot)
        text = widget_text(app, app.screen.query_one("#summary"))
        assert (
            "4 new people to add · 0 already in coach · 1 repeated in the file · 1 row not "
            "readable" in text
        )
        assert "1 goes straight onto an account" in text
        assert app.repo.contacts.all() == []  # nothing saved before the second ctrl+s
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Added 4 people" in notices(app)
    assert [c.name for c in app.repo.contacts.for_account(nordvale.uid)] == ["Greta Lindqvist"]
    assert len(app.repo.contacts.all()) == 4


async def test_a_refused_file_says_why_and_saves_nothing(make_app, with_why) -> None:
    app = make_app()
    async with run(app) as pilot:
        await open_import(pilot)
        await paste(pilot, str(FIXTURES / "latin1.csv"))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Nothing imported: latin1.csv is not UTF-8" in squashed(screen_text(app))
        assert isinstance(app.screen, ImportForm)
    assert app.repo.contacts.all() == []
