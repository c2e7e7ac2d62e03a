"""Decoding every stored record of a five-year demo folder into model objects, against
reading the same files with `orjson.loads`.

The decode is what opening an unverified folder, `coach doctor` and `coach import json`
pay per record before the model's rules run; reading the files is the floor under it,
measured in the same run:
  - orjson.loads of every family file (the raw dicts TinyDB hands the repositories);
  - decoding every record of every table (archives included) into its model object;
  - the same, plus each table's `check_*` rules (what `check_records` runs).

    python benchmarks/decode.py [--runs 9] [--years 5]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
from dashboard_volume import make_demo

Raw = dict[str, dict[str, Any]]


def family_files(data_dir: Path) -> list[Path]:
    from coach_tui.store.layout import FAMILIES, family_path

    return [path for family in FAMILIES if (path := family_path(data_dir, family)).exists()]


def load_all(paths: list[Path]) -> list[Raw]:
    return [orjson.loads(path.read_bytes()) for path in paths]


def decode_all(files: list[Raw]) -> int:
    """Every record of every table decoded into its model object; how many."""
    from coach_tui.store.decoders import KINDS

    count = 0
    for raw in files:
        for table, records in raw.items():
            kind = KINDS.get(table)
            if kind is None:  # the version stamp
                continue
            decode = kind.decode
            for doc_id, record in records.items():
                decode(record, doc_id)
            count += len(records)
    return count


def decode_and_check_all(files: list[Raw]) -> int:
    from coach_tui.model.limits import Limits
    from coach_tui.store.decoders import KINDS

    count = 0
    for raw in files:
        for table, records in raw.items():
            kind = KINDS.get(table)
            if kind is None:
                continue
            decode, check = kind.decode, kind.check
            for doc_id, record in records.items():
                check(decode(record, doc_id), Limits.FILES)
            count += len(records)
    return count


def timed_ms(work: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median and fastest of `runs` (the fastest says most on a machine shared with others)."""
    work()  # warm: imports, caches
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000, min(samples) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--years", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "demo"
        make_demo(data, args.years)
        paths = family_files(data)
        files = load_all(paths)
        records = decode_all(files)
        size = sum(path.stat().st_size for path in paths) / 1e6
        load_ms, load_min = timed_ms(lambda: load_all(paths), args.runs)
        decode_ms, decode_min = timed_ms(lambda: decode_all(files), args.runs)
        check_ms, check_min = timed_ms(lambda: decode_and_check_all(files), args.runs)
    print(
        f"decoding {records:,} records ({size:.1f} MB in {len(paths)} files) at "
        f"{args.years}-year demo volume, median of {args.runs} runs"
    )
    print(f"  orjson.loads of every file       : {load_ms:7.1f} ms  (min {load_min:.1f})")
    print(f"  decode every record              : {decode_ms:7.1f} ms  (min {decode_min:.1f})")
    print(f"  decode and check every record    : {check_ms:7.1f} ms  (min {check_min:.1f})")
    print(f"  decode / orjson.loads            : {decode_ms / load_ms:7.2f}")
    print(f"  decode and check / orjson.loads  : {check_ms / load_ms:7.2f}")
    print(f"  decode per record                : {decode_ms * 1000 / records:7.2f} µs")


if __name__ == "__main__":
    main()
