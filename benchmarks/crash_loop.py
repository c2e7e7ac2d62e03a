"""Kill a saving process with SIGKILL many times; count damaged files and lost saves.

The folder is a real demo (5 years: about 40 MB, written once per run into a temporary
folder). Each trial starts a child that opens it like the app and saves as a seller does
— a planned touch marked done, a flow's draft, a campaign plan finished (one save across
three files) — printing each save's number once it returned; after a random moment it is
killed. Then every data file must parse, `coach` must open the folder (records checked),
and the numbers in the records must show the last reported save, or that one and (part
of) the next, never less: see tests/crash_model.py for the exact rule per kind of save.

    python benchmarks/crash_loop.py [--years 5] [--trials 500] [--max-delay 0.25]

The test suite runs the same loop on a 1-year demo, and the older one-file loop.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dashboard_volume import make_demo

from tests.crash_trials import VolumeLoop, VolumeResult  # needs the repo root (above)


def folder_mb(folder: Path) -> float:
    """The data files' size, backups left out."""
    return sum(path.stat().st_size for path in folder.glob("*.json")) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--trials", type=int, default=500)
    parser.add_argument("--max-delay", type=float, default=0.25, help="seconds before the kill")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "demo"
        make_demo(data_dir, args.years)
        size = folder_mb(data_dir)
        started = time.perf_counter()
        loop = VolumeLoop(data_dir)
        results: list[VolumeResult] = []
        for _ in range(args.trials):
            results.append(loop.trial(rng, max_delay=args.max_delay))
            if results[-1].damaged:  # a damaged folder cannot be opened for the next trial
                break
        seconds = time.perf_counter() - started
    damaged = [result for result in results if result.damaged]
    lost = [result for result in results if result.lost and not result.damaged]
    mid_write = sum(result.leftover_tmp for result in results)
    saves = sum(result.reported - result.start for result in results)
    halfway = sum(result.halfway for result in results)
    print(
        f"{len(results)} SIGKILL trials, {args.years}-year demo of {size:.0f} MB in {seconds:.1f} s"
    )
    print(f"  killed mid-write (temp file left) : {mid_write}")
    print(f"  damaged data files                : {len(damaged)}")
    print(f"  committed saves lost              : {len(lost)}")
    print(f"  ({saves} saves reported before the kills, {saves / len(results):.1f} a trial;")
    print(f"  {halfway} kills fell between the renames of a save across files)")
    for result in [*damaged, *lost][:5]:
        print(f"  ! after save {result.reported}: {result.damaged or result.lost}")
    sys.exit(1 if damaged or lost else 0)


if __name__ == "__main__":
    main()
