"""Tab completion: `coach completion SHELL` prints argcomplete's script, and coach answers
each Tab from its own parser, for bash, zsh and fish alike."""

import functools
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import argcomplete
import pytest

from coach_tui.cli import main
from coach_tui.commands.completion import SHELLS
from coach_tui.store.paths import config_dir

# What each shell's script sets before it runs coach (see argcomplete's shell_integration).
SHELL_ENV = {
    "bash": {"_ARGCOMPLETE_SHELL": "bash"},
    "zsh": {"_ARGCOMPLETE_SHELL": "zsh", "_ARGCOMPLETE_SUPPRESS_SPACE": "1"},
    "fish": {
        "_ARGCOMPLETE_SHELL": "fish",
        "_ARGCOMPLETE_IFS": "\n",
        "_ARGCOMPLETE_DFS": "\t",
        "_ARGCOMPLETE_SUPPRESS_SPACE": "1",
    },
}


class Answered(Exception):
    pass


def offered(shell: str, typed: str, monkeypatch) -> list[str]:
    """The words coach offers when `shell` asks for a Tab after `typed`."""
    for name, value in {**SHELL_ENV[shell], "_ARGCOMPLETE": "1"}.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("COMP_LINE", typed)
    monkeypatch.setenv("COMP_POINT", str(len(typed)))
    answer = io.StringIO()

    def done(code: int) -> None:
        raise Answered(code)

    # argcomplete writes its debugging to descriptor 9, which under pytest is not its own.
    monkeypatch.setattr(argcomplete.CompletionFinder, "_init_debug_stream", lambda _self: None)
    monkeypatch.setattr(
        argcomplete,
        "autocomplete",
        functools.partial(argcomplete.autocomplete, exit_method=done, output_stream=answer),
    )
    monkeypatch.setattr("coach_tui.cli.run_app", lambda _args: pytest.fail("the app ran"))
    with pytest.raises(Answered):
        main([])
    separator = "\n" if shell == "fish" else "\v"
    return [word.split("\t")[0].split(":")[0] for word in answer.getvalue().split(separator)]


@pytest.mark.parametrize("shell", SHELLS)
def test_each_shell_is_offered_the_commands_and_their_options(shell, monkeypatch) -> None:
    commands = offered(shell, "coach ", monkeypatch)
    for word in ("doctor", "demo", "today", "export", "serve", "completion", "--data", "--theme"):
        assert word in commands
    assert {"--restore", "--data"} <= set(offered(shell, "coach doctor --", monkeypatch))
    assert set(offered(shell, "coach export ", monkeypatch)) >= {"ics", "review", "json"}


def test_theme_completes_to_the_themes_this_run_would_find(tmp_path: Path, monkeypatch) -> None:
    """The built-ins, the config folder's and the data folder named on the line."""
    (tmp_path / "themes").mkdir()
    harbour = 'name = "harbour"\n[colors]\nprimary = "#123"'
    (tmp_path / "themes" / "harbour.toml").write_text(harbour)
    mine = config_dir() / "themes"
    mine.mkdir(parents=True)
    (mine / "dusk.toml").write_text('name = "dusk"\n[colors]\nprimary = "#321"')
    typed = f"coach serve --data {tmp_path} --theme "
    assert {"coach-dark", "coach-light", "dusk", "harbour"} <= set(
        offered("bash", typed, monkeypatch)
    )
    assert offered("fish", "coach --theme coach-l", monkeypatch) == ["coach-light"]


@pytest.mark.parametrize("shell", SHELLS)
def test_the_script_hooks_coach_into_the_shell(shell, capsys) -> None:
    assert main(["completion", shell]) == 0
    script = capsys.readouterr().out
    hook = {
        "bash": "complete -o nospace -o default -o bashdefault -F _python_argcomplete coach",
        "zsh": "compdef _python_argcomplete coach",
        "fish": "complete --command coach",
    }[shell]
    assert hook in script
    assert "_ARGCOMPLETE" in script


# How each shell is asked for the words after what is typed, with the script sourced.
ASK = {
    "bash": [
        "bash",
        "--norc",
        "--noprofile",
        "-c",
        'source "$0"; COMP_LINE="$1"; COMP_POINT=${#1}; read -ra COMP_WORDS <<< "$1 "; '
        'COMP_WORDS+=(""); [[ "$1" == *" " ]] || unset "COMP_WORDS[-1]"; '
        "COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMP_TYPE=9; "
        '_python_argcomplete coach "${COMP_WORDS[COMP_CWORD]}" coach; '
        'printf "%s\\n" "${COMPREPLY[@]}"',
    ],
    # zsh's completion widgets need a terminal; the script's own function runs here and
    # hands _describe its words, which this stand-in prints.
    "zsh": [
        "zsh",
        "-f",
        "-c",
        'compdef() { :; }; source "$0"; _describe() { print -l -- "${(@P)2}"; }; '
        'BUFFER="$1"; CURSOR=${#1}; words=(${=1}); _python_argcomplete',
    ],
    "fish": ["fish", "--no-config", "-c", 'source $argv[1]; complete -C "$argv[2]"'],
}


@pytest.mark.parametrize("shell", SHELLS)
def test_the_shell_itself_completes_with_the_script(shell, tmp_path: Path, capsys) -> None:
    """The real thing: the shell sources the script, its function runs coach on PATH."""
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} is not installed here")
    main(["completion", shell])
    script = tmp_path / f"coach.{shell}"
    script.write_text(capsys.readouterr().out)
    shim = tmp_path / "bin" / "coach"  # `coach` on PATH is this test's coach
    shim.parent.mkdir()
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m coach_tui "$@"\n')
    shim.chmod(0o755)

    def complete(typed: str) -> set[str]:
        result = subprocess.run(
            [*ASK[shell], str(script), typed],
            capture_output=True,
            text=True,
            env={**os.environ, "PATH": f"{shim.parent}:{os.environ['PATH']}"},
            timeout=60,
        )
        words = (line.split("\t")[0].split(":")[0] for line in result.stdout.splitlines())
        return {word.strip() for word in words}  # bash ends a single answer with a space

    assert {"doctor", "demo", "today", "export", "serve", "completion", "--data"} <= complete(
        "coach "
    )
    assert complete("coach do") == {"doctor"}
