"""The goals' notes as the goals screen and the review read them: the seller's own wins and
advances from the store, without decoding a call."""

from datetime import date, datetime, timedelta
from decimal import Decimal

from coach_tui.model.account import ExpansionKind, ObjectiveStatus, StrategicObjective
from coach_tui.model.call import Call, Debrief, Movement, Result
from coach_tui.model.goal import Metric, PerformanceGoal
from coach_tui.model.money import Money
from coach_tui.services.goal_notes import RECENT_WEEKS, goal_notes, read_win_history
from tests.helpers import BERLIN

TODAY = date(2026, 11, 24)


def at(days_ago: int) -> datetime:
    return datetime.combine(TODAY - timedelta(days=days_ago), datetime.min.time(), BERLIN)


def test_advances_and_wins_are_counted_over_the_recent_weeks(open_repo) -> None:
    repo = open_repo()
    edge = RECENT_WEEKS * 7
    for days_ago, movement in [(1, Movement.ADVANCE), (30, Movement.ADVANCE),
                               (edge, Movement.ADVANCE), (edge + 1, Movement.ADVANCE),
                               (5, Movement.CONTINUATION), (3, None)]:  # fmt: skip
        debrief = Debrief(Result.REACHED, movement) if movement else None
        repo.calls.save(Call("acc", at(days_ago).replace(hour=10), debrief=debrief))
    assert repo.calls.advances_between(TODAY - timedelta(weeks=RECENT_WEEKS), TODAY) == 3

    def won(days_ago: int, amount: int) -> StrategicObjective:
        return StrategicObjective(
            "acc", "Won", ExpansionKind.OTHER, financial_target=Money(Decimal(amount), "EUR"),
            status=ObjectiveStatus.ACHIEVED, closed_at=at(days_ago),
        )  # fmt: skip

    objectives = [won(10, 40_000), won(400, 60_000)]  # one win recent, one long ago
    history = read_win_history(repo, TODAY, objectives)
    assert (history.recent_advances, history.recent_wins) == (3, 1)
    assert history.average_deal("EUR") == 50_000  # every win counts for the deal size
    goal = PerformanceGoal(
        "Revenue 2026", Metric.REVENUE, Decimal(400_000), date(2026, 1, 1), date(2026, 12, 31),
        "EUR",
    )  # fmt: skip
    repo.goals.save(goal)
    (notes,) = goal_notes(repo, [goal], TODAY, objectives).values()
    assert (
        notes[0]
        == "€400k to go: ≈8 deals at your €50k average, about 24 advances at your 3 per win."
    )
