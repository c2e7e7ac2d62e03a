"""The dashboard never hides what its keys act on: today's priorities show with or without
a why, every key is in the footer or the help (quit and help always in the footer), and
the objectives panel wraps its values and the coach's question instead of cutting them."""

from datetime import timedelta
from decimal import Decimal

from textual.widgets import DataTable

from coach_tui.model.account import Account, ExpansionKind, StrategicObjective
from coach_tui.model.call import Call, Debrief, Movement, Result
from coach_tui.model.day import DayPlan, Priority
from coach_tui.model.money import Money
from coach_tui.ui.screens.dashboard import DashboardScreen
from coach_tui.ui.screens.help import HelpScreen
from coach_tui.ui.widgets.key_footer import KeyFooter
from tests.helpers import screen_text, widget_text
from tests.ui.flow import run, settle


async def test_todays_priorities_show_and_tick_before_a_why_is_written(
    make_app, open_repo, clock
) -> None:
    repo = open_repo()
    repo.days.save(DayPlan(clock().date(), (Priority("Call Greta"), Priority("Send the study"))))
    repo.close()
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        await pilot.press("escape")  # the welcome: later
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        today = app.screen.query_one("#why-today")
        assert widget_text(app, today) == "Today: 1 ☐ Call Greta 2 ☐ Send the study"
        await pilot.press("2")
        await pilot.pause()
        assert "2 ☑ Send the study" in widget_text(app, today)


async def test_quit_and_help_stay_in_a_narrow_footer_and_help_lists_every_key(
    make_app, with_why
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        footer = widget_text(app, app.screen.query_one(KeyFooter))
        assert "^q Quit" in footer and "? Help" in footer
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one(DataTable)
        keys = {str(table.get_row_at(row)[0]) for row in range(table.row_count)}
        assert {"w", "h", "a", "c", "t", "g", "m", "1", "2", "3", "r", "T", "R", "y"} <= keys


def seed_stalled_objective(open_repo, clock) -> None:
    repo = open_repo()
    account = Account("Østfold Energi", created_at=clock() - timedelta(days=200))
    repo.accounts.save(account)
    repo.objectives.save(
        StrategicObjective(
            account.uid,
            "Every plant in the north runs its maintenance planning on our suite",
            ExpansionKind.WIDER_DEPLOYMENT,
            "Less unplanned downtime",
            Money(Decimal("48500"), "EUR"),
            clock().date() + timedelta(days=90),
        )
    )
    for weeks_ago in (3, 2, 1):
        debrief = Debrief(Result.PARTLY, Movement.CONTINUATION)
        repo.calls.save(Call(account.uid, clock() - timedelta(weeks=weeks_ago), debrief=debrief))
    repo.close()


async def test_the_objectives_panel_wraps_values_and_the_stall_question(
    make_app, with_why, open_repo, clock
) -> None:
    seed_stalled_objective(open_repo, clock)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        panel = widget_text(app, app.screen.query_one("#objectives"))
        assert "…" not in panel, screen_text(app)
    assert "€48.5k" in panel
    assert "3 calls in a row without a commitment." in panel
    assert panel.endswith("and is anyone there asking for it?")
