"""How the dashboard draws objectives and pace: theme-aware lines, the urgent ones first."""

from __future__ import annotations

from decimal import Decimal

from textual.content import Content

from coach_tui.coaching.dashboard import GoalLine, ObjectiveLine
from coach_tui.coaching.objectives import missing_sentence
from coach_tui.coaching.pace import PaceState, pace_sentence
from coach_tui.model.money import compact_money
from coach_tui.ui.text import day

BAR_WIDTH = 20
_STATE_STYLE = {
    PaceState.BEHIND: "$text-error",
    PaceState.ENDED_SHORT: "$text-error",
    PaceState.AHEAD: "$text-success",
    PaceState.REACHED: "$text-success",
    PaceState.ON_PACE: "$text-success",
    PaceState.NOT_STARTED: "$text-muted",
}


def objective_content(lines: tuple[ObjectiveLine, ...], limit: int) -> Content:
    """Up to `limit` objectives, two lines each, then how many more there are."""
    parts: list[Content] = []
    for line in lines[:limit]:
        objective, check = line.objective, line.check
        facts = [objective.kind.value]
        if objective.target_date is not None and check.days_left is not None:
            left = check.days_left
            facts.append(day(objective.target_date))
            facts.append(f"{left} days left" if left >= 0 else f"{-left} days late")
        if objective.financial_target is not None:
            target = objective.financial_target
            facts.append(compact_money(target.amount, target.currency))
        facts.append(f"{line.calls} calls")
        parts.append(
            Content.assemble(
                (line.account, "bold"), " · ", objective.description, "\n  ",
                (" · ".join(facts), "$text-muted"),
            )
        )  # fmt: skip
        if check.overdue:
            parts.append(Content.styled("  ⚠ Past its date and still open.", "$text-error"))
        elif check.missing:
            parts.append(Content.styled(f"  ⚠ {missing_sentence(check)}", "$text-warning"))
    hidden = len(lines) - limit
    if hidden > 0:
        parts.append(Content.styled(f"… and {hidden} more. Press a for all accounts.", "italic"))
    return Content("\n").join(parts)


def pace_bar(line: GoalLine, width: int = BAR_WIDTH) -> Content:
    """▕██████░░░│░░░░▏: filled to attained, a tick where the straight line is today."""
    pace = line.pace
    share = min(pace.attained / pace.target, Decimal(1)) if pace.target else Decimal(0)
    expected = min(pace.expected / pace.target, Decimal(1)) if pace.target else Decimal(0)
    filled = int(share * width)
    tick = min(int(expected * width), width - 1)
    cells = ["█" if i < filled else "░" for i in range(width)]
    if pace.state not in (PaceState.NOT_STARTED, PaceState.REACHED):
        cells[tick] = "│"
    return Content.styled("".join(cells), _STATE_STYLE[pace.state])


def goal_content(lines: tuple[GoalLine, ...]) -> Content:
    """Each goal: name, attained of target, the bar, and the coach's line."""
    parts: list[Content] = []
    for line in lines:
        goal, pace = line.goal, line.pace
        figures = f"{goal.format_amount(pace.attained)} of {goal.format_amount(pace.target)}"
        parts.append(
            Content.assemble(
                (goal.name, "bold"), "  ", figures, f" ({pace.percent:.0f}%)  ",
                pace_bar(line), "  ", (pace.state.value, _STATE_STYLE[pace.state]),
            )
        )  # fmt: skip
        parts.append(Content.styled(f"  {pace_sentence(goal, pace)}", "$text-muted"))
    return Content("\n").join(parts)
