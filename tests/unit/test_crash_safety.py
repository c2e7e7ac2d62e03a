"""SIGKILL at random moments while saving: the files always parse and keep the last save."""

import random

from rich.console import Console

from coach_tui.commands.demo import write_demo
from coach_tui.store.repository import Repository
from tests.crash_model import EMPTY, allowed, kind
from tests.crash_trials import VolumeLoop, run_trial

TRIALS = 50
VOLUME_TRIALS = 20


def test_killed_saves_never_corrupt_or_lose_committed_data(data_dir, clock) -> None:
    rng = random.Random(20261124)
    results = [run_trial(data_dir, rng, padding=200_000, max_delay=0.08) for _ in range(TRIALS)]
    bad = [result for result in results if not result.ok]
    assert bad == [], bad
    # Saves really were interrupted mid-way some of the time, or the test proves little.
    assert sum(result.reported for result in results) > TRIALS
    # A leftover temp file from a kill is cleared by the next open, which reads fine.
    repo = Repository.open(data_dir, clock=clock)
    assert repo.drafts.get("why") is not None
    repo.close()
    assert not (data_dir / "core.json.tmp").exists()


# --- a seller's real saves on a demo folder ---------------------------------------------


def test_killed_seller_saves_on_a_demo_folder_keep_every_reported_save(tmp_path) -> None:
    # The benchmark runs this on five years (benchmarks/crash_loop.py); a year is enough
    # to have touches to mark done, people to plan for, and a real archive beside them.
    data_dir = tmp_path / "demo"
    assert write_demo(data_dir, years=1, seed=7, console=Console(quiet=True)) == 0
    loop = VolumeLoop(data_dir)
    rng = random.Random(20261129)
    results = [loop.trial(rng, max_delay=0.2) for _ in range(VOLUME_TRIALS)]
    assert [result for result in results if not result.ok] == []
    # Every kind of save was made, the plan across three files included.
    assert {kind(n) for r in results for n in range(r.start + 1, r.reported + 1)} == {
        "touch",
        "draft",
        "plan",
    }


def test_the_crash_rule_allows_the_reported_save_and_part_of_the_next_only() -> None:
    before = {**EMPTY, "draft": 4}
    states = allowed(before, 4, 5)  # save 5 (a plan) reported; 6 (a touch) under way
    assert states == [
        {"touch": None, "plan touches": 5, "plan": 5, "draft": None},
        {"touch": 6, "plan touches": 5, "plan": 5, "draft": None},
    ]
    halfway = allowed(before, 4, 4)  # save 5 under way: its files go in one by one
    assert {**before, "plan": 5} in halfway
    assert {**before, "plan touches": 5} not in halfway  # out of order
    assert before in halfway
    assert {**EMPTY} not in allowed(before, 4, 4)  # the reported draft lost
