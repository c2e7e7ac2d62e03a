"""Opening a data folder: created private, damaged files refused and never overwritten."""

import json
import stat
from pathlib import Path

import pytest

from coach_tui.store.errors import (
    DataDirLocked,
    DataDirMissing,
    DataDirUnavailable,
    NewerSchema,
    UnreadableFile,
)
from coach_tui.store.layout import SCHEMA_VERSION
from coach_tui.store.lock import DataDirLock
from coach_tui.store.repository import Repository
from coach_tui.store.store import Store
from tests.helpers import FakeClock


def core(data_dir: Path) -> Path:
    return data_dir / "core.json"


def test_first_open_creates_a_private_folder_with_stamped_files(data_dir, repo) -> None:
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE(core(data_dir).stat().st_mode) == 0o600
    content = json.loads(core(data_dir).read_text())
    assert content["_meta"] == {"1": {"schema": SCHEMA_VERSION, "family": "core"}}


def test_existing_folder_permissions_are_left_alone(tmp_path: Path, clock) -> None:
    # A folder the user made themselves (say, in a synced drive) keeps its mode.
    tmp_path.chmod(0o755)
    Repository.open(tmp_path, clock=clock).close()
    assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o755


def seed_with_one_why(data_dir: Path, open_repo) -> bytes:
    from coach_tui.model.why import new_why

    repo = open_repo()
    repo.why.save(new_why("For my family", {}, now=FakeClock()()))
    repo.close()
    return core(data_dir).read_bytes()


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (b'{"_meta": {"1": {"schema": 1}}, "why": {"1": {"statem', "not valid JSON"),
        (b"", "empty"),
        (b"[1, 2, 3]", "JSON object"),
        (b'{"_meta": {"1": {"schema": 1}}, "why": [1]}', "'why' is not a JSON object"),
        (b'{"_meta": {"1": {"schema": 1}}, "why": {"x": {}}}', "record id 'x'"),
        (b'{"_meta": {"1": {"schema": 1}}, "why": {"1": "text"}}', "is not an object"),
        (b'{"_meta": {"1": {"schema": "one"}}}', "version stamp"),
        (
            b'{"_meta": {"1": {"schema": 1}}, "why": {"1": {"statement": 5}}}',
            "record #1 in 'why' is damaged",
        ),
        (
            b'{"_meta": {"1": {"schema": 1}}, "why": {"1": {"uid": "a", "statement": "s", '
            b'"written_at": "yesterday", "answers": {}}}}',
            "not a date and time",
        ),
    ],
)
def test_damaged_file_is_refused_named_and_left_untouched(
    data_dir: Path, open_repo, damage: bytes, reason: str
) -> None:
    seed_with_one_why(data_dir, open_repo)  # also leaves today's good backup
    core(data_dir).write_bytes(damage)
    with pytest.raises(UnreadableFile) as caught:
        open_repo()
    message = str(caught.value)
    assert str(core(data_dir)) in message
    assert reason in message
    assert "coach doctor --restore" in message
    assert caught.value.newest_backup == data_dir / "backups" / "2026-11-24" / "core.json"
    assert str(caught.value.newest_backup) in message
    assert core(data_dir).read_bytes() == damage
    # The refused open released the lock, so `coach doctor --restore` can take it.
    DataDirLock(data_dir).acquire().release()


def test_damaged_file_without_backup_says_so(data_dir: Path, clock) -> None:
    data_dir.mkdir()
    (data_dir / "coach.lock").touch()  # a folder coach used, with no backup yet
    core(data_dir).write_text("{nope")
    with pytest.raises(UnreadableFile, match="no good backup"):
        Repository.open(data_dir, clock=clock)
    assert core(data_dir).read_text() == "{nope"


def test_file_from_a_newer_coach_is_refused_untouched(data_dir: Path, clock) -> None:
    data_dir.mkdir()
    newer = b'{"_meta": {"1": {"schema": 99, "family": "core"}}}'
    core(data_dir).write_bytes(newer)
    with pytest.raises(NewerSchema, match="newer coach"):
        Repository.open(data_dir, clock=clock)
    assert core(data_dir).read_bytes() == newer


def test_stale_temp_file_from_a_crash_is_cleared_on_open(data_dir: Path, open_repo) -> None:
    seed_with_one_why(data_dir, open_repo)
    (data_dir / ".core.json.5e1f00aa.coach-tmp").write_bytes(b'{"half a wri')
    (data_dir / "core.json.tmp").write_bytes(b"not a name coach writes")
    repo = open_repo()
    assert repo.why.current() is not None
    assert not (data_dir / ".core.json.5e1f00aa.coach-tmp").exists()
    assert (data_dir / "core.json.tmp").read_bytes() == b"not a name coach writes"


def test_read_only_open_creates_nothing_and_takes_no_lock(data_dir: Path, clock) -> None:
    with pytest.raises(DataDirMissing, match="does not exist"):
        Store.open(data_dir, read_only=True, clock=clock)
    store = Store.open(data_dir, read_only=True, clock=clock, missing_ok=True)
    assert not data_dir.exists()
    with pytest.raises(RuntimeError, match="read-only"), store.transaction():
        pass


def test_read_only_open_works_while_the_app_holds_the_lock(data_dir, open_repo) -> None:
    seed_with_one_why(data_dir, open_repo)
    holder = open_repo()
    reader = Repository.open(data_dir, read_only=True)
    assert reader.why.current() == holder.why.current()


def test_unusable_data_folder_gives_a_clear_message(tmp_path: Path, clock) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    with pytest.raises(DataDirUnavailable, match="--data or COACH_DATA"):
        Repository.open(blocker / "data", clock=clock)


def test_leaving_the_with_block_closes_the_folder_and_releases_the_lock(
    data_dir: Path, clock
) -> None:
    from coach_tui.model.why import new_why

    with Repository.open(data_dir, clock=clock) as repo:
        repo.why.save(new_why("For my family", {}, now=clock()))
        with pytest.raises(DataDirLocked):
            DataDirLock(data_dir).acquire()
    DataDirLock(data_dir).acquire().release()
    # Closing backs up the day's work: the why saved inside the block is in today's backup.
    assert "For my family" in (data_dir / "backups" / "2026-11-24" / "core.json").read_text()


def test_leaving_the_with_block_by_an_error_still_releases_the_lock(data_dir: Path, clock) -> None:
    with pytest.raises(RuntimeError, match="mid-command"), Repository.open(data_dir, clock=clock):
        raise RuntimeError("mid-command")
    DataDirLock(data_dir).acquire().release()
    with Repository.open(data_dir, clock=clock) as again:  # the next coach opens it
        assert again.why.current() is None
