"""Plan the year: targets and key accounts in one sitting, then each account's objective."""

from decimal import Decimal

from coach_tui.coaching.plan_year import OBJECTIVE_WALK, PLAN_FLOW
from coach_tui.model.account import Account
from coach_tui.model.goal import Metric
from coach_tui.ui.screens.dashboard import DashboardScreen
from coach_tui.ui.screens.objective_flow import ObjectiveFlowScreen
from coach_tui.ui.screens.plan_year import PlanYearScreen
from tests.helpers import notices, screen_text, squashed
from tests.ui.flow import later, paste, run, settle
from tests.unit.faults import NthWriteFails


async def answer_objective(pilot, description: str) -> None:
    assert isinstance(pilot.app.screen, ObjectiveFlowScreen)
    await pilot.press("ctrl+s")  # first kind in the list
    await paste(pilot, description)
    await pilot.press("ctrl+s")
    await paste(pilot, "Grow margin")
    await pilot.press("ctrl+s")
    await paste(pilot, "100k")
    await pilot.press("ctrl+s")
    await paste(pilot, "end of next quarter")
    await pilot.press("ctrl+s", "ctrl+s", "ctrl+s")  # the date, no why now yet, save
    await settle(pilot)


async def test_plan_targets_then_objectives_for_each_key_account(
    make_app, with_why, open_repo, clock
) -> None:
    repo = open_repo()
    repo.accounts.save(Account(name="Nordvale Foods", created_at=clock()))
    repo.close()
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, PlanYearScreen)
        assert "= 1 Jan – 31 Dec 2027" in screen_text(app)  # November: next year is planned
        await pilot.press("ctrl+s")
        await paste(pilot, "1.2m")
        assert "= $1,200,000" in screen_text(app)
        await pilot.press("ctrl+s")
        await paste(pilot, "24")
        await pilot.press("ctrl+s", "ctrl+s", "ctrl+s")  # no new-accounts target (asked once)
        assert "Nordvale Foods" in squashed(screen_text(app))  # existing accounts listed
        await paste(pilot, "nordvale foods\nHarbor & Finch\n\nnordvale foods")
        await pilot.press("ctrl+s")
        review = squashed(screen_text(app))
        assert "Revenue: $1,200,000" in review
        assert "Deals won: 24" in review
        assert "New accounts: not set" in review
        assert "Key accounts (2): Nordvale Foods, Harbor & Finch (new)" in review
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Key account 1 of 2: Nordvale Foods." in notices(app)
        await answer_objective(pilot, "Their frozen line buys too")
        assert "Key account 2 of 2: Harbor & Finch." in notices(app)
        await answer_objective(pilot, "All plants on our suite")
        assert isinstance(app.screen, DashboardScreen)
        assert "Plan complete" in notices(app)

    goals = {g.metric: g for g in app.repo.goals.performance()}
    assert set(goals) == {Metric.REVENUE, Metric.DEALS}
    assert goals[Metric.REVENUE].target == Decimal("1200000.00")
    assert goals[Metric.REVENUE].name == "Revenue 2027"
    assert str(goals[Metric.DEALS].start) == "2027-01-01"
    accounts = {a.name: a for a in app.repo.accounts.all()}
    assert set(accounts) == {"Nordvale Foods", "Harbor & Finch"}
    for account in accounts.values():
        assert app.repo.objectives.active_for(account.uid) is not None
    assert app.repo.drafts.get(PLAN_FLOW) is None
    assert app.repo.drafts.get(OBJECTIVE_WALK) is None


async def test_leaving_half_way_resumes_with_the_next_account(make_app, with_why) -> None:
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        await pilot.press("y", "ctrl+s")
        for _ in range(3):
            await pilot.press("ctrl+s", "ctrl+s")
        await paste(pilot, "Alpha Mills\nBeta Works")
        await pilot.press("ctrl+s", "ctrl+s")
        await settle(pilot)
        await answer_objective(pilot, "Alpha opens its second site to us")
        await pilot.press("escape")  # leave Beta's objective at the first step
        await settle(pilot)
        assert "Plan paused with 1 key account to go" in notices(app)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, ObjectiveFlowScreen)
        assert "Beta Works" in screen_text(app)


async def test_quitting_the_plan_flow_keeps_its_answers(make_app, with_why) -> None:
    app = make_app()
    async with run(app) as pilot:
        await later(pilot)  # the offer of half-done flows
        await settle(pilot)
        await pilot.press("y", "ctrl+s")
        await paste(pilot, "900k")
        await pilot.press("ctrl+q")
    draft = app.repo.drafts.get(PLAN_FLOW)
    assert draft is not None
    assert draft.step == 1
    assert draft.answer("revenue") == "900k"
    app.repo.close()
    again = make_app()
    async with run(again) as pilot:
        await later(pilot)  # the offer of half-done flows
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert "Step 2 of 6" in screen_text(again)


async def test_bad_year_and_bad_target_are_refused(make_app, with_why) -> None:
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        await pilot.press("y")
        for _ in range(4):
            await pilot.press("backspace")
        await paste(pilot, "1999")
        await pilot.press("ctrl+s")
        assert "Plan a year from 2025 to 2028" in squashed(screen_text(app))
        for _ in range(4):
            await pilot.press("backspace")
        await paste(pilot, "2027")
        await pilot.press("ctrl+s")
        await paste(pilot, "lots")
        await pilot.press("ctrl+s")
        assert "'lots' is not an amount" in squashed(screen_text(app))
        assert "Step 2 of 6" in screen_text(app)
    assert app.repo.goals.performance() == []


async def test_replanning_updates_the_years_goals_and_keeps_progress(
    make_app, with_why, open_repo, clock
) -> None:
    from coach_tui.model.goal import ProgressEntry, new_performance_goal

    repo = open_repo()
    goal = new_performance_goal(
        name="Revenue 2027", metric=Metric.REVENUE, target="1m",
        start=clock().date().replace(year=2027, month=1, day=1),
        end=clock().date().replace(year=2027, month=12, day=31), default_currency="USD",
    )  # fmt: skip
    repo.goals.save(goal)
    repo.goals.add_progress(goal.uid, ProgressEntry(goal.start, Decimal(5000), "early deal"))
    repo.close()
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        await pilot.press("y", "ctrl+s")
        assert app.screen.query_one("#answer-line").value == "$1,000,000"
        for _ in range(len("$1,000,000")):
            await pilot.press("backspace")
        await paste(pilot, "1.5m")
        for _ in range(4):
            await pilot.press("ctrl+s", "ctrl+s")
        await pilot.press("ctrl+s")
        await settle(pilot)
    (saved,) = app.repo.goals.performance()
    assert saved.uid == goal.uid
    assert saved.target == Decimal("1500000.00")
    assert len(saved.progress) == 1


async def test_a_count_target_of_two_and_a_half_is_refused(make_app, with_why) -> None:
    """The echo no longer says "= 2" for 2.5, and nothing fractional is saved."""
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        await pilot.press("ctrl+s")  # the year offered
        await pilot.press("ctrl+s", "ctrl+s")  # no revenue target (asked once)
        await pilot.press("ctrl+s", "ctrl+s")  # no deals target
        await paste(pilot, "2.5")
        assert "= 2" not in screen_text(app)
        await pilot.press("ctrl+s")
        text = squashed(screen_text(app))
        assert "'2.5' is not a whole number. Type 2 or 3." in text
        assert "Step 4 of 6" in text
        for _ in range(3):
            await pilot.press("backspace")
        await paste(pilot, "3")
        assert "= 3" in screen_text(app)
        await pilot.press("ctrl+s")
        assert "Step 5 of 6" in screen_text(app)
    assert app.repo.goals.performance() == []


async def test_the_first_currency_typed_becomes_the_default_after_asking_once(
    make_app, with_why, open_repo, clock
) -> None:
    """€1.2m of revenue, then an objective's "100k": both in euros, not €1.2m beside $100k."""
    repo = open_repo()
    repo.accounts.save(Account(name="Nordvale Foods", created_at=clock()))
    repo.close()
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        await pilot.press("ctrl+s")  # the year offered
        await paste(pilot, "€1.2m")
        assert "= €1,200,000 · EUR becomes your default currency" in squashed(screen_text(app))
        await pilot.press("ctrl+s")
        text = squashed(screen_text(app))
        assert "That target is in EUR; amounts typed without a currency mean USD so far." in text
        assert "Step 2 of 6" in text
        await pilot.press("ctrl+s")  # asked once: on
        assert "Step 3 of 6" in screen_text(app)
        await pilot.press("ctrl+s", "ctrl+s", "ctrl+s", "ctrl+s")  # no deals, no new accounts
        await paste(pilot, "Nordvale Foods")
        await pilot.press("ctrl+s")
        assert "Revenue: €1,200,000" in squashed(screen_text(app))
        await pilot.press("ctrl+s")
        await settle(pilot)
        await answer_objective(pilot, "Their frozen line buys too")  # types "100k"
        assert isinstance(app.screen, DashboardScreen)
    assert app.repo.settings.get().currency == "EUR"
    (account,) = app.repo.accounts.all()
    objective = app.repo.objectives.active_for(account.uid)
    assert objective is not None and objective.financial_target is not None
    assert (objective.financial_target.amount, objective.financial_target.currency) == (
        Decimal(100_000),
        "EUR",
    )


async def test_a_plan_that_fails_to_save_saves_nothing_and_a_retry_adds_no_account_twice(
    make_app, with_why, monkeypatch
) -> None:
    """The disk fills up while the plan is saved: the seller is told, nothing half-saved
    stays behind, and saving again once there is room makes each new account once."""
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        await pilot.press("y", "ctrl+s")
        for _ in range(3):
            await pilot.press("ctrl+s", "ctrl+s")
        await paste(pilot, "Alpha Mills")
        await pilot.press("ctrl+s")
        await settle(pilot)
        disk = NthWriteFails(monkeypatch, nth=2)  # accounts.json, then core.json (the walk)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "disk is full" in squashed(screen_text(app))
        assert isinstance(app.screen, PlanYearScreen)
        assert disk.written == ["accounts.json", "core.json"]
        assert app.repo.accounts.all() == []
        monkeypatch.undo()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ObjectiveFlowScreen)
    assert [a.name for a in app.repo.accounts.all()] == ["Alpha Mills"]
