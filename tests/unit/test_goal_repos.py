"""Performance goals with their progress, and getting-better goals, on a real data folder."""

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from coach_tui.coaching.pace import PaceState, goal_pace
from coach_tui.model.goal import (
    Metric,
    PerformanceGoal,
    ProgressEntry,
    SkillGoal,
    calendar_year,
    new_performance_goal,
)

TODAY = date(2026, 11, 24)


def goal(name: str, year: int = 2026, target: str = "1.2m", **changes) -> PerformanceGoal:
    start, end = calendar_year(year)
    fields = {
        "name": name,
        "metric": Metric.REVENUE,
        "target": target,
        "start": start,
        "end": end,
        "default_currency": "EUR",
    }
    return new_performance_goal(**(fields | changes))


def test_an_empty_folder_has_no_goals(repo) -> None:
    assert repo.goals.performance() == []
    assert repo.goals.current(TODAY) == []
    assert repo.goals.skills() == []
    assert repo.goals.get("nope") is None


def test_goals_come_back_by_period_then_name(repo) -> None:
    for item in (goal("revenue", 2027), goal("Deals", 2026), goal("accounts", 2026)):
        repo.goals.save(item)
    repo.goals.save(goal("Q1 push", start=date(2026, 1, 1), end=date(2026, 3, 31)))
    assert [g.name for g in repo.goals.performance()] == ["accounts", "Deals", "Q1 push", "revenue"]


@pytest.mark.parametrize(
    ("end", "current"),
    [
        (date(2026, 11, 23), False),  # ended yesterday
        (date(2026, 11, 24), True),  # ends today
        (date(2026, 12, 31), True),
        (date(2027, 12, 31), True),  # not started yet still counts as current
    ],
)
def test_current_goals_are_those_not_yet_over(repo, end, current) -> None:
    saved = goal("Revenue", start=date(end.year, 1, 1), end=end)
    repo.goals.save(saved)
    assert (saved in repo.goals.current(TODAY)) is current
    assert repo.goals.performance() == [saved]


def test_saving_the_same_uid_replaces_the_goal(repo) -> None:
    saved = goal("Revenue 2026")
    repo.goals.save(saved)
    raised = replace(saved, target=Decimal("1500000.00"), name="Revenue 2026 (raised)")
    repo.goals.save(raised)
    assert repo.goals.performance() == [raised]
    assert repo.goals.get(saved.uid) == raised


def test_delete_returns_the_goal_for_an_undo(repo) -> None:
    kept, gone = goal("Kept"), goal("Gone")
    repo.goals.save(kept)
    repo.goals.save(gone)
    assert repo.goals.delete(gone.uid) == gone
    assert repo.goals.performance() == [kept]
    assert repo.goals.delete(gone.uid) is None
    repo.goals.save(gone)  # the undo
    assert repo.goals.get(gone.uid) == gone


def test_add_progress_saves_entries_in_date_order(repo) -> None:
    saved = goal("Revenue 2026")
    repo.goals.save(saved)
    repo.goals.add_progress(saved.uid, ProgressEntry(date(2026, 6, 1), Decimal(300_000)))
    returned = repo.goals.add_progress(
        saved.uid, ProgressEntry(date(2026, 2, 1), Decimal(100_000), note="Acme pilot")
    )
    stored = repo.goals.get(saved.uid)
    assert stored == returned
    assert stored is not None
    assert [e.on for e in stored.progress] == [date(2026, 2, 1), date(2026, 6, 1)]
    assert stored.attained == 400_000
    assert stored.progress[0].note == "Acme pilot"


def test_add_progress_to_an_unknown_goal_is_a_key_error(repo) -> None:
    with pytest.raises(KeyError):
        repo.goals.add_progress("nope", ProgressEntry(TODAY, Decimal(1)))
    assert repo.goals.performance() == []


def test_progress_saved_and_reopened_gives_the_same_pace(open_repo) -> None:
    repo = open_repo()
    saved = goal("Revenue 2026", target="36.5k")
    repo.goals.save(saved)
    repo.goals.add_progress(saved.uid, ProgressEntry(date(2025, 12, 31), Decimal(9_000)))
    repo.goals.add_progress(saved.uid, ProgressEntry(date(2026, 3, 1), Decimal("7500.00")))
    repo.close()
    stored = open_repo().goals.get(saved.uid)
    assert stored is not None
    standing = goal_pace(stored, date(2026, 4, 10))
    assert standing.attained == 7_500  # last year's entry is kept but not counted
    assert standing.state is PaceState.BEHIND
    assert standing.behind_percent == 25


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"target": "1,234,567.89 CHF"},
        {"metric": Metric.DEALS, "target": "12"},
        {"metric": Metric.CUSTOM, "target": "25", "unit": "first meetings"},
        {"start": date(2028, 2, 29), "end": date(2029, 2, 28)},
    ],
)
def test_goals_survive_reopening_unchanged(open_repo, changes) -> None:
    repo = open_repo()
    small = "1" if changes.get("metric", Metric.REVENUE) is not Metric.REVENUE else "0.01"
    entries = (  # counts are whole (model/counts.py); money keeps its cents
        ProgressEntry(date(2026, 3, 1), Decimal(small), note="Tiny — «first»"),
        ProgressEntry(date(2026, 5, 1), Decimal("1E+3")),
    )
    saved = goal("Umsatz 2026 🚀", progress=entries, **changes)
    repo.goals.save(saved)
    repo.close()
    stored = open_repo().goals.get(saved.uid)
    assert stored == saved
    assert stored is not None
    assert isinstance(stored.target, Decimal)
    assert stored.metric is saved.metric
    assert [str(e.amount) for e in stored.progress] == [small, "1E+3"]
    assert [e.uid for e in stored.progress] == [e.uid for e in entries]


def test_amounts_are_stored_as_text_not_as_floats(repo, data_dir) -> None:
    repo.goals.save(goal("Revenue", target="0.10"))
    (record,) = json.loads((data_dir / "plans.json").read_text())["goals"].values()
    assert record["target"] == "0.10"
    assert record["metric"] == "revenue"
    assert record["start"] == "2026-01-01"


# Getting-better goals


def test_skills_are_active_by_name_and_retired_ones_are_kept(repo) -> None:
    for name in ("open with a business reason", "Ask two implication questions", "listen"):
        repo.goals.save_skill(SkillGoal(name, started_on=date(2026, 1, 5)))
    assert [s.skill for s in repo.goals.skills()] == [
        "Ask two implication questions",
        "listen",
        "open with a business reason",
    ]
    ask = repo.goals.skills()[0]
    retired = repo.goals.retire_skill(ask.uid, TODAY, "It is a habit now")
    assert retired is not None
    assert retired.retired_on == TODAY
    assert retired.retired_note == "It is a habit now"
    assert not retired.active
    assert [s.skill for s in repo.goals.skills()] == ["listen", "open with a business reason"]
    assert [s.skill for s in repo.goals.skills(include_retired=True)] == [
        "listen",
        "open with a business reason",
        "Ask two implication questions",  # retired ones last
    ]


def test_retiring_an_unknown_skill_returns_nothing(repo) -> None:
    assert repo.goals.retire_skill("nope", TODAY, "") is None
    assert repo.goals.skills(include_retired=True) == []


def test_saving_a_skill_with_the_same_uid_edits_it(repo) -> None:
    skill = SkillGoal("Ask two implication questions")
    repo.goals.save_skill(skill)
    edited = replace(skill, why_it_matters="Buyers see the cost of waiting")
    repo.goals.save_skill(edited)
    assert repo.goals.skills() == [edited]


def test_skills_survive_reopening_unchanged(open_repo) -> None:
    repo = open_repo()
    active = SkillGoal(
        "Open every call with a business reason",
        why_it_matters="Line one\n\nLine two",
        how_noticed="Call review with Dana",
        started_on=date(2026, 1, 5),
    )
    retired = SkillGoal("Listen", started_on=date(2025, 3, 1), retired_on=date(2028, 2, 29),
                        retired_note="Done")  # fmt: skip
    bare = SkillGoal("Summarise before closing")
    for skill in (active, retired, bare):
        repo.goals.save_skill(skill)
    repo.close()
    assert open_repo().goals.skills(include_retired=True) == [active, bare, retired]


def test_goals_and_skills_do_not_touch_the_accounts_file(repo, data_dir) -> None:
    before = (data_dir / "accounts.json").read_bytes()
    repo.goals.save(goal("Revenue"))
    repo.goals.save_skill(SkillGoal("Listen"))
    assert (data_dir / "accounts.json").read_bytes() == before
