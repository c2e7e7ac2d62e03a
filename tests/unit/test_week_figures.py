"""The week in numbers: local-date bucketing, ISO edges, what counts, comparisons, the summary."""

import random
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from coach_tui.coaching.pace import goal_pace, pace_sentence
from coach_tui.coaching.week_figures import (
    WeekFigures,
    WeekSources,
    figure_rows,
    figures_by_week,
    figures_summary,
    week_figures,
)
from coach_tui.coaching.week_report import figures_table
from coach_tui.model.account import ExpansionKind, ObjectiveStatus, StrategicObjective
from coach_tui.model.call import Call, Debrief, Movement, Prep, Result
from coach_tui.model.contact import Contact
from coach_tui.model.goal import Metric, PerformanceGoal, ProgressEntry
from coach_tui.model.money import format_money
from coach_tui.model.touch import Channel, Purpose, Touch, TouchStatus
from coach_tui.model.week import IsoWeek

CET = timezone(timedelta(hours=1))
PACIFIC = timezone(timedelta(hours=-8))
W47, W48, W49 = IsoWeek(2026, 47), IsoWeek(2026, 48), IsoWeek(2026, 49)
LATER = datetime(2027, 2, 1, 12, 0, tzinfo=CET)  # every call below is in the past


def call(when: datetime, *, prepared=True, movement=None, objective="", debriefed_at=None) -> Call:
    return Call(
        "acc",
        when,
        objective_uid=objective,
        prep=Prep("Greta introduces the CFO") if prepared else None,
        debrief=Debrief(Result.REACHED, movement, at=debriefed_at) if movement else None,
    )


def figures(week: IsoWeek, *, now: datetime = LATER, **lists) -> WeekFigures:
    return week_figures(week, WeekSources(**lists), now)


@pytest.mark.parametrize(
    ("when", "zone", "week"),
    [
        (datetime(2026, 11, 22, 23, 59, tzinfo=CET), CET, W47),  # Sunday night: that week
        (datetime(2026, 11, 23, 0, 0, tzinfo=CET), CET, W48),  # Monday midnight: the next
        # Sunday 23:30 on the US west coast is already Monday morning in UTC.
        (datetime(2026, 11, 29, 23, 30, tzinfo=PACIFIC), PACIFIC, W48),
        (datetime(2026, 11, 29, 23, 30, tzinfo=PACIFIC), UTC, W49),
        (datetime(2026, 12, 31, 10, 0, tzinfo=CET), CET, IsoWeek(2026, 53)),
        (datetime(2027, 1, 2, 10, 0, tzinfo=CET), CET, IsoWeek(2026, 53)),
        (datetime(2027, 1, 4, 10, 0, tzinfo=CET), CET, IsoWeek(2027, 1)),
    ],
)
def test_a_call_counts_in_the_week_of_its_local_date(when, zone, week) -> None:
    now = LATER.astimezone(zone)
    by_week = figures_by_week(
        [week.shifted(-1), week, week.shifted(1)], WeekSources(calls=[call(when)]), now
    )
    assert [by_week[w].calls_held for w in sorted(by_week)] == [0, 1, 0]


def test_calls_prep_and_debriefs_of_a_week() -> None:
    monday = datetime(2026, 11, 23, 9, 0, tzinfo=CET)
    calls = [
        call(monday, movement=Movement.ADVANCE, objective="o1"),
        call(monday + timedelta(days=1), movement=Movement.ADVANCE, objective="o1"),
        call(monday + timedelta(days=2), movement=Movement.ADVANCE, objective="o2"),
        call(monday + timedelta(days=3), prepared=False, movement=Movement.CONTINUATION),
        # Debriefed the week after: still this week's call.
        call(
            monday + timedelta(days=4),
            movement=Movement.CONTINUATION,
            debriefed_at=monday + timedelta(days=8),
        ),
        call(monday + timedelta(days=4, hours=2), prepared=False),  # not debriefed yet
    ]
    week = figures(W48, calls=calls)
    assert (week.calls_held, week.calls_prepared) == (6, 4)
    assert (week.advances, week.continuations) == (3, 2)
    assert week.objectives_moved == 2
    assert week.advance_rate == 60
    assert week.prepared_percent == pytest.approx(66.67, abs=0.01)


def test_calls_still_to_come_are_not_held() -> None:
    now = datetime(2026, 11, 25, 12, 0, tzinfo=CET)
    calls = [call(now - timedelta(hours=1)), call(now + timedelta(hours=1))]
    assert figures(W48, now=now, calls=calls).calls_held == 1


def touch(due: date, status=TouchStatus.PLANNED, closed: date | None = None) -> Touch:
    return Touch(
        "c", "a", "p", due, Channel.EMAIL, Purpose.SHARE_INSIGHT, status=status, closed_on=closed
    )


def test_touches_planned_by_due_date_and_done_by_the_day_they_were_done() -> None:
    touches = [
        touch(date(2026, 11, 23)),
        touch(date(2026, 11, 24), TouchStatus.DONE, date(2026, 11, 24)),
        touch(date(2026, 11, 16), TouchStatus.DONE, date(2026, 11, 25)),  # late, done now
        touch(date(2026, 11, 25), TouchStatus.SKIPPED, date(2026, 11, 25)),
        touch(date(2026, 11, 30), TouchStatus.DONE, date(2026, 11, 27)),  # done early
    ]
    week = figures(W48, touches=touches)
    assert (week.touches_done, week.touches_planned) == (3, 3)
    assert week.touches_done_percent == 100
    assert figures(W47, touches=touches).touches_planned == 1


def test_new_people_and_achieved_objectives() -> None:
    contacts = [
        Contact("Greta", added_on=date(2026, 11, 23)),
        Contact("Hiro", added_on=date(2026, 11, 29)),
        Contact("Priya", added_on=date(2026, 11, 30)),
        Contact("Old import"),  # no date: never counted
    ]
    closed = datetime(2026, 11, 26, 18, 0, tzinfo=CET)
    objectives = [
        StrategicObjective("a", "Win", ExpansionKind.OTHER, status=ObjectiveStatus.ACHIEVED,
                           closed_at=closed),
        StrategicObjective("a", "Lose", ExpansionKind.OTHER, status=ObjectiveStatus.DROPPED,
                           closed_at=closed),
        StrategicObjective("a", "Open", ExpansionKind.OTHER),
    ]  # fmt: skip
    week = figures(W48, contacts=contacts, objectives=objectives)
    assert week.new_decision_makers == 2
    assert week.objectives_achieved == 1


def revenue(progress=()) -> PerformanceGoal:
    return PerformanceGoal(
        "Revenue 2026",
        Metric.REVENUE,
        Decimal(364_000),
        date(2026, 1, 1),
        date(2026, 12, 31),
        "USD",
        progress=tuple(progress),
    )


def test_a_goals_week_against_its_straight_line() -> None:
    goal = revenue(
        [
            ProgressEntry(date(2026, 11, 24), Decimal(5_000)),
            ProgressEntry(date(2026, 11, 27), Decimal(2_000)),
            ProgressEntry(date(2026, 11, 30), Decimal(9_999)),
        ]
    )
    (week,) = figures(W48, goals=[goal]).goals
    assert week.added == 7_000
    # What was left that Sunday (357,000) over the weeks left (33 days), as the
    # dashboard's pace sentence says it, not the straight line's weekly share (7,000).
    assert week.needed == Decimal(357_000) / (Decimal(33) / 7)
    assert week.label == "Revenue 2026 · need $75.7k/wk"
    assert week.short(week.added) == "$7k"
    assert week.behind_percent > 90  # almost nothing logged by late November
    assert figures(IsoWeek(2027, 5), goals=[goal]).goals == ()  # not running that week


def test_many_weeks_at_once_agree_with_one_week_at_a_time() -> None:
    rng = random.Random(7)
    start = datetime(2026, 9, 1, 8, 0, tzinfo=CET)
    calls = [
        call(
            start + timedelta(hours=rng.randint(0, 24 * 120)),
            prepared=rng.random() < 0.7,
            movement=rng.choice([None, Movement.ADVANCE, Movement.CONTINUATION]),
            objective=rng.choice(["", "o1", "o2", "o3"]),
        )
        for _ in range(300)
    ]
    touches = [
        touch(
            date(2026, 9, 1) + timedelta(days=rng.randint(0, 120)),
            TouchStatus.DONE,
            date(2026, 9, 1) + timedelta(days=rng.randint(0, 120)),
        )
        for _ in range(300)
    ]
    contacts = [Contact("x", added_on=date(2026, 9, 1) + timedelta(days=n)) for n in range(120)]
    weeks = [IsoWeek(2026, 36).shifted(n) for n in range(18)]
    sources = WeekSources(calls, touches, contacts, goals=[revenue()])
    together = figures_by_week(weeks, sources, LATER)
    assert sum(f.calls_held for f in together.values()) == 300
    for week in weeks:
        assert together[week] == week_figures(week, sources, LATER)


def counts(week: IsoWeek, **numbers: int) -> WeekFigures:
    return WeekFigures(week, **numbers)


def test_rows_compare_this_week_last_week_and_the_four_week_average() -> None:
    current = counts(W48, calls_held=5, calls_prepared=4, advances=3, continuations=1)
    previous = counts(W47, calls_held=2, calls_prepared=2, advances=0, continuations=2)
    last_four = [previous, counts(W47.shifted(-1), calls_held=2), counts(W47.shifted(-2)),
                 counts(W47.shifted(-3), calls_held=4, calls_prepared=4)]  # fmt: skip
    rows = {row.label: row for row in figure_rows(current, previous, last_four)}
    held = rows["Calls held"]
    assert (held.this_week, held.last_week, held.average, held.trend) == ("5", "2", "2.0", "▲")
    prepared = rows["Outcome prepared"]
    assert prepared.this_week == "4 of 5 (80%)"
    assert prepared.average == "67%"  # 2 of 2, 0 of 2, 4 of 4; the empty week is left out
    assert prepared.trend == "▲"
    advances = rows["Advances (of debriefs)"]
    assert (advances.this_week, advances.last_week) == ("3 of 4 (75%)", "0 of 2 (0%)")
    assert rows["Touches done (of planned)"].this_week == "—"
    assert rows["Touches done (of planned)"].trend == ""


def test_the_summary_of_an_empty_week_says_so_and_still_asks() -> None:
    empty = [counts(W48.shifted(-n)) for n in range(1, 5)]
    text = figures_summary(counts(W48), counts(W47), empty)
    assert text.startswith("Nothing was logged this week")
    assert "The weeks before were empty too." in text


@pytest.mark.parametrize(
    ("current", "expected"),
    [
        ({"calls_held": 5, "calls_prepared": 3}, "2 of 5 calls went in without an outcome"),
        (
            {"calls_held": 5, "calls_prepared": 5, "advances": 5},
            "Advance rate 100%, up from 50% on average.",
        ),
        # Four debriefs are too few for "up": the coach says so rather than guess.
        (
            {"calls_held": 4, "calls_prepared": 4, "advances": 4},
            "4 advances in 4 debriefs: too few to tell",
        ),
        (
            {"calls_held": 3, "calls_prepared": 3, "continuations": 3},
            "3 continuations and no advance",
        ),
        ({"touches_planned": 6, "touches_done": 2}, "4 of 6 planned touches were not done."),
        ({"calls_held": 2, "calls_prepared": 2, "advances": 1, "continuations": 1}, "steady"),
    ],
)
def test_the_summary_picks_what_is_worth_saying(current: dict, expected: str) -> None:
    before = [counts(W47, calls_held=2, calls_prepared=2, advances=1, continuations=1)] * 4
    text = figures_summary(counts(W48, **current), before[0], before)
    assert expected in text


def test_naive_times_are_taken_as_the_sellers_local_time() -> None:
    now = datetime(2026, 11, 25, 12, 0, tzinfo=PACIFIC)
    naive = [datetime(2026, 11, 22, 23, 30), datetime(2026, 11, 25, 11, 0)]
    calls = [call(when) for when in naive] + [call(datetime(2026, 11, 25, 13, 0))]  # to come
    assert figures(W47, now=now, calls=calls).calls_held == 1
    assert figures(W48, now=now, calls=calls).calls_held == 1
    # A naive `now` is the machine's wall clock: naive calls compare with it as they are.
    assert figures(W48, now=now.replace(tzinfo=None), calls=calls).calls_held == 1


@pytest.mark.parametrize(("zone", "week"), [(PACIFIC, W48), (UTC, W49)])
def test_an_objective_is_achieved_on_the_sellers_local_date(zone, week) -> None:
    closed = datetime(2026, 11, 29, 23, 30, tzinfo=PACIFIC)  # Monday 07:30 in UTC
    won = StrategicObjective(
        "a", "Win", ExpansionKind.OTHER, status=ObjectiveStatus.ACHIEVED, closed_at=closed
    )
    by_week = figures_by_week([W48, W49], WeekSources(objectives=[won]), LATER.astimezone(zone))
    assert by_week[week].objectives_achieved == 1
    assert sum(f.objectives_achieved for f in by_week.values()) == 1


def on_the_line_through_wednesday() -> PerformanceGoal:
    """365 over 2026: 329 logged is exactly the line at the end of Wednesday 25 November."""
    return PerformanceGoal(
        "Deals",
        Metric.DEALS,
        Decimal(365),
        date(2026, 1, 1),
        date(2026, 12, 31),
        progress=(ProgressEntry(date(2026, 1, 5), Decimal(329)),),
    )


def test_a_running_weeks_pace_is_read_today_and_a_past_weeks_at_its_end() -> None:
    goal = on_the_line_through_wednesday()
    wednesday = datetime(2026, 11, 25, 18, 0, tzinfo=CET)
    (running,) = figures(W48, now=wednesday, goals=[goal]).goals
    (closed,) = figures(W48, now=LATER, goals=[goal]).goals
    assert running.behind_percent == 0
    assert closed.behind_percent == pytest.approx(Decimal(4) / 333 * 100)
    assert running.added == 0 and running.needed == Decimal(36) / (Decimal(37) / 7)


def test_a_reached_goal_needs_nothing_a_week_in_the_review() -> None:
    goal = revenue([ProgressEntry(date(2026, 6, 1), Decimal(364_000))])
    (week,) = figures(W48, goals=[goal]).goals
    assert week.needed is None
    assert week.label == "Revenue 2026"
    row = figure_rows(figures(W48, goals=[goal]), counts(W47), [counts(W47)])[-1]
    assert "need" not in row.label


def test_the_reviews_weekly_need_is_the_dashboards() -> None:
    """One figure: the running week's need is what the pace sentence says from here."""
    goal = revenue([ProgressEntry(date(2026, 3, 2), Decimal(120_000))])
    wednesday = datetime(2026, 11, 25, 18, 0, tzinfo=CET)
    (week,) = figures(W48, now=wednesday, goals=[goal]).goals
    standing = goal_pace(goal, wednesday.date())
    assert week.needed == standing.needed_per_week
    sentence = pace_sentence(goal, standing)
    assert f"{format_money(week.needed.quantize(Decimal(1)), 'USD')} a week" in sentence


@pytest.mark.parametrize(
    ("held", "history", "arrow"),
    [
        (5, [2, 2, 2, 2], "▲"),
        (1, [2, 2, 2, 2], "▼"),
        (2, [1, 2, 3, 2], "="),
        (0, [0, 0, 0, 0], "="),
        (3, [], ""),  # no weeks to compare with
    ],
)
def test_the_trend_arrow_compares_with_the_four_week_average(held, history, arrow) -> None:
    last_four = [counts(W47.shifted(-n), calls_held=h) for n, h in enumerate(history)]
    previous = last_four[0] if last_four else counts(W47)
    (row, *_) = figure_rows(counts(W48, calls_held=held), previous, last_four)
    assert row.label == "Calls held"
    assert row.trend == arrow
    assert row.average == (f"{sum(history) / len(history):.1f}" if history else "—")


def test_rows_for_a_goal_show_its_weekly_need_and_what_was_added() -> None:
    goal = revenue([ProgressEntry(date(2026, 11, 24), Decimal(5_000))])
    sources = WeekSources(goals=[goal])
    by_week = figures_by_week([W48.shifted(-n) for n in range(5)], sources, LATER)
    last_four = [by_week[W48.shifted(-n)] for n in range(1, 5)]
    row = figure_rows(by_week[W48], last_four[0], last_four)[-1]
    assert (row.label, row.this_week, row.last_week) == (
        "Revenue 2026 · need $76.2k/wk",
        "$5k",
        "$0",
    )
    assert row.trend == "▲"


def test_the_summary_names_a_goal_behind_pace_and_the_change_from_last_week() -> None:
    (goal_week,) = figures(W48, goals=[revenue()]).goals
    current = WeekFigures(W48, calls_held=2, calls_prepared=2, goals=(goal_week,))
    steady = [counts(W47, calls_held=2, calls_prepared=2)] * 4
    assert figures_summary(current, steady[0], steady).startswith("Revenue 2026 is 100% behind")
    busier = counts(W47, calls_held=5, calls_prepared=5)
    text = figures_summary(counts(W48, calls_held=2, calls_prepared=2), busier, steady)
    assert text.startswith("A steady week: 2 calls held, every one prepared")
    assert text.endswith("Calls held: 2, against 5 last week.")


def test_the_summary_counts_one_unprepared_call_in_the_singular() -> None:
    text = figures_summary(counts(W48, calls_held=1), counts(W47), [])
    assert text == "1 of 1 call went in without an outcome prepared."


THURSDAY = datetime(2026, 11, 26, 15, 0, tzinfo=CET)


def test_a_running_week_counts_touches_due_by_today_and_those_done_early() -> None:
    def touch(due: date, closed: date | None = None) -> Touch:
        status = TouchStatus.DONE if closed else TouchStatus.PLANNED
        return Touch(
            "c", "acc", "", due, Channel.EMAIL, Purpose.SHARE_INSIGHT, status=status,
            closed_on=closed,
        )  # fmt: skip

    touches = [
        touch(date(2026, 11, 23), closed=date(2026, 11, 23)),
        touch(date(2026, 11, 24)),  # due Tuesday, not done: missed
        touch(date(2026, 11, 27)),  # due Friday: not yet due
        touch(date(2026, 11, 28), closed=date(2026, 11, 26)),  # done early
    ]
    week = figures(W48, now=THURSDAY, touches=touches)
    assert (week.touches_done, week.touches_planned) == (2, 3)
    assert week.running and week.through == date(2026, 11, 26)
    over = figures(W48, touches=touches)  # seen after the week
    assert (over.touches_done, over.touches_planned) == (2, 4)
    assert not over.running


def test_a_running_weeks_totals_get_no_arrow_and_the_summary_says_it_runs() -> None:
    current = WeekFigures(W48, calls_held=1, calls_prepared=1, through=date(2026, 11, 26))
    full = [counts(W47.shifted(-n), calls_held=4, calls_prepared=4) for n in range(4)]
    rows = {row.label: row for row in figure_rows(current, full[0], full)}
    assert rows["Calls held"].trend == ""
    assert rows["Outcome prepared"].trend == "="  # a share compares fairly
    summary = figures_summary(current, full[0], full)
    assert summary.startswith("The week is still running: these are its figures up to Thursday")
    assert "against 4 last week" not in summary
    ended = replace(current, through=None)
    assert {row.label: row for row in figure_rows(ended, full[0], full)}["Calls held"].trend == "▼"
    assert figures_summary(ended, full[0], full).endswith("Calls held: 1, against 4 last week.")


def test_a_running_weeks_table_is_headed_so_far() -> None:
    running = WeekFigures(W48, through=date(2026, 11, 26))
    rows = figure_rows(running, running, [])
    assert figures_table(rows, running=True).splitlines()[0].split() == [
        "So", "far", "Last", "week", "4-week", "avg"
    ]  # fmt: skip
    assert "This week" in figures_table(rows).splitlines()[0]


def debriefs(week: IsoWeek, advances: int, continuations: int, **more: int) -> WeekFigures:
    held = advances + continuations
    return WeekFigures(
        week,
        calls_held=held,
        calls_prepared=held,
        advances=advances,
        continuations=continuations,
        **more,
    )


@pytest.mark.parametrize(
    ("now", "before", "claim", "arrow"),
    [
        # (advances, continuations) this week; the same for each of the four weeks before.
        ((5, 0), (1, 1), "up from 50%", "▲"),
        ((0, 5), (1, 1), "5 continuations and no advance", "▼"),
        ((1, 4), (3, 2), "down from 60%", "▼"),
        ((4, 0), (1, 1), "too few to tell", ""),  # four debriefs this week
        ((1, 3), (3, 2), "too few to tell", ""),
        ((5, 0), (0, 1), "too few to tell", ""),  # four debriefs in the weeks before
    ],
)
def test_no_up_or_down_on_fewer_than_five_debriefs(now, before, claim, arrow) -> None:
    weeks = [debriefs(W47.shifted(-n), *before) for n in range(4)]
    current = debriefs(W48, *now)
    assert claim in figures_summary(current, weeks[0], weeks)
    rows = {row.label: row for row in figure_rows(current, weeks[0], weeks)}
    assert rows["Advances (of debriefs)"].trend == arrow
    assert rows["Best outcome (of debriefs)"].trend in ("", "=", "▲", "▼")
    if not arrow:
        assert rows["Continuations"].trend == ""
        assert rows["Best outcome (of debriefs)"].trend == ""


def test_best_and_minimum_come_from_the_debriefs_result() -> None:
    monday = datetime(2026, 11, 23, 9, 0, tzinfo=CET)
    results = [Result.REACHED, Result.REACHED, Result.PARTLY, Result.PARTLY, Result.PARTLY,
               Result.MISSED]  # fmt: skip
    calls = [
        Call("acc", monday + timedelta(hours=n), debrief=Debrief(result, Movement.CONTINUATION))
        for n, result in enumerate(results)
    ]
    week = figures(W48, calls=calls)
    assert (week.best, week.minimum, week.debriefed) == (2, 3, 6)
    rows = {row.label: row for row in figure_rows(week, counts(W47), [counts(W47)])}
    assert rows["Best outcome (of debriefs)"].this_week == "2 of 6 (33%)"
    assert rows["Minimum only (of debriefs)"].this_week == "3 of 6 (50%)"


def test_touches_done_convert_to_replies_and_meetings_and_advances_name_accounts() -> None:
    def done(replied: bool, met: bool) -> Touch:
        return Touch(
            "c", "acc", "p", date(2026, 11, 23), Channel.EMAIL, Purpose.SHARE_INSIGHT,
            status=TouchStatus.DONE, closed_on=date(2026, 11, 24), got_response=replied,
            got_meeting=met,
        )  # fmt: skip

    touches = [done(False, False)] * 5 + [done(True, False)] * 2 + [done(True, True)]
    monday = datetime(2026, 11, 23, 9, 0, tzinfo=CET)
    calls = [
        replace(call(monday, movement=Movement.ADVANCE), account_uid="nordvale"),
        replace(call(monday, movement=Movement.CONTINUATION), account_uid="ostfold"),
    ]
    week = figures(W48, touches=touches, calls=calls)
    assert (week.touches_done, week.replies, week.meetings) == (8, 3, 1)
    assert week.moved_accounts == {"nordvale"}
    rows = {row.label: row for row in figure_rows(week, counts(W47), [counts(W47)])}
    assert rows["Replies (of touches done)"].this_week == "3 of 8 (38%)"
    assert rows["Meetings (of touches done)"].this_week == "1 of 8 (12%)"
