"""Kill a process in the middle of saving, many times, and check the data files each time.

Two loops, shared by the test suite (quick runs) and benchmarks/crash_loop.py (a long run):
`run_trial` kills a child saving one padded draft over and over; `VolumeLoop` kills a
seller's real saves on a demo folder (see `crash_model` and `crash_child`).
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coach_tui.store import atomic
from coach_tui.store.errors import StoreError
from coach_tui.store.journal import journal_path
from coach_tui.store.layout import FAMILIES, JOURNALED_FAMILIES, family_path
from coach_tui.store.repository import Repository
from coach_tui.store.snapshot import fingerprint
from coach_tui.store.storage import read_family
from tests.crash_model import Inconsistent, allowed, newest, read_state

ROOT = Path(__file__).resolve().parents[1]

# The child saves a draft over and over, reporting each save after it returned. The
# padding makes each write large enough that kills often land inside one.
CHILD = """
import sys
from pathlib import Path
from coach_tui.model.clock import system_clock
from coach_tui.model.draft import FlowDraft
from coach_tui.store.repository import Repository

repo = Repository.open(Path(sys.argv[1]))
padding = "x" * int(sys.argv[2])
print("ready", flush=True)
n = int(sys.argv[3])
while True:
    n += 1
    repo.drafts.save(FlowDraft("why", n % 4, {"n": str(n), "pad": padding}, system_clock()))
    print(n, flush=True)
"""


@dataclass(frozen=True)
class TrialResult:
    parsed: bool
    reported: int  # last save the child reported as done
    on_disk: int  # save number found in the file
    leftover_tmp: bool

    @property
    def ok(self) -> bool:
        # The newest reported save is there, or one newer that finished before the report.
        return self.parsed and self.on_disk in (self.reported, self.reported + 1)


def saved_number(data_dir: Path) -> int:
    data = json.loads((data_dir / "core.json").read_text(encoding="utf-8"))
    drafts = list(data.get("drafts", {}).values())
    return int(drafts[0]["answers"]["n"]) if drafts else 0


def run_trial(data_dir: Path, rng: random.Random, *, padding: int, max_delay: float) -> TrialResult:
    """One child process, killed with SIGKILL after a random moment of saving."""
    start = saved_number(data_dir) if (data_dir / "core.json").exists() else 0
    command = [sys.executable, "-c", CHILD, str(data_dir), str(padding), str(start)]
    reported = _kill_while_saving(command, rng.uniform(0, max_delay), start)
    leftover = any(atomic.temp_target(path.name) == "core.json" for path in data_dir.iterdir())
    try:
        on_disk = saved_number(data_dir)
    except (ValueError, KeyError, IndexError):
        return TrialResult(False, reported, -1, leftover)
    return TrialResult(True, reported, on_disk, leftover)


@dataclass(frozen=True)
class VolumeResult:
    """One kill of the seller's saves, and what the folder held afterwards."""

    start: int  # the child counted on from this save
    reported: int  # the last save it reported as done
    leftover_tmp: bool
    damaged: str = ""  # a file that does not parse, or a folder coach refuses to open
    lost: str = ""  # the files are not in a state a kill may leave
    halfway: bool = False  # killed between the renames of a save across files

    @property
    def ok(self) -> bool:
        return not self.damaged and not self.lost


class VolumeLoop:
    """Kill a child making real saves on `data_dir` (a demo folder), then check everything.

    After each kill: every family file parses as JSON and every complete journal line as
    a change (a torn last line is what a kill mid-append leaves), `Repository.open`
    accepts the folder (it checks every changed file record by record, and clears temp
    files), and the numbers found in the records are a state `crash_model.allowed` lists.
    """

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        # Parsed files by fingerprint: a file changes only by being replaced or written,
        # so an unchanged one (the 30 MB archive) need not be parsed again after a kill.
        self._parsed: dict[str, tuple[object, Any]] = {}
        files, problem = self._parse_all()
        if problem:
            raise ValueError(problem)
        self.state = read_state(files)

    def trial(self, rng: random.Random, *, max_delay: float) -> VolumeResult:
        before, start = self.state, newest(self.state)
        reported = _kill_while_saving(
            [sys.executable, "-m", "tests.crash_child", str(self.data_dir), str(start)],
            rng.uniform(0, max_delay),
            start,
        )
        leftover = any(atomic.temp_target(path.name) for path in self.data_dir.iterdir())
        files, problem = self._parse_all()
        if problem:
            return VolumeResult(start, reported, leftover, damaged=problem)
        try:
            state = read_state(files)
        except Inconsistent as error:
            return VolumeResult(start, reported, leftover, lost=str(error))
        self.state = state
        states = allowed(before, start, reported)
        if state not in states:
            lost = f"after save {reported} reported the files hold {state}"
            return VolumeResult(start, reported, leftover, self._reopen(), lost)
        halfway = 0 < states.index(state) < len(states) - 1
        return VolumeResult(start, reported, leftover, self._reopen(), halfway=halfway)

    def _parse_all(self) -> tuple[dict[str, Any], str]:
        files: dict[str, Any] = {}
        for family in FAMILIES:
            path = family_path(self.data_dir, family)
            journaled = family in JOURNALED_FAMILIES
            found = fingerprint(path), journaled and fingerprint(journal_path(path))
            cached = self._parsed.get(path.name)
            if cached is None or cached[0] != found or found[0] is None:
                try:
                    data = _read_as_coach_would(path, journaled=journaled)
                except (OSError, ValueError, StoreError) as error:
                    return files, f"{path.name}: {error}"
                cached = self._parsed[path.name] = (found, data)
            files[path.name] = cached[1]
        return files, ""

    def _reopen(self) -> str:
        """Open the folder as the next coach would (checks records, clears temp files)."""
        try:
            Repository.open(self.data_dir).close()
        except StoreError as error:
            return str(error)
        return ""


def _read_as_coach_would(path: Path, *, journaled: bool) -> Any:
    """A family file parsed as JSON, with its journal's lines applied if it has one."""
    if not journaled:
        return json.loads(path.read_bytes()) if path.exists() else {}
    data, _journal_found = read_family(path, journaled=True)
    return {} if data is None else data


def _kill_while_saving(command: list[str], delay: float, start: int) -> int:
    """Start a saving child, SIGKILL it after `delay` seconds; its last reported save."""
    child = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    time.sleep(delay)
    child.kill()
    child.wait()
    lines = [line.strip() for line in child.stdout.read().splitlines() if line.strip()]
    child.stdout.close()
    return int(lines[-1]) if lines else start
