"""The heavy-user targets of the volume layout, each against a baseline in the same run.

- start to the dashboard with five years of data, against a bare Textual app
  (fresh processes, interleaved; target ratio <= 1.5);
- the same start with five years against one year of data (target ratio <= 1.3);
- marking a touch done at five years, against a single-row commit to an sqlite3
  database in WAL mode on the same disk (target: median <= 16 ms; the ratio is shown).

  python benchmarks/volume_targets.py [--runs 9]
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from dashboard_volume import make_demo, time_touch_done
from startup import BARE, arguments_or_child, time_once

from coach_tui.store.layout import LAZY_FAMILIES, family_path

SAVE_TARGET_MS = 16.0


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def line(what: str, value: float, base_name: str, base: float, target: str) -> None:
    """One figure, in the form `run_all.py` collects."""
    print(
        f"  {what:<34} {value:7.1f} ms   vs {base_name:<22} {base:7.1f} ms   "
        f"ratio {value / base:5.2f}   (target {target})"
    )


def time_starts(runs: int, folders: dict[str, Path]) -> dict[str, list[float]]:
    """Fresh-process start times of a bare app and of coach on each folder, interleaved."""
    commands: dict[str, list[str]] = {"bare": [sys.executable, "-c", BARE]}
    for name, folder in folders.items():
        commands[name] = [sys.executable, __file__, "--child", str(folder)]
    for command in commands.values():  # warm the file cache and the bytecode
        time_once(command)
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            samples[name].append(time_once(command))
    return samples


def time_sqlite_commits(folder: Path, runs: int) -> list[float]:
    """What a one-row durable save costs in sqlite3 (WAL, synchronous=FULL) here."""
    connection = sqlite3.connect(folder / "baseline.sqlite3", isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
        connection.execute("CREATE TABLE touches (uid TEXT PRIMARY KEY, status TEXT, day TEXT)")
        connection.executemany(
            "INSERT INTO touches VALUES (?, 'planned', ?)",
            ((f"t{n}", date.today().isoformat()) for n in range(60_000)),
        )
        samples = []
        for run in range(runs):
            started = time.perf_counter()
            connection.execute("BEGIN")
            connection.execute("UPDATE touches SET status = 'done' WHERE uid = ?", (f"t{run}",))
            connection.execute("COMMIT")
            samples.append(time.perf_counter() - started)
        return samples
    finally:
        connection.close()


def main() -> None:
    args = arguments_or_child(__doc__, runs=9)
    if args is None:
        return
    with tempfile.TemporaryDirectory() as tmp:
        folders = {"1 year": Path(tmp) / "one", "5 years": Path(tmp) / "five"}
        for (name, folder), years in zip(folders.items(), (1, 5), strict=True):
            make_demo(folder, years)
            size = sum(p.stat().st_size for p in folder.glob("*.json"))
            lazy = sum(family_path(folder, family).stat().st_size for family in LAZY_FAMILIES
                       if family_path(folder, family).exists())  # fmt: skip
            live = size - lazy
            print(f"{name}: {size / 1e6:.1f} MB on disk, {live / 1e6:.1f} MB read at start")
        starts = time_starts(args.runs, folders)
        touch_done = time_touch_done(folders["5 years"], args.runs * 3)
        commits = time_sqlite_commits(Path(tmp), args.runs * 3)
    bare, one, five = (median_ms(starts[name]) for name in ("bare", "1 year", "5 years"))
    print(f"medians of {args.runs} runs")
    line("start to dashboard, 5 years", five, "bare Textual app", bare, "<= 1.5")
    line("start to dashboard, 5 years", five, "same, 1 year of data", one, "<= 1.3")
    done_ms = median_ms(touch_done)
    line("mark a touch done, 5 years", done_ms, "sqlite3 WAL commit", median_ms(commits), "")
    verdict = "met" if done_ms <= SAVE_TARGET_MS else "NOT met"
    print(f"  touch save target <= {SAVE_TARGET_MS:.0f} ms: {verdict}")


if __name__ == "__main__":
    main()
