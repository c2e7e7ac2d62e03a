"""Keystroke handling on the list screens at five-year demo volume, against a bare Textual
app with a table of the same size, in the same run.

For each list (accounts, calls, touches due, past reviews) it presses keys through Textual's
pilot and times each press until the app is idle again; typing into the accounts filter
re-filters 300 accounts per key. The pilot's own wait for idle costs the same in both apps,
so what the coach adds per key is its median minus the bare table's: the target is that
extra staying under 16 ms. Prints medians, the extra and the ratio.

    python benchmarks/keys.py [--presses 40] [--years 5]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from dashboard_volume import make_demo

SIZE = (110, 34)
TARGET_MS = 16.0


async def timed_presses(pilot, keys: list[str]) -> list[float]:
    """Seconds from each key press to the app being idle again."""
    samples = []
    for key in keys:
        started = time.perf_counter()
        await pilot.press(key)
        await pilot.pause()
        samples.append(time.perf_counter() - started)
    return samples


async def bare_table(rows: int, presses: int) -> tuple[list[float], list[float]]:
    """The baseline: Textual's own DataTable with `rows` rows and an Input that filters it
    (rebuilding the table on each key): cursor moves, then typing."""
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable, Footer, Header, Input

    names = [f"Account {index} northwind harbor" for index in range(rows)]

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Input(id="filter")
            yield DataTable(cursor_type="row")
            yield Footer()

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            table.add_columns("name", "objective", "date", "state")
            self.fill("")
            table.focus()

        def fill(self, text: str) -> None:
            table = self.query_one(DataTable)
            table.clear()
            for name in names:
                if text in name:
                    table.add_row(name, "Grow the northern region", "2026-11-24", "ok")

        def on_input_changed(self, event: Input.Changed) -> None:
            self.fill(event.value)

    async with Bare().run_test(size=SIZE) as pilot:
        await pilot.pause()
        moves = await timed_presses(pilot, ["down"] * presses)
        pilot.app.query_one(Input).focus()
        await pilot.pause()
        typing = await timed_presses(pilot, list("northwind harbor logistics"[:presses]))
        return moves, typing


async def coach_lists(data_dir: Path, presses: int) -> dict[str, list[float]]:
    """Each list screen of the coach on the demo folder, cursor moving and filtering."""
    from coach_tui.store.repository import Repository
    from coach_tui.ui.app import CoachApp

    results: dict[str, list[float]] = {}
    repo = Repository.open(data_dir)
    try:
        app = CoachApp(repo)
        async with app.run_test(size=SIZE) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            for key, label in (("a", "accounts"), ("c", "calls"), ("t", "touches due")):
                await pilot.press(key)
                await app.workers.wait_for_complete()
                await pilot.pause()
                results[f"{label}: cursor down"] = await timed_presses(pilot, ["down"] * presses)
                if label == "accounts":
                    await pilot.press("slash")
                    typed = list("northwind harbor logistics"[:presses])
                    results["accounts: filter as you type"] = await timed_presses(pilot, typed)
                    await pilot.press("escape")
                await pilot.press("escape")
                await pilot.pause()
            await pilot.press("R")
            await app.workers.wait_for_complete()
            await pilot.pause()
            results["past reviews: cursor down"] = await timed_presses(pilot, ["down"] * presses)
    finally:
        repo.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=40)
    parser.add_argument("--years", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        demo_dir = Path(tmp) / "demo"
        make_demo(demo_dir, args.years)
        bare, bare_typing = asyncio.run(bare_table(300, args.presses))
        lists = asyncio.run(coach_lists(demo_dir, args.presses))
    bare_ms = statistics.median(bare) * 1000
    typing_ms = statistics.median(bare_typing) * 1000
    print(f"key handling at {args.years}-year demo volume, median of {args.presses} presses")
    print(f"  {'bare DataTable, 300 rows':<32} {bare_ms:6.1f} ms")
    print(f"  {'bare Input filtering that table':<32} {typing_ms:6.1f} ms")
    for label, samples in lists.items():
        base = typing_ms if "filter" in label else bare_ms
        ms = statistics.median(samples) * 1000
        extra = ms - base
        verdict = "ok" if extra < TARGET_MS else f"over {TARGET_MS:.0f} ms"
        print(
            f"  {label:<32} {ms:6.1f} ms   extra {extra:+6.1f} ms   ratio {ms / base:5.2f}"
            f"   ({verdict}; slowest {max(samples) * 1000:.0f} ms)"
        )


if __name__ == "__main__":
    main()
