"""Run every benchmark and print one table of their figures and ratios.

Each script runs in its own process exactly as documented (so its own output is still the
reference); this runner collects the lines that carry a figure and lays them out together.

    python benchmarks/run_all.py [--runs 9] [--trials 500] [--quick]

`--quick` uses 3 runs and 50 crash trials: a smoke check that every benchmark still works.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

HERE = Path(__file__).parent
# "  start to dashboard     empty   409.2 ms   demo   979.1 ms   ratio  2.39"
VERSUS = re.compile(
    r"^\s+(?P<what>.+?)\s+(?P<base_name>empty|why only)\s+(?P<base>[\d.]+) ms\s+"
    r"demo\s+(?P<value>[\d.]+) ms\s+ratio\s+(?P<ratio>[\d.]+)"
)
# "  bare Textual app :   230.0 ms  (min 223.1)"
NAMED_MS = re.compile(r"^\s+(?P<name>[^:]+?)\s*:\s+(?P<ms>[\d.]+) ms")
# "  ratio            :    1.78  (target <= 1.5)"
RATIO = re.compile(r"^\s+ratio\s*:\s+(?P<ratio>[\d.]+)\s+\(target <= (?P<target>[\d.]+)\)")
# "  accounts: cursor down   85.1 ms   extra   +1.2 ms   ratio  1.01   (ok; slowest 86 ms)"
EXTRA = re.compile(
    r"^\s+(?P<what>.+?)\s+(?P<value>[\d.]+) ms\s+extra\s+(?P<extra>[-+][\d.]+) ms\s+"
    r"ratio\s+(?P<ratio>[\d.]+)"
)
NAMED_BARE = re.compile(r"^\s+bare (?P<kind>DataTable|Input filtering).*?\s(?P<ms>[\d.]+) ms")
# "  start, 5 years  589.8 ms  vs bare Textual app  241.5 ms  ratio 2.44  (target <= 1.5)"
TARGETED = re.compile(
    r"^\s+(?P<what>.+?)\s+(?P<value>[\d.]+) ms\s+vs (?P<base_name>.+?)\s+(?P<base>[\d.]+) ms\s+"
    r"ratio\s+(?P<ratio>[\d.]+)\s+\(target (?P<target>[^)]*)\)"
)
# "  damaged data files                : 0"
COUNT = re.compile(r"^\s+(?P<what>[a-z][a-z -]+?)\s*:\s+(?P<count>\d+)$")


@dataclass(frozen=True, slots=True)
class Figure:
    benchmark: str
    what: str
    value: str
    baseline: str
    ratio: str
    target: str = ""


def run(script: str, *args: str) -> tuple[str, float]:
    """The script's standard output, and how long it took."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(HERE / script), *args],
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    if done.returncode:
        raise SystemExit(f"{script} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout, time.perf_counter() - started


def versus_figures(name: str, output: str) -> list[Figure]:
    """Lines of the demo-against-empty scripts."""
    found = []
    for line in output.splitlines():
        if match := VERSUS.match(line):
            found.append(
                Figure(
                    name,
                    match["what"],
                    f"{float(match['value']):.1f} ms",
                    f"{float(match['base']):.1f} ms ({match['base_name']})",
                    match["ratio"],
                )
            )
    return found


def paired_figure(name: str, what: str, output: str) -> list[Figure]:
    """A script printing two named times and a ratio with its target (startup, today)."""
    times = [m for line in output.splitlines() if (m := NAMED_MS.match(line))]
    ratio = next((m for line in output.splitlines() if (m := RATIO.match(line))), None)
    if len(times) < 2 or ratio is None:
        return [Figure(name, what, "?", "?", "?")]
    baseline, value = times[0], times[1]
    return [
        Figure(
            name,
            what,
            f"{float(value['ms']):.1f} ms",
            f"{float(baseline['ms']):.1f} ms ({baseline['name']})",
            ratio["ratio"],
            f"≤ {ratio['target']}",
        )
    ]


def target_figures(name: str, output: str) -> list[Figure]:
    """Figures each against its own baseline, with the issue's target (volume targets,
    start-up as a person sees it)."""
    if output.startswith("skipped"):
        return [Figure(name, output.strip(), "", "", "")]
    figures = []
    for line in output.splitlines():
        if match := TARGETED.match(line):
            target = match["target"].replace("<=", "≤").strip()
            figures.append(
                Figure(
                    name,
                    match["what"],
                    f"{float(match['value']):.1f} ms",
                    f"{float(match['base']):.1f} ms ({match['base_name']})",
                    match["ratio"],
                    target or ("≤ 16 ms" if "touch" in match["what"] else ""),
                )
            )
    return figures


def key_figures(output: str) -> list[Figure]:
    """Per-key times: the ratio to the bare app, and what the coach adds per key."""
    lines = output.splitlines()
    bases = {m["kind"]: m["ms"] for line in lines if (m := NAMED_BARE.match(line))}
    return [
        Figure(
            "keys",
            match["what"],
            f"{match['extra']} ms a key",
            f"{bases.get(kind, '?')} ms (bare {kind}, pilot wait)",
            match["ratio"],
            "< 16 ms",
        )
        for line in lines
        if (match := EXTRA.match(line))
        for kind in ["Input filtering" if "filter" in match["what"] else "DataTable"]
    ]


def crash_figures(output: str) -> list[Figure]:
    counts = {m["what"]: m["count"] for line in output.splitlines() if (m := COUNT.match(line))}
    first = output.splitlines()[0] if output else ""
    return [
        Figure("crash_loop", f"{what} ({first.split(' in ')[0]})", count, "", "", "0")
        for what, count in counts.items()
        if what != "killed mid-write (temp file left)"
    ]


def decode_figures(output: str) -> list[Figure]:
    """Decoding (and checking) every record, each against reading the files."""
    times = {m["name"]: m["ms"] for line in output.splitlines() if (m := NAMED_MS.match(line))}
    base = times.get("orjson.loads of every file")
    if base is None:
        return [Figure("decode", "decode every record", "?", "?", "?")]
    return [
        Figure(
            "decode",
            f"{what}, 5 years",
            f"{float(ms):.1f} ms",
            f"{float(base):.1f} ms (orjson.loads)",
            f"{float(ms) / float(base):.2f}",
        )
        for what, ms in times.items()
        if what.startswith("decode") and "/" not in what
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--trials", type=int, default=500)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    runs, trials = (3, 50) if args.quick else (args.runs, args.trials)
    # Piped into a file or a README, keep the table on one line per figure.
    out = Console() if sys.stdout.isatty() else Console(width=150)
    figures: list[Figure] = []
    plan = (
        ("startup.py", ("--runs", str(max(runs, 5)))),
        ("first_text.py", ("--runs", str(max(runs, 5)))),
        ("volume_targets.py", ("--runs", str(max(runs, 5)))),
        ("dashboard_volume.py", ("--runs", str(runs))),
        ("morning_volume.py", ("--runs", str(runs))),
        ("today.py", ("--runs", str(runs))),
        ("decode.py", ("--runs", str(runs))),
        ("keys.py", ("--presses", str(runs * 5))),
        ("crash_loop.py", ("--trials", str(trials))),
    )
    for script, script_args in plan:
        with out.status(f"{script} {' '.join(script_args)}"):
            output, seconds = run(script, *script_args)
        out.print(f"[dim]{script} done in {seconds:.0f} s[/]")
        name = script.removesuffix(".py")
        if script == "startup.py":
            figures += paired_figure(name, "start to dashboard (no data)", output)
        elif script == "today.py":
            figures += paired_figure(name, "coach today, 5-year demo", output)
        elif script in ("volume_targets.py", "first_text.py"):
            figures += target_figures(name, output)
        elif script == "keys.py":
            figures += key_figures(output)
        elif script == "crash_loop.py":
            figures += crash_figures(output)
        elif script == "decode.py":
            figures += decode_figures(output)
        else:
            figures += versus_figures(name, output)
    table = Table(title=f"coach benchmarks ({runs} runs each; medians)")
    for column in ("benchmark", "what", "coach", "baseline (same run)", "ratio", "target"):
        table.add_column(column, justify="right" if column in ("ratio", "target") else "left")
    for figure in figures:
        table.add_row(
            figure.benchmark,
            figure.what,
            figure.value,
            figure.baseline,
            figure.ratio,
            figure.target,
        )
    out.print(table)


if __name__ == "__main__":
    main()
