"""Once a day, after the dashboard has its data, old history leaves the daily files."""

from __future__ import annotations

from datetime import date

import orjson

from coach_tui.store import archive as archive_module
from coach_tui.ui.screens.dashboard import DashboardScreen
from tests.ui.flow import run, settle
from tests.unit.test_archive import closed_touch


async def test_the_app_moves_old_touches_out_after_the_dashboard_loads(
    make_app, open_repo, with_why, data_dir, monkeypatch
) -> None:
    passes: list[date] = []
    real = archive_module.archive_old_history
    monkeypatch.setattr(
        archive_module,
        "archive_old_history",
        lambda store, day: (passes.append(day), real(store, day))[1],
    )
    repo = open_repo()
    ancient, recent = closed_touch(date(2023, 5, 2)), closed_touch(date(2026, 11, 2))
    repo.touches.save_many([ancient, recent])
    repo.close()

    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        await app.workers.wait_for_complete()
        live = orjson.loads((data_dir / "touches.json").read_bytes())["touches"]
        archived = orjson.loads((data_dir / "archive.json").read_bytes())["touches_archive"]
        recent_file = orjson.loads((data_dir / "recent.json").read_bytes())["touches_recent"]
        assert list(live.values()) == []  # closed, of no running campaign: both left
        assert [r["uid"] for r in archived.values()] == [ancient.uid]
        assert [r["uid"] for r in recent_file.values()] == [recent.uid]
        # Returning to the dashboard the same day does not run the pass again.
        await pilot.press("c", "escape")
        await settle(pilot)
        await app.workers.wait_for_complete()
        assert passes == [date(2026, 11, 24)]
        assert app.repo.touches.for_account("acc") == [ancient, recent]
