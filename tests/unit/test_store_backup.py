"""Daily backups: one per day, a week kept, only good files, restore keeps the damaged one."""

from datetime import datetime
from pathlib import Path

from coach_tui.model.why import new_why
from coach_tui.store.backup import KEEP_DAYS, day_dirs, newest_good_backup, restore
from coach_tui.store.repository import Repository


def save_why(repo: Repository, text: str, when: datetime) -> None:
    repo.why.save(new_why(text, {}, now=when))


def test_one_backup_per_day_holding_that_days_starting_point(data_dir: Path, clock) -> None:
    repo = Repository.open(data_dir, clock=clock)
    save_why(repo, "Version one", clock())
    save_why(repo, "Version two", clock())
    first_day = data_dir / "backups" / "2026-11-24" / "core.json"
    # Taken at open, before the day's saves: it holds no why yet.
    assert b"Version" not in first_day.read_bytes()

    clock.advance(days=1)
    save_why(repo, "Version three", clock())  # first save of a new day backs up first
    second_day = data_dir / "backups" / "2026-11-25" / "core.json"
    assert b"Version two" in second_day.read_bytes()
    assert b"Version three" not in second_day.read_bytes()
    repo.close()


def test_clean_close_refreshes_todays_backup_with_the_days_work(data_dir: Path, clock) -> None:
    repo = Repository.open(data_dir, clock=clock)
    save_why(repo, "Saved today", clock())
    repo.close()
    backup = data_dir / "backups" / "2026-11-24" / "core.json"
    assert b"Saved today" in backup.read_bytes()


def test_read_only_close_writes_no_backup(data_dir: Path, clock) -> None:
    Repository.open(data_dir, clock=clock).close()
    before = sorted((data_dir / "backups").rglob("*"))
    Repository.open(data_dir, read_only=True, clock=clock).close()
    assert sorted((data_dir / "backups").rglob("*")) == before


def test_only_the_newest_week_is_kept(data_dir: Path, clock) -> None:
    repo = Repository.open(data_dir, clock=clock)
    for day in range(10):
        save_why(repo, f"Day {day}", clock())
        clock.advance(days=1)
    save_why(repo, "Day 10", clock())
    repo.close()
    kept = [folder.name for folder in day_dirs(data_dir)]
    assert len(kept) == KEEP_DAYS
    assert kept[0] == "2026-12-04"
    assert kept[-1] == "2026-11-28"


def test_a_backups_folder_linked_elsewhere_is_counted_pruned_and_restored_from(
    data_dir: Path, tmp_path: Path, clock
) -> None:
    Repository.open(data_dir, clock=clock).close()
    synced = tmp_path / "synced-backups"
    (data_dir / "backups").rename(synced)
    (data_dir / "backups").symlink_to(synced)  # the seller keeps backups on another disk
    repo = Repository.open(data_dir, clock=clock)
    for day in range(10):
        save_why(repo, f"Day {day}", clock())
        clock.advance(days=1)
    repo.close()

    kept = [folder.name for folder in day_dirs(data_dir)]
    assert len(kept) == KEEP_DAYS  # written through the link, and pruned there
    assert sorted(path.name for path in synced.iterdir()) == sorted(kept)
    assert newest_good_backup(data_dir, "core.json") == data_dir / "backups" / kept[0] / "core.json"


def test_a_days_folder_left_by_a_coach_killed_mid_copy_is_taken_up_again(
    data_dir: Path, clock
) -> None:
    Repository.open(data_dir, clock=clock).close()
    clock.advance(days=1)
    day = data_dir / "backups" / "2026-11-25"
    day.mkdir()
    (day / ".core.json.deadbeef.coach-tmp").write_bytes(b'{"half')  # killed while staging

    repo = Repository.open(data_dir, clock=clock)
    assert repo.store.backup_problem is None
    repo.close()
    assert day_dirs(data_dir)[0] == day
    assert newest_good_backup(data_dir, "core.json") == day / "core.json"


def test_newest_good_backup_skips_damaged_copies(data_dir: Path, clock) -> None:
    repo = Repository.open(data_dir, clock=clock)
    clock.advance(days=1)
    save_why(repo, "Second day", clock())
    repo.close()
    newest = data_dir / "backups" / "2026-11-25" / "core.json"
    newest.write_text("{broken")
    assert newest_good_backup(data_dir, "core.json") == (
        data_dir / "backups" / "2026-11-24" / "core.json"
    )


def test_restore_moves_the_damaged_file_aside(tmp_path: Path, clock) -> None:
    target = tmp_path / "core.json"
    target.write_text("{damaged")
    backup = tmp_path / "good.json"
    backup.write_text('{"_meta": {"1": {"schema": 1}}}')
    moved = restore(target, backup, clock()).damaged
    assert target.read_text() == backup.read_text()
    assert moved is not None
    assert moved.read_text() == "{damaged"
    assert moved.name.startswith("core.json.damaged-")


def test_backup_folders_are_private(data_dir: Path, clock) -> None:
    repo = Repository.open(data_dir, clock=clock)
    save_why(repo, "Private words", clock())
    repo.close()
    for folder in (data_dir / "backups", data_dir / "backups" / "2026-11-24"):
        assert folder.stat().st_mode & 0o777 == 0o700, folder
