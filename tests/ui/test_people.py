"""People: imported people on no account can be found, placed on an account and merged."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import DataTable

from coach_tui.model.account import Account
from coach_tui.model.contact import BuyingRole, Contact
from coach_tui.ui.kit.confirm import ConfirmScreen
from coach_tui.ui.screens.account import AccountScreen
from coach_tui.ui.screens.account_picker import AccountPicker
from coach_tui.ui.screens.accounts import AccountsScreen
from coach_tui.ui.screens.dashboard import DashboardScreen
from coach_tui.ui.screens.entry import AccountEntryScreen
from coach_tui.ui.screens.help import HelpScreen
from coach_tui.ui.screens.people import PeopleScreen
from tests.helpers import notices, on_screen, widget_text
from tests.ui.flow import run, settle


def seed_people(open_repo, clock) -> dict[str, Contact]:
    """One account with one person on it; three imported people on no account."""
    repo = open_repo()
    nordvale = Account(name="Nordvale Foods", created_at=clock())
    repo.accounts.save(nordvale)
    people = {
        "placed": Contact("Greta Lindqvist", account_uid=nordvale.uid, company="Nordvale Foods",
                          role=BuyingRole.ECONOMIC_BUYER),
        "asa": Contact("Åsa Berg", company="Østfold Energi AS", title="CFO",
                       added_on=date(2026, 10, 1)),
        "ben": Contact("Ben Okafor", company="Corvid Analytics", email="ben@corvid.io"),
        "zed": Contact("Zed Arnott", company="Acme"),
    }  # fmt: skip
    repo.contacts.save_many(list(people.values()))
    repo.close()
    return people


def names(app) -> list[str]:
    table = app.screen.query_one("#people", DataTable)
    return [str(table.get_row_at(index)[0]) for index in range(table.row_count)]


async def open_people(pilot) -> None:
    await settle(pilot)
    await pilot.press("p")
    await settle(pilot)
    assert isinstance(pilot.app.screen, PeopleScreen)


async def test_everyone_is_listed_unplaced_first_and_the_filter_folds_accents(
    make_app, with_why, open_repo, clock
) -> None:
    seed_people(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await open_people(pilot)
        # On no account first, by company (Acme, Corvid, Østfold as "ostfold"); then placed.
        assert names(app) == ["Zed Arnott", "Ben Okafor", "Åsa Berg", "Greta Lindqvist"]
        shown = on_screen(app)
        assert "3 not on an account yet" in shown
        assert "— not on an account" in shown
        await pilot.press("slash", *"ost")
        assert names(app) == ["Åsa Berg"]
        await pilot.press(*"zz")
        assert names(app) == []
        assert "Nobody matches “ostzz”. Esc clears the filter." in on_screen(app)
        await pilot.press("escape")
        assert len(names(app)) == 4
        await pilot.press("s")  # by name
        assert names(app) == ["Åsa Berg", "Ben Okafor", "Zed Arnott", "Greta Lindqvist"]
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)


async def test_no_people_yet_says_how_to_import_or_add(make_app, with_why) -> None:
    app = make_app()
    async with run(app) as pilot:
        await open_people(pilot)
        shown = on_screen(app)
        assert "No people yet. Import your LinkedIn connections" in shown
        assert "ctrl+p → Import contacts" in shown


async def test_put_a_person_on_an_account_then_undo(make_app, with_why, open_repo, clock) -> None:
    people = seed_people(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await open_people(pilot)
        await pilot.press("a")  # the first row: Zed Arnott, on no account
        await pilot.pause()
        assert isinstance(app.screen, AccountPicker)
        await pilot.press(*"NORD", "enter")  # the picker's filter folds case too
        await settle(pilot)
        nordvale = app.repo.accounts.all()[0]
        assert app.repo.contacts.get(people["zed"].uid).account_uid == nordvale.uid
        assert "Zed Arnott is on Nordvale Foods now" in notices(app)
        assert names(app)[-2:] == ["Zed Arnott", "Greta Lindqvist"]  # placed: after, by company
        await pilot.press("u")
        await settle(pilot)
        assert app.repo.contacts.get(people["zed"].uid).account_uid == ""


async def test_enter_on_a_placed_person_opens_their_account(
    make_app, with_why, open_repo, clock
) -> None:
    seed_people(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await open_people(pilot)
        await pilot.press("down", "down", "down", "enter")  # Greta, on Nordvale Foods
        await settle(pilot)
        assert isinstance(app.screen, AccountEntryScreen)


async def test_merge_two_records_of_one_person_asks_and_undo_restores_both(
    make_app, with_why, open_repo, clock
) -> None:
    people = seed_people(open_repo, clock)
    repo = open_repo()
    twin = Contact("asa berg", company="Ostfold Energi", email="asa@ostfold.no",
                   what_matters="Cutting grid losses")  # fmt: skip
    repo.contacts.save(twin)
    repo.close()
    app = make_app()
    async with run(app) as pilot:
        await open_people(pilot)
        await pilot.press("slash", *"berg", "enter")
        assert names(app) == ["asa berg", "Åsa Berg"] or names(app) == ["Åsa Berg", "asa berg"]
        await pilot.press("m")
        assert "highlight the other record and press m" in on_screen(app)
        await pilot.press("down", "m")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "into one" in on_screen(app)
        await pilot.press("y")
        await settle(pilot)
        stored = [c for c in app.repo.contacts.all() if "berg" in c.name.casefold()]
        assert len(stored) == 1
        (one,) = stored
        # Details only one record had are kept: the title of one, the email and note of the other.
        assert (one.title, one.email, one.what_matters) == (
            "CFO",
            "asa@ostfold.no",
            "Cutting grid losses",
        )
        assert names(app) == [one.name]
        await pilot.press("u")
        await settle(pilot)
    restored = {c.uid: c for c in app.repo.contacts.all()}
    assert restored[twin.uid] == twin
    assert restored[people["asa"].uid] == people["asa"]


async def test_people_is_one_key_from_the_dashboard_accounts_help_and_palette(
    make_app, with_why
) -> None:
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        assert "a Accounts" in on_screen(app)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "p Everyone you know at clients, on an account or not yet" in on_screen(app)
        await pilot.press("escape", "a")
        await settle(pilot)
        assert isinstance(app.screen, AccountsScreen)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, PeopleScreen)
        await pilot.press("escape", "escape")
        await settle(pilot)
        await pilot.press("ctrl+p", *"people")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PeopleScreen)


def seed_corvid_people(open_repo) -> list[Contact]:
    repo = open_repo()
    waiting = [
        Contact("Ana Silva", company="Corvid Analytics, Inc."),
        Contact("Bo Lund", company="CORVID ANALYTICS"),
    ]
    repo.contacts.save_many([*waiting, Contact("Hiro Tanaka", company="Corvid Analysis")])
    repo.close()
    return waiting


async def test_a_new_account_offers_to_take_in_the_people_of_its_company(
    make_app, with_why, open_repo
) -> None:
    waiting = seed_corvid_people(open_repo)
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        await pilot.press("a", "n", *"Corvid Analytics", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        shown = on_screen(app)
        assert "Ana Silva and Bo Lund, already in coach, work at Corvid Analytics" in shown
        assert "Put them on Corvid Analytics?" in shown
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, AccountsScreen)
        corvid = app.repo.accounts.all()[0]
        placed = {c.name: c.account_uid for c in app.repo.contacts.all()}
        assert placed == {"Ana Silva": corvid.uid, "Bo Lund": corvid.uid, "Hiro Tanaka": ""}
        await pilot.press("u")  # undo puts them back where they were
        await settle(pilot)
        assert {c.uid: c for c in app.repo.contacts.all() if c.name != "Hiro Tanaka"} == {
            c.uid: c for c in waiting
        }


async def test_renaming_an_account_offers_its_people_and_not_now_leaves_them(
    make_app, with_why, open_repo, clock
) -> None:
    seed_corvid_people(open_repo)
    repo = open_repo()
    account = Account(name="Corvd", created_at=clock())
    repo.accounts.save(account)
    repo.close()
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        app.push_screen(AccountScreen(account.uid))
        await settle(pilot)
        await pilot.press("r", "end", "backspace", "backspace", *"vid Analytics Ltd", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert "Put them on Corvid Analytics Ltd?" in on_screen(app)
        await pilot.press("escape")  # not now
        await settle(pilot)
        assert isinstance(app.screen, AccountScreen)
    assert {c.account_uid for c in app.repo.contacts.all()} == {""}
    assert app.repo.accounts.get(account.uid).name == "Corvid Analytics Ltd"


async def test_importing_again_points_to_people_for_those_already_in_coach(
    make_app, with_why
) -> None:
    from coach_tui.ui.screens.import_form import ImportForm
    from tests.ui.flow import paste

    connections = Path(__file__).parent.parent / "fixtures" / "import" / "Connections.csv"
    app = make_app()
    async with run(app) as pilot:
        for time in ("first", "again"):
            await settle(pilot)
            await pilot.press("ctrl+p", *"import contacts")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ImportForm)
            await paste(pilot, str(connections))
            await pilot.press("ctrl+s")
            await settle(pilot)
            summary = widget_text(app, app.screen.query_one("#summary"))
            await pilot.press("ctrl+s")  # the first time it adds; the second, nothing is new
            await settle(pilot)
            if time == "first":
                assert "Added 4 people. People (p on the dashboard) lists them" in notices(app)
        assert "already in coach (5) are left as they are: People (p on the dashboard)" in summary


async def test_adding_a_likely_duplicate_by_hand_warns_before_saving(
    make_app, with_why, open_repo, clock
) -> None:
    from coach_tui.ui.screens.contact_form import ContactForm
    from tests.ui.flow import paste

    repo = open_repo()
    corvid = Account(name="Corvid Analytics", created_at=clock())
    repo.accounts.save(corvid)
    imported = Contact("Ana Silva", company="Corvid Analytics, Inc.", email="ana@corvid.io")
    repo.contacts.save(imported)
    repo.close()
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        app.push_screen(AccountScreen(corvid.uid))
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        await paste(pilot, "ana silva")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ContactForm)  # not saved: asked first
        shown = widget_text(app, app.screen.query_one("#name-field .field-feedback"))
        assert "Ana Silva at Corvid Analytics, Inc. is already in coach, on no account yet" in shown
        assert "Press ctrl+s again to save this one as well." in shown
        assert app.repo.contacts.all() == [imported]
        await pilot.press("ctrl+s")  # the seller means it: a second record
        await settle(pilot)
        assert isinstance(app.screen, AccountEntryScreen)
    assert sorted(c.name for c in app.repo.contacts.all()) == ["Ana Silva", "ana silva"]


async def test_the_same_email_under_another_name_warns_too(
    make_app, with_why, open_repo, clock
) -> None:
    from coach_tui.ui.screens.contact_form import ContactForm
    from tests.ui.flow import paste

    repo = open_repo()
    corvid = Account(name="Corvid Analytics", created_at=clock())
    repo.accounts.save(corvid)
    repo.contacts.save(Contact("Ana Silva", account_uid=corvid.uid, email="ana@corvid.io"))
    repo.close()
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        app.push_screen(AccountScreen(corvid.uid))
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        await paste(pilot, "A. Silva")
        app.screen.query_one("#email").value = "ANA@corvid.io"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ContactForm)
        feedback = app.screen.query_one("#name-field .field-feedback")
        assert "Ana Silva is already in coach, on Corvid Analytics." in widget_text(app, feedback)
    assert len(app.repo.contacts.all()) == 1


async def test_the_palette_folds_accents_too(make_app, with_why, open_repo, clock) -> None:
    repo = open_repo()
    account = Account(name="Østfold Energi", created_at=clock())
    repo.accounts.save(account)
    repo.close()
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        app.push_screen(AccountScreen(account.uid))
        await settle(pilot)
        await pilot.press("ctrl+p", *"rename ost")
        await pilot.pause(0.3)
        assert "Rename Østfold Energi" in on_screen(app)


async def test_letters_typed_right_after_the_filter_key_go_into_the_filter(
    make_app, with_why, open_repo, clock
) -> None:
    """A fast typist's "/ost" arrives in one burst: no letter may fire a shortcut (s sorts)."""
    from textual import events

    seed_people(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await open_people(pilot)
        for key, char in (("slash", "/"), ("s", "s"), ("o", "o"), ("r", "r")):
            app.post_message(events.Key(key, char))
        await settle(pilot)
        assert app.screen.query_one("#filter").value == "sor"
        assert app.screen.sort_by.value == "company"
        await pilot.press("slash")  # in the filter, / is a character like any other
        assert app.screen.query_one("#filter").value == "sor/"


TREES = ("Alder", "Birch", "Cedar", "Elm", "Fir", "Hazel", "Larch")


async def test_a_long_list_says_it_lists_the_first_rows_and_typing_narrows(
    make_app, with_why, open_repo
) -> None:
    from coach_tui.ui.screens.people import ROWS_DRAWN

    repo = open_repo()
    repo.contacts.save_many(
        [Contact(f"Person {n:04}", company=TREES[n % 7]) for n in range(ROWS_DRAWN + 50)]
    )
    repo.close()
    app = make_app()
    async with run(app) as pilot:
        await open_people(pilot)
        assert len(names(app)) == ROWS_DRAWN
        everyone = ROWS_DRAWN + 50
        listed = f"(first {ROWS_DRAWN} listed: type to narrow)"
        assert f"{everyone} of {everyone} people {listed}" in on_screen(app)
        await pilot.press("slash", *"birch")
        assert len(names(app)) == len([n for n in range(everyone) if n % 7 == 1])  # Birch
        assert "type to narrow" not in on_screen(app)


async def test_at_80_columns_every_column_shows_and_the_footer_keeps_help_and_quit(
    make_app, with_why, open_repo, clock
) -> None:
    seed_people(open_repo, clock)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_people(pilot)
        shown = on_screen(app)
        assert "Title" in shown and "CFO" in shown  # the last column is not pushed off
        assert "^q Quit" in shown and "? Help" in shown


def test_people_waiting_for_several_new_accounts_each_go_to_one() -> None:
    """Plan the year adds several accounts at once; each waiting person is offered once."""
    from coach_tui.ui.people_offer import waiting_people

    acme, acme_inc, corvid = (Account(name=n) for n in ("Acme", "ACME Inc", "Corvid"))
    ana, bo = Contact("Ana", company="Acme"), Contact("Bo", company="corvid ltd")
    placed = {c.name: c.account_uid for c in waiting_people([ana, bo], [acme, acme_inc, corvid])}
    assert placed == {"Ana": acme.uid, "Bo": corvid.uid}


async def test_plan_the_year_offers_new_key_accounts_their_people_then_walks_on(
    make_app, with_why, open_repo
) -> None:
    from coach_tui.ui.screens.objective_flow import ObjectiveFlowScreen
    from coach_tui.ui.screens.plan_year import PlanYearScreen
    from tests.ui.flow import paste

    repo = open_repo()
    repo.contacts.save(Contact("Ana Silva", company="Harbor & Finch Ltd"))
    repo.close()
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, PlanYearScreen)
        await pilot.press("ctrl+s")
        await paste(pilot, "1.2m")
        await pilot.press("ctrl+s")
        await paste(pilot, "24")
        await pilot.press("ctrl+s", "ctrl+s", "ctrl+s")
        await paste(pilot, "Harbor & Finch")
        await pilot.press("ctrl+s", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert "Put them on Harbor & Finch?" in on_screen(app)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, ObjectiveFlowScreen)  # the plan carries on
        (harbor,) = app.repo.accounts.all()
        assert app.repo.contacts.all()[0].account_uid == harbor.uid
