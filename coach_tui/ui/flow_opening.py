"""Opening a guided flow from its draft so that a draft can never lock the seller out.

Flows resume where the seller left them, so a draft whose answers make a flow fail would
fail it at every reopen. Three things prevent that:

- when coach stops on an unexpected error, the drafts of the flows on screen are marked
  (`stopped_at`, by the crash handler: `crash_handling.record_crash`);
- opening a flow whose draft is marked, or whose draft fails while the screen is being
  built, asks first: try again, or start afresh with the answers kept in a file
  (`drafts-set-aside/`), never thrown away;
- a draft that cannot be read at all (a hand edit), or whose answers do not fit its flow
  (`AnswersMismatch`), is set aside the same way, with a notice.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from textual.screen import Screen

from coach_tui.crash_log import write_crash_log
from coach_tui.model.clock import local_time
from coach_tui.model.draft import FlowDraft, flow_label
from coach_tui.model.flows.codec import AnswersMismatch
from coach_tui.store.errors import DamagedRecord, StoreError
from coach_tui.ui.text import day_and_time

if TYPE_CHECKING:
    from coach_tui.store.set_aside import SetAside
    from coach_tui.ui.app import CoachApp

ResultT = TypeVar("ResultT")
# Long enough to copy a file's path from the notice.
PATH_NOTICE_SECONDS = 30


def open_flow(
    app: CoachApp,
    flow: str,
    build: Callable[[FlowDraft | None], Screen[ResultT]],
    done: Callable[[ResultT | None], None] | None = None,
) -> None:
    """Push the flow `build` makes from the draft of `flow` (or from None, afresh)."""
    try:
        draft = app.repo.drafts.get(flow)
    except DamagedRecord:
        if not set_aside_unreadable_drafts(app):
            return  # opening empty would overwrite the draft that could not be kept
        draft = None
    except StoreError as error:
        app.notify(str(error), severity="error", timeout=15, markup=False)
        return
    if draft is not None and draft.stopped_at is not None:
        _ask(
            app,
            flow,
            draft,
            build,
            done,
            f"coach stopped on an unexpected error while this flow was open "
            f"({_when(app, draft)}). Its saved answers may be what tripped it.",
            f"coach stopped on an error while this flow was open ({_when(app, draft)})",
        )
        return
    _push(app, flow, draft, build, done)


def _push(
    app: CoachApp,
    flow: str,
    draft: FlowDraft | None,
    build: Callable[[FlowDraft | None], Screen[ResultT]],
    done: Callable[[ResultT | None], None] | None,
) -> None:
    try:
        screen = build(draft)
    except AnswersMismatch as error:  # not a bug: answers this flow does not hold
        assert draft is not None
        if _set_aside(app, flow, f"its answers do not fit this flow: {error}"):
            _push(app, flow, None, build, done)
        return
    except Exception as error:
        if draft is None:
            raise  # not the draft's doing: the crash handler takes it
        _failed_to_open(app, flow, draft, build, done, error)
        return
    app.push_screen(screen, done)


def _failed_to_open(
    app: CoachApp,
    flow: str,
    draft: FlowDraft,
    build: Callable[[FlowDraft | None], Screen[ResultT]],
    done: Callable[[ResultT | None], None] | None,
    error: Exception,
) -> None:
    """The flow could not be built from its draft: log it, mark it, and ask, without
    stopping the app."""
    now = app.now()
    log = write_crash_log(app.repo.data_dir, error, flows=[f"{flow}, while opening its draft"])
    with contextlib.suppress(StoreError):
        app.repo.drafts.mark_stopped([flow], now)
    details = f" (details in {log})" if log else ""
    _ask(
        app,
        flow,
        draft,
        build,
        done,
        f"This flow could not open with its saved answers: coach hit an unexpected error{details}.",
        f"the flow could not open with it ({_when(app, draft)})",
    )


def _ask(
    app: CoachApp,
    flow: str,
    draft: FlowDraft,
    build: Callable[[FlowDraft | None], Screen[ResultT]],
    done: Callable[[ResultT | None], None] | None,
    what_happened: str,
    reason: str,
) -> None:
    """Ask whether to try again or start afresh; `reason` goes into the set-aside file."""
    from coach_tui.ui.screens.draft_rescue import DraftRescueScreen, Rescue

    def chosen(choice: Rescue | None) -> None:
        if choice is Rescue.AGAIN:
            _push(app, flow, draft, build, done)
        elif choice is Rescue.AFRESH and _set_aside(app, flow, reason):
            _push(app, flow, None, build, done)

    title = f"{flow_label(flow)}: your saved answers"
    app.push_screen(DraftRescueScreen(title, what_happened), chosen)


def _when(app: CoachApp, draft: FlowDraft) -> str:
    """When the flow stopped coach, in the seller's zone (now, for a failure just now)."""
    now = app.now()
    return day_and_time(local_time(draft.stopped_at, now) if draft.stopped_at else now)


def _set_aside(app: CoachApp, flow: str, reason: str) -> bool:
    """Move the draft of `flow` to a file and say where; False (and why) if it failed."""
    try:
        kept = app.repo.drafts.set_aside(flow, reason, app.now())
    except StoreError as error:
        app.notify(str(error), title="Draft not set aside", severity="error", markup=False)
        return False
    if kept is not None:
        _tell(app, [kept], "Your earlier answers are kept in")
    return True


def set_aside_unreadable_drafts(app: CoachApp) -> bool:
    """Move drafts that cannot be read to files, saying where (at start, and when a flow
    finds one); False, having said why, if they could not be kept."""
    try:
        kept = app.repo.drafts.set_aside_unreadable(app.now())
    except StoreError as error:
        app.notify(str(error), title="A draft could not be read", severity="error", markup=False)
        return False
    if kept:
        _tell(app, kept, "A saved draft could not be read, so its flow opens empty. It is kept in")
    return True


def _tell(app: CoachApp, kept: list[SetAside], lead: str) -> None:
    for item in kept:
        app.notify(
            f"{lead} {item.path}. Copy what you need from it; coach never deletes it.",
            title=flow_label(item.flow) if item.flow else "Draft set aside",
            timeout=PATH_NOTICE_SECONDS,
            markup=False,
        )
