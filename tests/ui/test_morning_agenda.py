"""The morning plan's agenda: calls to debrief, lists that say what they left out, and
agenda items picked as the day's priorities.

"Today" is Tuesday 24 Nov 2026, 08:30 CET; the day has no plan yet, so the app opens on it.
"""

from datetime import timedelta

from textual.widgets import Input, OptionList

from coach_tui.model.call import Commitment, Party
from coach_tui.ui.screens.account_picker import AccountPicker
from coach_tui.ui.screens.morning import MorningPlanScreen
from coach_tui.ui.widgets.key_footer import KeyFooter
from tests.helpers import screen_text, squashed
from tests.ui.flow import run, settle
from tests.ui.test_calls import call_for
from tests.ui.test_calls import seed as seed_account
from tests.ui.test_morning import seed as seed_why


async def test_a_call_from_yesterday_waiting_for_its_debrief_is_on_the_agenda(
    make_app, open_repo, clock
) -> None:
    account, objective = seed_account(open_repo, clock)
    yesterday = clock().replace(hour=15, minute=0) - timedelta(days=1)
    repo = open_repo()
    repo.calls.save(call_for(account, objective, when=yesterday))
    repo.close()
    seed_why(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, MorningPlanScreen)
        text = squashed(screen_text(app))
        assert "To debrief — Mon 23 Nov 15:00 Nordvale Foods (call)" in text
        assert "Coach: 1 call waits for a debrief" in text


async def test_a_long_list_says_how_many_more_and_ctrl_l_shows_them(
    make_app, open_repo, clock
) -> None:
    account, _ = seed_account(open_repo, clock)
    repo = open_repo()
    for number in range(1, 8):
        what = f"Share plant data {number}"
        repo.calls.save_commitment(Commitment(account.uid, Party.THEM, what, due=clock().date()))
    repo.close()
    seed_why(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        text = squashed(screen_text(app))
        assert "Share plant data 3" in text and "Share plant data 4" not in text
        assert "… and 4 more (ctrl+l shows them)" in text
        await pilot.press("ctrl+l")
        await pilot.pause()
        text = squashed(screen_text(app))
        assert "Share plant data 7" in text and "more (ctrl+l" not in text


async def test_an_agenda_item_is_picked_into_the_priority_being_written(
    make_app, open_repo, clock
) -> None:
    account, objective = seed_account(open_repo, clock)
    repo = open_repo()
    repo.calls.save(call_for(account, objective, when=clock().replace(hour=14, minute=0)))
    repo.close()
    seed_why(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        app.screen.query_one("#priority-2", Input).focus()
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert isinstance(app.screen, AccountPicker)
        options = app.screen.query_one(OptionList)
        assert str(options.get_option_at_index(0).prompt) == (
            "Prep the call with Nordvale Foods at 14:00"
        )
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MorningPlanScreen)
        assert app.screen.query_one("#priority-1", Input).value == ""
        assert app.screen.query_one("#priority-2", Input).value == (
            "Prep the call with Nordvale Foods at 14:00"
        )
        await pilot.press("ctrl+s")
        await settle(pilot)
    [priority] = app.repo.days.get(clock().date()).priorities
    assert priority.text == "Prep the call with Nordvale Foods at 14:00"


async def test_the_three_priorities_stay_in_view_under_a_long_agenda_at_80x24(
    make_app, open_repo, clock
) -> None:
    account, _ = seed_account(open_repo, clock)
    repo = open_repo()
    for number in range(1, 8):
        what = f"Share plant data {number}"
        repo.calls.save_commitment(Commitment(account.uid, Party.THEM, what, due=clock().date()))
    repo.close()
    seed_why(open_repo, clock)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+l")  # the whole agenda: longer than the screen
        await pilot.pause()
        rows = screen_text(app).split("\n")
        footer = app.screen.query_one(KeyFooter).region.y
        for number in (1, 2, 3):
            box = app.screen.query_one(f"#priority-{number}", Input).region
            assert box.height >= 1 and box.bottom <= footer, (number, box)
            assert rows[box.y - 1].strip() == f"Priority {number}"  # its label right above
