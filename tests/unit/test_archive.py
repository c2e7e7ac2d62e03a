"""The yearly archive: old history leaves the daily files, and nothing a screen shows changes.

Rules checked one by one on hand-made records, then as a whole on two years of demo
history: every daily read (dashboard digest, stall questions, touch queue, calls screen,
account card) and the weekly figures of recent and old weeks agree before and after.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import orjson
import pytest

from coach_tui.coaching.calls import stalls_by_account, stalls_in
from coach_tui.demo.generate import build_demo
from coach_tui.demo.write import write_demo_data
from coach_tui.model.account import Account, ExpansionKind, ObjectiveStatus, StrategicObjective
from coach_tui.model.call import Call, Commitment, Debrief, Movement, Party, Result
from coach_tui.model.touch import Campaign, CampaignStatus, Channel, Purpose, Touch, TouchStatus
from coach_tui.model.week import IsoWeek
from coach_tui.services.weekly_review import read_week_report, read_week_sources
from coach_tui.store import storage
from coach_tui.store.archive import Moved, archive_old_history
from coach_tui.store.errors import StoreWriteError, UnreadableFile
from coach_tui.store.repository import Repository
from coach_tui.store.tiers import archived_before
from tests.helpers import FakeClock

Opener = Callable[[], Repository]
LONG_AGO = date(2024, 3, 4)  # 32 months before the test clock's 24 Nov 2026
LAST_MONTH = date(2026, 10, 20)  # inside the 13 weeks kept live


def closed_touch(day: date, campaign: str = "old-camp", account: str = "acc") -> Touch:
    return Touch(
        campaign,
        account,
        "person",
        day,
        Channel.EMAIL,
        Purpose.SHARE_INSIGHT,
        status=TouchStatus.DONE,
        closed_on=day,
    )


def debriefed(day: date, movement: Movement = Movement.CONTINUATION, **changes) -> Call:
    at = datetime(day.year, day.month, day.day, 10, tzinfo=FakeClock()().tzinfo)
    fields = {"account_uid": "acc", "when": at} | changes
    result = Result.REACHED if movement is Movement.ADVANCE else Result.PARTLY
    return Call(**fields, debrief=Debrief(result, movement, at=at))


def archive_file(data_dir: Path) -> dict:
    return orjson.loads((data_dir / "archive.json").read_bytes())


def recent_uids(data_dir: Path) -> list[str]:
    recent = orjson.loads((data_dir / "recent.json").read_bytes())["touches_recent"]
    return [r["uid"] for r in recent.values()]


# --- which touches go -----------------------------------------------------------------


def test_closed_touches_leave_the_live_file_old_ones_for_the_archive(repo, clock) -> None:
    old_done = closed_touch(LONG_AGO)
    old_skipped = replace(closed_touch(LONG_AGO), status=TouchStatus.SKIPPED)
    recent = closed_touch(LAST_MONTH)
    never_done = replace(closed_touch(LONG_AGO), status=TouchStatus.PLANNED, closed_on=None)
    repo.touches.save_many([old_done, old_skipped, recent, never_done])

    moved = archive_old_history(repo.store, clock().date())

    assert moved == Moved(touches=2, calls=0, settled_touches=1)
    live = {
        r["uid"]
        for r in orjson.loads((repo.data_dir / "touches.json").read_bytes())["touches"].values()
    }
    assert live == {never_done.uid}
    archived = archive_file(repo.data_dir)["touches_archive"].values()
    assert {r["uid"] for r in archived} == {old_done.uid, old_skipped.uid}
    assert recent_uids(repo.data_dir) == [recent.uid]  # the quarter the review reads
    # History still sees all four, once each.
    assert sorted(t.uid for t in repo.touches.for_account("acc")) == sorted(
        t.uid for t in (old_done, old_skipped, recent, never_done)
    )
    assert repo.touches.count() == 4


def test_touches_of_a_running_campaign_stay_live_however_old(repo, clock) -> None:
    running = Campaign("acc", "Long haul", LONG_AGO, ("person",), uid="running")
    stopped = Campaign(
        "acc", "Done with", LONG_AGO, ("person",), CampaignStatus.STOPPED, uid="stopped"
    )
    kept, gone = closed_touch(LONG_AGO, "running"), closed_touch(LONG_AGO, "stopped")
    repo.campaigns.save_plan(running, [kept])
    repo.campaigns.save_plan(stopped, [gone])

    # The stopped campaign goes too: none of its touches is left live.
    assert archive_old_history(repo.store, clock().date()) == Moved(touches=1, campaigns=1)
    assert repo.touches.for_campaign("running") == [kept]  # the entry screen's list
    assert repo.touches.for_campaign("stopped") == [gone]  # read back from the archive
    assert repo.campaigns.active_for("acc") == running


def test_finished_campaigns_move_once_none_of_their_touches_is_live(repo, clock) -> None:
    def campaign(uid: str, start: date, status: CampaignStatus, ended: date | None) -> Campaign:
        return Campaign("acc", uid, start, ("person",), status, ended_on=ended, uid=uid)

    gone = campaign("gone", LONG_AGO, CampaignStatus.SUCCEEDED, LONG_AGO + timedelta(days=40))
    holding = campaign("holding", LONG_AGO, CampaignStatus.STOPPED, LONG_AGO)
    recent = campaign("recent", LONG_AGO, CampaignStatus.STOPPED, LAST_MONTH)
    running = campaign("running", LONG_AGO, CampaignStatus.ACTIVE, None)
    repo.campaigns.save_plan(gone, [closed_touch(LONG_AGO, "gone")])
    never_closed = replace(closed_touch(LONG_AGO, "holding"), status=TouchStatus.PLANNED)
    repo.campaigns.save_plan(holding, [replace(never_closed, closed_on=None)])
    repo.campaigns.save_plan(recent, [closed_touch(LAST_MONTH, "recent")])
    repo.campaigns.save(running)

    assert archive_old_history(repo.store, clock().date()) == Moved(
        touches=1, campaigns=1, settled_touches=1
    )

    entry = orjson.loads((repo.data_dir / "entry.json").read_bytes())
    assert {r["uid"] for r in entry["campaigns"].values()} == {"holding", "recent", "running"}
    assert [r["uid"] for r in archive_file(repo.data_dir)["campaigns_archive"].values()] == ["gone"]
    assert archived_before(repo.store, "campaigns") == clock().date() - timedelta(weeks=13)
    # Still found by uid, and in the account's full list, but not in the daily one.
    assert repo.campaigns.get("gone") == gone
    assert [c.uid for c in repo.campaigns.for_account("acc")] == ["holding", "recent", "running"]
    everything = repo.campaigns.for_account("acc", include_archived=True)
    assert sorted(c.uid for c in everything) == ["gone", "holding", "recent", "running"]


def test_nothing_moves_until_something_is_a_month_past_the_boundary(repo, clock) -> None:
    """The big archive file is rewritten about monthly, not every day."""
    just_past = clock().date() - timedelta(weeks=14)  # past the 13-week boundary, not 17
    touch = closed_touch(just_past)
    repo.touches.save(touch)
    # Closed, of no running campaign: it leaves the live file at once, for the recent one.
    assert archive_old_history(repo.store, clock().date()) == Moved(settled_touches=1)
    assert not (repo.data_dir / "archive.json").exists()
    assert recent_uids(repo.data_dir) == [touch.uid]
    assert archive_old_history(repo.store, clock().date()) == Moved()
    assert archive_old_history(repo.store, clock().date(), force=True) == Moved(touches=1)
    assert recent_uids(repo.data_dir) == []
    assert repo.touches.for_account("acc") == [touch]


# --- which calls go -------------------------------------------------------------------


def test_debriefed_old_calls_move_except_what_the_daily_views_read(repo, clock) -> None:
    """Each account keeps its stall window live, and calls of an open objective stay."""
    repo.objectives.save(StrategicObjective("acc", "Open", ExpansionKind.NEW_MARKET, uid="open"))
    first = debriefed(LONG_AGO)
    middle = [debriefed(LONG_AGO + timedelta(weeks=n)) for n in range(1, 4)]
    advance = debriefed(LONG_AGO + timedelta(weeks=5), Movement.ADVANCE)
    later = [debriefed(LONG_AGO + timedelta(weeks=n)) for n in range(6, 10)]
    of_open_objective = debriefed(LONG_AGO + timedelta(days=1), objective_uid="open")
    never_debriefed = replace(debriefed(LONG_AGO + timedelta(days=2)), debrief=None)
    calls = [first, *middle, advance, *later, of_open_objective, never_debriefed]
    for call in calls:
        repo.calls.save(call)
    stall_before = stalls_by_account(repo.calls.for_account("acc"), clock().date())

    moved = archive_old_history(repo.store, clock().date())

    live = {call.uid for call in repo.calls.current()}
    # first debrief, last advance, last three debriefs, the open objective's, the waiting one
    assert live == {first.uid, advance.uid, *(c.uid for c in later[-3:])} | {
        of_open_objective.uid,
        never_debriefed.uid,
    }
    assert moved.calls == len(calls) - len(live)
    assert stalls_by_account(repo.calls.recent_for_account("acc"), clock().date()) == stall_before
    assert stall_before  # the rule had something to say, and still says it
    assert [c.uid for c in repo.calls.for_account("acc")] == [
        c.uid for c in sorted(calls, key=lambda c: c.when)
    ]
    # found in the archive, stamped when it was saved
    assert repo.calls.get(middle[0].uid) == replace(middle[0], updated_at=clock())
    assert len(repo.calls.all()) == len(calls)


def test_a_closed_objective_no_longer_keeps_its_calls(repo, clock) -> None:
    objective = StrategicObjective("acc", "Won", ExpansionKind.NEW_MARKET, uid="won")
    repo.objectives.save(objective)
    calls = [debriefed(LONG_AGO + timedelta(weeks=n), objective_uid="won") for n in range(6)]
    for call in calls:
        repo.calls.save(call)
    assert archive_old_history(repo.store, clock().date()).calls == 0
    repo.objectives.save(replace(objective, status=ObjectiveStatus.ACHIEVED, closed_at=clock()))
    assert archive_old_history(repo.store, clock().date()).calls == 2  # all but the window


def test_kept_promises_move_and_open_ones_stay_whatever_their_age(repo, clock) -> None:
    kept = Commitment("acc", Party.THEM, "Send the plant figures", LONG_AGO, done_on=LONG_AGO)
    open_old = Commitment("acc", Party.ME, "Send the case study", LONG_AGO)
    kept_lately = replace(kept, uid="lately", done_on=LAST_MONTH)
    for promise in (kept, open_old, kept_lately):
        repo.calls.save_commitment(promise)

    assert archive_old_history(repo.store, clock().date()) == Moved(commitments=1)
    assert repo.calls.open_commitments("acc") == [open_old]
    assert {c.uid for c in repo.calls.commitments("acc")} == {kept.uid, open_old.uid, "lately"}


# --- the boundary and lazy reading ----------------------------------------------------


def test_daily_reads_after_reopening_never_open_the_archive(open_repo, clock) -> None:
    repo = open_repo()
    repo.touches.save_many([closed_touch(LONG_AGO), closed_touch(LAST_MONTH)])
    for n in range(5):
        repo.calls.save(debriefed(LONG_AGO + timedelta(weeks=n)))
    archive_old_history(repo.store, clock().date())
    repo.close()

    again = open_repo()
    assert not again.store.is_loaded("archive") and not again.store.is_loaded("recent")
    now = clock()
    again.calls.digest(now)
    again.calls.current()
    again.calls.recent_for_account("acc")
    again.touches.open_due_by(now.date())
    again.calls.open_commitments()
    assert archive_old_history(again.store, now.date()) == Moved()  # nothing new to settle
    assert not again.store.is_loaded("recent")  # the daily screens and pass never read it
    week = IsoWeek.of(now.date())
    report = read_week_report(again, week.shifted(-1), now)  # the weekly review of last week
    read_week_sources(again, week.monday - timedelta(weeks=11), week.sunday)  # 12-week trends
    assert again.store.is_loaded("recent")  # the review and trends do
    assert not again.store.is_loaded("archive")
    recent = read_week_sources(again, LAST_MONTH, LAST_MONTH)
    assert [t.closed_on for t in recent.touches] == [LAST_MONTH]
    assert report.week == week.shifted(-1)

    sources = read_week_sources(again, LONG_AGO - timedelta(days=3), LONG_AGO + timedelta(days=3))
    assert again.store.is_loaded("archive")  # an old week's figures read it
    assert len(sources.touches) == 1 and len(sources.calls) == 1


def test_the_boundary_is_stamped_in_the_live_files(repo, clock) -> None:
    assert archived_before(repo.store, "touches") is None
    repo.touches.save(closed_touch(LONG_AGO))
    archive_old_history(repo.store, clock().date())
    boundary = archived_before(repo.store, "touches")
    assert boundary == date(2026, 8, 25)  # 13 weeks before Tuesday 24 Nov 2026
    assert archived_before(repo.store, "calls") == boundary


def test_an_archive_changed_outside_coach_is_checked_at_open(open_repo, data_dir, clock) -> None:
    repo = open_repo()
    repo.touches.save(closed_touch(LONG_AGO))
    archive_old_history(repo.store, clock().date())
    repo.close()
    raw = archive_file(data_dir)
    next(iter(raw["touches_archive"].values()))["due"] = "last spring"
    (data_dir / "archive.json").write_bytes(orjson.dumps(raw))
    with pytest.raises(UnreadableFile) as caught:
        open_repo()
    assert "archive.json" in str(caught.value)


# --- safety ---------------------------------------------------------------------------


def test_a_crash_between_the_two_files_leaves_copies_not_losses(
    open_repo, data_dir, clock, monkeypatch
) -> None:
    """The archive is swapped in first; if the live file never is, both hold the record."""
    repo = open_repo()
    old, settling = closed_touch(LONG_AGO), closed_touch(LAST_MONTH)
    repo.touches.save_many([old, settling])
    real = storage.publish

    def crash_at_the_live_file(staged: Path, path: Path) -> None:
        if path.name == "touches.json":
            raise OSError(5, "Input/output error")
        real(staged, path)

    monkeypatch.setattr(storage, "publish", crash_at_the_live_file)
    with pytest.raises(StoreWriteError):
        archive_old_history(repo.store, clock().date())
    monkeypatch.undo()
    repo.close()
    assert old.uid in {r["uid"] for r in archive_file(data_dir)["touches_archive"].values()}

    repo = open_repo()
    assert [t.uid for t in repo.touches.for_account("acc")].count(old.uid) == 1
    assert repo.touches.count() == 2
    assert archive_old_history(repo.store, clock().date()) == Moved(touches=1, settled_touches=1)
    archived = [r["uid"] for r in archive_file(data_dir)["touches_archive"].values()]
    assert archived == [old.uid]  # the second pass replaced its copies, not added them
    assert recent_uids(data_dir) == [settling.uid]


def test_deleting_an_account_takes_its_archive_and_undo_brings_it_back(repo, clock) -> None:
    account = Account("Nordvale Foods", uid="acc")
    repo.accounts.save(account)
    old_touch, old_call = closed_touch(LONG_AGO), debriefed(LONG_AGO)
    old_campaign = Campaign(
        "acc", "Spring", LONG_AGO, ("person",), CampaignStatus.STOPPED, uid="old-camp"
    )
    repo.campaigns.save_plan(old_campaign, [old_touch])
    for call in [old_call, *(debriefed(LONG_AGO + timedelta(weeks=n)) for n in range(1, 5))]:
        repo.calls.save(call)
    archive_old_history(repo.store, clock().date())
    archived_calls = len(archive_file(repo.data_dir)["calls_archive"])
    assert archived_calls == 1  # five calls, a window of four
    assert len(archive_file(repo.data_dir)["campaigns_archive"]) == 1

    deleted = repo.accounts.delete("acc")
    assert deleted is not None
    assert repo.touches.for_account("acc") == [] and repo.calls.for_account("acc") == []
    assert archive_file(repo.data_dir)["touches_archive"] == {}
    assert archive_file(repo.data_dir)["campaigns_archive"] == {}
    repo.accounts.restore(deleted)
    assert repo.touches.for_account("acc") == [old_touch]
    assert repo.campaigns.get(old_campaign.uid) == old_campaign
    assert len(repo.calls.for_account("acc")) == 5


def test_closing_backs_up_an_archive_it_never_read(open_repo, data_dir, clock) -> None:
    repo = open_repo()
    repo.touches.save(closed_touch(LONG_AGO))
    archive_old_history(repo.store, clock().date())
    repo.close()
    again = open_repo()
    again.why.history()
    again.close()
    assert not again.store.is_loaded("archive")
    backed_up = data_dir / "backups" / clock().date().isoformat() / "archive.json"
    assert backed_up.read_bytes() == (data_dir / "archive.json").read_bytes()


# --- the whole: two years of demo history ---------------------------------------------


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo") / "data"
    repo = Repository.open(folder, clock=FakeClock())
    write_demo_data(repo, build_demo(FakeClock()(), years=2, seed=3))
    repo.close()
    return folder


def copy_of(demo_folder: Path, folder: Path) -> Path:
    folder.mkdir()
    for path in demo_folder.glob("*.json"):
        (folder / path.name).write_bytes(path.read_bytes())
    return folder


def daily_views(repo: Repository, now: datetime) -> dict[str, object]:
    today = now.date()
    digest = repo.calls.digest(now)
    accounts = [a.uid for a in repo.accounts.all(include_archived=True)]
    open_objectives = {objective.uid for objective in repo.objectives.all_open()}
    return {
        "upcoming": digest.upcoming,
        "to debrief": digest.awaiting_debrief,
        "stall windows": digest.history,
        # Only open objectives show a call count (closed ones' calls may be archived).
        "calls per objective": {
            uid: n for uid, n in digest.per_objective.items() if uid in open_objectives
        },
        "stalls": stalls_in(digest.history, today),
        "queue": repo.touches.open_due_by(today),
        "calls screen": [c for c in repo.calls.current() if c.debrief is None or c.when >= now],
        "account cards": {
            uid: stalls_by_account(repo.calls.recent_for_account(uid), today) for uid in accounts
        },
        "campaigns": {
            c.uid: repo.touches.for_campaign(c.uid)
            for uid in accounts
            if (c := repo.campaigns.active_for(uid)) is not None
        },
    }


def test_two_years_of_demo_read_the_same_after_archiving(demo_folder: Path, tmp_path: Path) -> None:
    clock = FakeClock()
    now = clock()
    week = IsoWeek.of(now.date())
    spans = {
        "the trends' year": (week.monday - timedelta(weeks=52), week.sunday),
        "an old quarter": (week.monday - timedelta(weeks=90), week.monday - timedelta(weeks=78)),
    }
    folder = copy_of(demo_folder, tmp_path / "data")
    repo = Repository.open(folder, clock=clock)
    try:
        before = daily_views(repo, now)
        figures = {name: read_week_sources(repo, *span) for name, span in spans.items()}
        some = [account.uid for account in repo.accounts.all(include_archived=True)[:25]]
        histories = {
            uid: (repo.calls.for_account(uid), repo.touches.for_account(uid)) for uid in some
        }
        total_touches, total_calls = repo.touches.count(), len(repo.calls.all())

        moved = archive_old_history(repo.store, now.date(), force=True)

        assert moved.touches > 1000 and moved.calls > 100  # a real share of two years moved
        assert daily_views(repo, now) == before
        assert {name: read_week_sources(repo, *span) for name, span in spans.items()} == figures
        assert repo.touches.count() == total_touches
        assert len(repo.calls.all()) == total_calls
        assert {
            uid: (repo.calls.for_account(uid), repo.touches.for_account(uid)) for uid in some
        } == histories
    finally:
        repo.close()


def test_a_close_skips_files_whose_backup_is_current_and_refreshes_changed_ones(
    open_repo, data_dir, clock, monkeypatch
) -> None:
    """Closing copies only what changed since today's backup copy was written."""
    from coach_tui.store import backup

    repo = open_repo()
    repo.touches.save(closed_touch(LONG_AGO))
    archive_old_history(repo.store, clock().date())
    repo.close()
    # File times tick coarsely; date the data files well before their backup copies.
    for path in data_dir.glob("*.json"):
        stamp = path.stat().st_mtime_ns - 10**10
        os.utime(path, ns=(stamp, stamp))
    again = open_repo()
    written: list[str] = []
    real = backup.write_atomic
    monkeypatch.setattr(backup, "write_atomic", lambda p, b: (written.append(p.name), real(p, b)))
    again.touches.save(closed_touch(LAST_MONTH))
    again.close()
    assert [name for name in written if name != backup.LABEL] == ["touches.json"]
    day = data_dir / "backups" / clock().date().isoformat()
    assert (day / "touches.json").read_bytes() == (data_dir / "touches.json").read_bytes()


# --- batches: the UI's reads never wait for a whole pass ------------------------------


def uids_by_table(folder: Path) -> dict[str, set[str]]:
    tables = {}
    for path in folder.glob("*.json"):
        for table, rows in orjson.loads(path.read_bytes()).items():
            if table != "_meta" and isinstance(rows, dict):  # not verified.json's list
                tables[table] = {row.get("uid") for row in rows.values()}
    return tables


def test_in_batches_the_pass_moves_what_one_transaction_would(
    demo_folder: Path, tmp_path: Path
) -> None:
    clock = FakeClock()
    whole, batched = copy_of(demo_folder, tmp_path / "whole"), copy_of(demo_folder, tmp_path / "b")
    with Repository.open(whole, clock=clock) as repo:
        in_one = archive_old_history(repo.store, clock().date(), force=True, batch=None)
    batches = []
    with Repository.open(batched, clock=clock) as repo:
        before = daily_views(repo, clock())
        in_batches = archive_old_history(
            repo.store,
            clock().date(),
            force=True,
            batch=in_one.touches // 3 + 1,  # three batches or four
            between_batches=lambda: batches.append(daily_views(repo, clock())),
        )
        assert daily_views(repo, clock()) == before
    assert in_batches == in_one
    assert len(batches) >= 2  # it really went batch by batch (three batches or four)
    assert all(views == before for views in batches)  # every daily view exact in between
    assert uids_by_table(batched) == uids_by_table(whole)


def test_a_read_from_another_thread_runs_between_two_batches(repo, clock) -> None:
    """The pass lets the store go between batches: a screen's read on the UI thread (here
    another thread) gets through before the next batch starts, not after the pass."""
    old = [closed_touch(LONG_AGO + timedelta(days=n)) for n in range(5)]
    repo.touches.save_many(old)
    reads: list[int] = []

    def read_from_another_thread() -> None:
        reader = threading.Thread(target=lambda: reads.append(repo.touches.count()))
        reader.start()
        reader.join(timeout=30)  # a pass holding the store would keep the reader waiting
        assert not reader.is_alive(), "the read waited for the rest of the pass"

    moved = archive_old_history(
        repo.store, clock().date(), batch=2, between_batches=read_from_another_thread
    )
    assert moved == Moved(touches=5)
    assert reads == [5, 5]  # batches of 2, 2 and 1: a read between each two, each saw all five
    assert repo.touches.count() == 5


def test_a_read_gets_through_while_the_pass_loads_the_archive(
    open_repo, clock, monkeypatch
) -> None:
    """Parsing the archive (tens of MB after years) happens without holding the store."""
    from coach_tui.store import store as store_module

    repo = open_repo()
    repo.touches.save_many([closed_touch(LONG_AGO)])
    archive_old_history(repo.store, clock().date())  # an archive.json on disk
    planned = replace(closed_touch(LAST_MONTH), status=TouchStatus.PLANNED, closed_on=None)
    repo.touches.save_many([closed_touch(LONG_AGO + timedelta(days=1)), planned])
    repo.close()
    repo = open_repo()  # the archive is lazy again: the next pass must read it
    assert not repo.store.is_loaded("archive")
    loading, go_on = threading.Event(), threading.Event()
    real = store_module._load_checked

    def slow_archive(data_dir, family, *args, **kwargs):
        if family == "archive":
            loading.set()
            go_on.wait(timeout=30)
        return real(data_dir, family, *args, **kwargs)

    monkeypatch.setattr(store_module, "_load_checked", slow_archive)
    passes: list[Moved] = []
    worker = threading.Thread(
        target=lambda: passes.append(archive_old_history(repo.store, clock().date(), force=True))
    )
    worker.start()
    try:
        assert loading.wait(timeout=30)
        reads: list[list[Touch]] = []  # the touch queue's read: live touches only
        reader = threading.Thread(target=lambda: reads.append(repo.touches.planned()))
        reader.start()
        reader.join(timeout=30)  # a pass holding the store would keep the reader waiting
        assert not reader.is_alive(), "the read waited for the archive to load"
        assert reads == [[planned]]
    finally:
        go_on.set()
        worker.join(timeout=60)
    assert passes == [Moved(touches=1)]
