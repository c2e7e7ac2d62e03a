"""Screens open each other through routes: the app's router builds the screen a route names.

"Today" is Tuesday 24 Nov 2026, 08:30 in Berlin (the FakeClock).
"""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from coach_tui.model.account import Account
from coach_tui.model.draft import FlowDraft
from coach_tui.ui import router, routes
from coach_tui.ui.routes import (
    AccountPickerRoute,
    AccountRoute,
    EntryRoute,
    ObjectiveRoute,
    PastReviewsRoute,
)
from coach_tui.ui.screens.account import AccountScreen
from coach_tui.ui.screens.entry import AccountEntryScreen
from coach_tui.ui.screens.objective_flow import ObjectiveFlowScreen
from coach_tui.ui.screens.reviews import ReviewsScreen
from tests.helpers import on_screen
from tests.ui.flow import run, settle


def test_every_route_has_a_screen() -> None:
    declared = {
        value
        for _, value in inspect.getmembers(routes, inspect.isclass)
        if dataclasses.is_dataclass(value) and value.__module__ == routes.__name__
    }
    assert declared == set(router._OPENERS)


def saved_account(open_repo, clock) -> Account:
    repo = open_repo()
    account = Account("Nordvale Foods", created_at=clock())
    repo.accounts.save(account)
    repo.close()
    return account


async def test_a_route_opens_the_screen_it_names(make_app, with_why, open_repo, clock) -> None:
    account = saved_account(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        opened = app.open(AccountRoute(account.uid))
        await settle(pilot)
        assert isinstance(app.screen, AccountScreen)
        assert app.screen is opened
        assert "Nordvale Foods" in on_screen(app)
        app.open(EntryRoute(account.uid))
        await settle(pilot)
        assert isinstance(app.screen, AccountEntryScreen)


async def test_a_routed_screen_hands_its_result_to_the_callback(make_app, with_why) -> None:
    picked: list[str | None] = []
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        app.open(AccountPickerRoute({"n": "Nordvale Foods"}, "Which account?"), picked.append)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
    assert picked == ["n"]


async def test_a_flow_route_resumes_the_flows_draft(make_app, with_why, open_repo, clock) -> None:
    account = saved_account(open_repo, clock)
    repo = open_repo()
    route = ObjectiveRoute(account, current=None, default_currency="EUR")
    repo.drafts.save(FlowDraft(route.flow, 2, {"kind": "new line"}, clock()))
    repo.close()
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        await pilot.press("escape")  # not now, to the start-up offer of that draft
        await settle(pilot)
        assert app.open(route) is None  # a flow may ask about its draft before it shows
        await settle(pilot)
        assert isinstance(app.screen, ObjectiveFlowScreen)
        assert "Step 3 of 7" in on_screen(app)


async def test_a_screen_already_in_front_is_not_opened_twice(make_app, with_why) -> None:
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        app.open(PastReviewsRoute())
        await settle(pilot)
        app.open(PastReviewsRoute())
        await settle(pilot)
        assert isinstance(app.screen, ReviewsScreen)
        assert sum(isinstance(screen, ReviewsScreen) for screen in app.screen_stack) == 1


@dataclasses.dataclass(frozen=True)
class NowhereRoute:
    """A route no screen answers to."""


async def test_a_route_without_a_screen_fails_loudly(make_app, with_why) -> None:
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        with pytest.raises(LookupError, match="NowhereRoute"):
            app.open(NowhereRoute())
