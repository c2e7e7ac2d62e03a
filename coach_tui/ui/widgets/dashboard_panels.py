"""How the dashboard draws objectives and pace: theme-aware lines, the urgent ones first.

Every piece of text goes in through `plain()`: account names, outcomes and goal names are
the seller's words, and the rest is cheaper to treat the same way than to tell apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from textual.content import Content

from coach_tui.coaching.agenda import AgendaCall
from coach_tui.coaching.calls import CallLine
from coach_tui.coaching.dashboard import GoalLine, ObjectiveLine, TouchLine
from coach_tui.coaching.lists import and_more
from coach_tui.coaching.objectives import missing_brief
from coach_tui.coaching.pace import PaceState, pace_sentence
from coach_tui.model.day_text import time_text, weekday_text
from coach_tui.model.money import compact_money
from coach_tui.model.wording import counted
from coach_tui.ui.text import day, plain

BAR_WIDTH = 20
_STATE_STYLE = {
    PaceState.BEHIND: "$text-error",
    PaceState.ENDED_SHORT: "$text-error",
    PaceState.AHEAD: "$text-success",
    PaceState.REACHED: "$text-success",
    PaceState.ON_PACE: "$text-success",
    PaceState.NOT_STARTED: "$text-muted",
}


def objective_content(lines: tuple[ObjectiveLine, ...], rows: int, width: int = 0) -> Content:
    """As many objectives as fit in `rows`, then how many more.

    With `width`, each line is wrapped to it, so a value or the coach's question is never
    cut: an objective takes as many rows as its wrapped lines.
    """
    parts: list[Content] = []
    used = 0
    for shown, line in enumerate(lines):
        item = [row for part in _objective_item(line) for row in _wrapped(part, width)]
        needed = len(item) + (1 if shown < len(lines) - 1 else 0)  # room for "… and N more"
        if used + needed > rows and parts:
            hidden = len(lines) - shown
            parts.append(plain(and_more(hidden, "a shows every account"), "italic"))
            break
        parts.extend(item)
        used += len(item)
    return Content("\n").join(parts)


def _wrapped(part: Content, width: int) -> list[Content]:
    """`part` as the rows it takes at `width` (one row when the width is not known yet)."""
    return part.wrap(width) if width > 0 else [part]


def _objective_item(line: ObjectiveLine) -> list[Content]:
    """Account and facts; the objective itself; a warning if it needs attention."""
    objective, check = line.objective, line.check
    facts = []
    if objective.target_date is not None and check.days_left is not None:
        left = check.days_left
        facts.append(day(objective.target_date))
        facts.append(
            f"{counted(left, 'day')} left" if left >= 0 else f"{counted(-left, 'day')} late"
        )
    if objective.financial_target is not None:
        target = objective.financial_target
        facts.append(compact_money(target.amount, target.currency))
    facts.append(counted(line.calls, "call"))
    if line.coverage:
        facts.append(line.coverage)
    item = [
        Content.assemble(
            plain(line.account, "bold"), "  ", plain(" · ".join(facts), "$text-muted")
        ),
        Content.assemble("  ", plain(f"{objective.kind.value}: {objective.description}")),
    ]
    if line.stall:
        item.append(plain(f"  ⚠ {line.stall}", "$text-error"))
    elif check.overdue:
        item.append(Content.styled("  ⚠ Past its date and still open.", "$text-error"))
    elif check.missing:
        item.append(plain(f"  ⚠ {missing_brief(check)}", "$text-warning"))
    return item


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
    return plain("".join(cells), _STATE_STYLE[pace.state])


def goal_content(lines: tuple[GoalLine, ...]) -> Content:
    """Each goal: name, attained of target, the bar, and the coach's line."""
    parts: list[Content] = []
    for line in lines:
        goal, pace = line.goal, line.pace
        figures = goal.format_progress(pace.attained, pace.target)
        parts.append(
            Content.assemble(
                plain(goal.name, "bold"), "  ", plain(f"{figures} ({pace.percent:.0f}%)  "),
                pace_bar(line), "  ", plain(pace.state.value, _STATE_STYLE[pace.state]),
            )
        )  # fmt: skip
        parts.append(plain(f"  {pace_sentence(goal, pace)}", "$text-muted"))
    return Content("\n").join(parts)


def touch_content(lines: tuple[TouchLine, ...], rows: int) -> Content:
    """How many are due, then one row per touch (overdue first) as far as room allows."""
    overdue = sum(1 for line in lines if line.item.days_overdue > 0)
    header = Content.assemble(
        plain(f"{len(lines)} due", "bold"),
        " · ",
        plain(f"{overdue} overdue", "$text-error" if overdue else "$text-muted"),
        ("  Press t to work through them.", "$text-muted"),
    )
    parts = [header]
    room = max(rows - 1, 1)
    for index, line in enumerate(lines):
        if index == room - 1 and len(lines) > room:
            parts.append(plain(and_more(len(lines) - index, "t shows them"), "italic"))
            break
        late = line.item.days_overdue
        style = "$text-error" if late > 0 else "$text-success"
        parts.append(
            Content.assemble(
                plain(f"{f'{late}d late' if late > 0 else 'today':<9}", style),
                plain(line.account, "bold"), " · ", plain(line.who), " · ",
                plain(line.item.touch.channel.value, "$text-muted"),
            )
        )  # fmt: skip
    return Content("\n").join(parts)


def call_content(lines: Sequence[CallLine], to_debrief: Sequence[AgendaCall], rows: int) -> Content:
    """Calls to debrief first (they go stale), then the next calls; a call without an
    outcome is marked loudly."""
    parts: list[Content] = []
    if to_debrief:
        parts.append(
            plain(f"{len(to_debrief)} to debrief — press c, then b on each.", "$text-warning")
        )
    for index, line in enumerate(lines):
        if len(parts) + 2 > rows and parts:
            parts.append(plain(and_more(len(lines) - index, "c shows them"), "italic"))
            break
        call = line.call
        parts.append(
            plain(f"{weekday_text(line.when)} {time_text(line.when)}  {line.account}", "bold")
        )
        parts.append(
            plain(f"  → {call.outcome}", "$text-muted")
            if call.prepared
            else Content.styled("  ⚠ no outcome yet: press c, then p", "$text-error")
        )
    return Content("\n").join(parts)
