"""Every guided flow left half done is offered when coach starts, and opens where it belongs.

"Today" is Tuesday 24 Nov 2026, 08:30 in Berlin (the FakeClock).
"""

from datetime import datetime

import pytest
from textual.widgets import OptionList

from coach_tui.model.account import Account, ExpansionKind, StrategicObjective
from coach_tui.model.call import Call
from coach_tui.model.contact import BuyingRole, Contact
from coach_tui.model.draft import FlowDraft
from coach_tui.ui.screens.account import AccountScreen
from coach_tui.ui.screens.campaign_flow import CampaignFlowScreen
from coach_tui.ui.screens.dashboard import DashboardScreen
from coach_tui.ui.screens.debrief_flow import DebriefFlowScreen
from coach_tui.ui.screens.entry import AccountEntryScreen
from coach_tui.ui.screens.objective_flow import ObjectiveFlowScreen
from coach_tui.ui.screens.plan_year import PlanYearScreen
from coach_tui.ui.screens.prep_flow import PrepFlowScreen
from coach_tui.ui.screens.resume_offer import ResumeOfferScreen
from coach_tui.ui.screens.review_flow import WeekReviewFlowScreen
from coach_tui.ui.screens.why_flow import WhyFlowScreen
from tests.helpers import BERLIN, on_screen, widget_text
from tests.ui.flow import paste, run, settle

YESTERDAY_10 = datetime(2026, 11, 23, 10, 0, tzinfo=BERLIN)


def seed(open_repo, clock) -> tuple[Account, Call]:
    """One account with a person, an objective and a call held yesterday."""
    repo = open_repo()
    account = Account("Nordvale Foods", created_at=clock())
    repo.accounts.save(account)
    objective = StrategicObjective(
        account.uid, "All five plants plan on our suite", ExpansionKind.WIDER_DEPLOYMENT,
        client_goal="Cut waste 20%", created_at=clock(),
    )  # fmt: skip
    repo.objectives.save(objective)
    repo.contacts.save(Contact("Greta Lindqvist", account_uid=account.uid, role=BuyingRole.USER))
    call = Call(account.uid, YESTERDAY_10, objective_uid=objective.uid)
    repo.calls.save(call)
    repo.close()
    return account, call


def save_draft(open_repo, clock, flow: str, step: int, answers: dict[str, str]) -> None:
    repo = open_repo()
    repo.drafts.save(FlowDraft(flow, step, answers, clock()))
    repo.close()


async def pick_up(pilot) -> None:
    """Accept the start-up offer's highlighted flow."""
    await settle(pilot)
    assert isinstance(pilot.app.screen, ResumeOfferScreen)
    await pilot.press("enter")
    await settle(pilot)
    await settle(pilot)


async def test_a_quit_objective_is_offered_on_start_and_reopens_on_its_account(
    make_app, with_why, open_repo, clock
) -> None:
    account, _ = seed(open_repo, clock)  # with an objective: this is a rewording
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        app.push_screen(AccountScreen(account.uid))
        await settle(pilot)
        await pilot.press("o", "ctrl+s", "ctrl+s", "ctrl+s")
        await paste(pilot, "250k")
        await pilot.press("ctrl+q")
    app.repo.close()
    again = make_app()
    async with run(again) as pilot:
        await settle(pilot)
        assert "Pick up where you left off?" in on_screen(again)
        assert "Strategic objective for Nordvale Foods, at step 4" in on_screen(again)
        await pick_up(pilot)
        assert isinstance(again.screen, ObjectiveFlowScreen)
        assert "Step 4 of 7" in on_screen(again)
        assert again.screen.query_one("#answer-line").value == "250k"
        await pilot.press("escape", "escape", "escape", "escape")  # back to the first step, out
        await settle(pilot)
        assert isinstance(again.screen, AccountScreen)


async def test_the_account_page_shows_a_half_written_objective(
    make_app, with_why, open_repo, clock
) -> None:
    repo = open_repo()
    account = Account("Alder Plastics", created_at=clock())
    repo.accounts.save(account)
    repo.close()
    save_draft(open_repo, clock, f"objective:{account.uid}", 2, {"kind": "new line"})
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        await pilot.press("escape")  # not now: the page must say it too
        await settle(pilot)
        app.push_screen(AccountScreen(account.uid))
        await settle(pilot)
        shown = widget_text(app, app.screen.query_one("#objective-card"))
        assert "No strategic objective yet" not in shown
        assert "A new objective is in progress: you stopped at step 3 of 7 (Their goal)" in shown
        assert "Press o to carry on where you left off" in shown


async def test_the_plan_walk_through_key_accounts_is_offered_once(
    make_app, with_why, open_repo, clock
) -> None:
    repo = open_repo()
    first = Account("Alder Plastics", created_at=clock())
    second = Account("Birch Dairy", created_at=clock())
    repo.accounts.save(first)
    repo.accounts.save(second)
    repo.close()
    walk = {"accounts": f"{first.uid},{second.uid}"}
    save_draft(open_repo, clock, "plan-year:objectives", 1, walk)
    save_draft(open_repo, clock, f"objective:{second.uid}", 1, {"kind": "new market"})
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        options = app.screen.query_one("#resume-flows", OptionList)
        assert options.option_count == 1  # the walk carries the objective it is on
        assert "Plan the year: the objectives of your key accounts, 1 of 2 done" in on_screen(app)
        await pick_up(pilot)
        assert isinstance(app.screen, ObjectiveFlowScreen)
        assert "Birch Dairy" in on_screen(app)
        assert "Step 2 of 7" in on_screen(app)


@pytest.mark.parametrize(
    ("kind", "screen", "beneath"),
    [
        ("prep", PrepFlowScreen, AccountScreen),
        ("debrief", DebriefFlowScreen, AccountScreen),
        ("campaign", CampaignFlowScreen, AccountEntryScreen),
        ("objective", ObjectiveFlowScreen, AccountScreen),
        ("review", WeekReviewFlowScreen, DashboardScreen),
        ("plan-year", PlanYearScreen, DashboardScreen),
        ("why", WhyFlowScreen, DashboardScreen),
    ],
)
async def test_every_flow_with_a_draft_is_offered_and_reopens_where_it_belongs(
    make_app, with_why, open_repo, clock, kind, screen, beneath
) -> None:
    account, call = seed(open_repo, clock)
    subject = {"prep": call.uid, "debrief": call.uid, "campaign": account.uid}
    subject |= {"objective": account.uid, "review": "2026-W47"}
    flow = f"{kind}:{subject[kind]}" if kind in subject else kind
    save_draft(open_repo, clock, flow, 1, {})
    app = make_app()
    async with run(app) as pilot:
        await pick_up(pilot)
        assert isinstance(app.screen, screen)
        assert app.screen.flow == flow
        assert "Step 2 of" in on_screen(app)
        assert isinstance(app.screen_stack[-2], beneath)


async def test_later_keeps_every_draft_and_the_palette_offers_them_again(
    make_app, with_why, open_repo, clock
) -> None:
    _, call = seed(open_repo, clock)
    save_draft(open_repo, clock, f"debrief:{call.uid}", 2, {})
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        assert "Debrief of the call with Nordvale Foods, at step 3" in on_screen(app)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert app.repo.drafts.get(f"debrief:{call.uid}") is not None
        await pilot.press("ctrl+p")
        await settle(pilot)
        await paste(pilot, "Carry on where")
        await pilot.press("enter")
        await settle(pilot)
        await pick_up(pilot)
        assert isinstance(app.screen, DebriefFlowScreen)


async def test_no_offer_without_drafts(make_app, with_why) -> None:
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
