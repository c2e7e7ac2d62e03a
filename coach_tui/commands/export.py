"""`coach export ics [FILE]`: calls, open touches and promises for a calendar app.

Reads without taking the lock, so it works while coach is open: it reads one consistent
snapshot of the files, never half of a save (see `store/snapshot.py`).
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from coach_tui.commands.console import CommandConsole
from coach_tui.commands.delivery import deliver, prepare_target
from coach_tui.commands.output import counted, data, line
from coach_tui.interop.ics import build_calendar
from coach_tui.model.clock import Clock, system_clock
from coach_tui.store.repository import Repository


def export_ics(
    data_dir: Path,
    target: Path | None,
    *,
    console: Console | None = None,
    clock: Clock = system_clock,
    force: bool = False,
) -> int:
    """Write the calendar to `target`, or to standard output without one."""
    out = console or CommandConsole(stderr=True)
    destination = prepare_target(target, data_dir, out, force=force)
    if destination is None:
        return 1
    repo = Repository.open(data_dir, read_only=True, clock=clock)
    try:
        calls = repo.calls.all()
        payload = build_calendar(
            calls,
            repo.touches.planned(),
            repo.calls.commitments(),
            accounts=repo.accounts.names(),
            contacts=repo.contacts.names(),
            stamp=clock(),
        )
    finally:
        repo.close()
    if not deliver(payload, destination, target, out):
        return 1
    if target is None:
        return 0
    wrote = f"Wrote {counted(len(calls), 'call')} and open to-dos to "
    out.print(line(wrote, data(target), "."), soft_wrap=True)
    return 0
