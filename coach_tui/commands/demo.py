"""`coach demo`: fill an empty data folder with invented history, and say what went in."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from coach_tui.commands.console import CommandConsole
from coach_tui.commands.output import counted, data, line, shell_word
from coach_tui.commands.progress import progress_bars
from coach_tui.demo.generate import MAX_YEARS, DemoData, build_demo
from coach_tui.demo.today import first_tries
from coach_tui.demo.write import holds_data, write_demo_data
from coach_tui.model.clock import Clock, system_clock
from coach_tui.model.day_text import time_text, weekday_text
from coach_tui.store.archive import archive_old_history
from coach_tui.store.repository import Repository

_LABELS = {
    "why": "why statements",
    "goals": "performance goals",
    "skill_goals": "getting-better goals",
    "accounts": "accounts",
    "objectives": "strategic objectives (open and closed)",
    "perspectives": "team perspectives",
    "contacts": "decision makers",
    "entry_points": "entry points",
    "campaigns": "entry campaigns",
    "touches": "touches (done, skipped, planned)",
    "calls": "calls (prepared, debriefed, coming)",
    "commitments": "promises made in calls",
    "reviews": "weekly reviews",
}


def write_demo(
    data_dir: Path,
    *,
    years: int,
    seed: int,
    console: Console | None = None,
    bars: Console | None = None,
    clock: Clock = system_clock,
) -> int:
    """Generate and write the demo; exit code 1 (nothing written) if the folder has data.

    `bars` is where progress is drawn, if it is a terminal (standard error by default).
    """
    out = console or CommandConsole()
    if not 1 <= years <= MAX_YEARS:
        out.print(line(f"--years must be between 1 and {MAX_YEARS}.", style="red"))
        return 2
    with Repository.open(data_dir, clock=clock) as repo:
        if holds_data(repo):
            out.print(
                line(data(data_dir), " already holds your data; the demo only writes into an "
                     "empty folder.", style="red"),
                line("Try: coach demo --data /tmp/coach-demo"),
                sep="\n",
                soft_wrap=True,
            )  # fmt: skip
            return 1
        now = clock()
        with progress_bars(bars) as progress:
            demo = build_demo(now, years=years, seed=seed, progress=progress)
            counts = write_demo_data(repo, demo, progress)
            moved = archive_old_history(repo.store, now.date(), force=True, progress=progress)
    table = Table(title=line(f"Demo: {counted(years, 'year')} of invented history"))
    table.add_column("records", justify="right")
    table.add_column("what")
    for name, count in counts.items():
        table.add_row(line(f"{count:,}"), data(_LABELS.get(name, name)))
    out.print(table)
    if moved:
        kept = f"{counted(moved.touches, 'touch', 'touches')}, {counted(moved.calls, 'call')}"
        out.print(line(f"Older than a quarter, kept in archive.json: {kept}."))
    out.print(line("Open it with: coach --data ", shell_word(data_dir)), soft_wrap=True)
    for tip in try_first(demo, now):
        out.print(line(tip), soft_wrap=True)
    return 0


TRY_FIRST = "Try first (Esc leaves the morning plan, c lists the calls):"


def try_first(demo: DemoData, now: datetime) -> list[Text]:
    """What to try first, a key and a line for each of the three calls the demo laid out
    for it (a call the demo could not place is left out)."""
    tries = first_tries(demo, now)
    lines = [line(TRY_FIRST, style="bold")]
    if tries.to_prepare:
        account, call = tries.to_prepare
        lines.append(line("  p  Prep the call with ", data(account), f" at {time_text(call.when)}"
                          ": it has no outcome yet."))  # fmt: skip
    if tries.questioned:
        account, call = tries.questioned
        at = time_text(call.when)
        lines.append(line("  p  Open the call with ", data(account), f" at {at} and press Enter: "
                          "the coach questions “", data(call.outcome), "”."))  # fmt: skip
    if tries.to_debrief:
        account, call = tries.to_debrief
        day = weekday_text(call.when)
        lines.append(line("  b  Debrief the call with ", data(account), f" of {day}"
                          " while you still remember it."))  # fmt: skip
    return lines if len(lines) > 1 else []
