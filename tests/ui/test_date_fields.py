"""Every date field says, as it is typed, the date it read or why it cannot read it; and
03/04/2027 is read in the order the seller chose.

"Today" is Tuesday 24 Nov 2026 (the FakeClock).
"""

from __future__ import annotations

from textual.widgets import Input, Select, Static

from coach_tui.model.account import Account
from coach_tui.model.settings import Settings
from coach_tui.ui.screens.account import AccountScreen
from coach_tui.ui.screens.call_form import CallForm
from coach_tui.ui.screens.date_order_form import DateOrderForm
from coach_tui.ui.screens.goal_forms import GoalForm
from coach_tui.ui.screens.objective_flow import ObjectiveFlowScreen
from tests.helpers import on_screen, widget_text
from tests.ui.flow import paste, run, settle


def choose_order(open_repo, day_first: bool | None) -> None:
    repo = open_repo()
    repo.settings.save(Settings(day_first=day_first))
    repo.close()


async def open_goal_form(pilot) -> GoalForm:
    await settle(pilot)
    await pilot.press("g")
    await settle(pilot)
    await pilot.press("n")
    await pilot.pause()
    assert isinstance(pilot.app.screen, GoalForm)
    return pilot.app.screen


async def type_into(pilot, field_id: str, text: str) -> None:
    box = pilot.app.screen.query_one(f"#{field_id}", Input)
    box.focus()
    await pilot.pause()
    box.select_all()
    await paste(pilot, text)
    await pilot.pause()


def under(app, field_id: str) -> str:
    return widget_text(app, app.screen.query_one(f"#{field_id}-field .field-feedback"))


async def test_day_first_reads_03_04_as_the_third_of_april(make_app, with_why, open_repo):
    choose_order(open_repo, True)
    app = make_app()
    async with run(app) as pilot:
        await open_goal_form(pilot)
        await type_into(pilot, "end", "03/04/2027")
        assert under(app, "end") == "= Sat 3 Apr 2027 (read day first)"


async def test_month_first_reads_03_04_as_march_the_fourth(make_app, with_why, open_repo):
    choose_order(open_repo, False)
    app = make_app()
    async with run(app) as pilot:
        await open_goal_form(pilot)
        await type_into(pilot, "end", "03/04/2027")
        assert under(app, "end") == "= Thu 4 Mar 2027 (read month first)"
        await type_into(pilot, "end", "2027-04-03")  # year first: the same either way
        assert under(app, "end") == "= Sat 3 Apr 2027"


async def test_a_date_that_does_not_read_says_why_as_it_is_typed(make_app, with_why, open_repo):
    choose_order(open_repo, True)
    app = make_app()
    async with run(app) as pilot:
        await open_goal_form(pilot)
        await type_into(pilot, "end", "31/02/2027")
        assert under(app, "end") == "'31/02/2027': February has no day 31 (it has 28 in 2027)."
        await type_into(pilot, "end", "nonsense")
        assert "Could not read 'nonsense' as a date." in under(app, "end")
        await type_into(pilot, "start", "last monday")
        assert under(app, "start") == "= Mon 23 Nov 2026"
    assert app.repo.goals.performance() == []


async def test_a_call_time_without_a_time_says_so_as_it_is_typed(
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
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CallForm)
        await paste(pilot, "dec 3")
        assert "Add a time of day to 'dec 3'" in under(app, "when")
        await paste(pilot, " 10am")
        assert under(app, "when") == "= Thu 3 Dec 2026, 10:00"


async def test_a_flow_date_step_says_why_it_cannot_read(
    make_app, with_why, open_repo, clock
) -> None:
    choose_order(open_repo, True)
    repo = open_repo()
    account = Account("Nordvale Foods", created_at=clock())
    repo.accounts.save(account)
    repo.close()
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        app.push_screen(AccountScreen(account.uid))
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, ObjectiveFlowScreen)
        await pilot.press("ctrl+s")  # the first kind
        for answer in ("Their frozen line buys our suite", "Grow margin", "100k"):
            await paste(pilot, answer)
            await pilot.press("ctrl+s")
            await pilot.pause()
        assert app.screen.current.key == "date"
        await paste(pilot, "31/02/2027")
        echo = app.screen.query_one("#echo", Static)
        assert "February has no day 31" in widget_text(app, echo)
        assert echo.has_class("-unread")
        await pilot.press(*["backspace"] * 10)
        await paste(pilot, "03/04/2027")
        assert widget_text(app, echo).startswith("= Sat 3 Apr 2027 (read day first)")


async def test_the_date_order_is_chosen_in_the_palette_and_kept(make_app, with_why) -> None:
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"date order")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DateOrderForm)
        app.screen.query_one("#order", Select).value = "month"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "now read month first" in on_screen(app)
        assert app.day_first is False
    assert app.repo.settings.get().day_first is False
