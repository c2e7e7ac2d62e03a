"""Links: a linked data file is written through; a link left at a temp name is never followed."""

from __future__ import annotations

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
    tokens = iter(["deadbeef", "0badf00d"])
    # (raising=False: a coach that names temp files otherwise simply ignores this.)
    monkeypatch.setattr(atomic, "secrets", _Tokens(tokens), raising=False)
    for name in ("core.json.tmp", ".core.json.deadbeef.coach-tmp"):
        (folder / name).symlink_to(victim)

    write_atomic(folder / "core.json", b'{"new": 1}')

    assert victim.read_bytes() == b"precious"
    assert (folder / "core.json").read_bytes() == b'{"new": 1}'
    assert not (folder / "core.json").is_symlink()
    assert (folder / ".core.json.deadbeef.coach-tmp").is_symlink()  # left as it was


class _Tokens:
    """`secrets` as the atomic writer sees it: the random names it draws, chosen."""

    def __init__(self, tokens) -> None:
        self._tokens = tokens

    def token_hex(self, _nbytes: int) -> str:
        return next(self._tokens)
