"""The Rich console the plain-terminal commands print with.

Rich's own answer to a reader that closed the pipe is to exit with status 1, as if the
command had failed. This one follows `streams.py` instead: a closed standard output goes
up to `coach`'s main as `BrokenPipeError` (quiet, status 0); a closed standard error only
loses the messages.
"""

from __future__ import annotations

import sys

from rich.console import Console

from coach_tui.commands.streams import let_closed_stream_be


class CommandConsole(Console):
    """A `rich.console.Console` for plain-terminal commands; use it for every printer."""

    def on_broken_pipe(self) -> None:
        self.quiet = True  # nothing more can be shown; don't try again
        if self.stderr:
            let_closed_stream_be(sys.stderr)
            return
        raise BrokenPipeError("the reader closed the pipe")
