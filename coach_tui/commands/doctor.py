"""Printing `coach doctor` results with Rich, for a plain terminal."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from rich.console import Console
from rich.table import Table

from coach_tui.commands.console import CommandConsole
from coach_tui.commands.doctor_crashes import print_crashes_and_drafts
from coach_tui.commands.output import counted, data, line
from coach_tui.commands.streams import print_error
from coach_tui.model.clock import Clock, system_clock
from coach_tui.store.backup import kept_copies
from coach_tui.store.doctor import (
    FileReport,
    FileState,
    Restored,
    backup_days,
    backup_warnings,
    diagnose,
    folder_refusal,
    restore_damaged,
)

_STATE_STYLE = {
    FileState.OK: "green",
    FileState.MISSING: "dim",
    FileState.OLD_FORMAT: "yellow",
    FileState.NEWER_FORMAT: "red",
    FileState.DAMAGED: "bold red",
}


def print_doctor(
    data_dir: Path,
    *,
    restore: bool,
    console: Console | None = None,
    clock: Clock = system_clock,
) -> int:
    """Report on `data_dir`; exit code 0 when every file is usable, 1 otherwise.

    Times are shown on the seller's clock now (`clock`'s zone), wherever they were logged.
    """
    refusal = folder_refusal(data_dir)
    if refusal is not None:
        print_error(f"coach: {refusal}")
        return 1
    out = console or CommandConsole()
    out.print(line("Data folder: ", data(data_dir, "bold")), soft_wrap=True)  # one line to copy
    now = clock()
    if restore:
        _print_restore(data_dir, out, now)
    reports = diagnose(data_dir)
    out.print(_report_table(reports))
    _print_backups(data_dir, out, now.date())
    print_crashes_and_drafts(data_dir, out, now.tzinfo)
    damaged = [r for r in reports if r.state in (FileState.DAMAGED, FileState.NEWER_FORMAT)]
    if damaged and not restore:
        out.print("Run [bold]coach doctor --restore[/] to put back the newest good backups.")
    return 1 if damaged else 0


def _print_restore(data_dir: Path, out: Console, now: datetime) -> None:
    restored, unrestorable = restore_damaged(data_dir, now)
    for item in restored:
        out.print(line(restored_line(item)), soft_wrap=True)
    for report in unrestorable:
        out.print(line("No good backup of ", data(report.path.name), " to restore.", style="red"))
    if not restored and not unrestorable:
        out.print("Nothing needed restoring.")


def restored_line(item: Restored) -> str:
    """One sentence on what `--restore` did to one file, naming everything it kept aside."""
    name = item.path.name
    if item.backup is None:  # a journal repaired in place
        numbers = [str(number) for number in item.set_aside_lines]
        lines = (
            f"line {numbers[0]}"
            if len(numbers) == 1
            else f"lines {', '.join(numbers[:-1])} and {numbers[-1]}"
        )
        saves = counted(item.kept_saves, "good save")
        aside = item.journal_aside.name if item.journal_aside else "its journal"
        return (
            f"Repaired {name}: kept the {saves} of its journal and set aside {lines}, "
            f"which coach did not write (the journal as it was is kept as {aside})."
        )
    kept = []
    if item.moved_aside is not None:
        kept.append(f"damaged file kept as {item.moved_aside.name}")
    if item.journal_aside is not None:
        kept.append(f"its journal kept as {item.journal_aside.name}")
    note = f" ({'; '.join(kept)})" if kept else ""
    return f"Restored {name} from {item.backup}{note}."


def _report_table(reports: list[FileReport]) -> Table:
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
    return table


def _print_backups(data_dir: Path, out: Console, today: date) -> None:
    """The daily backups coach labelled, a day they failed, and fuller copies kept aside."""
    days = backup_days(data_dir)
    out.print(
        line(
            f"Daily backups: {len(days)} (newest {days[0]})" if days else "Daily backups: none yet"
        )
    )
    for warning in backup_warnings(data_dir, today):
        out.print(line(warning, style="yellow"))
    kept = kept_copies(data_dir)
    if kept:
        out.print(
            "Kept from before a day's backup lost records (copy one back over the data file "
            "by hand if you need it):"
        )
        for path in kept:
            out.print(line("  ", data(path)), soft_wrap=True)
