"""Fingerprints of the data files as coach last checked or wrote them.

Decoding every record at open is what keeps a hand-edited file from reaching the screens,
but it grows with the history and is wasted on a file coach itself wrote. A file whose
size and modification time still match what coach recorded was written by coach and
already passed; any edit from outside changes its modification time and brings the full
check back. A crash leaves stale fingerprints, which only means one slower, fully checked
open."""

from __future__ import annotations

import contextlib
from pathlib import Path

import orjson

from coach_tui.store.atomic import write_atomic

FILE_NAME = "verified.json"

Fingerprint = tuple[int, int]


def fingerprint(path: Path) -> Fingerprint | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


def load_trusted(data_dir: Path) -> dict[str, Fingerprint]:
    """What was recorded last time; anything unreadable counts as nothing recorded."""
    try:
        raw = orjson.loads((data_dir / FILE_NAME).read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return {}
    if not isinstance(raw, dict):
        return {}
    return {
        name: (value[0], value[1])
        for name, value in raw.items()
        if isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value)
    }


def is_trusted(path: Path, trusted: dict[str, Fingerprint]) -> bool:
    recorded = trusted.get(path.name)
    return recorded is not None and recorded == fingerprint(path)


def record_trusted(data_dir: Path, paths: list[Path]) -> None:
    """Remember the files as they are now (they were just checked or written by coach)."""
    prints = {path.name: fingerprint(path) for path in paths}
    payload = {name: list(value) for name, value in prints.items() if value is not None}
    with contextlib.suppress(OSError):  # only a speed-up: never fail an open or close on it
        write_atomic(data_dir / FILE_NAME, orjson.dumps(payload))
