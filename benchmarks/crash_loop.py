"""Kill a saving process with SIGKILL many times; count damaged files and lost saves.

The test suite runs 50 trials; this runs as many as you like and prints a summary.

    python benchmarks/crash_loop.py [--trials 500] [--padding 200000]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.crash_trials import run_trial  # needs the repo root on the path (above)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=500)
    parser.add_argument("--padding", type=int, default=200_000, help="bytes per save")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        results = [
            run_trial(data_dir, rng, padding=args.padding, max_delay=0.1)
            for _ in range(args.trials)
        ]
    damaged = sum(not result.parsed for result in results)
    lost = sum(result.parsed and not result.ok for result in results)
    mid_write = sum(result.leftover_tmp for result in results)
    print(f"{args.trials} SIGKILL trials in {time.perf_counter() - started:.1f} s")
    print(f"  killed mid-write (temp file left) : {mid_write}")
    print(f"  damaged data files                : {damaged}")
    print(f"  committed saves lost              : {lost}")
    sys.exit(1 if damaged or lost else 0)


if __name__ == "__main__":
    main()
