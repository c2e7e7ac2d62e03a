"""`coach today` at five-year demo volume against `python -c "import rich.console"`.

Fresh processes, interleaved in one run. Target: coach today / rich ≤ 2. Two cases: a run
that finds the day's agenda digest fresh (every run after the first, until a save, the
next call's time or midnight), and the first run of a day, which reads the files and
writes the digest (timed with the digest removed before each run).

    python benchmarks/today.py [--runs 9] [--years 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from dashboard_volume import make_demo
from startup import time_once

from coach_tui.store.today_digest import digest_path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--years", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "demo"
        make_demo(data, args.years)
        rich_cmd = [sys.executable, "-c", "import rich.console"]
        today_cmd = [sys.executable, "-m", "coach_tui", "today", "--plain", "--data", str(data)]
        time_once(rich_cmd)
        time_once(today_cmd)
        rich, today, first = [], [], []
        for _ in range(args.runs):
            rich.append(time_once(rich_cmd))
            today.append(time_once(today_cmd))
            digest_path(data).unlink(missing_ok=True)
            first.append(time_once(today_cmd))
    rich_ms, today_ms = statistics.median(rich) * 1000, statistics.median(today) * 1000
    first_ms = statistics.median(first) * 1000
    print(f"coach today at {args.years}-year demo volume, median of {args.runs} runs")
    print(f"  python -c 'import rich.console' : {rich_ms:7.1f} ms")
    print(f"  coach today --plain             : {today_ms:7.1f} ms")
    print(f"  ratio                           : {today_ms / rich_ms:7.2f}  (target <= 2)")
    print(f"  coach today --plain, first of the day (no digest) : {first_ms:7.1f} ms")
    print(f"  first of the day, ratio                           : {first_ms / rich_ms:7.2f}")


if __name__ == "__main__":
    main()
