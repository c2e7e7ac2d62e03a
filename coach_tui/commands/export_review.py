"""`coach export review [--week 2026-W47] [FILE.md]`: one week's review as Markdown.

Without `--week` it is the week the coach would offer to review today. A week without a
saved review still exports its figures, with a line saying no review was written.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from coach_tui.commands.console import CommandConsole
from coach_tui.commands.delivery import deliver, prepare_target
from coach_tui.commands.output import data, line
from coach_tui.model.clock import Clock, system_clock
from coach_tui.model.errors import ValidationError
from coach_tui.model.week import IsoWeek
from coach_tui.services.weekly_review import review_export
from coach_tui.store.repository import Repository


def export_review(
    data_dir: Path,
    target: Path | None,
    *,
    week_text: str | None = None,
    console: Console | None = None,
    clock: Clock = system_clock,
    force: bool = False,
) -> int:
    """Write the review to `target`, or to standard output without one (exit 2: bad week)."""
    out = console or CommandConsole(stderr=True)
    try:
        wanted = IsoWeek.parse(week_text) if week_text is not None else None
    except ValidationError as error:
        out.print(data(error.message, "red"))
        return 2
    destination = prepare_target(target, data_dir, out, force=force)
    if destination is None:
        return 1
    with Repository.open(data_dir, read_only=True, clock=clock) as repo:
        export = review_export(repo, clock(), wanted)
    if not deliver(export.text.encode("utf-8"), destination, target, out):
        return 1
    if target is None:
        return 0
    saved = "the review" if export.written else "the figures (no review was written)"
    out.print(line(f"Wrote {saved} of {export.week} to ", data(target), "."), soft_wrap=True)
    return 0
