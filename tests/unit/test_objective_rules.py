"""A strategic objective is complete, on time, and the next stage — not the next order."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from coach_tui.coaching.objectives import (
    CLIENT_GOAL,
    FINANCIAL_TARGET,
    TARGET_DATE,
    ObjectiveCheck,
    check_objective,
    description_hints,
    missing_brief,
    missing_parts,
    missing_sentence,
    past_date_warning,
)
from coach_tui.model.account import ExpansionKind, ObjectiveStatus, StrategicObjective
from coach_tui.model.day_text import day_text
from coach_tui.model.money import Money

TODAY = date(2026, 11, 24)
TARGET = Money(Decimal(250_000), "EUR")


def objective(
    *,
    client_goal: str = "Cut their time to market",
    target: Money | None = TARGET,
    when: date | None = date(2027, 6, 30),
    status: ObjectiveStatus = ObjectiveStatus.OPEN,
) -> StrategicObjective:
    return StrategicObjective(
        account_uid="acc",
        description="Roll out to their Polish plants",
        kind=ExpansionKind.WIDER_DEPLOYMENT,
        client_goal=client_goal,
        financial_target=target,
        target_date=when,
        status=status,
    )


@pytest.mark.parametrize(
    ("client_goal", "target", "when", "missing"),
    [
        ("Their goal", TARGET, TODAY, ()),
        ("", TARGET, TODAY, (CLIENT_GOAL,)),
        ("Their goal", None, TODAY, (FINANCIAL_TARGET,)),
        ("Their goal", TARGET, None, (TARGET_DATE,)),
        ("", None, TODAY, (CLIENT_GOAL, FINANCIAL_TARGET)),
        ("", None, None, (CLIENT_GOAL, FINANCIAL_TARGET, TARGET_DATE)),
    ],
)
def test_missing_parts_in_a_fixed_order(client_goal, target, when, missing) -> None:
    made = objective(client_goal=client_goal, target=target, when=when)
    assert missing_parts(made) == missing
    assert check_objective(made, TODAY).complete is (not missing)


@pytest.mark.parametrize(
    ("when", "status", "days_left", "overdue"),
    [
        (TODAY + timedelta(days=30), ObjectiveStatus.OPEN, 30, False),
        (TODAY + timedelta(days=1), ObjectiveStatus.OPEN, 1, False),
        (TODAY, ObjectiveStatus.OPEN, 0, False),  # due today is not overdue yet
        (TODAY - timedelta(days=1), ObjectiveStatus.OPEN, -1, True),
        (TODAY - timedelta(days=400), ObjectiveStatus.OPEN, -400, True),
        (TODAY - timedelta(days=10), ObjectiveStatus.ACHIEVED, -10, False),  # history is done
        (TODAY - timedelta(days=10), ObjectiveStatus.DROPPED, -10, False),
        (None, ObjectiveStatus.OPEN, None, False),  # no date: cannot be late
        (date(2028, 2, 29), ObjectiveStatus.OPEN, 462, False),
    ],
)
def test_days_left_go_negative_and_only_open_objectives_are_overdue(
    when, status, days_left, overdue
) -> None:
    check = check_objective(objective(when=when, status=status), TODAY)
    assert check.days_left == days_left
    assert check.overdue is overdue


def test_check_counts_from_the_today_passed_in() -> None:
    made = objective(when=date(2027, 1, 1))
    assert check_objective(made, date(2026, 12, 31)).days_left == 1
    assert check_objective(made, date(2027, 1, 2)).overdue


@pytest.mark.parametrize(
    ("missing", "sentence", "brief"),
    [
        ((), "", ""),
        ((TARGET_DATE,), "Incomplete: needs a target date.", "Needs date."),
        (
            (FINANCIAL_TARGET, TARGET_DATE),
            "Incomplete: needs a financial target and a target date.",
            "Needs target, date.",
        ),
        (
            (CLIENT_GOAL, FINANCIAL_TARGET, TARGET_DATE),
            "Incomplete: needs the client goal it serves, a financial target and a target date.",
            "Needs client goal, target, date.",
        ),
    ],
)
def test_missing_parts_read_as_one_sentence(missing, sentence, brief) -> None:
    check = ObjectiveCheck(missing, days_left=None, overdue=False)
    assert missing_sentence(check) == sentence
    assert missing_brief(check) == brief


@pytest.mark.parametrize(
    "description",
    [
        "Secure the renewal in March",
        "Get the contract renewals signed for all three plants",
        "Renew the licence for another year",
        "Renewing the support contract",
        "Reorder of the starter kits",
        "Get the re-order placed",
        "Two reorders before summer",
        "Get a purchase order for phase two",
        "Purchase orders from the Lyon site",
        "Get the PO signed",
        "Send the quote for 200 seats",
        "Quotes out to every region",
        "Invoice the second batch",
        "Upsell the premium tier",
        "Upselling analytics to the same team",
        "Close the deal before year end",
        "Close the order",
        "Land the next order",
        "Hit my number with them",
        "hit our number this quarter",
    ],
)
def test_next_order_wording_gets_a_question_about_the_next_stage(description) -> None:
    hints = description_hints(description)
    assert len(hints) == 1
    assert "next order" in hints[0]
    assert "new department, region, product line or a wider rollout" in hints[0]


@pytest.mark.parametrize(
    "description",
    [
        "Roll out to their Polish plants",  # a wider deployment
        "Open the door to their HR department",
        "Become their supplier for the new EV line",
        "Enter their Asian market with the Singapore office",
        "Report automation for the finance team",  # "po" inside a word does not count
        "Expand into their spare-parts business",
        "A renewed partnership with group procurement",  # a stage, not a renewal
        "",
    ],
)
def test_a_next_stage_gets_no_hint(description) -> None:
    assert description_hints(description) == []


@pytest.mark.parametrize(
    ("target", "warned"),
    [
        (TODAY - timedelta(days=1), True),
        (date(2020, 1, 1), True),
        (TODAY, False),  # today is not past
        (TODAY + timedelta(days=1), False),
    ],
)
def test_a_past_date_is_warned_about_not_refused(target, warned) -> None:
    warning = past_date_warning(target, TODAY)
    assert bool(warning) is warned
    if warned:
        assert warning.startswith(f"{day_text(target)} is already past.")
        assert "Saving is allowed" in warning
        assert "flagged" in warning
