"""A full disk, a read-only folder or a refused write: one clear sentence, nothing changed.

Failures are injected where the operating system would report them: in the atomic
writer's `os.open` (no room for a new file, permission denied, read-only file system),
`os.write` and `os.fsync` (the disk fills up), and `os.replace` (the rename is refused).
After each one the files on disk are byte for byte what they were, what coach holds in
memory is what is on disk, and the next save works once the disk has room again.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pytest

from coach_tui.model.account import Account
from coach_tui.model.day import DayPlan, Priority
from coach_tui.model.touch import Campaign, Channel, Purpose, Touch
from coach_tui.model.why import new_why
from coach_tui.services.campaigns import save_campaign_plan
from coach_tui.store import atomic
from coach_tui.store.errors import DataDirUnavailable, StoreError, StoreWriteError
from coach_tui.store.lock import LOCK_NAME
from coach_tui.store.repository import Repository
from tests.helpers import FakeClock

FAILURES = {
    errno.ENOSPC: "the disk is full",
    errno.EACCES: "permission denied",
    errno.EROFS: "the disk is read-only",
}


def files_in(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (backups and the lock included) with its exact bytes."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


class _FailingOs:
    """The `os` module as the atomic writer sees it, with one call failing on chosen files."""

    def __init__(self, disk: FailingDisk) -> None:
        self._disk = disk
        self._names: dict[int, str] = {}

    def __getattr__(self, name: str) -> object:
        return getattr(os, name)

    def open(self, path: os.PathLike[str] | str, flags: int, mode: int = 0o777) -> int:
        name = Path(path).name
        if self._disk.call == "open" and flags & os.O_CREAT:
            self._disk.fail(name)
        fd = os.open(path, flags, mode)
        self._names[fd] = name
        return fd

    def write(self, fd: int, data: bytes) -> int:
        if self._disk.call == "write":
            self._disk.fail(self._names.get(fd, ""))
        return os.write(fd, data)

    def fsync(self, fd: int) -> None:
        if self._disk.call == "fsync":
            self._disk.fail(self._names.get(fd, ""))
        os.fsync(fd)

    def close(self, fd: int) -> None:
        self._names.pop(fd, None)
        os.close(fd)


@dataclass
class FailingDisk:
    """Makes one system call of the atomic writer fail, for every file or for `only` some."""

    call: str
    code: int
    only: set[str] = field(default_factory=set)
    failed: list[str] = field(default_factory=list)

    def fail(self, name: str) -> None:
        base = atomic.temp_target(name) or name
        if not self.only or base in self.only:
            self.failed.append(base)
            raise OSError(self.code, os.strerror(self.code), name)

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        if self.call == "replace":
            real_replace = os.replace

            def replace(src: os.PathLike[str] | str, dst: os.PathLike[str] | str) -> None:
                self.fail(Path(src).name)
                real_replace(src, dst)

            # `Path.replace` calls `os.replace` through the os module itself.
            monkeypatch.setattr(os, "replace", replace)
        else:
            monkeypatch.setattr(atomic, "os", _FailingOs(self))


INJECTIONS = {
    "disk full on write": ("write", errno.ENOSPC),
    "disk full on fsync": ("fsync", errno.ENOSPC),
    "no room for a new file": ("open", errno.ENOSPC),
    "permission denied": ("open", errno.EACCES),
    "read-only file system": ("open", errno.EROFS),
    "rename refused": ("replace", errno.EROFS),
}


# Failures while the new content is written, before anything is renamed. (Renames in one
# folder succeed or fail together: same permissions, same file system.)
WHILE_WRITING = [name for name, (call, _code) in INJECTIONS.items() if call != "replace"]


def _starter(name: str, monkeypatch: pytest.MonkeyPatch) -> Callable[..., FailingDisk]:
    call, code = INJECTIONS[name]

    def start(*only: str) -> FailingDisk:
        """Make the disk fail from now on (only for the named files, if any are named)."""
        disk = FailingDisk(call, code, set(only))
        disk.install(monkeypatch)
        return disk

    return start


@pytest.fixture(params=list(INJECTIONS))
def failing(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Callable[..., FailingDisk]:
    return _starter(request.param, monkeypatch)


@pytest.fixture(params=WHILE_WRITING)
def failing_while_writing(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Callable[..., FailingDisk]:
    return _starter(request.param, monkeypatch)


@dataclass(frozen=True)
class Change:
    """One save a seller makes, and how to read back whether it landed."""

    name: str
    save: Callable[[Repository, FakeClock], object]
    read: Callable[[Repository], object]

    def __str__(self) -> str:
        return self.name


def _save_campaign(repo: Repository, clock: FakeClock) -> None:
    today = clock().date()
    campaign = Campaign("acct", "Spring outreach", today, ("c1",), created_at=clock(), uid="camp")
    touches = [
        Touch("camp", "acct", "c1", today + timedelta(days=n), Channel.EMAIL, Purpose.SHARE_INSIGHT)
        for n in range(3)
    ]
    repo.campaigns.save_plan(campaign, touches)


CHANGES = [
    Change(
        "a new why",
        lambda repo, clock: repo.why.save(new_why("Changed", {}, now=clock())),
        lambda repo: [why.statement for why in repo.why.history()],
    ),
    Change(
        "an account",
        lambda repo, clock: repo.accounts.save(Account(name="Harbor & Finch", created_at=clock())),
        lambda repo: sorted(account.name for account in repo.accounts.all()),
    ),
    Change(
        "a ticked priority",
        lambda repo, clock: repo.days.save(
            DayPlan(clock().date(), (Priority("Call Nordvale", done=True),), uid="today")
        ),
        lambda repo: repo.days.get(repo.store.today()),
    ),
    Change(
        "a campaign with its touches (two files)",
        _save_campaign,
        lambda repo: (repo.campaigns.get("camp"), len(repo.touches.for_campaign("camp"))),
    ),
]


def seed(repo: Repository, clock: FakeClock) -> None:
    repo.why.save(new_why("Kept", {}, now=clock()))
    repo.accounts.save(Account(name="Nordvale", created_at=clock()))
    repo.days.save(DayPlan(clock().date(), (Priority("Call Nordvale"),), uid="today"))


def assert_says_what_happened(error: StoreError, code: int) -> None:
    message = str(error)
    assert FAILURES[code] in message
    assert "unchanged" in message
    assert "was not saved" in message
    assert "Traceback" not in message
    assert "Errno" not in message


@pytest.mark.parametrize("change", CHANGES, ids=str)
def test_a_failed_save_changes_nothing_and_the_next_one_works(
    data_dir: Path, repo: Repository, clock: FakeClock, change: Change, failing
) -> None:
    seed(repo, clock)
    before_files = files_in(data_dir)
    before_read = change.read(repo)

    disk = failing()
    with pytest.raises(StoreWriteError) as caught:
        change.save(repo, clock)
    assert disk.failed, "the injected failure never happened"
    assert_says_what_happened(caught.value, disk.code)
    assert files_in(data_dir) == before_files
    assert change.read(repo) == before_read  # memory rolled back to what is on disk

    disk.only = {"nothing"}  # the disk has room again
    change.save(repo, clock)
    assert change.read(repo) != before_read
    reader = Repository.open(data_dir, read_only=True, clock=clock)
    assert change.read(reader) == change.read(repo)


@pytest.mark.parametrize("second", ["touches.json", "core.json"])
def test_a_save_across_files_lands_whole_or_not_at_all(
    data_dir: Path, repo: Repository, clock: FakeClock, failing_while_writing, second: str
) -> None:
    """Saving a campaign writes entry.json, touches.json and core.json (its draft goes).

    The disk filling up at a later file must not leave the earlier ones replaced: a
    campaign without its touches would be worse than no campaign.
    """
    from coach_tui.model.draft import FlowDraft

    seed(repo, clock)
    repo.drafts.save(FlowDraft("campaign", 2, {"name": "Spring outreach"}, clock()))
    before = files_in(data_dir)

    disk = failing_while_writing(second)
    with pytest.raises(StoreWriteError) as caught:
        today = clock().date()
        campaign = Campaign("acct", "Spring", today, ("c1",), created_at=clock(), uid="camp")
        touch = Touch("camp", "acct", "c1", today, Channel.EMAIL, Purpose.SHARE_INSIGHT)
        save_campaign_plan(repo, campaign, [touch], draft="campaign")
    assert disk.failed == [second]
    assert_says_what_happened(caught.value, disk.code)
    assert files_in(data_dir) == before
    assert not list(data_dir.glob(f"*{atomic.TMP_SUFFIX}"))
    assert repo.campaigns.get("camp") is None
    assert repo.touches.for_campaign("camp") == []
    assert repo.drafts.get("campaign") is not None


def test_opening_a_new_folder_on_a_full_disk_says_so_and_leaves_it_openable(
    data_dir: Path, clock: FakeClock, failing, monkeypatch: pytest.MonkeyPatch
) -> None:
    disk = failing()
    with pytest.raises(StoreError) as caught:
        Repository.open(data_dir, clock=clock)
    assert disk.failed
    assert FAILURES[disk.code] in str(caught.value)
    assert str(data_dir) in str(caught.value)
    assert set(files_in(data_dir)) <= {LOCK_NAME}  # no half-written data file
    monkeypatch.undo()
    # The lock was released and nothing half-done is in the way.
    repo = Repository.open(data_dir, clock=clock)
    repo.why.save(new_why("Started", {}, now=clock()))
    repo.close()


# --- a folder that really is read-only ------------------------------------------------

needs_non_root = pytest.mark.skipif(
    os.geteuid() == 0 if hasattr(os, "geteuid") else True,
    reason="root ignores file permissions, so chmod cannot make a folder read-only; the "
    "'permission denied' and 'read-only file system' injections above cover the same path",
)


@pytest.fixture
def read_only(data_dir: Path) -> Iterator[Callable[[], None]]:
    def lock_down() -> None:
        data_dir.chmod(0o500)

    yield lock_down
    data_dir.chmod(0o700)


@needs_non_root
def test_saving_into_a_read_only_folder(
    data_dir: Path, repo: Repository, clock: FakeClock, read_only
) -> None:
    seed(repo, clock)
    before = files_in(data_dir)
    read_only()
    with pytest.raises(StoreWriteError) as caught:
        repo.why.save(new_why("Changed", {}, now=clock()))
    assert_says_what_happened(caught.value, errno.EACCES)
    assert files_in(data_dir) == before
    assert [why.statement for why in repo.why.history()] == ["Kept"]
    data_dir.chmod(0o700)
    repo.why.save(new_why("Changed", {}, now=clock()))
    assert sorted(why.statement for why in repo.why.history()) == ["Changed", "Kept"]


@needs_non_root
def test_opening_a_read_only_folder_is_refused_with_the_way_out(
    data_dir: Path, open_repo, clock: FakeClock, read_only
) -> None:
    repo = open_repo()
    seed(repo, clock)
    repo.close()
    before = files_in(data_dir)
    read_only()
    with pytest.raises(DataDirUnavailable) as caught:
        Repository.open(data_dir, clock=clock)
    assert "permission denied" in str(caught.value)
    assert "--data" in str(caught.value)
    assert files_in(data_dir) == before
