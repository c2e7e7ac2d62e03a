"""The coach's second look at a why statement."""

import pytest

from coach_tui.coaching.why import WHY_STEPS, why_hints


def kinds(statement: str) -> set[str]:
    """Which hints fire, by a keyword of each hint."""
    found = set()
    for hint in why_hints(statement):
        if "very short" in hint:
            found.add("short")
        elif "skimmed" in hint:
            found.add("long")
        elif "number" in hint:
            found.add("money-only")
        elif "company slide" in hint:
            found.add("slogan")
        else:
            raise AssertionError(f"unexpected hint: {hint}")
    return found


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("I sell so my kids grow up in a home full of options.", set()),
        ("I want to be the seller clients call first when it matters.", set()),
        ("Freedom.", {"short"}),
        ("For them", {"short"}),
        ("Hit quota and get the bonus every quarter.", {"money-only"}),
        ("Make $300k this year, no matter what.", {"money-only"}),
        ("Earn 20% more than last year, every year.", {"money-only"}),
        ("Make quota so my family can travel together every summer.", set()),
        ("Commission pays for the house my kids grow up in.", set()),
        ("To exceed quota and drive growth for the company.", {"money-only", "slogan"}),
        ("I leverage synergies to help clients every single day.", {"slogan"}),
        (" ".join(["help"] * 61), {"long"}),
        ("", set()),
    ],
)
def test_hints(statement: str, expected: set[str]) -> None:
    assert kinds(statement) == expected


def test_flow_has_three_reflections_then_the_statement() -> None:
    assert [step.key for step in WHY_STEPS] == ["gives", "seller", "win", "statement"]
    assert all(step.question.endswith((".", "?")) for step in WHY_STEPS)
