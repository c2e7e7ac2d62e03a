"""How goals read on screen: table cells, the pace line under the table, a skill's card.

Kept apart from the screen so the screen only deals with keys and the store. Every piece
of the seller's own text goes in as plain text, never as markup.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal

from rich.text import Text
from textual.content import Content

from coach_tui.coaching.dashboard import GoalLine
from coach_tui.coaching.pace import Pace, PaceState, pace_sentence
from coach_tui.model.goal import PerformanceGoal, SkillGoal, calendar_year
from coach_tui.model.money import format_money
from coach_tui.ui.text import cell, day, plain
from coach_tui.ui.widgets.dashboard_panels import pace_bar

WHOLE = Decimal(1)
NAME_WIDTH = 28
LATEST_ENTRIES = 3
GOAL_COLUMNS = ("Goal", "Period", "Attained", "Target", "%", "Pace", "Needed / week")
# Theme variable behind each pace state: behind is loud, never hidden.
STATE_COLOUR = {
    PaceState.BEHIND: "text-error",
    PaceState.ENDED_SHORT: "text-error",
    PaceState.AHEAD: "text-success",
    PaceState.REACHED: "text-success",
    PaceState.ON_PACE: "text-success",
    PaceState.NOT_STARTED: "text-muted",
}


def period_label(start: date, end: date) -> str:
    """ "2026" for a calendar year, else "1 Mar – 30 Jun 2026"."""
    if (start, end) == calendar_year(start.year):
        return str(start.year)
    if start.year == end.year:
        return f"{start.day} {start:%b} – {day(end)}"
    return f"{day(start)} – {day(end)}"


def figure(goal: PerformanceGoal, amount: Decimal) -> str:
    """An amount for a table cell: whole money ($1,200,000) or a bare count (24, 2.5)."""
    if goal.metric.is_money:
        return format_money(amount.quantize(WHOLE), goal.currency)
    return f"{amount:,.0f}" if amount == amount.to_integral_value() else f"{amount:,.1f}"


def pace_label(pace: Pace) -> str:
    """The pace column: "behind 12%", "on pace", "ahead", "reached", "not started".

    "Behind" already says which way: a minus too would read as ahead."""
    if pace.state is PaceState.BEHIND:
        return f"behind {pace.behind_percent:.0f}%"
    return {
        PaceState.AHEAD: "ahead",
        PaceState.ON_PACE: "on pace",
        PaceState.REACHED: "reached",
        PaceState.NOT_STARTED: "not started",
        PaceState.ENDED_SHORT: "ended short",
    }[pace.state]


def needed_label(goal: PerformanceGoal, pace: Pace) -> str:
    weekly = pace.needed_per_week
    if weekly is None:
        return "—"
    if goal.metric.is_money:
        return figure(goal, weekly)
    return f"{weekly:,.1f}"


def goal_cells(goal: PerformanceGoal, pace: Pace, colours: Mapping[str, str]) -> tuple[Text, ...]:
    """One table row. Rich Text, not markup: goal names are the seller's words.

    `colours` are the theme's variables; DataTable cells are Rich text, which does not
    know Textual's `$variables`.
    """
    colour = colours.get(STATE_COLOUR[pace.state], "")
    behind = pace.state in (PaceState.BEHIND, PaceState.ENDED_SHORT)
    pace_style = f"bold {colour}" if behind else colour
    if colour.startswith("auto"):  # $text-muted is a blend Rich cannot draw
        pace_style = "dim"
    return (
        cell(goal.name, NAME_WIDTH),
        cell(period_label(goal.start, goal.end)),
        cell(figure(goal, pace.attained), justify="right"),
        cell(figure(goal, pace.target), justify="right"),
        cell(f"{pace.percent:.0f}%", justify="right"),
        cell(pace_label(pace), style=pace_style),
        cell(needed_label(goal, pace), style=pace_style if behind else "", justify="right"),
    )


def goal_detail(goal: PerformanceGoal, pace: Pace, notes: Sequence[str] = ()) -> Content:
    """Under the table: the bar, the coach's line and `notes` (the gap in deals, revenue
    no objective covers), and the latest progress entries."""
    style = "$text-error" if pace.state in (PaceState.BEHIND, PaceState.ENDED_SHORT) else ""
    target = pace.target.quantize(WHOLE) if goal.metric.is_money else pace.target
    lines = [
        Content.assemble(
            plain(goal.name, "bold"), "  ", pace_bar(GoalLine(goal, pace)), "  ",
            plain(f"{figure(goal, pace.attained)} of {goal.format_amount(target)}"),
            plain(f" · {period_label(goal.start, goal.end)}", "$text-muted"),
        ),
        plain(pace_sentence(goal, pace), style),
        *(plain(note) for note in notes),
    ]  # fmt: skip
    if not goal.progress:
        lines.append(
            Content.styled(
                "No progress logged yet. Press p when revenue books, a deal closes or an "
                "account opens.",
                "$text-muted",
            )
        )
        return Content("\n").join(lines)
    latest = sorted(goal.progress, key=lambda entry: entry.on, reverse=True)[:LATEST_ENTRIES]
    more = len(goal.progress) - len(latest)
    heading = "Latest progress" + (f" (and {more} earlier)" if more else "")
    lines.append(plain(heading, "bold $text-muted"))
    for entry in latest:
        outside = not goal.start <= entry.on <= goal.end
        lines.append(
            Content.assemble(
                plain(f"  {day(entry.on):<12} "),
                plain(f"+{goal.format_amount(entry.amount)}", "$text-success"),
                plain(f"  {entry.note}" if entry.note else "", "$text-muted"),
                ("  (outside the period: not counted)" if outside else "", "$text-warning"),
            )
        )
    return Content("\n").join(lines)


def skill_card(skill: SkillGoal) -> Content:
    """A skill goal as an option: the habit, why it matters, how practice shows; retired dim."""
    lines = [plain(skill.skill, "bold")]
    if skill.why_it_matters:
        lines.append(
            Content.assemble(("  Why it matters: ", "$text-muted"), plain(skill.why_it_matters))
        )
    if skill.how_noticed:
        lines.append(
            Content.assemble(("  You'll notice: ", "$text-muted"), plain(skill.how_noticed))
        )
    if skill.active and not skill.why_it_matters and not skill.how_noticed:
        lines.append(
            Content.styled("  Press e to say why it matters and how you'll notice.", "$text-muted")
        )
    if skill.retired_on is not None:
        note = f": {skill.retired_note}" if skill.retired_note else ""
        lines.append(plain(f"  Retired {day(skill.retired_on)}{note}"))
        return Content("\n").join(lines).stylize("dim")
    return Content("\n").join(lines)
