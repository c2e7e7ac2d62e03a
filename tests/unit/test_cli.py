"""The `coach` command as a newcomer meets it in a shell."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from coach_tui import __version__
from coach_tui.cli import build_parser, main
from coach_tui.model.why import new_why
from coach_tui.store.repository import Repository


def coach(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m coach_tui` the way a user would, with no terminal attached."""
    return subprocess.run(
        [sys.executable, "-m", "coach_tui", *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
        timeout=60,
    )


def test_version() -> None:
    result = coach("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"coach {__version__}"


def test_help_lists_options_and_doctor() -> None:
    result = coach("--help")
    assert result.returncode == 0
    for word in ("--data", "--theme", "doctor", "coach completion bash|zsh|fish"):
        assert word in result.stdout


def test_data_is_accepted_before_or_after_the_subcommand() -> None:
    parser = build_parser()
    assert parser.parse_args(["--data", "/a", "doctor"]).data == "/a"
    assert parser.parse_args(["doctor", "--data", "/b"]).data == "/b"
    assert parser.parse_args(["doctor"]).data is None


def test_second_instance_is_refused_with_one_clear_line(data_dir: Path, repo) -> None:
    result = coach("--data", str(data_dir))
    assert result.returncode == 1
    assert result.stderr.startswith("coach: another coach is already using")
    assert str(os.getpid()) in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1


def test_damaged_file_refuses_to_start_and_names_the_backup(data_dir, open_repo, clock):
    repo = open_repo()
    repo.why.save(new_why("For my family", {}, now=clock()))
    repo.close()
    (data_dir / "core.json").write_text('{"why": oops')
    result = coach("--data", str(data_dir))
    assert result.returncode == 1
    assert str(data_dir / "core.json") in result.stderr
    assert "backups" in result.stderr
    assert "coach doctor --restore" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("coach cannot read")  # coach names itself once
    assert (data_dir / "core.json").read_text() == '{"why": oops'


def test_coach_data_environment_variable_picks_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "from-env"
    folder.mkdir()
    result = coach("doctor", env={"COACH_DATA": str(folder)})
    assert result.returncode == 0
    assert str(folder) in "".join(result.stdout.split())  # Rich folds a long path at 80


def test_doctor_reports_and_restores(data_dir: Path, open_repo, clock) -> None:
    repo = open_repo()
    repo.why.save(new_why("For my family", {}, now=clock()))
    repo.close()
    healthy = coach("doctor", "--data", str(data_dir))
    assert healthy.returncode == 0
    assert "ok" in healthy.stdout

    (data_dir / "core.json").write_text("{")
    sick = coach("doctor", "--data", str(data_dir))
    assert sick.returncode == 1
    assert "damaged" in sick.stdout
    assert "--restore" in sick.stdout

    fixed = coach("doctor", "--restore", "--data", str(data_dir))
    assert fixed.returncode == 0, fixed.stdout
    assert "Restored core.json" in fixed.stdout
    reopened = Repository.open(data_dir, clock=clock)
    current = reopened.why.current()  # the clean close had backed up the day's work
    assert current is not None
    assert current.statement == "For my family"
    reopened.close()
    assert list(data_dir.glob("core.json.damaged-*"))


def test_unexpected_error_is_one_line_and_logged(data_dir, clock, monkeypatch, capsys) -> None:
    Repository.open(data_dir, clock=clock).close()

    def explode(_args: object) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr("coach_tui.cli.run_doctor", explode)
    assert main(["doctor", "--data", str(data_dir)]) in (1,)
    err = capsys.readouterr().err
    assert err.startswith("coach: unexpected error (RuntimeError: boom)")
    assert "Traceback" not in err
    log = (data_dir / "crash.log").read_text()
    assert "Traceback" in log
    assert "boom" in log


def test_coach_today_does_not_load_what_only_a_crash_or_another_command_needs(
    data_dir: Path, repo
) -> None:
    """Start-up time (README "Performance"): the crash log and shell quoting load when used."""
    repo.close()
    check = (
        "import sys\n"
        "from coach_tui.cli import main\n"
        f"main(['today', '--plain', '--data', {str(data_dir)!r}])\n"
        "print([m for m in ('coach_tui.crash_log', 'shlex') if m in sys.modules], "
        "file=sys.stderr)"
    )
    result = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stderr.strip() == "[]"


def test_an_error_leaves_an_empty_folder_empty(tmp_path, monkeypatch, capsys) -> None:
    """A log in an empty folder would make it a folder coach must ask about next time."""
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setattr("coach_tui.cli.run_doctor", lambda _args: 1 / 0)
    assert main(["doctor", "--data", str(empty)]) == 1
    assert capsys.readouterr().err.startswith("coach: unexpected error (ZeroDivisionError")
    assert list(empty.iterdir()) == []


@pytest.mark.parametrize("argv", [["--nope"], ["doctor", "--nope"]])
def test_usage_errors_exit_2(argv: list[str]) -> None:
    result = coach(*argv)
    assert result.returncode == 2
    assert "usage:" in result.stderr


def test_theme_is_accepted_before_or_after_serve_and_the_later_one_wins() -> None:
    parser = build_parser()
    assert parser.parse_args(["--theme", "a", "serve"]).theme == "a"
    assert parser.parse_args(["serve", "--theme", "b"]).theme == "b"
    assert parser.parse_args(["--theme", "a", "serve", "--theme", "b"]).theme == "b"
    assert parser.parse_args(["--theme", "a"]).theme == "a"  # the app
    assert parser.parse_args(["serve"]).theme is None


@pytest.mark.parametrize(
    "argv", [["today", "--theme", "coach-light"], ["--theme", "coach-light", "doctor"]]
)
def test_theme_with_a_command_that_draws_none_is_refused_in_one_sentence(
    argv, tmp_path, monkeypatch, capsys
) -> None:
    monkeypatch.setattr("coach_tui.cli.run_doctor", lambda _args: 1 / 0)
    monkeypatch.setattr("coach_tui.cli.run_today_command", lambda _args: 1 / 0)
    assert main([*argv, "--data", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("coach: --theme goes with the app (coach --theme NAME) and coach serve")
    assert err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_serve_takes_the_theme_given_after_it(tmp_path, monkeypatch) -> None:
    seen = {}

    def fake_serve(data_dir, *, port, theme):
        seen.update(theme=theme, port=port)
        return 0

    monkeypatch.setattr("coach_tui.commands.serve.serve", fake_serve)
    assert main(["serve", "--theme", "coach-light", "--data", str(tmp_path)]) == 0
    assert seen == {"theme": "coach-light", "port": 8000}
