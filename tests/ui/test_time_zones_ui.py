"""What the seller sees of time zones: the form's echo, the calls list, the dashboard and
the morning plan, each on the clock of the zone the machine is in now."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from coach_tui.model.account import Account
from coach_tui.model.call import Call
from coach_tui.model.why import new_why
from coach_tui.store.layout import family_path
from coach_tui.store.repository import Repository
from coach_tui.ui.screens.account import AccountScreen
from coach_tui.ui.screens.call_form import CallForm
from coach_tui.ui.screens.calls import CallsScreen
from coach_tui.ui.screens.morning import MorningPlanScreen
from tests.helpers import BERLIN, FakeClock, on_screen, widget_text
from tests.ui.flow import paste, run, settle

DECEMBER = datetime(2026, 12, 10, 9, 0, tzinfo=BERLIN)
ADAK = ZoneInfo("America/Adak")
KIRITIMATI = ZoneInfo("Pacific/Kiritimati")
# Typed on a trip: Tuesday 24 Nov, 08:30 in Kiritimati is Monday 23 Nov, 08:30 in Adak.
IN_KIRITIMATI = datetime(2026, 11, 24, 8, 30, tzinfo=KIRITIMATI)


def seed_account(open_repo) -> Account:
    repo = open_repo()
    account = Account("Nordvale Foods")
    repo.accounts.save(account)
    repo.close()
    return account


async def open_call_form(pilot, account: Account) -> None:
    await settle(pilot)
    pilot.app.push_screen(AccountScreen(account.uid))
    await settle(pilot)
    await pilot.press("c")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CallForm)


def echo(app) -> str:
    """The line under the form's When field, as the seller reads it."""
    return widget_text(app, app.screen.query_one("#when-field .field-feedback"))


@pytest.fixture
def december(clock: FakeClock) -> FakeClock:
    clock.current = DECEMBER
    return clock


async def test_a_call_typed_in_winter_for_summer_is_shown_and_stored_at_its_clock_time(
    december, make_app, with_why, open_repo, data_dir
) -> None:
    account = seed_account(open_repo)
    app = make_app()
    async with run(app) as pilot:
        await open_call_form(pilot, account)
        await paste(pilot, "2027-07-01 10:00")
        await pilot.pause()
        assert "= Thu 1 Jul 2027, 10:00" in on_screen(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Call saved for 1 Jul 2027, 10:00." in on_screen(app)
        await pilot.press("escape")  # prepare later
        await settle(pilot)
        app.push_screen(CallsScreen())
        await settle(pilot)
        assert "1 Jul 2027, 10:00" in on_screen(app)
    [record] = json.loads(family_path(data_dir, "calls").read_bytes())["calls"].values()
    assert record["when"] == "2027-07-01T10:00:00+02:00[Europe/Berlin]"


async def test_the_echo_says_when_the_clocks_skip_or_repeat_the_time_typed(
    december, make_app, with_why, open_repo
) -> None:
    account = seed_account(open_repo)
    app = make_app()
    async with run(app) as pilot:
        await open_call_form(pilot, account)
        await paste(pilot, "2027-03-28 02:30")
        await pilot.pause()
        assert echo(app) == (
            "= Sun 28 Mar 2027, 03:30. The clocks go forward that night: there is no "
            "02:30, so this is 03:30."
        )
        app.screen.query_one("#when").clear()
        await paste(pilot, "2027-10-31 02:30")
        await pilot.pause()
        assert echo(app) == (
            "= Sun 31 Oct 2027, 02:30. The clocks go back that night: this is the first "
            "02:30, before they do."
        )
        await pilot.press("ctrl+s")
        await settle(pilot)
    [call] = app.repo.calls.all()
    assert call.when.utcoffset() == BERLIN.utcoffset(datetime(2027, 7, 1))  # summer time


@pytest.fixture
def in_adak(clock: FakeClock) -> FakeClock:
    """The machine is now in Adak, the day after (on Kiritimati's calendar) the call was
    typed there."""
    clock.current = IN_KIRITIMATI
    clock.move_to(ADAK)
    return clock


def seed_trip_call(data_dir, account_uid: str) -> None:
    """Typed in Kiritimati: "today 10:00" there is Monday 10:00 in Adak."""
    trip = FakeClock(IN_KIRITIMATI)
    repo = Repository.open(data_dir, clock=trip)
    repo.calls.save(Call(account_uid, IN_KIRITIMATI.replace(hour=10, minute=0)))
    repo.close()


async def test_after_a_flight_the_dashboard_and_calls_show_adak_time(
    in_adak, make_app, with_why, open_repo, data_dir
) -> None:
    account = seed_account(open_repo)
    seed_trip_call(data_dir, account.uid)
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        panel = widget_text(app, app.screen.query_one("#calls"))
        assert "Mon 23 Nov 10:00 Nordvale Foods" in panel
        assert "Tue 24 Nov" not in panel
        app.push_screen(CallsScreen())
        await settle(pilot)
        assert "23 Nov 2026, 10:00" in on_screen(app)


async def test_after_a_flight_the_morning_plan_lists_the_call_as_today(
    in_adak, make_app, open_repo, data_dir
) -> None:
    repo = open_repo()
    repo.why.save(new_why("I sell so my kids see steady work.", {}, now=in_adak()))
    account = Account("Nordvale Foods")
    repo.accounts.save(account)
    repo.close()
    seed_trip_call(data_dir, account.uid)
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, MorningPlanScreen)
        text = on_screen(app)
        assert "10:00 Nordvale Foods (call)" in text
        assert "No calls today." not in text
