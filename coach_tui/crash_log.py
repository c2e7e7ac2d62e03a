"""Where unexpected errors go: a log in the data folder instead of a traceback on screen."""

from __future__ import annotations

import traceback
from pathlib import Path

from coach_tui import __version__
from coach_tui.model.clock import system_clock
from coach_tui.model.text import printable

CRASH_LOG = "crash.log"


def write_crash_log(data_dir: Path) -> Path | None:
    """Append the exception being handled to <data>/crash.log; `None` if it cannot be written."""
    if not data_dir.is_dir():
        return None
    log = data_dir / CRASH_LOG
    try:
        with log.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {system_clock().isoformat()} coach {__version__}\n")
            # An error may quote stored text; `cat crash.log` must not run its escape codes.
            handle.write(printable(traceback.format_exc()))
        log.chmod(0o600)
    except OSError:
        return None
    return log
