"""Time from process start to the dashboard being on screen, against a bare Textual app.

Both run headless in fresh processes, interleaved, in the same run, so machine noise hits
both alike. Prints medians and the ratio (target: coach / bare <= 1.5).

    python benchmarks/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
from textual.app import App
from textual.widgets import Footer, Header, Static

class Bare(App):
    def compose(self):
        yield Header()
        yield Static("hello")
        yield Footer()

    def on_mount(self):
        self.call_after_refresh(self.exit)

Bare().run(headless=True)
"""


def run_coach_child(data_dir: Path) -> None:
    """The same path as `coach` (`cli.run_app_on`): open the folder (lock, checks,
    backup), build the app, run it, close and end the process; the app exits once the
    dashboard has drawn its loaded data."""
    from coach_tui.cli import run_app_on
    from coach_tui.ui.app import CoachApp

    class TimedCoach(CoachApp):
        def on_dashboard_loaded(self, _message: object) -> None:
            self.call_after_refresh(self.exit)

    run_app_on(data_dir, TimedCoach, headless=True)


def seed(data_dir: Path) -> None:
    """A seller who already wrote a why and planned today, so start-up lands on the
    dashboard."""
    from coach_tui.model.clock import system_clock
    from coach_tui.model.day import DayPlan, Priority
    from coach_tui.model.why import new_why
    from coach_tui.store.repository import Repository

    repo = Repository.open(data_dir)
    repo.why.save(new_why("I sell so my family has choices.", {}, now=system_clock()))
    # The day is already planned: the common case of opening coach a second time today.
    repo.days.save(DayPlan(system_clock().date(), (Priority("Prep the next call"),)))
    repo.close()


# Children may cache compiled bytecode, as on a seller's machine: with
# PYTHONDONTWRITEBYTECODE set (some shells and CI images set it) every start would compile
# coach's own modules from source again, a cost no installed copy pays after its first run.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def time_once(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        command, check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, env=CHILD_ENV
    )
    return time.perf_counter() - started


def measure(runs: int, data_dir: Path) -> tuple[list[float], list[float]]:
    bare_cmd = [sys.executable, "-c", BARE]
    coach_cmd = [sys.executable, __file__, "--child", str(data_dir)]
    time_once(bare_cmd)  # warm the file cache for both
    time_once(coach_cmd)
    bare, coach = [], []
    for _ in range(runs):
        bare.append(time_once(bare_cmd))
        coach.append(time_once(coach_cmd))
    return bare, coach


def arguments_or_child(doc: str, *, runs: int) -> argparse.Namespace | None:
    """`--runs`, or, started with the hidden `--child DATA`, run coach and return None."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--runs", type=int, default=runs)
    parser.add_argument("--child", metavar="DATA", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_coach_child(Path(args.child))
        return None
    return args


def main() -> None:
    args = arguments_or_child(__doc__, runs=15)
    if args is None:
        return
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        seed(data_dir)
        bare, coach = measure(args.runs, data_dir)
    bare_ms = statistics.median(bare) * 1000
    coach_ms = statistics.median(coach) * 1000
    print(f"startup to first screen, median of {args.runs} runs (headless)")
    print(f"  bare Textual app : {bare_ms:7.1f} ms  (min {min(bare) * 1000:.1f})")
    print(f"  coach dashboard  : {coach_ms:7.1f} ms  (min {min(coach) * 1000:.1f})")
    print(f"  ratio            : {coach_ms / bare_ms:7.2f}  (target <= 1.5)")


if __name__ == "__main__":
    main()
