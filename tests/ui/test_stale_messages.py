"""A message about what was typed goes once it is put right: forms, areas and guided flows."""

from pathlib import Path

from textual.widgets import Select

from coach_tui.model.account import Account
from coach_tui.ui.screens.account import AccountScreen
from coach_tui.ui.screens.import_form import ImportForm
from coach_tui.ui.widgets.field import Field
from tests.helpers import on_screen
from tests.ui.flow import paste, run, settle

FIXTURES = Path(__file__).parent.parent / "fixtures" / "import"


async def open_import(pilot) -> ImportForm:
    await settle(pilot)
    await pilot.press("ctrl+p", *"import contacts")
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ImportForm)
    return pilot.app.screen


async def test_choosing_the_right_file_kind_clears_the_wrong_kind_message(
    make_app, with_why
) -> None:
    app = make_app()
    async with run(app) as pilot:
        form = await open_import(pilot)
        await paste(pilot, str(FIXTURES / "contacts.vcf"))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "contacts.vcf is not a LinkedIn CSV file" in on_screen(app)
        assert "On LinkedIn: Settings" in on_screen(app)  # the hint for the kind chosen
        form.query_one("#kind", Select).value = "vcard"
        await pilot.pause()
        assert "is not a LinkedIn CSV file" not in on_screen(app)
        assert not form.query_one("#path-field", Field).has_problem
        # The hint under the path now says where a vCard comes from.
        assert "Export the contacts from your address book as vCard" in on_screen(app)
        assert "On LinkedIn: Settings" not in on_screen(app)


async def test_typing_a_path_clears_the_empty_path_message(make_app, with_why) -> None:
    app = make_app()
    async with run(app) as pilot:
        form = await open_import(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Type the path of the file to import." in on_screen(app)
        await paste(pilot, "~/x.csv")
        assert "Type the path of the file to import." not in on_screen(app)
        assert not form.query_one("#path-field", Field).has_problem


async def test_a_flow_error_goes_once_the_amount_reads(make_app, with_why) -> None:
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        await pilot.press("y")  # plan the year: the year, then the revenue target
        await pilot.press("ctrl+s")
        await paste(pilot, "lots")
        await pilot.press("ctrl+s")
        assert "'lots' is not an amount" in on_screen(app)
        for _ in range(4):
            await pilot.press("backspace")
        await paste(pilot, "12k")
        assert "'lots' is not an amount" not in on_screen(app)
        assert "is not an amount" not in on_screen(app)
        assert "Step 2 of" in on_screen(app)  # still on the step: nothing moved on its own


async def test_a_flow_error_stays_while_it_still_holds(make_app, with_why) -> None:
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        await pilot.press("y")
        await pilot.press("ctrl+s")
        await paste(pilot, "lots")
        await pilot.press("ctrl+s")
        await paste(pilot, "more")
        assert "'lotsmore' is not an amount" in on_screen(app)


async def test_an_area_error_goes_once_the_text_is_written(
    make_app, with_why, open_repo, clock
) -> None:
    repo = open_repo()
    account = Account("Nordvale Foods", created_at=clock())
    repo.accounts.save(account)
    repo.close()
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        app.push_screen(AccountScreen(account.uid))
        await settle(pilot)
        await pilot.press("p")  # a team view
        await pilot.pause()
        await paste(pilot, "Sam")
        await pilot.press("ctrl+s")
        await pilot.pause()
        feedback = app.screen.query_one("#text-feedback")
        assert feedback.has_class("-problem")
        problem = str(feedback.render())
        assert problem
        app.screen.query_one("#text").focus()
        await paste(pilot, "Their CFO wants numbers before any pilot.")
        assert not feedback.has_class("-problem")
        assert problem not in on_screen(app)
