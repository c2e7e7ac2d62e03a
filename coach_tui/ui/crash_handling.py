"""The crash handler's part in never losing work: log the error, keep every open draft,
and mark the drafts of the flows on screen so they are not resumed blindly.

`flow_opening.open_flow` reads the mark: a marked draft's flow asks whether to try again or
start afresh (the answers kept in a file) instead of resuming into the same error.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from coach_tui.crash_log import write_crash_log
from coach_tui.model.draft import flow_label
from coach_tui.ui.drafts import FlowOnScreen, KeepsDraft

if TYPE_CHECKING:
    from coach_tui.ui.app import CoachApp


@dataclass(frozen=True, slots=True)
class CrashRecord:
    """What the crash handler kept: the log entry and the flows whose drafts it marked."""

    log: Path | None
    flows: tuple[str, ...]

    def farewell(self) -> str:
        """The sentence printed after the app has closed."""
        where = f" Details: {self.log}" if self.log else ""
        reopen = (
            f" {flow_label(self.flows[-1])} was open: opening it again asks whether to try "
            "again or start afresh."
            if self.flows
            else ""
        )
        return (
            "coach stopped on an unexpected error. Everything you saved, drafts included, "
            f"is safe.{reopen}{where}"
        )


def record_crash(app: CoachApp, error: BaseException) -> CrashRecord:
    """After an unexpected error: log it, save every open draft, mark the open flows'.

    Each part runs even if another fails, and none raises: the app is already stopping.
    """
    now = app.now()
    flows = [screen for screen in app.screen_stack if isinstance(screen, FlowOnScreen)]
    where: list[str] = []
    for screen in flows:
        try:
            where.append(screen.whereabouts())
        except Exception:
            where.append(screen.flow)
    log = None
    with contextlib.suppress(Exception):
        log = write_crash_log(app.repo.data_dir, error, flows=where, now=now)
    for screen in app.screen_stack:
        if isinstance(screen, KeepsDraft):
            with contextlib.suppress(Exception):
                screen.save_draft()
    marked: tuple[str, ...] = ()
    with contextlib.suppress(Exception):
        marked = tuple(app.repo.drafts.mark_stopped([screen.flow for screen in flows], now))
    return CrashRecord(log, marked)
