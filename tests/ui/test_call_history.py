"""Call history: every debriefed call of an account, archived ones included, from the account
page (h) and from the calls list (h on a call, or a picked account when none is listed).

"Today" is Tuesday 24 Nov 2026, 08:30 in Berlin (the FakeClock).
"""

from datetime import date, datetime, timedelta

from coach_tui.model.account import Account
from coach_tui.model.call import Call, Commitment, Debrief, Movement, Party, Prep, Result
from coach_tui.store.archive import archive_old_history
from coach_tui.ui.screens.account import AccountScreen
from coach_tui.ui.screens.call_history import CallHistoryScreen
from tests.helpers import BERLIN, on_screen
from tests.ui.flow import run, settle
from tests.ui.test_calls import TOMORROW_10, open_calls
from tests.ui.test_key_footer import footer_line

LONG_AGO = datetime(2024, 3, 4, 10, 0, tzinfo=BERLIN)  # far past the quarter kept live
OLDEST = "Greta shares the plant waste figures"
LAST = "The CFO agrees to a pilot at one plant"


def seed_history(open_repo, clock) -> Account:
    """Nordvale with five debriefed calls, the oldest (and its kept promise) archived."""
    repo = open_repo()
    account = Account("Nordvale Foods", created_at=clock())
    repo.accounts.save(account)
    outcomes = [OLDEST, "Greta books a workshop", "Greta invites the CFO",
                "Greta shares the budget cycle", LAST]  # fmt: skip
    calls = []
    for weeks, outcome in enumerate(outcomes):
        movement = Movement.ADVANCE if outcome == LAST else Movement.CONTINUATION
        when = LONG_AGO + timedelta(weeks=weeks)
        calls.append(
            Call(account.uid, when, prep=Prep(outcome),
                 debrief=Debrief(Result.REACHED if outcome == LAST else Result.PARTLY, movement,
                                 next_step="Pilot terms", notes=f"Notes of week {weeks}", at=when))
        )  # fmt: skip
    for call in calls:
        repo.calls.save(call)
    repo.calls.save_commitment(
        Commitment(account.uid, Party.THEM, "Send the waste figures", due=date(2024, 3, 8),
                   call_uid=calls[0].uid, done_on=date(2024, 3, 7))
    )  # fmt: skip
    repo.calls.save(Call(account.uid, TOMORROW_10))  # one coming, for the calls list
    moved = archive_old_history(repo.store, clock().date())
    assert moved.calls == 1 and moved.commitments == 1  # the oldest call left the live file
    repo.close()
    return account


async def test_the_account_page_opens_its_call_history_archive_included(
    make_app, with_why, open_repo, clock
) -> None:
    account = seed_history(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        app.push_screen(AccountScreen(account.uid))
        await settle(pilot)
        assert "h History" in footer_line(app)
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, CallHistoryScreen)
        shown = on_screen(app)
        assert "Call history · Nordvale Foods" in shown
        assert "5 calls debriefed: 1 advance, 4 continuations; the best outcome in 1." in shown
        assert OLDEST in shown  # read from the archive
        # The newest first, its whole debrief below the list.
        assert f"Aimed for: {LAST}" in shown
        assert "advance — the client committed to a next step" in shown
        assert "Result: got the best outcome;" in shown
        assert "Notes: Notes of week 4" in shown
        await pilot.press(*["down"] * 4)  # to the oldest
        await settle(pilot)
        shown = on_screen(app)
        assert f"Aimed for: {OLDEST}" in shown
        assert "Result: got the minimum;" in shown  # stored as "partly": the same words everywhere
        assert "They promised: Send the waste figures (kept 7 Mar 2024)" in shown
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, AccountScreen)


async def test_the_calls_list_opens_the_history_of_the_highlighted_calls_account(
    make_app, with_why, open_repo, clock
) -> None:
    seed_history(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await open_calls(pilot)
        assert "h History" in footer_line(app)
        await pilot.press("question_mark")
        await settle(pilot)
        assert "The highlighted call's account: every debriefed call" in on_screen(app)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, CallHistoryScreen)
        assert "Call history · Nordvale Foods" in on_screen(app)
        assert OLDEST in on_screen(app)


async def test_with_no_call_listed_the_calls_list_asks_whose_history(
    make_app, with_why, open_repo, clock
) -> None:
    repo = open_repo()
    account = Account("Nordvale Foods", created_at=clock())
    repo.accounts.save(account)
    repo.close()
    app = make_app()
    async with run(app) as pilot:
        await open_calls(pilot)
        await pilot.press("h")
        await settle(pilot)
        assert "Whose call history?" in on_screen(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CallHistoryScreen)
        assert "No debriefed calls with Nordvale Foods yet." in on_screen(app)
