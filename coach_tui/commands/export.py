"""`coach export ics [FILE] [--all]`: calls, open touches and promises for a calendar app.

Calls from the last 90 days on unless `--all` (see `interop.ics.WINDOW`).

Reads without taking the lock, so it works while coach is open: it reads one consistent
snapshot of the files, never half of a save (see `store/snapshot.py`).
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from coach_tui.commands.console import CommandConsole
from coach_tui.commands.delivery import deliver, prepare_target
from coach_tui.commands.output import counted, data, line
from coach_tui.model.clock import Clock, system_clock
from coach_tui.services.calendar_export import calendar_export
from coach_tui.store.repository import Repository


def export_ics(
    data_dir: Path,
    target: Path | None,
    *,
    console: Console | None = None,
    clock: Clock = system_clock,
    force: bool = False,
    everything: bool = False,
) -> int:
    """Write the calendar to `target`, or to standard output without one; `everything`
    includes calls older than the window."""
    out = console or CommandConsole(stderr=True)
    destination = prepare_target(target, data_dir, out, force=force)
    if destination is None:
        return 1
    with Repository.open(data_dir, read_only=True, clock=clock) as repo:
        calendar = calendar_export(repo, clock(), everything=everything)
    if not deliver(calendar.payload, destination, target, out):
        return 1
    if target is None:
        return 0
    which = "" if everything else " from the last 90 days on (--all for every one)"
    wrote = f"Wrote {counted(calendar.calls, 'call')}{which} and open to-dos to "
    out.print(line(wrote, data(target), "."), soft_wrap=True)
    return 0
