"""A goal's gap as the seller's own work: deals at their average, advances per win, and the
revenue their open objectives do not cover."""

from datetime import date
from decimal import Decimal

import pytest

from coach_tui.coaching.pace import goal_pace
from coach_tui.coaching.pace_gap import (
    WinHistory,
    gap_in_deals,
    gap_notes,
    unplanned_revenue,
    win_history,
)
from coach_tui.model.account import ExpansionKind, ObjectiveStatus, StrategicObjective
from coach_tui.model.goal import Metric, PerformanceGoal, ProgressEntry
from coach_tui.model.money import Money

TODAY = date(2026, 6, 30)


def goal(metric=Metric.REVENUE, target="1200000", done="0", currency="EUR") -> PerformanceGoal:
    progress = (ProgressEntry(date(2026, 3, 1), Decimal(done)),) if Decimal(done) else ()
    return PerformanceGoal(
        "Revenue 2026" if metric is Metric.REVENUE else "Deals 2026",
        metric,
        Decimal(target),
        date(2026, 1, 1),
        date(2026, 12, 31),
        currency if metric is Metric.REVENUE else "",
        progress=progress,
    )


def objective(amount=None, currency="EUR", status=ObjectiveStatus.OPEN, due=None):
    target = Money(Decimal(amount), currency) if amount is not None else None
    return StrategicObjective(
        "acc", "Expand", ExpansionKind.OTHER, financial_target=target, status=status,
        target_date=due,
    )  # fmt: skip


def won(*amounts, currency="EUR") -> tuple[StrategicObjective, ...]:
    return tuple(objective(a, currency, ObjectiveStatus.ACHIEVED) for a in amounts)


@pytest.mark.parametrize(
    ("the_goal", "history", "said"),
    [
        # No history: nothing invented.
        (goal(done="1044000"), WinHistory(), ""),
        # €156k to go at a €52k average is 3 deals.
        (goal(done="1044000"), WinHistory(won(40_000, 52_000, 64_000)),
         "€156k to go: ≈3 deals at your €52k average."),
        # A part deal still needs a whole one.
        (goal(done="1000000"), WinHistory(won(52_000)),
         "€200k to go: ≈4 deals at your €52k average."),
        # Advances per win, when the recent span won something.
        (goal(done="1044000"), WinHistory(won(52_000), recent_advances=18, recent_wins=2),
         "€156k to go: ≈3 deals at your €52k average, about 27 advances at your 9 per win."),
        # Wins in another currency are not this goal's average.
        (goal(done="1044000"), WinHistory(won(52_000, currency="USD")), ""),
        # Reached: no gap.
        (goal(done="1200000"), WinHistory(won(52_000)), ""),
        # A deals goal: the gap is already deals; advances at the seller's rate.
        (goal(Metric.DEALS, target="10", done="7"), WinHistory(recent_advances=9, recent_wins=3),
         "3 deals won to go: about 9 advances at your 3 per objective won."),
        (goal(Metric.DEALS, target="10", done="7"), WinHistory(), ""),
        (goal(Metric.NEW_ACCOUNTS, target="10", done="7"), WinHistory(recent_advances=9,
                                                                      recent_wins=3), ""),
    ],
)  # fmt: skip
def test_the_gap_in_deals_and_advances_at_the_sellers_own_average(the_goal, history, said):
    assert gap_in_deals(the_goal, goal_pace(the_goal, TODAY), history) == said


@pytest.mark.parametrize(
    ("done", "open_objectives", "said"),
    [
        # €1.2m still to win, €600k planned: the issue's own question.
        ("0", [objective(400_000), objective(200_000)],
         "Your open objectives add up to €600k of the €1.2m still to win. Where is the other "
         "€600k coming from?"),
        ("0", [objective(700_000), objective(500_000)], ""),  # covered
        ("600000", [objective(600_000)], ""),  # what is left is covered
        ("0", [], "No open objective puts a value on the €1.2m still to win for Revenue 2026. "
                  "Which accounts will it come from?"),
        # Another currency, no value, or due after the period: not counted towards it.
        ("0", [objective(1_200_000, "USD"), objective(None),
               objective(1_200_000, due=date(2027, 3, 1)),
               objective(100_000, due=date(2026, 9, 1))],
         "Your open objectives add up to €100k of the €1.2m still to win. Where is the other "
         "€1.1m coming from?"),
        ("1200000", [], ""),  # reached
    ],
)  # fmt: skip
def test_objectives_that_do_not_add_up_to_the_target_are_questioned(done, open_objectives, said):
    the_goal = goal(done=done)
    assert unplanned_revenue(the_goal, goal_pace(the_goal, TODAY), open_objectives) == said


def test_a_counted_goal_is_never_asked_where_the_money_comes_from() -> None:
    deals = goal(Metric.DEALS, target="10")
    assert unplanned_revenue(deals, goal_pace(deals, TODAY), []) == ""


def test_history_keeps_only_objectives_won_and_notes_come_in_order() -> None:
    history = win_history(
        [*won(52_000), objective(90_000), objective(10_000, status=ObjectiveStatus.DROPPED)],
        recent_advances=0,
        recent_wins=0,
    )
    assert history.average_deal("EUR") == 52_000
    assert history.advances_per_win is None
    the_goal = goal(done="1044000")
    notes = gap_notes(the_goal, goal_pace(the_goal, TODAY), history, [objective(90_000)])
    assert notes == (
        "€156k to go: ≈3 deals at your €52k average.",
        "Your open objectives add up to €90k of the €156k still to win. Where is the other "
        "€66k coming from?",
    )
