"""From the morning plan, ctrl+o opens the prep of today's call that has no outcome.

"Today" is Tuesday 24 Nov 2026, 08:30 CET; the day has no plan yet, so the app opens on it.
"""

from dataclasses import replace

from coach_tui.model.call import Prep
from coach_tui.ui.screens.morning import MorningPlanScreen
from coach_tui.ui.screens.prep_flow import PrepFlowScreen
from tests.helpers import screen_text, squashed
from tests.ui.flow import run, settle
from tests.ui.test_calls import call_for
from tests.ui.test_calls import seed as seed_account
from tests.ui.test_morning import seed as seed_why


def footer(app) -> str:
    return screen_text(app).split("\n")[-1]


async def test_ctrl_o_preps_todays_call_then_the_agenda_is_read_again(
    make_app, open_repo, clock
) -> None:
    account, objective = seed_account(open_repo, clock)
    prepared = call_for(
        account, objective, when=clock().replace(hour=11, minute=0), prep=Prep("A pilot")
    )
    unprepared = call_for(account, objective, when=clock().replace(hour=14, minute=0))
    repo = open_repo()
    repo.calls.save(prepared)
    repo.calls.save(unprepared)
    repo.close()
    seed_why(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, MorningPlanScreen)
        assert "14:00 Nordvale Foods (call) ⚠ no outcome yet — prep it (ctrl+o)" in squashed(
            screen_text(app)
        )
        assert "Prep the call" in footer(app)
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert isinstance(app.screen, PrepFlowScreen)
        assert app.screen.call.uid == unprepared.uid
        # Prepared meanwhile (as finishing the flow would); leaving the flow shows it.
        app.repo.calls.save(replace(unprepared, prep=Prep("Greta books the plant visit")))
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MorningPlanScreen)
        assert "→ Greta books the plant visit" in squashed(screen_text(app))
        assert "Prep the call" not in footer(app)
