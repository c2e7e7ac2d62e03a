"""Standard output and error when nobody may be reading any more.

A closed standard output (`coach today | head -1`) ends the command quietly with status 0:
the reader had all it wanted (see `cli.main`). A closed standard error only loses the
messages: the command carries on and its exit status still says whether it worked. No Rich
here, so `coach today --json` and `--version` stay without it.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import TextIO


def print_error(line: str) -> None:
    """One line on standard error (nothing when it is closed or nobody reads it)."""
    try:
        print(line, file=sys.stderr, flush=True)
    except BrokenPipeError:
        let_closed_stream_be(sys.stderr)


def let_closed_stream_be(stream: TextIO | None) -> None:
    """Point a stream whose reader has gone at the null device, so that the interpreter's
    last flush does not fail on it (and print a warning, and change the exit status)."""
    if stream is None:
        return
    with contextlib.suppress(AttributeError, OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, stream.fileno())
        finally:
            os.close(devnull)
