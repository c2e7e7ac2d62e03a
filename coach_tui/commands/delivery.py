"""Where an export goes: a file written atomically (private to you), or standard output."""

from __future__ import annotations

import sys
from pathlib import Path

from rich.console import Console
from rich.markup import escape

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
        out.print(f"[red]Could not write {escape(str(target))}: {describe_os_error(error)}.[/]")
        return False
    return True
