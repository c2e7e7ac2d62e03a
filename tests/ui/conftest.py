"""Fixtures for driving the real app with Textual's pilot."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from coach_tui.model.day import DayPlan, Priority
from coach_tui.model.why import new_why
from coach_tui.store.repository import Repository
from coach_tui.ui.app import CoachApp
from tests.helpers import FakeClock


@pytest.fixture
def make_app(open_repo: Callable[[], Repository], clock: FakeClock) -> Callable[..., CoachApp]:
    """A CoachApp on the test data folder (each call opens the folder again)."""

    def factory(*, theme: str | None = None) -> CoachApp:
        return CoachApp(open_repo(), theme=theme, clock=clock)

    return factory


@pytest.fixture
def with_why(open_repo: Callable[[], Repository], clock: FakeClock) -> str:
    """A data folder whose seller already wrote a why (a month before 'today') and has
    planned today, so the app opens on the dashboard."""
    repo = open_repo()
    statement = "I sell so my kids see what steady, honest work builds."
    answers = {"gives": "A home", "seller": "Trusted", "win": "Northwind"}
    repo.why.save(new_why(statement, answers, now=clock() - timedelta(days=30)))
    repo.days.save(DayPlan(clock().date(), (Priority("Prep the Nordvale call"),)))
    repo.close()
    return statement
