"""How the app's process treats the data it loads at start and what it skips at the end.

Two interpreter defaults cost a five-year seller real time, and neither buys anything for
data that lives exactly as long as the app:

- the cyclic garbage collector walks every container it tracks, again and again, while
  Textual builds the first screen; the hundreds of thousands of dicts parsed from the data
  files are never part of a cycle, so they are frozen out of its sight (`gc.freeze`) —
  about 150 ms of start-up at five years (`benchmarks/volume_targets.py`);
- normal shutdown frees those objects one by one after the screen has already closed —
  about a third of a second. By then each save was synced when it was made, and closing
  folded the journal in, backed the day up and released the lock, so the process ends at
  once instead.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections.abc import Iterator
from typing import NoReturn


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No collector passes while data files are parsed (turned back on afterwards, if it
    was on: tests run commands inside their own process)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextlib.contextmanager
def loading_long_lived_data() -> Iterator[None]:
    """Load without collector passes, then keep what was loaded out of later ones."""
    with collector_paused():
        try:
            yield
        finally:
            gc.freeze()


def end_process(code: int) -> NoReturn:
    """Flush what was printed, then exit with `code` straight away."""
    for stream in (sys.stdout, sys.stderr):
        # A closed or vanished stream: nothing more can be shown anyway.
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)
