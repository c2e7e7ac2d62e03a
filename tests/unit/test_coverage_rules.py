"""Coverage of decision makers (the buying map): the gaps the coach names.

Changed in issue 19 on purpose: a blocker no longer counts as a covered role (4 roles,
not 5); no champion, an economic buyer nobody has met, a champion who never kept a
promise and people whose part is unknown are named too.
"""

import pytest

from coach_tui.coaching.coverage import coverage_brief, coverage_summary, coverage_warnings
from coach_tui.model.contact import BuyingRole, Contact

R = BuyingRole


def people(*roles: BuyingRole) -> list[Contact]:
    return [Contact(f"Person {i}", role=role, uid=f"p{i}") for i, role in enumerate(roles)]


def test_nobody_mapped_says_who_to_find_first() -> None:
    [warning] = coverage_warnings([])
    assert "Nobody mapped yet" in warning
    assert coverage_brief([]) == "no one mapped"


def test_well_covered_account_has_no_warning() -> None:
    team = people(R.ECONOMIC_BUYER, R.USER, R.CHAMPION)
    assert coverage_warnings(team) == []
    assert coverage_brief(team) == ""
    assert coverage_summary(team) == "3 people · 3 of 4 roles"


def test_no_economic_buyer() -> None:
    warnings = coverage_warnings(people(R.USER, R.CHAMPION, R.TECHNICAL_EVALUATOR))
    assert len(warnings) == 1 and "No economic buyer" in warnings[0]
    assert coverage_brief(people(R.USER, R.CHAMPION, R.TECHNICAL_EVALUATOR)) == (
        "no economic buyer"
    )


@pytest.mark.parametrize("count", [1, 2])
def test_only_blockers(count) -> None:
    warnings = coverage_warnings(people(*[R.BLOCKER] * count))
    assert "only people you know here are blockers" in warnings[0]
    assert coverage_brief(people(R.BLOCKER)) == "only blockers known"


ONLY_BLOCKERS = "The only people you know here are blockers"
KNOWN_ARE_BLOCKERS = "Everyone whose part you know is a blocker"
EB_MISSING = "No economic buyer known"
NOT_MET = "You haven't met"
NO_CHAMPION = "No champion yet"
UNTESTED = "kept a promise to you yet"
FEW_ROLES = "buying roles covered"
UNKNOWN = "play in the decision"


def kinds(warnings: list[str]) -> list[str]:
    """Which rules spoke, in the order the coach put them."""
    table = (ONLY_BLOCKERS, KNOWN_ARE_BLOCKERS, EB_MISSING, NOT_MET, NO_CHAMPION, UNTESTED,
             FEW_ROLES, UNKNOWN)  # fmt: skip
    return [next(key for key in table if key in warning) for warning in warnings]


@pytest.mark.parametrize(
    ("roles", "expected"),
    [
        ((R.ECONOMIC_BUYER, R.USER, R.CHAMPION), []),
        ((R.ECONOMIC_BUYER, R.USER, R.TECHNICAL_EVALUATOR), [NO_CHAMPION]),
        # a blocker among others is normal, but covers nothing
        ((R.ECONOMIC_BUYER, R.BLOCKER, R.CHAMPION), [FEW_ROLES]),
        ((R.ECONOMIC_BUYER, R.USER), [NO_CHAMPION, FEW_ROLES]),
        ((R.USER, R.USER, R.USER, R.USER), [EB_MISSING, NO_CHAMPION, FEW_ROLES]),
        ((R.UNKNOWN, R.UNKNOWN), [EB_MISSING, NO_CHAMPION, FEW_ROLES, UNKNOWN]),
        ((R.BLOCKER,), [ONLY_BLOCKERS, EB_MISSING, FEW_ROLES]),
        ((R.BLOCKER, R.UNKNOWN), [KNOWN_ARE_BLOCKERS, EB_MISSING, FEW_ROLES, UNKNOWN]),
        ((R.BLOCKER, R.CHAMPION, R.USER), [EB_MISSING, FEW_ROLES]),
    ],
)
def test_which_gaps_are_named_and_in_what_order(roles, expected) -> None:
    assert kinds(coverage_warnings(people(*roles))) == expected


@pytest.mark.parametrize(
    ("met", "kept", "expected"),
    [
        (None, None, []),  # nothing known about calls: nothing tested
        ({"p0", "p1"}, {"p1"}, []),  # the buyer met, the champion delivered
        (set(), {"p1"}, [NOT_MET]),
        ({"p0"}, set(), [UNTESTED]),
        (set(), set(), [NOT_MET, UNTESTED]),
    ],
)
def test_the_economic_buyer_is_met_and_the_champion_tested(met, kept, expected) -> None:
    team = people(R.ECONOMIC_BUYER, R.CHAMPION, R.USER)
    assert kinds(coverage_warnings(team, met=met, kept=kept)) == expected


def test_the_coach_names_the_people() -> None:
    team = [
        Contact("Paul", role=R.ECONOMIC_BUYER, uid="paul"),
        Contact("Greta", role=R.CHAMPION, uid="greta"),
        Contact("Anna", uid="anna"),
        Contact("Ben", uid="ben"),
    ]
    assert coverage_warnings(team, met={"greta"}, kept=set()) == [
        "You haven't met Paul, who holds the money. Who can introduce you?",
        "Has Greta kept a promise to you yet? Ask for one small step: a champion acts for "
        "you, a friendly contact only talks.",
        "Only 2 of 4 buying roles covered. One contact going quiet should not stop the deal: "
        "map at least three.",
        "What part do Anna and Ben play in the decision? Ask, or ask someone who knows.",
    ]


@pytest.mark.parametrize(
    ("count", "asked"),
    [
        (1, "What part does Person 0 play"),
        (3, "What part do Person 0, Person 1 and Person 2 play"),
        (5, "What part do Person 0, Person 1, Person 2 and 2 others play"),
    ],
)
def test_people_of_unknown_part_are_asked_about_by_name(count, asked) -> None:
    assert coverage_warnings(people(*[R.UNKNOWN] * count))[-1].startswith(asked)


def test_unknown_people_are_not_called_blockers() -> None:
    warnings = coverage_warnings(people(R.BLOCKER, R.UNKNOWN, R.UNKNOWN))
    assert not any(ONLY_BLOCKERS in warning for warning in warnings)
    assert warnings[0] == (
        "Everyone whose part you know is a blocker. Find out where the others stand, and "
        "look for a champion among them."
    )


def test_roles_are_counted_out_of_the_four_that_cover_a_deal() -> None:
    few = coverage_warnings(people(R.USER, R.CHAMPION, R.UNKNOWN))[1]
    assert few.startswith("Only 2 of 4 buying roles covered.")


@pytest.mark.parametrize(
    ("roles", "summary"),
    [
        ((), "no one mapped"),
        ((R.UNKNOWN,), "1 person · 0 of 4 roles · no economic buyer"),
        ((R.ECONOMIC_BUYER, R.UNKNOWN), "2 people · 1 of 4 roles"),
        ((R.BLOCKER, R.BLOCKER), "2 people · 0 of 4 roles · no economic buyer"),
        (tuple(R), "6 people · 4 of 4 roles"),
    ],
)
def test_summary_line(roles, summary) -> None:
    assert coverage_summary(people(*roles)) == summary


@pytest.mark.parametrize(
    ("roles", "met", "brief"),
    [
        ((R.BLOCKER, R.UNKNOWN), None, "only blockers known"),
        ((R.USER, R.CHAMPION), None, "no economic buyer"),
        ((R.ECONOMIC_BUYER, R.CHAMPION, R.USER), set(), "economic buyer not met"),
        ((R.ECONOMIC_BUYER, R.USER, R.TECHNICAL_EVALUATOR), {"p0"}, "no champion"),
        ((R.ECONOMIC_BUYER, R.CHAMPION, R.BLOCKER), {"p0"}, "2 of 4 roles"),
        ((R.ECONOMIC_BUYER, R.CHAMPION, R.USER), {"p0"}, ""),
        ((R.ECONOMIC_BUYER, R.CHAMPION, R.USER), None, ""),
    ],
)
def test_brief_names_the_biggest_gap(roles, met, brief) -> None:
    assert coverage_brief(people(*roles), met) == brief
