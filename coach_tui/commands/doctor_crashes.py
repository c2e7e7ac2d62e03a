"""The part of `coach doctor` about crashes and drafts: what happened, and what to do.

Everything printed here may quote the seller's text (a traceback's last line, a flow's
step title), so it goes through the commands' one door (`output.data`/`line`).
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from pathlib import Path

from rich.console import Console
from rich.table import Table

from coach_tui.commands.output import counted, data, line
from coach_tui.crash_log import CRASH_LOG, CrashEntry, read_crash_log
from coach_tui.model.draft import flow_label
from coach_tui.model.text import printable
from coach_tui.store.draft_doctor import DraftProblem, draft_problems
from coach_tui.store.set_aside import SET_ASIDE_DIR, set_aside_files

# The newest crashes shown; the rest are counted (they stay in crash.log).
CRASHES_SHOWN = 5


def print_crashes_and_drafts(data_dir: Path, out: Console, zone: tzinfo | None) -> None:
    """Print the crash log's entries, the drafts coach will not open as they are, and the
    drafts set aside; nothing at all when there are none. Times are shown in `zone`, the
    seller's zone now, not the one they were logged in."""
    _print_crashes(data_dir, read_crash_log(data_dir), out, zone)
    _print_draft_problems(draft_problems(data_dir), out, zone)
    _print_set_aside(data_dir, set_aside_files(data_dir), out)


def _print_crashes(
    data_dir: Path, entries: list[CrashEntry], out: Console, zone: tzinfo | None
) -> None:
    if not entries:
        return
    newest = list(reversed(entries))[:CRASHES_SHOWN]
    # Lines with a path are not wrapped, so the path can be copied whole.
    out.print(
        line("Crashes in ", data(data_dir / CRASH_LOG), f": {len(entries)} (newest first)"),
        soft_wrap=True,
    )
    table = Table(show_header=True, header_style="bold")
    table.add_column("when", no_wrap=True)
    table.add_column("coach")
    table.add_column("error", overflow="fold")
    table.add_column("open flow", overflow="fold")
    for entry in newest:
        table.add_row(
            data(_when(entry.when, zone)),
            data(entry.version or "?"),
            data(entry.error or "?"),
            data("\n".join(entry.flows) or "—"),
        )
    out.print(table)
    if len(entries) > len(newest):
        older = counted(len(entries) - len(newest), "older one")
        out.print(line(f"… and {older} in the log."))
    out.print(
        "A crash does not damage what you saved: every save is atomic. A flow that was "
        "open when coach stopped offers to start afresh when you next open it (your "
        "answers are kept in a file). To report a crash, send crash.log; read it first, "
        "as it may quote your own words."
    )


def _print_draft_problems(problems: list[DraftProblem], out: Console, zone: tzinfo | None) -> None:
    if not problems:
        return
    out.print(line(f"Drafts coach will not open as they are: {len(problems)}"))
    for problem in problems:
        name = f"{flow_label(problem.flow)} ({problem.flow})" if problem.flow else "A draft"
        if problem.unreadable:
            what = (
                f"cannot be read ({problem.unreadable}). Coach moves it to {SET_ASIDE_DIR}/ "
                "the next time it opens, and the flow starts empty."
            )
        else:
            stopped = _when(problem.stopped_at, zone)
            what = (
                f"its flow was open when coach stopped ({stopped}). Opening "
                "the flow asks whether to try again or start afresh, keeping your answers "
                "in a file."
            )
        out.print(line("  ", data(name), ": ", data(what)))


def _print_set_aside(data_dir: Path, files: list[Path], out: Console) -> None:
    if not files:
        return
    out.print(
        line("Drafts set aside in ", data(data_dir / SET_ASIDE_DIR), f": {len(files)}"),
        soft_wrap=True,
    )
    for path in files:
        out.print(line("  ", data(path.name)), soft_wrap=True)
    out.print(
        "They hold answers you typed in a flow that was started afresh. Copy what you "
        "need from them (under 'answers'), then delete them; coach never does."
    )


def _when(text: str, zone: tzinfo | None) -> str:
    """An ISO 8601 moment as "2026-11-22 10:04" in `zone`; anything else as it was written."""
    try:
        return f"{datetime.fromisoformat(text).astimezone(zone):%Y-%m-%d %H:%M}"
    except (ValueError, OverflowError):  # OverflowError: a hand-edited year 1 or 9999
        return printable(text) or "?"
