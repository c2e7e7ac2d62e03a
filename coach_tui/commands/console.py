"""The Rich console the subcommands print with.

Rich's own answer to a reader that closed the pipe (`coach today | head -1`) is to exit
with status 1, as if the command had failed. Here the `BrokenPipeError` goes up to
`coach`'s main instead, which ends quietly with status 0: the reader had all it wanted.
"""

from __future__ import annotations

from rich.console import Console


class CommandConsole(Console):
    """A `rich.console.Console` for plain-terminal commands; use it for every printer."""

    def on_broken_pipe(self) -> None:
        self.quiet = True  # nothing more can be shown; don't try again
        raise BrokenPipeError("the reader closed the pipe")
