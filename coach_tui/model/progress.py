"""How far long work has got, told to whoever shows it.

The demo, the store and the exports call a `Progress` as they go: `progress(stage, done,
total)`, where `stage` names the step in the seller's words ("Moving old history to the
archive") and `done` of `total` counts real units of it (years, tables, records; `total` None while
they are still being counted). The
command layer draws that as a bar on a terminal (`commands/progress.py`); the app and
tests pass nothing, which is `no_progress`. So the work never knows how it is shown.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[str, int, int | None], None]


def no_progress(stage: str, done: int, total: int | None) -> None:
    """Tell nobody: the default wherever nobody watches."""
