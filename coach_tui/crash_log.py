"""Where unexpected errors go: a log in the data folder instead of a traceback on screen.

Each entry starts with a header line (`--- <when> coach <version>`), then one `open flow:`
line per guided flow that was on screen, then the traceback. `coach doctor` reads the
entries back. The log keeps its newest entries: past `MAX_BYTES` the oldest are dropped.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from coach_tui import __version__
from coach_tui.model.clock import system_clock
from coach_tui.model.text import printable
from coach_tui.store.atomic import write_atomic

CRASH_LOG = "crash.log"
# A log past this size keeps only its newest entries, up to half of it, before the next is
# added: a crash that repeats at every start cannot fill the disk, and the latest survive.
MAX_BYTES = 256 * 1024
# One traceback longer than this (a deep recursion) keeps its end, where the error is.
ENTRY_MAX_CHARS = 32 * 1024
FLOW_PREFIX = "open flow: "
_HEADER = re.compile(r"^--- (\S+) coach (\S+)$")


@dataclass(frozen=True, slots=True)
class CrashEntry:
    """One crash as `coach doctor` shows it."""

    when: str  # as written (ISO 8601), or "" when the header is unreadable
    version: str
    error: str  # the last line of the traceback: the error and its message
    flows: tuple[str, ...]  # the guided flows that were open, as described when it happened


def write_crash_log(
    data_dir: Path,
    error: BaseException | None = None,
    *,
    flows: Sequence[str] = (),
    now: datetime | None = None,
) -> Path | None:
    """Append `error` (default: the exception being handled) to <data>/crash.log.

    `flows` describe the guided flows open at the time. `None` if it cannot be written.
    Every line is made terminal-safe (`printable`): a traceback can quote the seller's text.
    """
    if not data_dir.is_dir():
        return None
    log = data_dir / CRASH_LOG
    target = log.resolve() if log.is_symlink() else log  # a linked log is written through
    when = now or system_clock()
    trace = "".join(
        traceback.format_exception(error) if error is not None else traceback.format_exc()
    )
    if len(trace) > ENTRY_MAX_CHARS:
        cut = len(trace) - ENTRY_MAX_CHARS
        trace = f"[{cut:,} characters of this traceback left out]\n" + trace[cut:]
    lines = [f"--- {when.isoformat()} coach {__version__}"]
    lines += [FLOW_PREFIX + " ".join(flow.split()) for flow in flows]
    entry = printable("\n".join(lines) + "\n" + trace.rstrip("\n") + "\n")
    try:
        _make_room(target, len(entry.encode("utf-8", errors="replace")))
        with target.open("a", encoding="utf-8", errors="replace") as handle:
            handle.write(entry)
        target.chmod(0o600)
    except OSError:
        return None
    return log


def _make_room(log: Path, adding: int) -> None:
    """Drop the oldest entries when the log would pass `MAX_BYTES` (never the newest)."""
    try:
        size = log.stat().st_size
    except FileNotFoundError:
        return
    if size + adding <= MAX_BYTES:
        return
    text = log.read_text(encoding="utf-8", errors="replace")
    kept: list[str] = []
    total = 0
    for entry in reversed(_split(text)):
        total += len(entry.encode("utf-8", errors="replace"))
        if total > MAX_BYTES // 2:
            break
        kept.append(entry)
    write_atomic(log, "".join(reversed(kept)).encode("utf-8", errors="replace"))


def _split(text: str) -> list[str]:
    """The log's entries, each from its header line to the next (text before the first
    header, from a hand edit, counts as one entry)."""
    entries: list[str] = []
    for line in text.splitlines(keepends=True):
        if not entries or _HEADER.match(line.rstrip("\n")):
            entries.append(line)
        else:
            entries[-1] += line
    return entries


def read_crash_log(data_dir: Path) -> list[CrashEntry]:
    """The entries of <data>/crash.log, oldest first; empty when there is none."""
    try:
        text = (data_dir / CRASH_LOG).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    return [_entry(chunk) for chunk in _split(text) if chunk.strip()]


def _entry(chunk: str) -> CrashEntry:
    lines = chunk.splitlines()
    header = _HEADER.match(lines[0])
    body = lines[1:] if header else lines
    flows = tuple(line.removeprefix(FLOW_PREFIX) for line in body if line.startswith(FLOW_PREFIX))
    last = next((line.strip() for line in reversed(body) if line.strip()), "")
    return CrashEntry(
        when=header.group(1) if header else "",
        version=header.group(2) if header else "",
        error=last,
        flows=flows,
    )
