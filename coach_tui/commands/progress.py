"""Progress bars for the commands that take seconds: `demo`, `export json`, `import json`.

On standard error, so `coach export json -` keeps standard output for the data; and only on
a terminal: piped or in CI (standard error not a terminal) nothing at all is printed. Each
stage the work reports (`model/progress.py`) gets its own line, and the bars go when the
work is done, leaving the command's own summary as it was. A stage still counting its
units (total None) pulses until it knows.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, TaskID, TaskProgressColumn, TextColumn, TimeElapsedColumn
from rich.progress import Progress as Bars

from coach_tui.commands.console import CommandConsole
from coach_tui.model.progress import Progress, no_progress
from coach_tui.model.text import printable


@contextmanager
def progress_bars(console: Console | None = None) -> Iterator[Progress]:
    """A `Progress` that draws bars on `console` (standard error by default) while the
    block runs, or, when that is not a terminal, one that shows nothing."""
    out = console or CommandConsole(stderr=True)
    if not out.is_terminal:
        yield no_progress
        return
    columns = (
        TextColumn("{task.fields[stage]}", markup=False),  # our wording, shown as written
        BarColumn(),
        TaskProgressColumn(),
        TimeElapsedColumn(),
    )
    # Five frames a second keep the clock and a pulsing bar alive at ~2% of a core, not
    # Rich's default ten: the work itself is what should have the machine.
    with Bars(*columns, console=out, transient=True, refresh_per_second=5) as bars:
        stages: dict[str, TaskID] = {}

        def report(stage: str, done: int, total: int | None) -> None:
            if total == 0:  # nothing to do is done: a full bar, not an empty one
                done = total = 1
            if stage not in stages:
                stages[stage] = bars.add_task("", total=total, stage=printable(stage))
            bars.update(stages[stage], completed=done, total=total)

        yield report
