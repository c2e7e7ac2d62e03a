"""The app's process: data loaded at start is frozen out of the collector's sight, and a
clean close ends the process at once, with everything already on disk."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from coach_tui.store.lock import is_locked
from coach_tui.store.repository import Repository

ROOT = Path(__file__).resolve().parents[2]


def run_python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
        env=os.environ | {"PYTHONPATH": str(ROOT)},
    )


def test_ending_the_process_keeps_what_was_printed_and_the_exit_code() -> None:
    done = run_python(
        """
        import sys
        from coach_tui.process import end_process
        print("saved and closed", end="")
        sys.stderr.write("a note")
        end_process(3)
        print("never printed")
        """
    )
    assert done.returncode == 3
    assert done.stdout == "saved and closed"
    assert done.stderr == "a note"


def test_loading_long_lived_data_freezes_it_and_turns_the_collector_back_on() -> None:
    done = run_python(
        """
        import gc
        from coach_tui.process import loading_long_lived_data
        before = gc.get_freeze_count()
        with loading_long_lived_data():
            during = gc.isenabled()
            data = [[n] for n in range(10_000)]  # lists are always tracked
        print(during, gc.isenabled(), gc.get_freeze_count() - before >= len(data))
        """
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True", "True"]


def test_the_app_command_closes_the_folder_before_it_ends_the_process(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    done = run_python(
        """
        import sys
        from pathlib import Path
        from coach_tui.cli import run_app_on
        from coach_tui.ui.app import CoachApp

        class Quits(CoachApp):
            def on_mount(self) -> None:
                self.exit(return_code=4)

        run_app_on(Path(sys.argv[1]), Quits, headless=True)
        print("not reached")
        """,
        str(data_dir),
    )
    assert done.returncode == 4, done.stderr
    assert "not reached" not in done.stdout
    assert is_locked(data_dir) is False  # the lock was released by a clean close
    assert (data_dir / "verified.json").exists()  # written by close
    Repository.open(data_dir).close()  # and the next coach opens it


def test_the_app_command_collects_nothing_until_its_first_frame_is_on_screen(
    tmp_path: Path,
) -> None:
    done = run_python(
        """
        import gc, sys
        from pathlib import Path
        from coach_tui import cli

        def run_app_on(data_dir, app_class, **options):
            class Shown(app_class):
                def on_mount(self) -> None:
                    super().on_mount()
                    self.frozen = gc.get_freeze_count()  # the data, frozen as it was read
                    print("mounted", gc.isenabled())
                    self.set_timer(1, self.shown)

                def shown(self) -> None:  # the welcome was drawn long ago
                    print("shown", gc.isenabled(), gc.get_freeze_count() > self.frozen)
                    self.exit()

            return real(data_dir, Shown, headless=True)

        real, cli.run_app_on = cli.run_app_on, run_app_on
        print("before", gc.isenabled())
        cli.main(["--data", sys.argv[1]])
        """,
        str(tmp_path / "data"),
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["before True", "mounted False", "shown True True"]


def test_an_app_not_started_by_the_command_leaves_the_collector_alone() -> None:
    import gc

    from coach_tui.process import collect_after_start

    frozen = gc.get_freeze_count()
    collect_after_start()
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen
