"""Settings: config.toml first, then the stored ones; a choice made in the app is written
into the file without losing the person's comments, and the first write keeps every choice
made before the file existed."""

from __future__ import annotations

import tomllib
from dataclasses import replace

import pytest

from coach_tui.model.settings import Settings
from coach_tui.store.config_file import config_path
from coach_tui.store.config_write import ConfigNotWritten, write_settings

HAND_WRITTEN = """\
# My coach. Hands off, robots.
currency = "GBP"   # the firm bills in pounds

# Quarter-end is brutal: give deals room.
stall_weeks = 10

[keys]
# I like capitals.
"dashboard.accounts" = "A"
"""


def test_the_file_wins_over_the_stored_settings(repo) -> None:
    repo.settings.save(Settings(currency="EUR", stall_weeks=8))
    config_path().write_text('currency = "GBP"\n')
    assert repo.settings.get() == Settings(currency="GBP", stall_weeks=8)


def test_a_choice_in_the_app_is_written_keeping_comments_and_layout(repo) -> None:
    config_path().write_text(HAND_WRITTEN)
    repo.settings.save(replace(repo.settings.get(), stall_weeks=12))
    assert config_path().read_text() == HAND_WRITTEN.replace("stall_weeks = 10", "stall_weeks = 12")
    assert repo.settings.get().stall_weeks == 12


def test_a_setting_the_file_lacks_is_added_and_the_rest_untouched(repo) -> None:
    config_path().write_text(HAND_WRITTEN)
    repo.settings.save(replace(repo.settings.get(), day_first=False))
    text = config_path().read_text()
    assert text.startswith(HAND_WRITTEN.split("[keys]")[0].rstrip("\n"))
    assert 'date_order = "month-first"' in text
    assert tomllib.loads(text)["keys"] == {"dashboard.accounts": "A"}
    assert repo.settings.get().day_first is False


def test_the_first_choice_writes_the_file_with_every_earlier_choice(repo) -> None:
    repo.settings.save(Settings(currency="EUR", stall_weeks=8, holiday_region="DE-BY"))
    config_path().unlink()  # as if chosen before coach had a config file
    repo.settings.save(replace(repo.settings.get(), theme="coach-light"))
    text = config_path().read_text()
    assert text.startswith("# coach's settings.")
    assert tomllib.loads(text) == {
        "theme": "coach-light",
        "currency": "EUR",
        "date_order": "system",
        "holidays": "DE-BY",
        "stall_weeks": 8,
        "keys": {},
    }
    # The theme took the place of its commented example, under its explanation.
    assert "# The colour theme" in text.split('theme = "coach-light"')[0].splitlines()[-1]


def test_a_file_that_is_not_toml_is_left_alone(repo, tmp_path) -> None:
    broken = 'currency = "GBP\n'
    config_path().write_text(broken)
    with pytest.raises(ConfigNotWritten, match="not TOML") as raised:
        repo.settings.save(replace(repo.settings.get(), stall_weeks=12))
    assert "saved with your data" in str(raised.value)
    assert config_path().read_text() == broken
    assert repo.settings.stored().stall_weeks == 12


def test_writing_replaces_the_file_whole(tmp_path, monkeypatch) -> None:
    path = tmp_path / "config.toml"
    path.write_text(HAND_WRITTEN)
    monkeypatch.setattr("coach_tui.store.config_write.write_atomic", _full_disk)
    with pytest.raises(ConfigNotWritten, match="could not write"):
        write_settings({"stall_weeks": 3}, path)
    assert path.read_text() == HAND_WRITTEN


def _full_disk(_path, _payload) -> None:
    raise OSError(28, "No space left on device")


def test_a_choice_in_a_unit_of_work_that_fails_leaves_the_file_alone(repo) -> None:
    config_path().write_text(HAND_WRITTEN)
    with pytest.raises(RuntimeError, match="a later write"), repo.unit_of_work():
        repo.settings.save(replace(repo.settings.get(), stall_weeks=12))
        raise RuntimeError("a later write of the same action failed")
    assert config_path().read_text() == HAND_WRITTEN
    assert repo.settings.get().stall_weeks == 10
    with repo.unit_of_work():
        repo.settings.save(replace(repo.settings.get(), stall_weeks=12))
    assert "stall_weeks = 12" in config_path().read_text()
