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


# Whether the collector waits for the app's first frame (`pause_collector_for_start`).
_paused_for_start = False


def pause_collector_for_start() -> None:
    """No collector passes until the app's first frame is on screen (`collect_after_start`).

    On the way there Python and Textual build tens of thousands of objects (the modules'
    code and classes, themes, stylesheets, the home screen) that live as long as the app:
    passes over them only delay the first frame. The `coach` command pauses it, before
    importing the app; an app a test runs in its own process never pauses it."""
    global _paused_for_start
    if gc.isenabled():
        gc.disable()
        _paused_for_start = True


def collect_after_start() -> None:
    """The first frame is on screen: what start-up built is kept out of later passes (one
    dismissed first dialog stays in memory with it), and the collector runs as usual.
    Does nothing unless `pause_collector_for_start` paused it."""
    global _paused_for_start
    if _paused_for_start:
        _paused_for_start = False
        gc.freeze()
        gc.enable()


def end_process(code: int) -> NoReturn:
    """Flush what was printed, then exit with `code` straight away."""
    for stream in (sys.stdout, sys.stderr):
        # A closed or vanished stream: nothing more can be shown anyway.
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)
