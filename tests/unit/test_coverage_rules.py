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


EB_MISSING = "No economic buyer known"
FEW_ROLES = "buying roles covered"
ONLY_BLOCKERS = "The only people you know here are blockers"
KNOWN_ARE_BLOCKERS = "Everyone whose part you know is a blocker"


def kinds(warnings: list[str]) -> list[str]:
    """Which rules spoke, in the order the coach put them."""
    table = (ONLY_BLOCKERS, KNOWN_ARE_BLOCKERS, EB_MISSING, FEW_ROLES)
    return [next(key for key in table if key in warning) for warning in warnings]


@pytest.mark.parametrize(
    ("roles", "expected"),
    [
        ((R.ECONOMIC_BUYER, R.USER, R.TECHNICAL_EVALUATOR), []),
        ((R.ECONOMIC_BUYER, R.BLOCKER, R.CHAMPION), []),  # a blocker among others is normal
        ((R.ECONOMIC_BUYER, R.USER), [FEW_ROLES]),
        ((R.ECONOMIC_BUYER,), [FEW_ROLES]),
        ((R.USER, R.USER, R.USER, R.USER), [EB_MISSING, FEW_ROLES]),  # people are not roles
        ((R.UNKNOWN, R.UNKNOWN, R.UNKNOWN), [EB_MISSING, FEW_ROLES]),
        ((R.BLOCKER,), [ONLY_BLOCKERS, EB_MISSING, FEW_ROLES]),
        ((R.BLOCKER, R.UNKNOWN), [KNOWN_ARE_BLOCKERS, EB_MISSING, FEW_ROLES]),
        ((R.BLOCKER, R.CHAMPION, R.USER), [EB_MISSING]),
    ],
)
def test_which_gaps_are_named_and_in_what_order(roles, expected) -> None:
    assert kinds(coverage_warnings(people(*roles))) == expected


def test_unknown_people_are_not_called_blockers() -> None:
    warnings = coverage_warnings(people(R.BLOCKER, R.UNKNOWN, R.UNKNOWN))
    assert not any(ONLY_BLOCKERS in warning for warning in warnings)
    assert warnings[0] == (
        "Everyone whose part you know is a blocker. Find out where the others stand, and "
        "look for a champion among them."
    )


def test_roles_are_counted_out_of_the_five_known_ones() -> None:
    [_, few] = coverage_warnings(people(R.USER, R.CHAMPION, R.UNKNOWN))
    assert few.startswith("Only 2 of 5 buying roles covered.")


@pytest.mark.parametrize(
    ("roles", "summary"),
    [
        ((), "no one mapped"),
        ((R.UNKNOWN,), "1 person · 0 of 5 roles · no economic buyer"),
        ((R.ECONOMIC_BUYER, R.UNKNOWN), "2 people · 1 of 5 roles"),
        ((R.BLOCKER, R.BLOCKER), "2 people · 1 of 5 roles · no economic buyer"),
        (tuple(R), "6 people · 5 of 5 roles"),
    ],
)
def test_summary_line(roles, summary) -> None:
    assert coverage_summary(people(*roles)) == summary


@pytest.mark.parametrize(
    ("roles", "brief"),
    [
        ((R.BLOCKER, R.UNKNOWN), "only blockers known"),
        ((R.ECONOMIC_BUYER, R.CHAMPION), "2 of 5 roles"),
        ((R.ECONOMIC_BUYER, R.CHAMPION, R.USER), ""),
    ],
)
def test_brief_names_the_biggest_gap(roles, brief) -> None:
    assert coverage_brief(people(*roles)) == brief
