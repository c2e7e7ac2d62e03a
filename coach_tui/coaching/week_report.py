"""A week's figures beside the week before and the four before that, as the review shows them.

The review screen and `coach export review` print the same report, so it is built here once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from coach_tui.coaching.week_figures import (
    FigureRow,
    WeekFigures,
    WeekSources,
    figure_rows,
    figures_by_week,
    figures_summary,
)
from coach_tui.coaching.week_reading import ReadingContext, week_reading
from coach_tui.model.week import IsoWeek

WEEKS_COMPARED = 4
HEADINGS = ("", "This week", "Last week", "4-week avg", "")
RUNNING_HEADINGS = ("", "So far", "Last week", "4-week avg", "")


def headings(running: bool) -> tuple[str, ...]:
    """The table's column titles: a week still running is "so far", not "this week"."""
    return RUNNING_HEADINGS if running else HEADINGS


@dataclass(frozen=True, slots=True)
class WeekReport:
    week: IsoWeek
    figures: WeekFigures
    rows: tuple[FigureRow, ...]
    summary: str
    reading: tuple[str, ...] = ()  # outcomes, touches, accounts, skills: one line each


def report_span(week: IsoWeek) -> tuple[date, date]:
    """The days a report reads: the week and the four before it."""
    return week.shifted(-WEEKS_COMPARED).monday, week.sunday


def week_report(
    week: IsoWeek,
    sources: WeekSources,
    now: datetime,
    context: ReadingContext | None = None,
) -> WeekReport:
    """The report of `week`, compared with the week before and the four before `week`;
    `context` (names, stalls, skills) lets the reading name what it counts."""
    earlier = [week.shifted(-n) for n in range(1, WEEKS_COMPARED + 1)]
    by_week = figures_by_week([week, *earlier], sources, now)
    current = by_week[week]
    previous = by_week[earlier[0]]
    last_four = [by_week[each] for each in earlier]
    return WeekReport(
        week,
        current,
        tuple(figure_rows(current, previous, last_four)),
        figures_summary(current, previous, last_four),
        week_reading(current, context or ReadingContext()),
    )


def figures_table(
    rows: Sequence[FigureRow], *, running: bool = False, last_week: bool = True
) -> str:
    """The rows as aligned plain-text columns (for the review screen's panel); without the
    `last_week` column for a narrow terminal, where the full table would wrap mid-row."""
    table = [headings(running)] + [
        (row.label, row.this_week, row.last_week, row.average, row.trend) for row in rows
    ]
    if not last_week:
        table = [(label, now, average, trend) for label, now, _, average, trend in table]
    widths = [max(len(line[column]) for line in table) for column in range(len(table[0]))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in table
    )
