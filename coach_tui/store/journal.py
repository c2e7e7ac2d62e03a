"""Small saves as appended lines: marking a touch done stays quick however long the history.

TinyDB rewrites a whole file on every save, and the live touches file is the largest one
that changes many times a day: rewriting and syncing it would be most of a save. A
journaled family instead appends one line per save to `<family>.journal` beside its file,
holding the records that save changed (a deleted one as `null`), and syncs that. The
family file itself is rewritten only now and then: when the journal grows past
`COMPACT_AFTER_BYTES`, when a save is not a list of records (a new table, an import), at
open, at a new day's backup and at close.

Which file a line belongs to: every rewrite of the family file stamps a fresh `base`
token into its `_meta` record, and every line carries the token of the file it changes.
Reading applies, in order, only the lines whose token matches, so a journal left behind
by a crash between a rewrite and the journal's removal changes nothing.

A crash mid-append leaves a last line without its newline: that save was not reported
as done, and it is skipped. A complete line that does not parse was not written by
coach; the family is then reported damaged, like a hand-broken data file, and
`coach doctor --restore` keeps every good line (`salvage`) and sets the journal as it was
aside under a name it prints.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import orjson

from coach_tui.model.ids import new_uid
from coach_tui.store.atomic import FILE_MODE, fsync_dir, read_regular
from coach_tui.store.errors import DamagedJournal, UnreadableFile
from coach_tui.store.layout import META_TABLE, journal_path

BASE = "journal_base"
# About a thousand touch saves; rewriting the family then costs what every save used to.
COMPACT_AFTER_BYTES = 512 * 1024

RawData = dict[str, dict[str, Any]]
# (table, doc id text, the record as saved, or None once deleted)
Change = tuple[str, str, dict[str, Any] | None]


def base_token(raw: RawData | None) -> str | None:
    """The token stamped in a family file's `_meta` record by its last rewrite."""
    meta = (raw or {}).get(META_TABLE) or {}
    stamp = next(iter(meta.values()), None) if isinstance(meta, dict) else None
    token = stamp.get(BASE) if isinstance(stamp, dict) else None
    return token if isinstance(token, str) else None


def restamp(raw: RawData) -> str:
    """Give `raw` (about to be written whole) a fresh token; lines of older ones stop applying."""
    token = new_uid()
    meta = raw.setdefault(META_TABLE, {})
    stamp = next(iter(meta.values()), None)
    if not isinstance(stamp, dict):
        stamp = meta["1"] = {}
    stamp[BASE] = token
    return token


def encode_line(token: str, changes: Iterable[Change]) -> bytes:
    """One save: its token and its changed records, on one line."""
    return orjson.dumps({"base": token, "changes": list(changes)}) + b"\n"


def append_line(path: Path, line: bytes) -> None:
    """Add one line to the journal at `path` and make it durable.

    If the write fails part-way (a full disk), the journal is cut back to where it was,
    so the next line does not follow half of one.
    """
    created = not path.exists()
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, FILE_MODE)
    try:
        size = os.fstat(fd).st_size
        try:
            view = memoryview(line)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        except BaseException:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, size)
            raise
    finally:
        os.close(fd)
    if created:
        fsync_dir(path.parent)


def replay(raw: RawData, payload: bytes, path: Path) -> int:
    """Apply the journal's lines meant for `raw`'s token to `raw`; return how many applied.

    `path` is the family file: a bad line is reported as damage to it (the journal is
    part of it), and `coach doctor --restore` can then keep the good lines (`salvage`).
    """
    applied, _bad = _apply(raw, payload, path, strict=True)
    return applied


def salvage(
    raw: RawData, payload: bytes, path: Path, accept: Callable[[list[Change]], bool]
) -> tuple[int, list[int]]:
    """Like `replay`, but a complete line coach did not write is passed over, not fatal:
    one that does not parse, or whose changes `accept` refuses (a record no form saves).

    Returns how many lines applied and the numbers of the lines passed over. Each line
    holds whole records, so a later good line never depends on a bad one before it.
    """
    return _apply(raw, payload, path, strict=False, accept=accept)


def _apply(
    raw: RawData,
    payload: bytes,
    path: Path,
    *,
    strict: bool,
    accept: Callable[[list[Change]], bool] | None = None,
) -> tuple[int, list[int]]:
    token = base_token(raw)
    lines = payload.split(b"\n")
    applied, bad = 0, []
    for number, line in enumerate(lines[:-1], start=1):  # the last piece has no newline
        if not line.strip():
            continue
        try:
            base, changes = _parse_line(line, path, number)
        except DamagedJournal:
            if strict:
                raise
            bad.append(number)
            continue
        if token is None or base != token:
            continue
        if accept is not None and not accept(changes):
            bad.append(number)
            continue
        for table, doc_id, record in changes:
            rows = raw.setdefault(table, {})
            if record is None:
                rows.pop(doc_id, None)
            else:
                rows[doc_id] = record
        applied += 1
    return applied, bad


def _parse_line(line: bytes, path: Path, number: int) -> tuple[str, list[Change]]:
    """One complete line's token and changes, or `DamagedJournal` naming the line."""
    where = f"line {number} of its journal ({journal_path(path).name})"
    try:
        entry = orjson.loads(line)
    except orjson.JSONDecodeError:
        entry = None
    base = entry.get("base") if isinstance(entry, dict) else None
    changes = entry.get("changes") if isinstance(entry, dict) else None
    if not isinstance(base, str) or not isinstance(changes, list):
        raise DamagedJournal(path, f"{where} is not a change coach saved")
    checked: list[Change] = []
    for change in changes:
        if not (
            isinstance(change, list)
            and len(change) == 3
            and isinstance(change[0], str)
            and isinstance(change[1], str)
            and change[1].isdigit()
            and (change[2] is None or isinstance(change[2], dict))
        ):
            raise DamagedJournal(path, f"{where} holds a change that is not a record")
        checked.append((change[0], change[1], change[2]))
    return base, checked


def read_journal(path: Path) -> bytes | None:
    """The journal's bytes, or `None` when there is none."""
    try:
        return read_regular(path)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise UnreadableFile(path, error.strerror or str(error)) from None


def remove_journal(path: Path) -> None:
    """Drop a journal whose lines are all in the family file now (a no-op if none)."""
    try:
        path.unlink()
    except FileNotFoundError:
        return
    fsync_dir(path.parent)


def move_aside(path: Path, suffix: str) -> Path | None:
    """Keep a journal under another name (a restore replaces its family file)."""
    if not path.exists():
        return None
    target = path.with_name(f"{path.name}.{suffix}")
    path.replace(target)
    return target
