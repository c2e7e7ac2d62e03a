"""`coach config path`, and config.toml's bad lines on standard error for a command."""

from __future__ import annotations

from coach_tui.cli import main
from coach_tui.store.config_file import config_path


def test_config_path_prints_where_the_file_is(capsys) -> None:
    assert main(["config", "path"]) == 0
    out = capsys.readouterr()
    assert out.out == f"{config_path()}\n"
    assert out.err == ""


def test_a_command_says_each_bad_line_once_on_standard_error(repo, data_dir, capsys) -> None:
    config_path().write_text('stall_weeks = 1\n\ncurrency = "EUR"\n')
    repo.close()
    assert main(["today", "--plain", "--data", str(data_dir)]) == 0
    out = capsys.readouterr()
    assert out.err == (
        "config.toml line 1: stall_weeks is 1, but it can be 2 to 26, so coach uses 6 weeks.\n"
    )
    assert "config.toml" not in out.out
