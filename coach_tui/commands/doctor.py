"""Printing `coach doctor` results with Rich, for a plain terminal."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from coach_tui.commands.console import CommandConsole
from coach_tui.commands.doctor_crashes import print_crashes_and_drafts
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
    out.print(f"Data folder: [bold]{escape(str(data_dir))}[/]", soft_wrap=True)  # one line to copy
    if not data_dir.is_dir():
        out.print("Nothing here yet — coach creates it the first time it opens.")
        return 0
    if restore:
        restored, unrestorable = restore_damaged(data_dir, system_clock())
        for item in restored:
            kept = f" (damaged file kept as {item.moved_aside.name})" if item.moved_aside else ""
            out.print(f"Restored {escape(item.path.name)} from {escape(str(item.backup))}{kept}")
        for report in unrestorable:
            out.print(f"[red]No good backup of {escape(report.path.name)} to restore.[/]")
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
        table.add_row(report.path.name, f"[{style}]{report.state.value}[/]", escape(detail))
    out.print(table)
    days = backup_days(data_dir)
    out.print(
        f"Daily backups: {len(days)} (newest {days[0]})" if days else "Daily backups: none yet"
    )
    print_crashes_and_drafts(data_dir, out)
    damaged = [r for r in reports if r.state in (FileState.DAMAGED, FileState.NEWER_FORMAT)]
    if damaged and not restore:
        out.print("Run [bold]coach doctor --restore[/] to put back the newest good backups.")
    return 1 if damaged else 0
