"""`coach completion SHELL`: the script that lets a shell complete coach's words on Tab.

argcomplete writes it, and answers each Tab from coach's own parser: the script runs
`coach` with argcomplete's variables set, and `cli.py` hands the parser over before reading
anything (a Tab costs one quick start of coach, which imports no app). So a new command or
option completes as soon as coach has it, without installing the script again; argcomplete
is also the maintained library that speaks fish, besides bash and zsh.
"""

from __future__ import annotations

import sys

from coach_tui.model.text import printable

SHELLS = ("bash", "zsh", "fish")
PROGRAM = "coach"
INSTALL = f"""\
Print the script that lets your shell complete coach's commands and options on Tab.

Install it once:
  bash  coach completion bash > ~/.local/share/bash-completion/completions/{PROGRAM}
        (or add  eval "$(coach completion bash)"  to ~/.bashrc)
  zsh   add  eval "$(coach completion zsh)"  to ~/.zshrc, after compinit
  fish  coach completion fish > ~/.config/fish/completions/{PROGRAM}.fish
Then open a new shell. The script asks coach itself on each Tab, so it stays right as
coach gains commands."""


def completion_script(shell: str) -> str:
    """The script for `shell` (one of `SHELLS`), as argcomplete writes it."""
    from argcomplete import shellcode

    return shellcode([PROGRAM], shell=shell)


def print_completion(shell: str) -> int:
    """Write the script to standard output, for a file or an `eval` (argcomplete's text
    holds no control codes, so `printable()` leaves it exactly as written)."""
    sys.stdout.write(printable(completion_script(shell)))
    return 0
