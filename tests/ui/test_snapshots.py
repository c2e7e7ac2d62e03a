"""Whole-screen snapshots: catch layout regressions a targeted assertion would miss.

Each scene's screen text is compared with tests/snapshots/<scene>.txt. After an intended
layout change, run `python -m pytest tests/ui/test_snapshots.py --snapshot-update` and
review the diff. Updating also refreshes the SVG screenshot used in the README.
"""

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from coach_tui.model.account import Account, ExpansionKind, StrategicObjective
from coach_tui.model.goal import Metric, ProgressEntry, new_performance_goal
from coach_tui.model.money import Money
from tests.helpers import screen_text
from tests.ui.flow import paste, run, settle

SNAPSHOTS = Path(__file__).parents[1] / "snapshots"


def seed_plan(open_repo, clock) -> None:
    """A small but real plan: three accounts with objectives, two goals with progress."""
    repo = open_repo()
    today = clock().date()
    for name, kind, text, goal, amount, days in (
        (
            "Harbor & Finch",
            ExpansionKind.WIDER_DEPLOYMENT,
            "All five plants plan on our suite",
            "Cut unplanned downtime by 30%",
            400_000,
            -6,
        ),
        (
            "Nordvale Foods",
            ExpansionKind.NEW_LINE_OF_BUSINESS,
            "Frozen division adopts us",
            "Halve waste in frozen",
            250_000,
            68,
        ),
        ("Quillon Labs", ExpansionKind.NEW_MARKET, "Their clinical arm signs", "", None, None),
    ):
        account = Account(name=name, created_at=clock())
        repo.accounts.save(account)
        repo.objectives.save(StrategicObjective(
            account.uid, text, kind, goal, Money(Decimal(amount), "USD") if amount else None,
            today + timedelta(days=days) if days is not None else None, created_at=clock(),
        ))  # fmt: skip
    revenue = new_performance_goal(
        name="Revenue 2026", metric=Metric.REVENUE, target="1.2m", start=date(2026, 1, 1),
        end=date(2026, 12, 31), default_currency="USD",
    )  # fmt: skip
    repo.goals.save(revenue)
    repo.goals.add_progress(revenue.uid, ProgressEntry(date(2026, 9, 30), Decimal(870_000)))
    meetings = new_performance_goal(
        name="New accounts 2026", metric=Metric.NEW_ACCOUNTS, target="6",
        start=date(2026, 1, 1), end=date(2026, 12, 31), default_currency="USD",
    )  # fmt: skip
    repo.goals.save(meetings)
    repo.goals.add_progress(meetings.uid, ProgressEntry(date(2026, 10, 2), Decimal(6)))
    repo.close()


README_SCREENSHOT = SNAPSHOTS / "dashboard.svg"


def check(request: pytest.FixtureRequest, name: str, text: str) -> None:
    expected = SNAPSHOTS / f"{name}.txt"
    if request.config.getoption("--snapshot-update"):
        expected.write_text(text + "\n", encoding="utf-8")
        return
    assert expected.exists(), f"no snapshot {expected.name}: run pytest with --snapshot-update"
    assert text + "\n" == expected.read_text(encoding="utf-8")


async def test_first_run(request, make_app) -> None:
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        check(request, "first_run", screen_text(app))


async def test_dashboard_with_why(request, make_app, with_why) -> None:
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        check(request, "dashboard", screen_text(app))


async def test_dashboard_with_a_plan(request, make_app, with_why, open_repo, clock) -> None:
    seed_plan(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        check(request, "dashboard_planned", screen_text(app))
        if request.config.getoption("--snapshot-update"):
            README_SCREENSHOT.write_text(app.export_screenshot(title="coach"), encoding="utf-8")


async def test_accounts_list(request, make_app, with_why, open_repo, clock) -> None:
    seed_plan(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        check(request, "accounts", screen_text(app))
        await pilot.press("enter")
        await settle(pilot)
        check(request, "account", screen_text(app))


async def test_why_flow_first_step(request, make_app) -> None:
    app = make_app()
    async with run(app) as pilot:
        await pilot.press("enter")
        await paste(pilot, "A home for my kids, and the pride of doing hard work well.")
        check(request, "why_flow_step_1", screen_text(app))


async def test_why_flow_statement_step(request, make_app, with_why) -> None:
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        await pilot.press("w", "ctrl+s", "ctrl+s", "ctrl+s")
        await pilot.pause()
        check(request, "why_flow_statement", screen_text(app))


async def test_why_history(request, make_app, with_why) -> None:
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        check(request, "why_history", screen_text(app))


async def test_objective_review(request, make_app, with_why, open_repo, clock) -> None:
    seed_plan(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        await pilot.press("a", "enter")
        await settle(pilot)
        await pilot.press("o")
        for _ in range(5):
            await pilot.press("ctrl+s")
        await pilot.pause()
        check(request, "objective_review", screen_text(app))


async def test_help(request, make_app, with_why) -> None:
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        check(request, "help", screen_text(app))


async def test_weekly_review_opens_on_the_week_in_numbers(
    request, make_app, with_why, open_repo, clock
) -> None:
    from tests.ui.test_weekly_review import seed_week

    seed_week(open_repo)
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        app.screen.query_one("#flow").scroll_end(animate=False)
        await pilot.pause()
        check(request, "weekly_review_numbers", screen_text(app))
