"""Links: a linked data file is written through; a link left at a temp name is never followed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from coach_tui.model.why import new_why
from coach_tui.store import atomic
from coach_tui.store.atomic import write_atomic
from coach_tui.store.repository import Repository
from tests.helpers import FakeClock


def test_a_linked_data_file_stays_a_link_and_its_target_gets_the_saves(
    data_dir: Path, tmp_path: Path, clock: FakeClock
) -> None:
    Repository.open(data_dir, clock=clock).close()
    synced = tmp_path / "synced"
    synced.mkdir()
    (data_dir / "core.json").rename(synced / "core.json")
    (data_dir / "core.json").symlink_to(synced / "core.json")

    repo = Repository.open(data_dir, clock=clock)
    repo.why.save(new_why("Written through the link", {}, now=clock()))
    repo.close()

    assert (data_dir / "core.json").is_symlink()
    assert b"Written through the link" in (synced / "core.json").read_bytes()
    assert [path.name for path in synced.iterdir()] == ["core.json"]  # no temp left beside it
    reopened = Repository.open(data_dir, clock=clock)
    assert reopened.why.current().statement == "Written through the link"
    reopened.close()


def test_a_link_waiting_at_a_temp_name_is_never_written_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    victim = tmp_path / "elsewhere" / "precious.txt"
    victim.parent.mkdir()
    victim.write_bytes(b"precious")
    folder = tmp_path / "data"
    folder.mkdir()
    # Links at the old fixed name and at the first name coach will try.
    drawn = _draws(monkeypatch, "deadbeef", "0badf00d")
    for name in ("core.json.tmp", ".core.json.deadbeef.coach-tmp"):
        (folder / name).symlink_to(victim)

    write_atomic(folder / "core.json", b'{"new": 1}')

    assert drawn == ["deadbeef", "0badf00d"]  # the taken name was passed over
    assert victim.read_bytes() == b"precious"
    assert (folder / "core.json").read_bytes() == b'{"new": 1}'
    assert not (folder / "core.json").is_symlink()
    assert (folder / ".core.json.deadbeef.coach-tmp").is_symlink()  # left as it was


def _draws(monkeypatch: pytest.MonkeyPatch, *names: str) -> list[str]:
    """Make the temporary names coach draws (`os.urandom(4)` in hex) be `names`, in turn;
    the list returned fills with the names drawn."""
    queued, drawn, real = iter(names), [], os.urandom

    def urandom(size: int) -> bytes:
        if size != 4:  # not a temporary name: anything else in the process that wants bytes
            return real(size)
        drawn.append(next(queued))
        return bytes.fromhex(drawn[-1])

    monkeypatch.setattr(atomic.os, "urandom", urandom)
    return drawn
