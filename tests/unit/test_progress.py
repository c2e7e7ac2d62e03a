"""Progress bars on long commands: drawn on a terminal's standard error, nothing when piped,
and the data written is the same either way."""

from io import StringIO
from pathlib import Path

import pytest
from rich.console import Console

from coach_tui.commands.demo import write_demo
from coach_tui.commands.export_json import export_json
from coach_tui.commands.import_json import import_json
from coach_tui.commands.progress import progress_bars
from coach_tui.demo.generate import build_demo
from coach_tui.demo.write import write_demo_data
from coach_tui.store.archive import archive_old_history
from coach_tui.store.repository import Repository
from tests.helpers import quiet


def terminal() -> Console:
    return Console(file=StringIO(), force_terminal=True, width=100)


def piped() -> Console:
    return Console(file=StringIO(), width=100)


def shown(console: Console) -> str:
    return console.file.getvalue()  # type: ignore[attr-defined]


def files_of(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.glob("*.json"))}


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory) -> Path:
    """A one-year demo (the clock is fixed, so every run writes the same bytes)."""
    from tests.helpers import FakeClock

    folder = tmp_path_factory.mktemp("demo")
    assert write_demo(folder, years=1, seed=7, console=quiet(), clock=FakeClock()) == 0
    return folder


def test_a_terminal_sees_each_stage_and_a_pipe_sees_nothing() -> None:
    bars, pipe = terminal(), piped()
    for console in (bars, pipe):
        with progress_bars(console) as progress:
            progress("Counting sheep", 0, None)
            progress("Counting sheep", 3, 4)
            progress("Nothing to move", 0, 0)
    assert "Counting sheep" in shown(bars)
    assert "75%" in shown(bars)
    assert "100%" in shown(bars).split("Nothing to move")[-1]
    assert shown(pipe) == ""


def test_the_demo_reports_real_counts_that_end_full(clock, tmp_path: Path) -> None:
    """Each stage's count only grows, and ends with done == total: a bar that fills."""
    heard: list[tuple[str, int, int | None]] = []

    def progress(stage: str, done: int, total: int | None) -> None:
        heard.append((stage, done, total))

    with Repository.open(tmp_path, clock=clock) as repo:
        demo = build_demo(clock(), years=2, seed=7, progress=progress)
        counts = write_demo_data(repo, demo, progress)
        archive_old_history(repo.store, clock().date(), force=True, progress=progress)
    stages = list(dict.fromkeys(stage for stage, _done, _total in heard))
    assert stages == ["Inventing history", "Saving", "Moving old history to the archive"]
    for stage in stages:
        reports = [(done, total) for name, done, total in heard if name == stage]
        assert [done for done, _total in reports] == sorted(done for done, _total in reports)
        last_done, last_total = reports[-1]
        assert last_done == last_total
    assert ("Inventing history", 2, 2) in heard
    assert ("Saving", sum(counts.values()), sum(counts.values())) in heard
    assert len([1 for stage, *_ in heard if stage.startswith("Moving")]) > 2  # batch by batch


def test_demo_draws_bars_on_a_terminal_and_writes_the_same_data(clock, tmp_path: Path) -> None:
    bars, pipe = terminal(), piped()
    outputs = []
    for name, console in (("shown", bars), ("piped", pipe)):
        out = piped()
        folder = tmp_path / name
        assert write_demo(folder, years=1, seed=7, console=out, bars=console, clock=clock) == 0
        outputs.append(shown(out).replace(str(folder), "FOLDER"))
    for stage in ("Inventing history", "Saving", "Moving old history to the archive"):
        assert stage in shown(bars)
    assert shown(pipe) == ""
    assert outputs[0] == outputs[1]  # the summary is the same either way
    # Record ids are random (uuid4), all of one length: the same data gives the same sizes.
    sizes = [
        {name: len(content) for name, content in files_of(tmp_path / folder).items()}
        for folder in ("shown", "piped")
    ]
    assert sizes[0] == sizes[1]


def test_export_to_standard_output_keeps_the_bars_off_the_data(
    demo_folder: Path, tmp_path: Path, capsysbinary
) -> None:
    bars = terminal()
    assert export_json(demo_folder, None, console=quiet(), bars=bars) == 0
    with_bars = capsysbinary.readouterr().out
    assert export_json(demo_folder, None, console=quiet(), bars=piped()) == 0
    assert capsysbinary.readouterr().out == with_bars
    assert with_bars.startswith(b"{")
    assert "Reading your data" in shown(bars)
    assert "Writing it as JSON" in shown(bars)


def test_import_draws_bars_on_a_terminal_and_saves_the_same_data(
    demo_folder: Path, tmp_path: Path
) -> None:
    export = tmp_path / "export.json"
    assert export_json(demo_folder, export, console=quiet()) == 0
    bars, pipe = terminal(), piped()
    for name, console in (("shown", bars), ("piped", pipe)):
        assert import_json(tmp_path / name, export, console=quiet(), bars=console) == 0
    for stage in ("Reading the file", "Checking every record", "Saving", "Moving old history"):
        assert stage in shown(bars)
    assert shown(pipe) == ""
    again = {name: tmp_path / f"{name}.json" for name in ("shown", "piped")}
    for name, target in again.items():
        assert export_json(tmp_path / name, target, console=quiet()) == 0
    assert again["shown"].read_bytes() == again["piped"].read_bytes() == export.read_bytes()
