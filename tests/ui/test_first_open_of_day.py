"""The day's first open: the morning plan is drawn before its agenda is read, and the day's
backup, taken beside the first screen, still says when it failed."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from coach_tui.cli import open_for_app
from coach_tui.model.account import Account
from coach_tui.model.why import new_why
from coach_tui.store import store as store_module
from coach_tui.store.repository import Repository
from coach_tui.store.today_digest import load_digest
from coach_tui.ui.app import CoachApp
from coach_tui.ui.screens import morning
from coach_tui.ui.screens.morning import MorningPlanScreen
from tests.helpers import FakeClock, notices, screen_text, squashed
from tests.ui.flow import run, settle

WHY = "I sell so my kids see steady work."


def gated(monkeypatch, module: object, name: str) -> threading.Event:
    """`module.name` waits until the returned event is set (a slow read or a slow disk)."""
    go_on = threading.Event()
    real = getattr(module, name)

    def waiting(*args, **kwargs):
        assert go_on.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, waiting)
    return go_on


async def test_the_plan_shows_the_why_at_once_and_the_coach_line_once_read(
    make_app: Callable[[], CoachApp], open_repo, clock: FakeClock, monkeypatch
) -> None:
    repo = open_repo()
    repo.why.save(new_why(WHY, {}, now=clock()))
    repo.close()
    agenda_read = gated(monkeypatch, morning, "todays_agenda_kept")
    app = make_app()
    async with run(app) as pilot:
        try:
            await pilot.pause()
            await pilot.pause()
            assert isinstance(app.screen, MorningPlanScreen)
            text = squashed(screen_text(app))
            assert WHY in text and "Three priorities for today" in text
            assert morning.READING in text
            assert "Coach:" not in text
        finally:
            agenda_read.set()
        await settle(pilot)
        text = squashed(screen_text(app))
        assert "Coach: No calls today." in text
        assert morning.READING not in text
    # What the plan read is kept for the next `coach today` (a status line reads only that).
    assert load_digest(app.repo.data_dir) is not None


async def test_a_backup_failing_after_the_first_screen_is_still_told(
    data_dir: Path, clock: FakeClock, monkeypatch
) -> None:
    repo = Repository.open(data_dir, clock=clock)
    repo.accounts.save(Account("Nordvale Foods"))
    repo.close()
    clock.advance(days=1)  # today's first open: the day's backup is taken
    (data_dir / "backups").rename(data_dir / "old-backups")
    (data_dir / "backups").write_text("a file in the way")
    disk = gated(monkeypatch, store_module, "daily_backup")
    app = CoachApp(Repository.open(data_dir, clock=clock, backup_in_background=True), clock=clock)
    try:
        async with run(app) as pilot:
            try:
                await pilot.pause()
                assert "daily backup" not in notices(app)  # still copying
            finally:
                disk.set()
            await settle(pilot)
            assert notices(app).count("The daily backup") == 1
    finally:
        app.repo.close()


async def test_the_days_backup_starts_once_the_plan_shows_its_agenda(
    data_dir: Path, clock: FakeClock, monkeypatch
) -> None:
    repo = Repository.open(data_dir, clock=clock)
    repo.why.save(new_why(WHY, {}, now=clock()))
    repo.close()
    clock.advance(days=1)  # today's first open (the app's open keeps the machine's clock)
    agenda_read = gated(monkeypatch, morning, "todays_agenda_kept")
    app = CoachApp(open_for_app(data_dir, lambda _path, _sample: False), clock=clock)
    today = data_dir / "backups" / app.repo.store.today().isoformat()  # the store's own day
    try:
        async with run(app) as pilot:
            try:
                await pilot.pause()
                await pilot.pause()
                assert isinstance(app.screen, MorningPlanScreen)
                app.repo.store.wait_for_backup()
                assert not today.exists()  # the copy would compete with drawing the plan
            finally:
                agenda_read.set()
            await settle(pilot)
            assert "Coach:" in squashed(screen_text(app))
            app.repo.store.wait_for_backup()
            assert (today / "core.json").exists()
    finally:
        app.repo.close()
