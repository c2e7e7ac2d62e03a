"""Start-up as a person sees it: from launching a command in a real terminal (tmux) until
its first useful text is on screen, against a baseline launched the same way.

Every launch goes through the workplace's `first_text.sh` (it drives a private tmux
server and polls the screen every 50 ms). Coach and its baseline alternate launch by
launch, so machine noise hits both alike; each row prints medians and the ratio.

| row | coach waits for | baseline | target |
|---|---|---|---|
| first start, empty folder | the welcome's text | `hello_app.py` ("Hello coach") | ≤ 1.3 |
| 5-year demo, the day's first open | the morning plan's "Coach:" line | same | ≤ 1.5 |
| same, after a folder copy | the same line, every file time new | same | ≤ 2 |
| `coach today`, 5 years | its heading | `python -c "import rich.console; …print('x')"` | ≤ 2 |

"The day's first open" is a copy of the demo with file times kept and today's daily
backup removed, so the open pays for that backup as the first open of a morning does.
"After a copy" copies every file without its times (a restore, a sync, a new laptop).

    python benchmarks/first_text.py [--runs 5] [--tools ../shared/tools]

Needs tmux and the tools folder (`first_text.sh`, `hello_app.py`); without them it says
so and prints no figures.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from io import StringIO
from pathlib import Path

HERE = Path(__file__).parent
DEFAULT_TOOLS = HERE.parent.parent / "shared" / "tools"
FIRST_TEXT = re.compile(r"^first-text (?P<seconds>[\d.]+)$", re.MULTILINE)
# A quick command's output is lost if its pane closes at once: keep it open a moment.
LINGER = "; sleep 2"
# `coach today` at five years prints more lines than 40: a tall terminal keeps its heading.
TALL = "120x100"
WAIT_SECONDS = 30


@dataclass(frozen=True, slots=True)
class Launch:
    """One command as a person types it, and the text that says it is ready."""

    command: str
    text: str
    size: str = "120x40"


@dataclass(frozen=True, slots=True)
class Row:
    what: str
    coach: Callable[[Path], Launch]  # given a fresh scratch folder for this launch
    baseline_name: str
    baseline: Launch
    target: float


def seconds_to_text(tool: Path, launch: Launch) -> float:
    """How long `launch` took to show its text, measured by first_text.sh."""
    done = subprocess.run(
        ["bash", str(tool), launch.command, launch.text, str(WAIT_SECONDS)],
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "SIZE": launch.size},
    )
    found = FIRST_TEXT.search(done.stdout)
    if found is None:
        raise SystemExit(f"{launch.command!r} never showed {launch.text!r}:\n{done.stdout}")
    return float(found["seconds"])


def coach_command() -> str:
    """`coach` as installed beside this Python, else the module (same code either way)."""
    script = Path(sys.executable).parent / "coach"
    if script.exists():
        return shlex.quote(str(script))
    return f"{shlex.quote(sys.executable)} -m coach_tui"


def make_demo(folder: Path, years: int) -> None:
    from rich.console import Console

    from coach_tui.commands.demo import write_demo

    write_demo(folder, years=years, seed=7, console=Console(file=StringIO()))


def copy_for_first_open(master: Path, target: Path, *, keep_times: bool) -> Path:
    """A copy of the demo as it is on a new morning: today's backup not taken yet."""
    copy_function = shutil.copy2 if keep_times else shutil.copy
    shutil.copytree(master, target, copy_function=copy_function, symlinks=True)
    shutil.rmtree(target / "backups" / date.today().isoformat(), ignore_errors=True)
    return target


def rows(tools: Path, master: Path, coach: str) -> list[Row]:
    python = shlex.quote(sys.executable)
    hello = Launch(f"{python} {shlex.quote(str(tools / 'hello_app.py'))}", "Hello coach")
    rich_print = "import rich.console; rich.console.Console().print('x')"
    rich_once = Launch(f"{python} -c {shlex.quote(rich_print)}{LINGER}", "x", TALL)

    def on(folder: Path) -> str:
        return shlex.quote(str(folder))

    def morning(keep_times: bool) -> Callable[[Path], Launch]:
        def launch(scratch: Path) -> Launch:
            data = copy_for_first_open(master, scratch / "data", keep_times=keep_times)
            return Launch(f"{coach} --data {on(data)}", "Coach:")

        return launch

    return [
        Row(
            "first start, empty folder",
            lambda scratch: Launch(f"{coach} --data {on(scratch / 'data')}", "Welcome to coach"),
            "hello_app.py",
            hello,
            1.3,
        ),
        Row("5 years, day's first open", morning(True), "hello_app.py", hello, 1.5),
        Row("5 years, after a copy", morning(False), "hello_app.py", hello, 2.0),
        Row(
            "coach today, 5 years",
            lambda _scratch: Launch(f"{coach} today --data {on(master)}{LINGER}", "coach —", TALL),
            "rich.console print",
            rich_once,
            2.0,
        ),
    ]


def time_row(tool: Path, row: Row, runs: int, scratch_root: Path) -> tuple[float, float]:
    """Median seconds of coach and of its baseline, launched alternately."""
    coach_times, base_times = [], []
    for index in range(runs + 1):  # the first pair warms the file cache and is dropped
        scratch = Path(tempfile.mkdtemp(dir=scratch_root))
        base = seconds_to_text(tool, row.baseline)
        mine = seconds_to_text(tool, row.coach(scratch))
        shutil.rmtree(scratch, ignore_errors=True)
        if index:
            base_times.append(base)
            coach_times.append(mine)
    return statistics.median(coach_times), statistics.median(base_times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--tools", type=Path, default=DEFAULT_TOOLS)
    args = parser.parse_args()
    tool = args.tools / "first_text.sh"
    if shutil.which("tmux") is None or not tool.exists():
        print(f"skipped: needs tmux and {tool} (with hello_app.py beside it)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        master = Path(tmp) / "demo"
        make_demo(master, args.years)
        print(f"first text on screen in tmux, median of {args.runs} launches each, interleaved")
        for row in rows(args.tools, master, coach_command()):
            coach, base = time_row(tool, row, args.runs, Path(tmp))
            print(
                f"  {row.what:<34} {coach * 1000:7.1f} ms   vs {row.baseline_name:<22} "
                f"{base * 1000:7.1f} ms   ratio {coach / base:5.2f}   (target <= {row.target:g})",
                flush=True,
            )


if __name__ == "__main__":
    main()
