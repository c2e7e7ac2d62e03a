"""Read-only opens see one consistent version of the folder while the app saves."""

import errno
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coach_tui.store import snapshot, storage, store
from coach_tui.store.archive import archive_old_history
from coach_tui.store.errors import StoreWriteError
from coach_tui.store.lock import DataDirLock, is_locked
from coach_tui.store.repository import Repository
from tests.snapshot_writer import save_version, versions_seen
from tests.unit.test_archive import LONG_AGO, closed_touch

ROOT = Path(__file__).resolve().parents[2]


def read_only(data_dir: Path) -> Repository:
    return Repository.open(data_dir, read_only=True)


def versions(data_dir: Path) -> tuple[str, str]:
    reader = read_only(data_dir)
    try:
        return versions_seen(reader)
    finally:
        reader.close()


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The reader's pauses between tries, recorded instead of slept."""
    paused: list[float] = []
    monkeypatch.setattr(snapshot, "sleep", paused.append)
    return paused


def test_a_file_replaced_while_reading_is_read_again(repo, monkeypatch, sleeps) -> None:
    save_version(repo, 1)
    reads: list[str] = []
    real_read = storage.read_payload

    def read_payload(path: Path):
        payload = real_read(path)
        reads.append(path.name)
        if reads.count("entry.json") == 1 and path.name == "entry.json":
            save_version(repo, 2)  # a save lands after entry.json, before touches.json
        return payload

    monkeypatch.setattr(storage, "read_payload", read_payload)

    assert versions(repo.data_dir) == ("v2", "v2")
    assert reads.count("entry.json") == reads.count("touches.json") == 2
    assert len(sleeps) == 1


def _halfway(repo: Repository, tmp_path: Path) -> Path:
    """Leave the folder as a save of version 2 leaves it after its first rename."""
    save_version(repo, 1)
    first_touches = tmp_path / "touches-v1.json"
    first_touches.write_bytes((repo.data_dir / "touches.json").read_bytes())
    save_version(repo, 2)
    second_touches = tmp_path / "touches-v2.json"
    (repo.data_dir / "touches.json").replace(second_touches)
    first_touches.replace(repo.data_dir / "touches.json")
    (repo.data_dir / snapshot.MARKER).touch()
    return second_touches


def test_a_reader_between_two_renames_waits_for_the_last(repo, tmp_path, monkeypatch) -> None:
    # Between the renames nothing changes for a moment: only the marker tells.
    second_touches = _halfway(repo, tmp_path)
    paused: list[float] = []

    def finish_the_save(seconds: float) -> None:
        paused.append(seconds)
        second_touches.replace(repo.data_dir / "touches.json")
        (repo.data_dir / snapshot.MARKER).unlink()

    monkeypatch.setattr(snapshot, "sleep", finish_the_save)

    assert versions(repo.data_dir) == ("v2", "v2")
    assert len(paused) == 1


def test_a_save_that_never_finishes_ends_with_a_clear_message(repo, tmp_path, monkeypatch, sleeps):
    _halfway(repo, tmp_path)
    monkeypatch.setattr(snapshot, "TRIES", 3)

    with pytest.raises(snapshot.SnapshotBusy) as caught:
        read_only(repo.data_dir)

    assert "run the command again" in str(caught.value)
    assert len(sleeps) == 3


def test_a_marker_left_by_a_crash_does_not_hold_readers_up(repo, tmp_path, sleeps) -> None:
    _halfway(repo, tmp_path)
    repo.close()  # the writer is gone: what is on disk stays as it is
    assert is_locked(repo.data_dir) is False

    assert versions(repo.data_dir) == ("v2", "v1")
    assert sleeps == []


def test_the_lock_test_sees_a_holder_and_leaves_the_lock_free(data_dir) -> None:
    data_dir.mkdir()
    assert is_locked(data_dir) is False  # no lock file yet
    lock = DataDirLock(data_dir).acquire()
    assert is_locked(data_dir) is True
    lock.release()
    assert is_locked(data_dir) is False
    DataDirLock(data_dir).acquire().release()


def test_a_save_across_files_is_marked_while_its_files_go_in(repo, monkeypatch) -> None:
    save_version(repo, 1)
    marked: list[bool] = []
    real_publish = storage.publish

    def publish(tmp: Path, path: Path) -> None:
        marked.append((path.parent / snapshot.MARKER).exists())
        real_publish(tmp, path)

    monkeypatch.setattr(storage, "publish", publish)
    save_version(repo, 2)

    assert marked == [True, True]
    assert not (repo.data_dir / snapshot.MARKER).exists()
    assert versions(repo.data_dir) == ("v2", "v2")


def test_the_archive_read_late_is_the_version_of_the_snapshot(open_repo, clock) -> None:
    writer = open_repo()
    writer.touches.save(closed_touch(LONG_AGO))
    archive_old_history(writer.store, clock().date())
    writer.close()
    reader = read_only(writer.data_dir)
    try:
        assert not reader.store.is_loaded("archive")
        writer = open_repo()
        with writer.store.transaction() as tx:  # history removed, as deleting an account does
            tx.table("touches_archive").truncate()
        assert writer.touches.count() == 0

        assert reader.touches.count() == 1
    finally:
        reader.close()


def test_readers_in_another_process_never_see_half_a_save(data_dir) -> None:
    writer = subprocess.Popen(
        [sys.executable, "-m", "tests.snapshot_writer", str(data_dir)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    seen: list[tuple[str, str]] = []
    try:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
        # Read for two seconds, longer on a loaded machine until the writer has saved a
        # few times (bounded); nothing is timed.
        started = time.monotonic()
        while time.monotonic() < started + 2 or (
            len(set(seen)) < 3 and time.monotonic() < started + 30
        ):
            seen.append(versions(data_dir))
    finally:
        writer.kill()
        writer.wait()
        if writer.stdout is not None:
            writer.stdout.close()
    mixed = [pair for pair in seen if pair[0] != pair[1]]
    assert mixed == []
    assert len(set(seen)) >= 3  # the writer really saved while we read


def test_a_marker_that_cannot_be_made_fails_the_save_whole(repo, monkeypatch) -> None:
    save_version(repo, 1)

    def no_room(data_dir: Path) -> Path:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store, "mark_publishing", no_room)
    with pytest.raises(StoreWriteError):
        save_version(repo, 2)

    assert versions_seen(repo) == ("v1", "v1")
    assert versions(repo.data_dir) == ("v1", "v1")
    assert list(repo.data_dir.glob("*.tmp")) == []
