"""Fixtures shared by unit and screen tests."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from coach_tui.store.repository import Repository
from tests.helpers import FakeClock, refuse_writes_no_form_would_make


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--snapshot-update",
        action="store_true",
        help="rewrite the expected screen snapshots in tests/snapshots instead of comparing",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "stores_what_forms_refuse: the test saves records no form would (to test how coach "
        "reads them back), so coach's writes are not held to every form rule",
    )
    # Set before any test module is imported (some copy os.environ for their subprocesses)
    # and before module-wide fixtures seed folders: nothing in the suite reads or writes
    # the config folder of the person running it. Each test then gets its own (below).
    folder = tempfile.mkdtemp(prefix="coach-test-config-")
    config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))
    os.environ["COACH_CONFIG"] = folder
    os.environ["XDG_CONFIG_HOME"] = str(Path(folder) / "xdg")


@pytest.fixture(autouse=True)
def coach_writes_what_its_checks_accept(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every record coach writes in any test passes the check `coach import json` applies
    (every form rule): a writer that skipped a rule would otherwise leave a file that a
    later import of its export refuses."""
    if request.node.get_closest_marker("stores_what_forms_refuse") is None:
        refuse_writes_no_form_would_make(monkeypatch)


@pytest.fixture(autouse=True)
def a_locale_without_public_holidays(monkeypatch: pytest.MonkeyPatch) -> None:
    """Campaigns skip the locale's public holidays: a test's plan must not depend on the
    machine it runs on (a test that wants holidays sets LANG itself)."""
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_TIME", raising=False)


@pytest.fixture(autouse=True)
def a_config_folder_of_its_own(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """No test reads or writes the config folder of the person running the suite.

    A patch of its own: a test that calls `monkeypatch.undo()` (to lift a simulated full
    disk, say) must not send its next settings save to the real config.toml.
    """
    folder = tmp_path_factory.mktemp("config")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COACH_CONFIG", str(folder))
        patch.setenv("XDG_CONFIG_HOME", str(folder.parent / f"{folder.name}-xdg"))
        yield


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A data folder that does not exist yet, like on a first run."""
    return tmp_path / "coach-data"


@pytest.fixture
def open_repo(data_dir: Path, clock: FakeClock) -> Iterator[Callable[[], Repository]]:
    """Open the test data folder (again); everything opened is closed at the end."""
    opened: list[Repository] = []

    def opener() -> Repository:
        repo = Repository.open(data_dir, clock=clock)
        opened.append(repo)
        return repo

    yield opener
    for repo in opened:
        repo.close()


@pytest.fixture
def repo(open_repo: Callable[[], Repository]) -> Repository:
    return open_repo()
