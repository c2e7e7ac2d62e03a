"""The dashboard once there are objectives and goals: urgent first, pace said plainly."""

from datetime import date, timedelta
from decimal import Decimal

from coach_tui.model.account import Account, ExpansionKind, StrategicObjective
from coach_tui.model.goal import Metric, ProgressEntry, new_performance_goal
from coach_tui.model.money import Money
from tests.helpers import widget_text
from tests.ui.flow import run, settle


def seed(open_repo, clock) -> None:
    repo = open_repo()
    today = clock().date()
    for name, description, days, target, goal in (
        ("Nordvale Foods", "Frozen line buys our suite", 60, 250_000, "Less waste"),
        ("Harbor & Finch", "All plants on our suite", -10, 400_000, "Uptime"),
        ("Quillon Labs", "Clinical arm joins", None, None, ""),
    ):
        account = Account(name=name, created_at=clock())
        repo.accounts.save(account)
        repo.objectives.save(
            StrategicObjective(
                account.uid, description, ExpansionKind.WIDER_DEPLOYMENT, goal,
                Money(Decimal(target), "USD") if target else None,
                today + timedelta(days=days) if days is not None else None,
            )
        )  # fmt: skip
    goal = new_performance_goal(
        name="Revenue 2026", metric=Metric.REVENUE, target="1.2m",
        start=date(2026, 1, 1), end=date(2026, 12, 31), default_currency="USD",
    )  # fmt: skip
    repo.goals.save(goal)
    repo.goals.add_progress(goal.uid, ProgressEntry(date(2026, 6, 1), Decimal(600_000)))
    deals = new_performance_goal(
        name="Deals 2026", metric=Metric.DEALS, target="20",
        start=date(2026, 1, 1), end=date(2026, 12, 31), default_currency="USD",
    )  # fmt: skip
    repo.goals.save(deals)
    repo.goals.add_progress(deals.uid, ProgressEntry(date(2026, 11, 1), Decimal(19)))
    repo.close()


async def test_objectives_panel_puts_what_needs_attention_first(
    make_app, with_why, open_repo, clock
) -> None:
    seed(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        panel = widget_text(app, app.screen.query_one("#objectives"))
    late = panel.index("Harbor & Finch")
    incomplete = panel.index("Quillon Labs")
    fine = panel.index("Nordvale Foods")
    assert late < incomplete < fine
    assert "10 days late" in panel
    assert "Past its date and still open." in panel
    assert "⚠ Needs client goal, target, date." in panel
    assert "Nordvale Foods 23 Jan 2027 · 60 days left" in panel


async def test_pace_panel_says_behind_plainly_with_the_weekly_need(
    make_app, with_why, open_repo, clock
) -> None:
    seed(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        panel = widget_text(app, app.screen.query_one("#pace"))
    # 24 Nov is day 328 of 365: the line says $1,078,356 by today; $600,000 is 44% short.
    # 38 days (5.43 weeks) are left counting today: $600,000 / 5.43 = $110,526 a week.
    assert "Revenue 2026 $600,000 of $1,200,000 (50%)" in panel
    assert "behind pace" in panel
    assert "Behind pace by $478,356" in panel
    assert "(44% short of where the line is today)" in panel
    assert "$110,526 a week from here finishes on target" in panel
    assert "Deals 2026 19 of 20 deals won (95%)" in panel
    assert panel.index("Revenue 2026") < panel.index("Deals 2026")  # behind pace comes first
    assert "ahead of pace" in panel
