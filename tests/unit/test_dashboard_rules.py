"""What the dashboard lists: open objectives most urgent first; goals still running."""

from datetime import date, timedelta
from decimal import Decimal

from coach_tui.coaching.dashboard import goal_lines, objective_lines
from coach_tui.coaching.pace import PaceState
from coach_tui.model.account import ExpansionKind, ObjectiveStatus, StrategicObjective
from coach_tui.model.goal import Metric, PerformanceGoal
from coach_tui.model.money import Money

TODAY = date(2026, 11, 24)


def objective(account: str, days: int | None, *, complete: bool = True,
              status: ObjectiveStatus = ObjectiveStatus.OPEN) -> StrategicObjective:  # fmt: skip
    return StrategicObjective(
        account, f"{account} objective", ExpansionKind.OTHER,
        "Their goal" if complete else "",
        Money(Decimal(1000), "USD"),
        TODAY + timedelta(days=days) if days is not None else None,
        status=status,
    )  # fmt: skip


def test_objectives_late_then_incomplete_then_by_date_and_closed_ones_left_out() -> None:
    objectives = [
        objective("far", 200),
        objective("soon", 5),
        objective("late", -3),
        objective("incomplete", 1, complete=False),
        objective("undated", None),  # no date also makes it incomplete
        objective("done", 10, status=ObjectiveStatus.ACHIEVED),
    ]
    names = {o.account_uid: o.account_uid.upper() for o in objectives}
    lines = objective_lines(objectives, names, TODAY, {objectives[1].uid: 4})
    assert [line.account for line in lines] == ["LATE", "INCOMPLETE", "UNDATED", "SOON", "FAR"]
    assert [line.calls for line in lines] == [0, 0, 0, 4, 0]
    assert lines[0].check.overdue


def test_unknown_account_is_shown_with_a_question_mark() -> None:
    (line,) = objective_lines([objective("gone", 5)], {}, TODAY)
    assert line.account == "?"


def test_goal_lines_leave_out_periods_that_ended() -> None:
    def goal(name: str, end: date) -> PerformanceGoal:
        return PerformanceGoal(name, Metric.DEALS, Decimal(10), date(2026, 1, 1), end)

    lines = goal_lines([goal("old", date(2026, 6, 30)), goal("now", date(2026, 12, 31)),
                        goal("ends today", TODAY)], TODAY)  # fmt: skip
    assert [line.goal.name for line in lines] == ["now", "ends today"]
    assert lines[0].pace.state is PaceState.BEHIND
