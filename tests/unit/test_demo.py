"""`coach demo`: invented history at heavy-user volume, written only into an empty folder."""

from datetime import date, datetime
from io import StringIO
from pathlib import Path

from rich.console import Console

from coach_tui.coaching.objectives import check_objective
from coach_tui.commands.demo import write_demo
from coach_tui.demo.generate import ACCOUNTS_PER_YEAR, build_demo
from coach_tui.model.week import IsoWeek
from coach_tui.store.repository import Repository
from tests.helpers import FakeClock, quiet


def mean_rating(reviews) -> float:
    ratings = [s.rating for r in reviews for s in r.skills if s.rating is not None]
    return sum(ratings) / len(ratings)


def test_five_years_reach_the_heavy_user_account_volume(clock: FakeClock) -> None:
    data = build_demo(clock(), years=5, seed=7)
    assert len(data.accounts) == 5 * ACCOUNTS_PER_YEAR == 300
    assert len({account.name for account in data.accounts}) == 300  # no name twice
    assert len(data.whys) == 5
    assert {goal.start.year for goal in data.goals} == {2022, 2023, 2024, 2025, 2026}
    # The rest of the heavy user in DESIGN.md: 3,000 contacts, ~60,000 touches, ~12,000 calls.
    assert len(data.contacts) == 3_000
    assert 55_000 <= len(data.touches) <= 65_000
    assert 11_000 <= len(data.calls) <= 14_000
    now = clock()
    assert any(c.when > now and c.prep is None for c in data.calls)  # outcome still missing
    assert any(c.when < now and c.debrief is None for c in data.calls)  # waiting for a debrief
    # A weekly review for every finished week (about 260), none yet for this week.
    weeks = [review.week for review in data.reviews]
    this_week = IsoWeek.of(now.date())
    assert 250 <= len(weeks) <= 262 and len(set(weeks)) == len(weeks)
    assert weeks[-1] == this_week.shifted(-1) and weeks[0] == IsoWeek.of(date(2022, 1, 1))
    assert all(1 <= s.rating <= 5 for r in data.reviews for s in r.skills if s.rating)
    early, late = data.reviews[:26], data.reviews[-26:]
    assert mean_rating(late) > mean_rating(early)  # the seller gets better over the years


def test_every_account_has_exactly_one_open_objective_and_history(clock: FakeClock) -> None:
    data = build_demo(clock(), years=3, seed=7)
    open_per_account: dict[str, int] = {}
    for objective in data.objectives:
        if objective.is_open:
            open_per_account[objective.account_uid] = (
                open_per_account.get(objective.account_uid, 0) + 1
            )
    assert set(open_per_account) == {account.uid for account in data.accounts}
    assert set(open_per_account.values()) == {1}
    assert any(not objective.is_open for objective in data.objectives)


def test_the_states_the_coach_reacts_to_are_present(clock: FakeClock) -> None:
    today = clock().date()
    data = build_demo(clock(), years=2, seed=7)
    open_ones = [objective for objective in data.objectives if objective.is_open]
    late = [o for o in open_ones if o.target_date and o.target_date < today]
    incomplete = [o for o in open_ones if check_objective(o, today).missing]
    assert late, "some open objectives should be past their date"
    assert incomplete, "some open objectives should still be missing parts"
    assert any(account.archived for account in build_demo(clock(), years=3, seed=7).accounts)
    retired = [skill for skill in data.skills if skill.retired_on]
    active = [skill for skill in data.skills if not skill.retired_on]
    assert retired and active


def test_nothing_is_dated_after_today(clock: FakeClock) -> None:
    now = clock()
    data = build_demo(now, years=2, seed=3)
    assert all(why.written_at <= now for why in data.whys)
    assert all(account.created_at and account.created_at <= now for account in data.accounts)
    for goal in data.goals:
        assert all(entry.on <= now.date() for entry in goal.progress)
    assert all(skill.started_on and skill.started_on <= now.date() for skill in data.skills)


def test_same_seed_same_data_other_seed_other_data(clock: FakeClock) -> None:
    def names(seed: int) -> list[str]:
        return [account.name for account in build_demo(clock(), years=1, seed=seed).accounts]

    assert names(7) == names(7)
    assert names(7) != names(8)


def test_writes_into_an_empty_folder_and_the_app_can_read_it(
    data_dir: Path, clock: FakeClock
) -> None:
    out = Console(file=StringIO(), width=100)
    assert write_demo(data_dir, years=2, seed=7, console=out, clock=clock) == 0
    report = out.file.getvalue()  # type: ignore[attr-defined]
    assert "120 │ accounts" in report
    repo = Repository.open(data_dir, clock=clock)
    try:
        assert len(repo.accounts.all(include_archived=True)) == 120
        assert len(repo.objectives.all_open()) == 120
        assert repo.why.current() is not None
        assert len(repo.goals.current(clock().date())) == 2
    finally:
        repo.close()


def test_refuses_a_folder_that_holds_data_and_changes_nothing(
    data_dir: Path, clock: FakeClock
) -> None:
    assert write_demo(data_dir, years=1, seed=7, console=quiet(), clock=clock) == 0
    before = {path.name: path.read_bytes() for path in data_dir.glob("*.json")}
    out = Console(file=StringIO(), width=200)
    assert write_demo(data_dir, years=1, seed=8, console=out, clock=clock) == 1
    assert "already holds your data" in out.file.getvalue()  # type: ignore[attr-defined]
    after = {path.name: path.read_bytes() for path in data_dir.glob("*.json")}
    assert after == before


def test_years_out_of_range_are_refused_before_anything_is_written(
    data_dir: Path, clock: FakeClock
) -> None:
    assert write_demo(data_dir, years=0, seed=7, console=quiet(), clock=clock) == 2
    assert write_demo(data_dir, years=11, seed=7, console=quiet(), clock=clock) == 2
    assert not data_dir.exists()


def test_demo_is_invented_not_dated_by_the_real_clock() -> None:
    # The generator takes "now" from its caller, so demos in tests are reproducible.
    first = build_demo(datetime(2030, 6, 1).astimezone(), years=1, seed=1)
    assert all(a.created_at and a.created_at.year == 2030 for a in first.accounts)


def test_the_demo_command_is_wired_into_coach(tmp_path: Path, capsys) -> None:
    from coach_tui.cli import main

    assert main(["demo", "--data", str(tmp_path / "demo"), "--years", "1"]) == 0
    assert "Open it with: coach --data" in capsys.readouterr().out
    assert main(["demo", "--data", str(tmp_path / "demo")]) == 1
