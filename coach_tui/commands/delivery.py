"""Where an export goes: a file written atomically (private to you), or standard output."""

from __future__ import annotations

import sys
from pathlib import Path

from rich.console import Console

from coach_tui.commands.output import data, line
from coach_tui.store.atomic import write_atomic
from coach_tui.store.errors import describe_os_error


def deliver(payload: bytes, target: Path | None, out: Console) -> bool:
    """Write `payload` to `target`, or to standard output without one.

    A file that cannot be written is reported on `out` in one sentence; `False` then.
    """
    if target is None:
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
        return True
    try:
        write_atomic(target, payload)
    except OSError as error:
        out.print(
            line("Could not write ", data(target), f": {describe_os_error(error)}.", style="red"),
            soft_wrap=True,
        )
        return False
    return True
