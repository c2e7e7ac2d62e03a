"""Process start to the morning plan on screen at five-year demo volume, against a folder
that holds only a why.

Neither folder has a plan for today, so both open on the morning plan: the why, today's
agenda (calls, touches due, promises, stalls, pace) and the priority fields. Fresh process
each time, interleaved in one run; prints medians and the ratio.

    python benchmarks/morning_volume.py [--runs 9] [--years 5]
"""

from __future__ import annotations

import tempfile
from io import StringIO
from pathlib import Path

from dashboard_volume import compare_starts, print_header, volume_arguments

# A child that never reaches the morning plan fails the run instead of hanging it.
GIVE_UP_SECONDS = 60


def seed_why(data_dir: Path) -> None:
    from coach_tui.model.clock import system_clock
    from coach_tui.model.why import new_why
    from coach_tui.store.repository import Repository

    repo = Repository.open(data_dir)
    repo.why.save(new_why("I sell so my family has choices.", {}, now=system_clock()))
    repo.close()


def make_unplanned_demo(data_dir: Path, years: int) -> None:
    """The demo as `coach demo` writes it: a why and history, today not planned yet."""
    from rich.console import Console

    from coach_tui.commands.demo import write_demo

    write_demo(data_dir, years=years, seed=7, console=Console(file=StringIO()))


def run_morning_child(data_dir: Path) -> None:
    """The same path as `coach` (`cli.run_app_on`); exit once the morning plan has drawn
    its agenda."""
    from coach_tui.cli import run_app_on
    from coach_tui.ui.app import CoachApp
    from coach_tui.ui.screens import morning
    from coach_tui.ui.screens.morning import MorningPlanScreen

    class TimedMorning(MorningPlanScreen):
        # Relative paths resolve next to the subclass: point at the screen's own.
        CSS_PATH = Path(morning.__file__).parent / str(MorningPlanScreen.CSS_PATH)

        def on_screen_resume(self) -> None:  # after on_mount has shown the agenda
            self.call_after_refresh(self.app.exit)

    class TimedCoach(CoachApp):
        def on_mount(self) -> None:
            self.set_timer(GIVE_UP_SECONDS, lambda: self.exit(return_code=3))

        def action_morning(self) -> None:
            self.push_screen(TimedMorning())

    # Ends the process like `coach` does; exit code 3 (never showed) fails the timing run.
    run_app_on(data_dir, TimedCoach, headless=True)


def main() -> None:
    args = volume_arguments(__doc__)
    if args.child:
        run_morning_child(Path(args.child))
        return
    with tempfile.TemporaryDirectory() as tmp:
        empty_dir, demo_dir = Path(tmp) / "empty", Path(tmp) / "demo"
        seed_why(empty_dir)
        make_unplanned_demo(demo_dir, args.years)
        print_header(args.years, demo_dir, "why only", args.runs)
        compare_starts("start to morning plan", __file__, empty_dir, demo_dir, args.runs)


if __name__ == "__main__":
    main()
