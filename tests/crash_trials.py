"""Kill a process in the middle of saving, many times, and check the data file each time.

Shared by the test suite (a quick run) and benchmarks/crash_loop.py (a long run).
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

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
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data_dir), str(padding), str(start)],
        stdout=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    time.sleep(rng.uniform(0, max_delay))
    child.kill()
    child.wait()
    lines = [line.strip() for line in child.stdout.read().splitlines() if line.strip()]
    child.stdout.close()
    reported = int(lines[-1]) if lines else start
    leftover = (data_dir / "core.json.tmp").exists()
    try:
        on_disk = saved_number(data_dir)
    except (ValueError, KeyError, IndexError):
        return TrialResult(False, reported, -1, leftover)
    return TrialResult(True, reported, on_disk, leftover)
