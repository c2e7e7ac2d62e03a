"""Version stamps and migrations, against a version-0 fixture file."""

import json
import shutil
from pathlib import Path

import pytest

from coach_tui.store.errors import UnreadableFile
from coach_tui.store.layout import SCHEMA_VERSION
from coach_tui.store.repository import Repository

FIXTURE = Path(__file__).parents[1] / "fixtures" / "v0" / "core.json"


def test_v0_file_is_backed_up_then_upgraded(data_dir: Path, clock) -> None:
    data_dir.mkdir()
    shutil.copy(FIXTURE, data_dir / "core.json")
    original = FIXTURE.read_bytes()

    repo = Repository.open(data_dir, clock=clock)
    try:
        history = repo.why.history()
        assert [why.statement for why in history] == [
            "I sell so my kids can choose their future.",
            "I sell so my daughter can choose her school.",
        ]
        assert all(len(why.uid) == 32 for why in history)
        assert repo.settings.get().theme == "coach-light"
        draft = repo.drafts.get("why")
        assert draft is not None
        assert draft.step == 2
        assert draft.answer("gives") == "half-written"
    finally:
        repo.close()

    upgraded = json.loads((data_dir / "core.json").read_text())
    assert upgraded["_meta"]["1"]["schema"] == SCHEMA_VERSION
    backups = list((data_dir / "backups").glob(f"before-v{SCHEMA_VERSION}-*/core.json"))
    assert len(backups) == 1
    assert backups[0].read_bytes() == original


def test_migration_runs_once(data_dir: Path, clock) -> None:
    data_dir.mkdir()
    shutil.copy(FIXTURE, data_dir / "core.json")
    first = Repository.open(data_dir, clock=clock)
    uids = [why.uid for why in first.why.history()]
    first.close()
    second = Repository.open(data_dir, clock=clock)
    # Reopening does not migrate again: no second backup, the same uids.
    assert [why.uid for why in second.why.history()] == uids
    second.close()
    assert len(list((data_dir / "backups").glob("before-v*"))) == 1


def test_read_only_open_upgrades_in_memory_only(data_dir: Path, clock) -> None:
    data_dir.mkdir()
    shutil.copy(FIXTURE, data_dir / "core.json")
    reader = Repository.open(data_dir, read_only=True, clock=clock)
    assert len(reader.why.history()) == 2
    assert (data_dir / "core.json").read_bytes() == FIXTURE.read_bytes()
    assert not (data_dir / "backups").exists()


def test_old_file_with_a_damaged_record_is_refused_before_any_write(data_dir, clock) -> None:
    data_dir.mkdir()
    damaged = b'{"why": {"1": {"statement": 7}}}'
    (data_dir / "core.json").write_bytes(damaged)
    with pytest.raises(UnreadableFile, match="record #1 in 'why'"):
        Repository.open(data_dir, clock=clock)
    assert (data_dir / "core.json").read_bytes() == damaged
    assert not (data_dir / "backups").exists()
