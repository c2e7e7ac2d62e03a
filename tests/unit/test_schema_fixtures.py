"""Every older data format opens and upgrades: backup first, uids given, records checked, once.

`tests/fixtures/schema/v<N>/` holds one file per family as a coach writing version N left
it. The tests walk every version in `MIGRATIONS`, so adding a schema version without a
fixture of the version before it fails here. The archive (a lazy family) came after
version 0: a folder without it simply has no archived history yet.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from coach_tui.store import backup, storage
from coach_tui.store.journal import BASE
from coach_tui.store.layout import (
    FAMILIES,
    LAZY_FAMILIES,
    META_TABLE,
    SCHEMA_VERSION,
    family_path,
)
from coach_tui.store.records import check_records
from coach_tui.store.repository import Repository
from coach_tui.store.schema import MIGRATIONS, file_version, migrate
from tests.helpers import FakeClock

FIXTURES = Path(__file__).parents[1] / "fixtures" / "schema"
VERSIONS = sorted(MIGRATIONS)
# Families every version's folder has; lazy ones are written only once they hold records.
EAGER = {family: tables for family, tables in FAMILIES.items() if family not in LAZY_FAMILIES}


def fixture_dir(version: int) -> Path:
    return FIXTURES / f"v{version}"


def family_files(folder: Path) -> dict[str, bytes]:
    return {family: family_path(folder, family).read_bytes() for family in EAGER}


def records_of(raw: dict, family: str) -> dict[str, dict]:
    return {table: raw.get(table, {}) for table in FAMILIES[family]}


def test_migrations_form_one_chain_up_to_the_current_version() -> None:
    assert sorted(MIGRATIONS) == list(range(SCHEMA_VERSION))


@pytest.mark.parametrize("version", VERSIONS)
def test_each_older_version_has_a_fixture_with_every_table(version: int) -> None:
    folder = fixture_dir(version)
    assert folder.is_dir(), (
        f"schema version {version} has no fixture: add {folder.relative_to(FIXTURES.parents[2])}"
        "/ with one file per family as that version wrote it"
    )
    assert sorted(path.stem for path in folder.glob("*.json")) == sorted(EAGER)
    for family, tables in EAGER.items():
        path = family_path(folder, family)
        raw = json.loads(path.read_bytes())
        assert file_version(raw, path) == version, f"{path.name} is not stamped {version}"
        for table in tables:
            assert raw.get(table), f"{path.name} has no '{table}' records to upgrade"


@pytest.mark.parametrize("version", VERSIONS)
def test_migration_is_pure(version: int) -> None:
    for family in EAGER:
        path = family_path(fixture_dir(version), family)
        raw = json.loads(path.read_bytes())
        untouched = json.loads(path.read_bytes())
        upgraded = migrate(raw, family, path)
        assert raw == untouched
        assert file_version(upgraded, path) == SCHEMA_VERSION


@pytest.mark.parametrize("version", VERSIONS)
def test_an_older_folder_is_backed_up_then_upgraded_once(
    version: int, data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(fixture_dir(version), data_dir)
    original = family_files(data_dir)
    writes: list[Path] = []
    for module in (storage, backup):
        real = module.write_atomic
        monkeypatch.setattr(
            module,
            "write_atomic",
            lambda path, payload, real=real: (writes.append(path), real(path, payload))[1],
        )

    repo = Repository.open(data_dir, clock=clock)
    repo.close()
    monkeypatch.undo()

    # The labelled backup holds the files exactly as they were, and was written first.
    labelled = list((data_dir / "backups").glob(f"before-v{SCHEMA_VERSION}-*"))
    assert len(labelled) == 1
    copies = [path for path in labelled[0].iterdir() if path.name != backup.LABEL]
    assert {path.stem: path.read_bytes() for path in copies} == original
    upgrades = [i for i, path in enumerate(writes) if path.parent == data_dir]
    backed_up = [
        i for i, path in enumerate(writes) if path.parent == labelled[0] and path in copies
    ]
    assert len(backed_up) == len(EAGER)
    assert max(backed_up) < min(upgrades)
    assert not any(family_path(data_dir, family).exists() for family in LAZY_FAMILIES)

    for family, tables in EAGER.items():
        path = family_path(data_dir, family)
        upgraded = json.loads(path.read_bytes())
        before = json.loads(original[family])
        stamp = upgraded[META_TABLE]["1"]
        stamp.pop(BASE, None)  # a journaled family's rewrite token (see journal.py)
        assert upgraded[META_TABLE] == {"1": {"schema": SCHEMA_VERSION, "family": family}}
        check_records(upgraded, tables, path)  # the strict check of every record
        uids = [record["uid"] for table in tables for record in upgraded[table].values()]
        assert all(isinstance(uid, str) and len(uid) == 32 for uid in uids)
        assert len(set(uids)) == len(uids)
        assert {t: len(r) for t, r in records_of(upgraded, family).items()} == {
            t: len(r) for t, r in records_of(before, family).items()
        }

    # A second open finds nothing to do: no second backup, the files and uids stay.
    upgraded_files = family_files(data_dir)
    again = Repository.open(data_dir, clock=clock)
    statement = again.why.current()
    again.close()
    assert statement is not None
    assert len(list((data_dir / "backups").glob("before-v*"))) == 1
    assert family_files(data_dir) == upgraded_files


@pytest.mark.parametrize("version", VERSIONS)
def test_the_upgraded_data_reads_like_the_original(
    version: int, data_dir: Path, clock: FakeClock
) -> None:
    """What the seller wrote survives the upgrade (spot checks through the repository)."""
    shutil.copytree(fixture_dir(version), data_dir)
    core = json.loads((data_dir / "core.json").read_bytes())
    rhythm = json.loads((data_dir / "rhythm.json").read_bytes())
    repo = Repository.open(data_dir, clock=clock)
    try:
        whys = repo.why.history()
        assert [why.statement for why in whys] == [r["statement"] for r in core["why"].values()]
        assert repo.settings.get().currency == core["settings"]["1"]["currency"]
        assert len(repo.accounts.all(include_archived=True)) == 2
        assert repo.days.get(clock().date()) is not None
        assert len(rhythm["reviews"]) == len(repo.reviews.all())
    finally:
        repo.close()
