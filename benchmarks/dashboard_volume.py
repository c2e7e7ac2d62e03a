"""The dashboard, the touch queue and saves at five-year demo volume, against the same app
with no history.

Each figure is a ratio to the near-empty folder measured in the same run:
  - process start to the dashboard drawn with its data (fresh process each time);
  - opening the folder (lock, record checks, backup) in-process, as coach usually does
    (files it wrote itself are trusted) and with every record checked;
  - the touch queue's query (open touches due by today, among ~60,000);
  - saving one account, and marking one touch done (its family file is rewritten);
  - what opening the weekly review and the 52-week trends read and compute.

    python benchmarks/dashboard_volume.py [--runs 9] [--years 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from startup import run_coach_child, seed, time_once


def make_demo(data_dir: Path, years: int) -> None:
    from io import StringIO

    from rich.console import Console

    from coach_tui.commands.demo import write_demo
    from coach_tui.model.clock import system_clock
    from coach_tui.model.day import DayPlan, Priority
    from coach_tui.store.repository import Repository

    write_demo(data_dir, years=years, seed=7, console=Console(file=StringIO()))
    # Like the empty folder's seller, this one has planned today: both land on the dashboard.
    repo = Repository.open(data_dir)
    repo.days.save(DayPlan(system_clock().date(), (Priority("Prep the next call"),)))
    repo.close()


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def time_open(data_dir: Path, runs: int, *, unverified: bool = False) -> list[float]:
    """Opening the folder; `unverified` forgets coach's fingerprints first, so every eager
    file is decoded and checked record by record (a start after an edit or a crash)."""
    from coach_tui.store.repository import Repository

    samples = []
    for _ in range(runs):
        if unverified:
            (data_dir / "verified.json").unlink(missing_ok=True)
        started = time.perf_counter()
        repo = Repository.open(data_dir)
        samples.append(time.perf_counter() - started)
        repo.close()
    return samples


def time_save(data_dir: Path, runs: int) -> list[float]:
    from coach_tui.model.account import Account
    from coach_tui.store.repository import Repository

    repo = Repository.open(data_dir)
    samples = []
    try:
        for index in range(runs):
            account = Account(f"Benchmark account {index}")
            started = time.perf_counter()
            repo.accounts.save(account)
            samples.append(time.perf_counter() - started)
    finally:
        repo.close()
    return samples


def time_queue(data_dir: Path, runs: int) -> list[float]:
    from coach_tui.coaching.touches import touch_queue
    from coach_tui.store.repository import Repository

    repo = Repository.open(data_dir)
    samples = []
    try:
        today = date.today()
        for _ in range(runs):
            started = time.perf_counter()
            touch_queue(repo.touches.open_due_by(today), today)
            samples.append(time.perf_counter() - started)
    finally:
        repo.close()
    return samples


def time_touch_done(data_dir: Path, runs: int) -> list[float]:
    from coach_tui.coaching.touches import mark_done
    from coach_tui.model.touch import Channel, Purpose, Touch
    from coach_tui.store.repository import Repository

    repo = Repository.open(data_dir)
    samples = []
    try:
        today = date.today()
        touch = Touch("bench", "bench", "bench", today, Channel.EMAIL, Purpose.SHARE_INSIGHT)
        repo.touches.save(touch)
        for _ in range(runs):
            done = mark_done(touch, today, "sent", got_response=False, got_meeting=False)
            started = time.perf_counter()
            repo.touches.save(done)
            samples.append(time.perf_counter() - started)
    finally:
        repo.close()
    return samples


def time_in_repo(data_dir: Path, runs: int, work: Callable[[object], object]) -> list[float]:
    """Median-ready samples of `work(repo)` on one open folder."""
    from coach_tui.store.repository import Repository

    repo = Repository.open(data_dir)
    samples = []
    try:
        for _ in range(runs):
            started = time.perf_counter()
            work(repo)
            samples.append(time.perf_counter() - started)
    finally:
        repo.close()
    return samples


def review_work(repo) -> object:
    """What opening the weekly review reads and computes (five weeks, the clear-up)."""
    from coach_tui.coaching.review import review_week_for
    from coach_tui.model.clock import system_clock
    from coach_tui.services.weekly_review import review_context

    now = system_clock()
    return review_context(repo, review_week_for(now.date(), repo.reviews.weeks()), now)


def trends_work(repo) -> object:
    """What the trends screen reads and computes for 52 weeks."""
    from coach_tui.model.clock import system_clock
    from coach_tui.services.weekly_review import read_trends

    return read_trends(repo, system_clock(), 52)


def compare(label: str, empty: list[float], full: list[float]) -> None:
    empty_ms, full_ms = median_ms(empty), median_ms(full)
    ratio = full_ms / empty_ms
    print(f"  {label:<22} empty {empty_ms:7.1f} ms   demo {full_ms:7.1f} ms   ratio {ratio:5.2f}")


def interleave(
    runs: int, empty: Callable[[], float], full: Callable[[], float]
) -> tuple[list[float], list[float]]:
    a, b = [], []
    for _ in range(runs):
        a.append(empty())
        b.append(full())
    return a, b


def compare_starts(label: str, script: str, empty_dir: Path, demo_dir: Path, runs: int) -> None:
    """Fresh-process times of `script --child DIR` for both folders, warmed once, interleaved."""

    def start(data_dir: Path) -> Callable[[], float]:
        command = [sys.executable, script, "--child", str(data_dir)]
        return lambda: time_once(command)

    start(empty_dir)()  # warm the file cache for both
    start(demo_dir)()
    compare(label, *interleave(runs, start(empty_dir), start(demo_dir)))


def print_header(years: int, demo_dir: Path, against: str, runs: int) -> None:
    sizes = sum(p.stat().st_size for p in demo_dir.glob("*.json"))
    print(f"{years}-year demo ({sizes / 1e6:.1f} MB) vs {against}, medians of {runs}")


def volume_arguments(doc: str) -> argparse.Namespace:
    """--runs, --years, and the hidden --child the fresh processes are started with."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--child", metavar="DATA", help=argparse.SUPPRESS)
    return parser.parse_args()


def main() -> None:
    args = volume_arguments(__doc__)
    if args.child:
        run_coach_child(Path(args.child))
        return
    with tempfile.TemporaryDirectory() as tmp:
        empty_dir, demo_dir = Path(tmp) / "empty", Path(tmp) / "demo"
        seed(empty_dir)
        make_demo(demo_dir, args.years)
        print_header(args.years, demo_dir, "empty", args.runs)
        compare_starts("start to dashboard", __file__, empty_dir, demo_dir, args.runs)
        compare(
            "open folder (checks)", time_open(empty_dir, args.runs), time_open(demo_dir, args.runs)
        )
        compare(
            "open, full check",
            time_open(empty_dir, args.runs, unverified=True),
            time_open(demo_dir, args.runs, unverified=True),
        )
        compare("save one account", time_save(empty_dir, args.runs), time_save(demo_dir, args.runs))
        compare(
            "touch queue query", time_queue(empty_dir, args.runs), time_queue(demo_dir, args.runs)
        )
        compare(
            "mark a touch done",
            time_touch_done(empty_dir, args.runs),
            time_touch_done(demo_dir, args.runs),
        )
        for label, work in (("open weekly review", review_work), ("trends, 52 weeks", trends_work)):
            compare(
                label,
                time_in_repo(empty_dir, args.runs, work),
                time_in_repo(demo_dir, args.runs, work),
            )


if __name__ == "__main__":
    main()
