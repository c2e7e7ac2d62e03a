"""Coverage of decision makers: the gaps the coach names."""

import pytest

from coach_tui.coaching.coverage import coverage_brief, coverage_summary, coverage_warnings
from coach_tui.model.contact import BuyingRole, Contact

R = BuyingRole


def people(*roles: BuyingRole) -> list[Contact]:
    return [Contact(f"Person {i}", role=role) for i, role in enumerate(roles)]


def test_nobody_mapped_says_who_to_find_first() -> None:
    [warning] = coverage_warnings([])
    assert "Nobody mapped yet" in warning
    assert coverage_brief([]) == "no one mapped"


def test_well_covered_account_has_no_warning() -> None:
    team = people(R.ECONOMIC_BUYER, R.USER, R.CHAMPION)
    assert coverage_warnings(team) == []
    assert coverage_brief(team) == ""
    assert coverage_summary(team) == "3 people · 3 of 5 roles"


def test_no_economic_buyer() -> None:
    warnings = coverage_warnings(people(R.USER, R.CHAMPION, R.TECHNICAL_EVALUATOR))
    assert len(warnings) == 1 and "No economic buyer" in warnings[0]
    assert coverage_brief(people(R.USER, R.CHAMPION, R.TECHNICAL_EVALUATOR)) == (
        "no economic buyer"
    )


def test_fewer_than_three_roles_unknown_does_not_count() -> None:
    team = people(R.ECONOMIC_BUYER, R.UNKNOWN, R.UNKNOWN, R.USER)
    warnings = coverage_warnings(team)
    assert any("Only 2 of 5 buying roles" in w for w in warnings)
    assert coverage_brief(team) == "2 of 5 roles"


@pytest.mark.parametrize("count", [1, 2])
def test_only_blockers(count) -> None:
    warnings = coverage_warnings(people(*[R.BLOCKER] * count))
    assert "only people you know here are blockers" in warnings[0]
    assert coverage_brief(people(R.BLOCKER)) == "only blockers known"


def test_summary_counts_people_and_names_the_missing_buyer() -> None:
    assert coverage_summary(people(R.USER)) == "1 person · 1 of 5 roles · no economic buyer"
