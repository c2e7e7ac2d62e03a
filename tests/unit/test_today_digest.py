"""`coach today`'s digest: read instead of the files only while it is exactly what they say,
and never taken for the user's data (no backup, no doctor, no adoption question)."""

import json
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from coach_tui.cli import main
from coach_tui.commands import today
from coach_tui.model.account import Account
from coach_tui.model.call import Call
from coach_tui.model.touch import Channel, Purpose, Touch
from coach_tui.model.why import new_why
from coach_tui.services.today_digest import (
    data_identities,
    todays_agenda_kept,
    write_today_digest,
)
from coach_tui.store.folder import FolderKind, inspect_folder
from coach_tui.store.repository import Repository
from coach_tui.store.today_digest import FILE_NAME, digest_path
from tests.coach_at import ROOT
from tests.helpers import BERLIN

NOW = datetime(2026, 11, 24, 8, 30, tzinfo=BERLIN)
CALL_TIME = NOW.replace(hour=17, minute=0)
MINUTE = timedelta(minutes=1)


def seed(data_dir: Path) -> str:
    """A why and one call at 17:00 today, not prepared; the account's uid."""
    with Repository.open(data_dir, clock=lambda: NOW) as repo:
        repo.why.save(new_why("I sell so my kids see steady work.", {}, now=NOW))
        account = Account("Nordvale Foods")
        repo.accounts.save(account)
        repo.calls.save(Call(account.uid, CALL_TIME))
        return account.uid


def coach_today(
    data_dir: Path, capsys: pytest.CaptureFixture[str], at: datetime = NOW, **options: bool
) -> str:
    assert today.run_today(data_dir, clock=lambda: at, **options) == 0
    return capsys.readouterr().out


def test_a_second_run_prints_the_same_from_the_digest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(tmp_path)
    first = coach_today(tmp_path, capsys)
    assert "Nordvale Foods" in first and digest_path(tmp_path).exists()
    digest_path(tmp_path).unlink()  # deleting it is harmless: the files are read again
    as_json = coach_today(tmp_path, capsys, as_json=True)
    monkeypatch.setattr(today, "read_agenda", None)  # reading the files would fail
    later = NOW + timedelta(hours=8)  # 16:30, before the call
    assert coach_today(tmp_path, capsys, at=later) == first
    assert coach_today(tmp_path, capsys, at=later, as_json=True) == as_json


def test_a_save_by_the_app_is_seen_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    account = seed(tmp_path)
    coach_today(tmp_path, capsys)
    with Repository.open(tmp_path, clock=lambda: NOW) as app:  # holds the folder meanwhile
        app.calls.save(Call(account, NOW.replace(hour=15, minute=0)))  # a file replaced
        assert "15:00" in coach_today(tmp_path, capsys)
        touch = Touch("", account, "", NOW.date(), Channel.EMAIL, Purpose.SHARE_INSIGHT)
        app.touches.save(touch)  # a line appended to the journal
        assert "Touches due (1)" in coach_today(tmp_path, capsys)


def test_the_digest_is_not_read_for_another_moment_it_may_be_wrong_about(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each step differs from the digest then on disk by one stamp only."""
    seed(tmp_path)
    reads: list[datetime] = []
    full_way = today.read_agenda

    def spy(data_dir: Path, now: datetime) -> object:
        reads.append(now)
        return full_way(data_dir, now)

    monkeypatch.setattr(today, "read_agenda", spy)

    def shown(at: datetime) -> tuple[str, bool]:
        """What `coach today` prints at `at`, and whether it read the files for it."""
        before = len(reads)
        return coach_today(tmp_path, capsys, at=at), len(reads) > before

    new_york = ZoneInfo("America/New_York")
    assert shown(NOW)[1]  # at 08:30: holds until the call at 17:00
    assert not shown(CALL_TIME)[1]
    flown, read = shown(NOW.astimezone(new_york))  # 02:30 the same day
    assert read and "11:00" in flown  # 17:00 in Berlin, on the clock where the seller is
    after_the_call, read = shown((CALL_TIME + MINUTE).astimezone(new_york))
    assert read and "To debrief (1)" in after_the_call
    earlier, read = shown((NOW - MINUTE).astimezone(new_york))  # a clock set back
    assert read and "To debrief" not in earlier  # the call is ahead again
    assert shown((CALL_TIME + MINUTE).astimezone(new_york))[1]  # then holds for the day
    tomorrow, read = shown((NOW + timedelta(days=1)).astimezone(new_york))
    assert read and "Wed 25 Nov 2026" in tomorrow
    assert not shown((NOW + timedelta(days=1)).astimezone(new_york))[1]
    monkeypatch.setenv("LANG", "de_DE.UTF-8")  # its public holidays may count (red flags)
    assert shown((NOW + timedelta(days=1)).astimezone(new_york))[1]


def test_no_digest_is_written_for_files_that_changed_while_the_agenda_was_read(
    tmp_path: Path,
) -> None:
    account = seed(tmp_path)
    read_from = data_identities(tmp_path)
    agenda = today.read_agenda(tmp_path, NOW)
    digest_path(tmp_path).unlink()
    with Repository.open(tmp_path, clock=lambda: NOW) as app:  # a save lands meanwhile
        app.calls.save(Call(account, NOW.replace(hour=15, minute=0)))
    assert write_today_digest(tmp_path, agenda, NOW, read_from) is False
    assert not digest_path(tmp_path).exists()
    assert write_today_digest(tmp_path, agenda, NOW, data_identities(tmp_path)) is True


def test_the_app_keeps_the_agenda_it_reads_for_the_next_coach_today(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(tmp_path)
    with Repository.open(tmp_path, clock=lambda: NOW) as app:
        todays_agenda_kept(app, NOW)  # as the morning plan reads it
        monkeypatch.setattr(today, "read_agenda", None)  # reading the files would fail
        assert "Nordvale Foods" in coach_today(tmp_path, capsys)


def test_a_file_of_that_name_coach_did_not_write_is_neither_read_nor_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(tmp_path)
    theirs = digest_path(tmp_path)
    theirs.write_text('{"view": {"why": "not mine"}}')
    assert "I sell so my kids" in coach_today(tmp_path, capsys)
    assert theirs.read_text() == '{"view": {"why": "not mine"}}'


@pytest.mark.parametrize(
    "damage",
    [
        lambda view: view.pop("coach"),
        lambda view: view["calls"][0].update(time="at five"),
        lambda view: view["calls"][0].update(account=None),
        lambda view: view.update(touches="none"),
    ],
)
def test_a_digest_edited_by_hand_is_read_past(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: Callable[[dict], object]
) -> None:
    seed(tmp_path)
    first = coach_today(tmp_path, capsys)
    digest = json.loads(digest_path(tmp_path).read_bytes())
    damage(digest["view"])  # every stamp still holds
    digest_path(tmp_path).write_text(json.dumps(digest))
    assert coach_today(tmp_path, capsys) == first


def test_the_digest_is_no_ones_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed(tmp_path)
    coach_today(tmp_path, capsys)
    digest = digest_path(tmp_path).read_bytes()
    leftover = tmp_path / f".{FILE_NAME}.0123abcd.coach-tmp"  # a write killed half way
    leftover.write_bytes(b"{")
    with Repository.open(tmp_path, clock=lambda: NOW + timedelta(days=1)):  # a new day's backup
        pass
    assert not leftover.exists()
    backed_up = {path.name for path in (tmp_path / "backups").rglob("*")}
    assert "core.json" in backed_up and FILE_NAME not in backed_up
    assert main(["doctor", "--data", str(tmp_path)]) == 0
    assert FILE_NAME not in capsys.readouterr().out
    alone = tmp_path / "left"
    alone.mkdir()
    (alone / FILE_NAME).write_bytes(digest)  # the data files moved away, the digest left
    assert inspect_folder(alone).kind is FolderKind.EMPTY
    (alone / FILE_NAME).write_text("my own notes")
    assert inspect_folder(alone).kind is FolderKind.OTHER


def test_coach_today_leaves_a_folder_without_coach_data_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "new"
    empty.mkdir()
    assert main(["today", "--data", str(empty)]) == 0
    assert list(empty.iterdir()) == []


def test_a_digest_hit_loads_no_repository_and_no_rule(tmp_path: Path) -> None:
    seed(tmp_path)
    heavy = ("coach_tui.store.repository", "coach_tui.coaching.agenda", "tinydb")
    probe = (
        "import sys; from datetime import datetime; from tests.coach_at import stopped_at; "
        "from coach_tui.model import clock; "
        f"clock.datetime = stopped_at(datetime.fromisoformat({NOW.isoformat()!r})); "
        "from coach_tui.cli import main; code = main(sys.argv[1:]); "
        f"print([name for name in {heavy!r} if name in sys.modules], file=sys.stderr)"
    )

    def loaded() -> str:
        result = subprocess.run(
            [sys.executable, "-c", probe, "today", "--data", str(tmp_path)],
            capture_output=True, text=True, cwd=ROOT, timeout=60,
            env={**os.environ, "TZ": "Europe/Berlin"},
        )  # fmt: skip
        assert result.returncode == 0 and "Nordvale Foods" in result.stdout, result.stderr
        return result.stderr.strip()

    assert loaded() == repr(list(heavy))  # the first run reads the files (and the probe works)
    assert loaded() == "[]"
