"""`coach export json [FILE]`: everything coach holds, in one file another coach can import.

Reads without taking the lock, like the other exports, so it works while coach is open.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from coach_tui.commands.console import CommandConsole
from coach_tui.commands.delivery import deliver, prepare_target
from coach_tui.commands.output import counted, data, line, shell_word
from coach_tui.commands.progress import progress_bars
from coach_tui.model.clock import Clock, system_clock
from coach_tui.services.json_export import json_export
from coach_tui.store.repository import Repository


def export_json(
    data_dir: Path,
    target: Path | None,
    *,
    console: Console | None = None,
    bars: Console | None = None,
    clock: Clock = system_clock,
    force: bool = False,
) -> int:
    """Write the export to `target` (private to you), or to standard output without one.

    Progress is drawn on `bars` (standard error by default) if it is a terminal, and gone
    before the data is written, which may go to the same terminal.
    """
    out = console or CommandConsole(stderr=True)
    destination = prepare_target(target, data_dir, out, force=force)
    if destination is None:
        return 1
    with (
        progress_bars(bars) as progress,
        Repository.open(data_dir, read_only=True, clock=clock) as repo,
    ):
        export = json_export(repo, progress)
    if not deliver(export.payload, destination, target, out):
        return 1
    if target is None:
        return 0
    total = export.records
    out.print(
        line(f"Wrote {counted(total, 'record')} to ", data(target), ". To bring them into an empty "
             "folder: coach import json ", shell_word(target), " --data NEW_FOLDER"),
        soft_wrap=True,
    )  # fmt: skip
    return 0
