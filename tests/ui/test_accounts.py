"""The account list: add, filter, sort, open, archive, delete with confirmation and undo."""

from datetime import date, timedelta
from decimal import Decimal

from textual.widgets import DataTable

from coach_tui.model.account import Account, ExpansionKind, StrategicObjective
from coach_tui.model.money import Money
from coach_tui.ui.kit.confirm import ConfirmScreen
from coach_tui.ui.screens.account import AccountScreen
from coach_tui.ui.screens.accounts import AccountsScreen
from tests.helpers import notices, screen_text, squashed
from tests.ui.flow import paste, run, settle


def seed_accounts(open_repo, clock) -> dict[str, Account]:
    """Three accounts; two with objectives of different dates and sizes."""
    repo = open_repo()
    accounts = {name: Account(name=name, created_at=clock()) for name in
                ("Nordvale Foods", "Harbor & Finch", "Quillon Labs")}  # fmt: skip
    for account in accounts.values():
        repo.accounts.save(account)
    today = clock().date()
    repo.objectives.save(StrategicObjective(
        accounts["Harbor & Finch"].uid, "Plants plan on our suite", ExpansionKind.WIDER_DEPLOYMENT,
        "Less downtime", Money(Decimal(250_000), "USD"), today + timedelta(days=40),
    ))  # fmt: skip
    repo.objectives.save(StrategicObjective(
        accounts["Quillon Labs"].uid, "Their clinical arm buys", ExpansionKind.NEW_LINE_OF_BUSINESS,
        "Faster trials", Money(Decimal(900_000), "USD"), today + timedelta(days=400),
    ))  # fmt: skip
    repo.close()
    return accounts


def table_names(app) -> list[str]:
    table = app.screen.query_one("#accounts", DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def open_accounts(pilot) -> None:
    await settle(pilot)
    await pilot.press("a")
    await settle(pilot)
    assert isinstance(pilot.app.screen, AccountsScreen)


async def test_empty_list_says_how_to_start(make_app, with_why) -> None:
    app = make_app()
    async with run(app) as pilot:
        await open_accounts(pilot)
        assert "No accounts yet. Press n" in squashed(screen_text(app))


async def test_add_account_then_refuse_a_duplicate_name(make_app, with_why) -> None:
    app = make_app()
    async with run(app) as pilot:
        await open_accounts(pilot)
        await pilot.press("n")
        await pilot.press(*"Nordvale")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert table_names(app) == ["Nordvale"]
        await pilot.press("n")
        await pilot.press(*"NORDVALE")
        await pilot.press("ctrl+s")
        assert "You already have an account called NORDVALE." in squashed(screen_text(app))
        await pilot.press("escape")  # typed text: asks first
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, AccountsScreen)
    assert [a.name for a in app.repo.accounts.all()] == ["Nordvale"]


async def test_empty_name_is_refused_inline(make_app, with_why) -> None:
    app = make_app()
    async with run(app) as pilot:
        await open_accounts(pilot)
        await pilot.press("n", "space", "ctrl+s")
        assert "The account's name is empty" in squashed(screen_text(app))
    assert app.repo.accounts.all() == []


async def test_filter_as_you_type_and_sort(make_app, with_why, open_repo, clock) -> None:
    seed_accounts(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await open_accounts(pilot)
        assert table_names(app) == ["Harbor & Finch", "Nordvale Foods", "Quillon Labs"]
        await pilot.press("s")  # objective date: nearest first, none last
        assert table_names(app) == ["Harbor & Finch", "Quillon Labs", "Nordvale Foods"]
        await pilot.press("s")  # financial target: biggest first
        assert table_names(app) == ["Quillon Labs", "Harbor & Finch", "Nordvale Foods"]
        assert "sorted by financial target" in screen_text(app)
        await pilot.press("slash", *"clin")  # matches an objective's words too
        assert table_names(app) == ["Quillon Labs"]
        await pilot.press("escape")
        assert len(table_names(app)) == 3


async def test_archive_hides_and_undo_brings_back(make_app, with_why, open_repo, clock) -> None:
    seed_accounts(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await open_accounts(pilot)
        await pilot.press("x")  # the highlighted first row: Harbor & Finch
        await settle(pilot)
        assert "Harbor & Finch" not in table_names(app)
        assert "Archived Harbor & Finch. Press u to undo." in notices(app)
        await pilot.press("v")
        assert "Harbor & Finch  (archived)" in table_names(app)
        await pilot.press("v", "u")
        await settle(pilot)
        assert "Harbor & Finch" in table_names(app)
    account = next(a for a in app.repo.accounts.all() if a.name == "Harbor & Finch")
    assert not account.archived


async def test_delete_asks_then_undo_restores_everything(
    make_app, with_why, open_repo, clock
) -> None:
    seeded = seed_accounts(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await open_accounts(pilot)
        await pilot.press("D")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")  # keep it
        assert table_names(app)[0] == "Harbor & Finch"
        await pilot.press("D", "y")
        await settle(pilot)
        assert "Harbor & Finch" not in table_names(app)
        assert app.repo.objectives.active_for(seeded["Harbor & Finch"].uid) is None
        await pilot.press("u")
        await settle(pilot)
        assert "Harbor & Finch" in table_names(app)
    restored = app.repo.objectives.active_for(seeded["Harbor & Finch"].uid)
    assert restored is not None
    assert restored.description == "Plants plan on our suite"


async def test_enter_opens_the_account(make_app, with_why, open_repo, clock) -> None:
    seed_accounts(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await open_accounts(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, AccountScreen)
        shown = squashed(screen_text(app))
        assert "Wider deployment: Plants plan on our suite" in shown
        assert "Worth $250,000 · by 3 Jan 2027 (40 days left)" in shown


async def test_account_names_are_shown_literally(make_app, with_why) -> None:
    app = make_app()
    async with run(app) as pilot:
        await open_accounts(pilot)
        await pilot.press("n")
        await paste(pilot, "R&D [bold]Labs[/]")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert table_names(app) == ["R&D [bold]Labs[/]"]
        assert "Added R&D [bold]Labs[/]." in notices(app)
        await pilot.press("D")
        assert "R&D [bold]Labs[/]" in squashed(screen_text(app))  # the question, literally
        await pilot.press("y")
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert "Undid deleting R&D [bold]Labs[/]." in notices(app)


def test_seed_dates_are_relative_to_the_fake_today(clock) -> None:
    # Guards the expectations above: 40 days after 24 Nov 2026 is 3 Jan 2027.
    assert clock().date() + timedelta(days=40) == date(2027, 1, 3)


async def test_sorting_by_target_keeps_each_currency_apart(
    make_app, with_why, open_repo, clock
) -> None:
    repo = open_repo()
    for name, amount, currency in (("Kyoto Foods", 30_000_000, "JPY"),
                                   ("Austin Labs", 900_000, "USD"),
                                   ("Denver Inc", 250_000, "USD")):  # fmt: skip
        account = Account(name=name, created_at=clock())
        repo.accounts.save(account)
        repo.objectives.save(StrategicObjective(
            account.uid, "Grow", ExpansionKind.WIDER_DEPLOYMENT, "Less downtime",
            Money(Decimal(amount), currency), clock().date() + timedelta(days=40),
        ))  # fmt: skip
    repo.close()
    app = make_app()
    async with run(app) as pilot:
        await open_accounts(pilot)
        await pilot.press("s", "s")
        await settle(pilot)
        assert "sorted by financial target" in squashed(screen_text(app))
        assert table_names(app) == ["Austin Labs", "Denver Inc", "Kyoto Foods"]


async def test_filter_folds_accents_and_an_empty_result_says_what_to_do(
    make_app, with_why, open_repo, clock
) -> None:
    repo = open_repo()
    for name in ("Østfold Energi", "Nordvale Foods"):
        repo.accounts.save(Account(name=name, created_at=clock()))
    repo.close()
    app = make_app()
    async with run(app) as pilot:
        await open_accounts(pilot)
        await pilot.press("slash", *"ost")
        assert table_names(app) == ["Østfold Energi"]
        await pilot.press(*"zz")
        assert table_names(app) == []
        assert "No account matches “ostzz”. Esc clears the filter." in squashed(screen_text(app))


async def test_a_list_emptied_by_archiving_says_so_not_no_accounts_yet(
    make_app, with_why, open_repo, clock
) -> None:
    repo = open_repo()
    repo.accounts.save(Account(name="Nordvale Foods", created_at=clock(), archived_at=clock()))
    repo.close()
    app = make_app()
    async with run(app) as pilot:
        await open_accounts(pilot)
        shown = squashed(screen_text(app))
        assert "Every account is archived (1). Press v to show them, or n to add one." in shown
        assert "No accounts yet" not in shown
        await pilot.press("v")
        assert table_names(app) == ["Nordvale Foods  (archived)"]


async def test_letters_typed_right_after_slash_go_into_the_filter(
    make_app, with_why, open_repo, clock
) -> None:
    from textual import events

    seed_accounts(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await open_accounts(pilot)
        for key, char in (("slash", "/"), ("s", "s"), ("x", "x")):  # s sorts, x archives
            app.post_message(events.Key(key, char))
        await settle(pilot)
        assert app.screen.query_one("#filter").value == "sx"
    assert all(not account.archived for account in app.repo.accounts.all(include_archived=True))
