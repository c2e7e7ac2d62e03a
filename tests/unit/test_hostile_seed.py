"""The hostile folder really holds what it promises: raw control codes and markup, and it opens."""

from __future__ import annotations

from pathlib import Path

from coach_tui.store.repository import Repository
from tests.helpers import FakeClock, short_temp_dir
from tests.hostile import SET_TITLE, seed_hostile


def test_hostile_folder_stores_control_codes_and_markup_and_opens(
    tmp_path: Path, clock: FakeClock
) -> None:
    with short_temp_dir() as victim:
        folder = seed_hostile(tmp_path / "data", now=clock(), victim_dir=victim)
        check_hostile_folder(folder, clock)


def check_hostile_folder(folder, clock: FakeClock) -> None:
    stored = (folder.data_dir / "entry.json").read_text(encoding="utf-8")
    assert "\\u001b]0;PWNED\\u0007" in stored  # written as a hand-edit would, not cleaned
    repo = Repository.open(folder.data_dir, clock=clock)  # every record decodes
    try:
        names = [contact.name for contact in repo.contacts.all()]
        assert "Max [/] Typed" in names
        assert any(SET_TITLE in name for name in names)
        assert repo.accounts.get(folder.account_uid) is not None
    finally:
        repo.close()
    assert folder.inputs > 200
    assert not folder.victim_file.exists()
