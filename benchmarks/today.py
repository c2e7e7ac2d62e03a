"""`coach today` at five-year demo volume against `python -c "import rich.console"`.

Both are fresh processes, interleaved in one run. Target: coach today / rich ≤ 2.

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
        rich, today = [], []
        for _ in range(args.runs):
            rich.append(time_once(rich_cmd))
            today.append(time_once(today_cmd))
    rich_ms, today_ms = statistics.median(rich) * 1000, statistics.median(today) * 1000
    print(f"coach today at {args.years}-year demo volume, median of {args.runs} runs")
    print(f"  python -c 'import rich.console' : {rich_ms:7.1f} ms")
    print(f"  coach today --plain             : {today_ms:7.1f} ms")
    print(f"  ratio                           : {today_ms / rich_ms:7.2f}  (target <= 2)")


if __name__ == "__main__":
    main()
