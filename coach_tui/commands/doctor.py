"""Printing `coach doctor` results with Rich, for a plain terminal."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

from coach_tui.commands.console import CommandConsole
from coach_tui.commands.output import data, line
from coach_tui.model.clock import system_clock
from coach_tui.store.doctor import FileState, backup_days, diagnose, restore_damaged

_STATE_STYLE = {
    FileState.OK: "green",
    FileState.MISSING: "dim",
    FileState.OLD_FORMAT: "yellow",
    FileState.NEWER_FORMAT: "red",
    FileState.DAMAGED: "bold red",
}


def print_doctor(data_dir: Path, *, restore: bool, console: Console | None = None) -> int:
    """Report on `data_dir`; exit code 0 when every file is usable, 1 otherwise."""
    out = console or CommandConsole()
    out.print(line("Data folder: ", data(data_dir, "bold")), soft_wrap=True)
    if not data_dir.is_dir():
        out.print("Nothing here yet — coach creates it the first time it opens.")
        return 0
    if restore:
        restored, unrestorable = restore_damaged(data_dir, system_clock())
        for item in restored:
            kept = f" (damaged file kept as {item.moved_aside.name})" if item.moved_aside else ""
            restored_from = line(
                "Restored ", data(item.path.name), " from ", data(item.backup), kept
            )
            out.print(restored_from, soft_wrap=True)
        for report in unrestorable:
            out.print(
                line("No good backup of ", data(report.path.name), " to restore.", style="red")
            )
        if not restored and not unrestorable:
            out.print("Nothing needed restoring.")
    reports = diagnose(data_dir)
    table = Table(show_header=True, header_style="bold")
    table.add_column("file")
    table.add_column("state")
    table.add_column("detail", overflow="fold")
    for report in reports:
        style = _STATE_STYLE[report.state]
        detail = report.detail
        if report.state is FileState.DAMAGED:
            detail += (
                f"; newest good backup: {report.newest_backup}"
                if report.newest_backup
                else "; no good backup found"
            )
        table.add_row(data(report.path.name), data(report.state.value, style), data(detail))
    out.print(table)
    days = backup_days(data_dir)
    out.print(
        line(
            f"Daily backups: {len(days)} (newest {days[0]})" if days else "Daily backups: none yet"
        )
    )
    damaged = [r for r in reports if r.state in (FileState.DAMAGED, FileState.NEWER_FORMAT)]
    if damaged and not restore:
        out.print("Run [bold]coach doctor --restore[/] to put back the newest good backups.")
    return 1 if damaged else 0
