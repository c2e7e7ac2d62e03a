"""A week in numbers, computed from what was logged: calls, debriefs, touches, people, goals.

Everything is bucketed by the seller's local date, so a call at 23:30 on Sunday belongs to
that week even when it is stored in another offset. Many weeks are counted in one pass over
each list, because the trends screen asks for a year of weeks over tens of thousands of touches.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from decimal import Decimal

from coach_tui.coaching.pace import pace
from coach_tui.model.account import ObjectiveStatus, StrategicObjective
from coach_tui.model.call import Call, Movement, Result
from coach_tui.model.clock import local_zone
from coach_tui.model.contact import Contact
from coach_tui.model.goal import PerformanceGoal
from coach_tui.model.money import compact_money
from coach_tui.model.touch import Touch, TouchStatus
from coach_tui.model.week import IsoWeek
from coach_tui.model.wording import counted, share

# Fewer debriefs than this say nothing about a trend: one call more or less swings the
# share by 20 points or more, so the coach says "too few to tell" instead of "up" or "down".
MIN_DEBRIEFS = 5


@dataclass(frozen=True, slots=True)
class GoalWeek:
    """One performance goal's week: what was logged against what the straight line needs."""

    name: str
    added: Decimal
    # What each week left needs to finish on target (`Pace.needed_per_week`, the figure the
    # dashboard and the goals screen say), read where the week's pace is read; None once the
    # goal is reached or over.
    needed: Decimal | None
    behind_percent: Decimal  # short of the line at the week's end, or today (0 when not behind)
    goal: PerformanceGoal

    def short(self, amount: Decimal) -> str:
        """An amount for a table cell: $19.2k for money, a bare number for counts."""
        if self.goal.metric.is_money:
            return compact_money(amount, self.goal.currency)
        return f"{amount.quantize(Decimal('0.1')).normalize():f}"

    @property
    def label(self) -> str:
        """ "Revenue 2026 · need $19.2k/wk": the goal and what each week left needs."""
        if self.needed is None:
            return self.name
        return f"{self.name} · need {self.short(self.needed)}/wk"


@dataclass(frozen=True, slots=True)
class SkillTally:
    """One getting-better goal in a week's debriefs: how many asked about it, and in how
    many of those the seller said they practised it."""

    skill_uid: str
    asked: int
    practised: int


@dataclass(frozen=True, slots=True)
class WeekFigures:
    week: IsoWeek
    calls_held: int = 0
    calls_prepared: int = 0
    advances: int = 0
    continuations: int = 0
    best: int = 0  # debriefs that got the best outcome (Result.REACHED)
    minimum: int = 0  # debriefs that got the minimum acceptable action (Result.PARTLY)
    touches_done: int = 0
    replies: int = 0  # touches done this week that got an answer (a meeting is one too)
    meetings: int = 0  # touches done this week that won a meeting
    touches_planned: int = 0
    new_decision_makers: int = 0
    objectives_moved: int = 0
    objectives_achieved: int = 0
    goals: tuple[GoalWeek, ...] = ()
    # The accounts (uids) with an advance debriefed on a call held this week.
    moved_accounts: frozenset[str] = frozenset()
    skills: tuple[SkillTally, ...] = ()  # by skill uid
    # The last day counted while the week is still running (today); None for a week that
    # is over. A running week's totals are not comparable with full weeks'.
    through: date | None = None

    @property
    def running(self) -> bool:
        return self.through is not None

    @property
    def prepared_percent(self) -> float | None:
        return None if not self.calls_held else 100 * self.calls_prepared / self.calls_held

    @property
    def debriefed(self) -> int:
        """Calls held this week that have a debrief."""
        return self.advances + self.continuations

    @property
    def advance_rate(self) -> float | None:
        """Advances as a share of debriefed calls, in percent."""
        return None if not self.debriefed else 100 * self.advances / self.debriefed

    @property
    def touches_done_percent(self) -> float | None:
        return None if not self.touches_planned else 100 * self.touches_done / self.touches_planned

    @property
    def is_empty(self) -> bool:
        """Nothing was logged at all: no calls, touches, people, objectives or progress."""
        counts = (
            self.calls_held,
            self.touches_done,
            self.touches_planned,
            self.new_decision_makers,
            self.objectives_achieved,
        )
        return not any(counts) and not any(goal.added for goal in self.goals)


def _local(moment: datetime, zone: tzinfo | None) -> datetime:
    """`moment` on the seller's clock, comparable with `now` whether either is naive.

    Naive moments are taken as local already; with a naive `now` an aware moment is turned
    into the machine's local wall time, which is what a naive `now` means.
    """
    if moment.tzinfo is None:
        return moment if zone is None else moment.replace(tzinfo=zone)
    if zone is None:
        return moment.astimezone(local_zone()).replace(tzinfo=None)
    return moment.astimezone(zone)


def _local_day(moment: datetime, zone: tzinfo | None) -> date:
    """The seller's calendar date of `moment`."""
    return _local(moment, zone).date()


def _week_key(day: date | None, wanted: set[IsoWeek]) -> IsoWeek | None:
    """The week of `day` if it is one being counted (None for no day)."""
    if day is None:
        return None
    week = IsoWeek.of(day)
    return week if week in wanted else None


def _goal_week(goal: PerformanceGoal, week: IsoWeek, today: date) -> GoalWeek:
    """The goal's week; its pace is read at the week's end, or today while the week runs."""
    seen_on = min(week.sunday, max(today, week.monday))
    added = sum(
        (entry.amount for entry in goal.progress if week.contains(entry.on)),
        Decimal(0),
    )
    attained = sum(
        (e.amount for e in goal.progress if goal.start <= e.on <= min(goal.end, seen_on)),
        Decimal(0),
    )
    standing = pace(goal.target, goal.start, goal.end, attained, seen_on)
    return GoalWeek(goal.name, added, standing.needed_per_week, standing.behind_percent, goal)


@dataclass(frozen=True, slots=True)
class WeekSources:
    """What a week's figures are counted from; the lists may hold more than the weeks asked."""

    calls: Sequence[Call] = ()
    touches: Sequence[Touch] = ()
    contacts: Sequence[Contact] = ()
    objectives: Sequence[StrategicObjective] = ()
    goals: Sequence[PerformanceGoal] = ()


def figures_by_week(
    weeks: Iterable[IsoWeek], sources: WeekSources, now: datetime
) -> dict[IsoWeek, WeekFigures]:
    """The figures of every week in `weeks`, one pass over each list."""
    wanted = set(weeks)
    zone = now.tzinfo
    tally: dict[IsoWeek, Counter[str]] = defaultdict(Counter)
    moved: dict[IsoWeek, set[str]] = defaultdict(set)
    moved_accounts: dict[IsoWeek, set[str]] = defaultdict(set)
    skills: dict[IsoWeek, Counter[tuple[str, bool]]] = defaultdict(Counter)
    today = now.date()
    for call in sources.calls:
        when = _local(call.when, zone)
        week = _week_key(when.date(), wanted)
        if week is None or when > now:
            continue
        counts = tally[week]
        counts["calls_held"] += 1
        counts["calls_prepared"] += call.prepared
        if call.debrief is not None:
            if call.debrief.movement is Movement.ADVANCE:
                counts["advances"] += 1
                moved_accounts[week].add(call.account_uid)
                if call.objective_uid:
                    moved[week].add(call.objective_uid)
            else:
                counts["continuations"] += 1
            counts["best"] += call.debrief.result is Result.REACHED
            counts["minimum"] += call.debrief.result is Result.PARTLY
            if call.debrief.skill_uid:
                skills[week][call.debrief.skill_uid, call.debrief.practised] += 1
    for touch in sources.touches:
        done_on = touch.closed_on if touch.status is TouchStatus.DONE else None
        # Planned means due by now: a touch due later this week is not yet "not done"
        # (unless it is done already, early).
        due_by_now = touch.due <= today or done_on is not None
        if due_by_now and (week := _week_key(touch.due, wanted)) is not None:
            tally[week]["touches_planned"] += 1
        if (week := _week_key(done_on, wanted)) is not None:
            tally[week]["touches_done"] += 1
            tally[week]["replies"] += touch.got_response or touch.got_meeting
            tally[week]["meetings"] += touch.got_meeting
    for contact in sources.contacts:
        if (week := _week_key(contact.added_on, wanted)) is not None:
            tally[week]["new_decision_makers"] += 1
    for objective in sources.objectives:
        achieved = objective.status is ObjectiveStatus.ACHIEVED and objective.closed_at
        day = _local_day(objective.closed_at, zone) if achieved and objective.closed_at else None
        if (week := _week_key(day, wanted)) is not None:
            tally[week]["objectives_achieved"] += 1
    return {
        week: WeekFigures(
            week,
            objectives_moved=len(moved[week]),
            moved_accounts=frozenset(moved_accounts[week]),
            skills=_skill_tallies(skills[week]),
            goals=tuple(
                _goal_week(goal, week, today) for goal in sources.goals if _overlaps(goal, week)
            ),
            through=today if week.contains(today) else None,
            **tally[week],
        )
        for week in sorted(wanted)
    }


def _skill_tallies(answers: Counter[tuple[str, bool]]) -> tuple[SkillTally, ...]:
    uids = sorted({uid for uid, _ in answers})
    return tuple(
        SkillTally(uid, answers[uid, True] + answers[uid, False], answers[uid, True])
        for uid in uids
    )


def _overlaps(goal: PerformanceGoal, week: IsoWeek) -> bool:
    return goal.start <= week.sunday and goal.end >= week.monday


def week_figures(week: IsoWeek, sources: WeekSources, now: datetime) -> WeekFigures:
    """The figures of one week."""
    return figures_by_week([week], sources, now)[week]


# --- comparing weeks ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FigureRow:
    label: str
    this_week: str
    last_week: str
    average: str
    trend: str  # ▲ ▼ = against the four-week average; empty when there is nothing to compare


def _average(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _trend(value: float | None, average: float | None) -> str:
    if value is None or average is None:
        return ""
    if abs(value - average) < 0.05 * max(abs(average), 1):
        return "="
    return "▲" if value > average else "▼"


def _enough(sample, current: WeekFigures, last_four: Sequence[WeekFigures]) -> bool:  # noqa: ANN001
    """Whether this week and the weeks it is compared with each hold `MIN_DEBRIEFS` of what
    `sample` counts: on fewer, an arrow would be noise read as a trend."""
    return sample(current) >= MIN_DEBRIEFS and sum(map(sample, last_four)) >= MIN_DEBRIEFS


def _count_row(label: str, pick, current, previous, last_four, sample=None) -> FigureRow:  # noqa: ANN001
    """A total this week against the average; no arrow while the week runs (a Wednesday's
    total is not a full week's), nor on too small a `sample`."""
    average = _average([pick(w) for w in last_four])
    too_few = sample is not None and not _enough(sample, current, last_four)
    return FigureRow(
        label,
        str(pick(current)),
        str(pick(previous)),
        "—" if average is None else f"{average:.1f}",
        "" if current.running or too_few else _trend(pick(current), average),
    )


def _share(part: int, whole: int) -> str:
    return "—" if not whole else f"{part} of {whole} ({100 * part / whole:.0f}%)"


def _percent_row(
    label: str,
    part,  # noqa: ANN001
    whole,  # noqa: ANN001
    current: WeekFigures,
    previous: WeekFigures,
    last_four: Sequence[WeekFigures],
    *,
    small_sample: bool = False,
) -> FigureRow:
    """ "4 of 5 (80%)" this week and last; the average of the weeks that had any. A
    `small_sample` share (debriefs, replies) gets an arrow only on enough of them."""
    shares = [100 * part(w) / whole(w) for w in last_four if whole(w)]
    average = _average(shares)
    now_share = 100 * part(current) / whole(current) if whole(current) else None
    too_few = small_sample and not _enough(whole, current, last_four)
    return FigureRow(
        label,
        _share(part(current), whole(current)),
        _share(part(previous), whole(previous)),
        "—" if average is None else f"{average:.0f}%",
        "" if too_few else _trend(now_share, average),
    )


def figure_rows(
    current: WeekFigures, previous: WeekFigures, last_four: Sequence[WeekFigures]
) -> list[FigureRow]:
    """The review's table: this week, last week, the four weeks before this one on average."""
    rows = [
        _count_row("Calls held", lambda w: w.calls_held, current, previous, last_four),
        _percent_row(
            "Outcome prepared",
            lambda w: w.calls_prepared,
            lambda w: w.calls_held,
            current,
            previous,
            last_four,
        ),
        _percent_row(
            "Advances (of debriefs)",
            lambda w: w.advances,
            lambda w: w.debriefed,
            current,
            previous,
            last_four,
            small_sample=True,
        ),
        _count_row(
            "Continuations",
            lambda w: w.continuations,
            current,
            previous,
            last_four,
            sample=lambda w: w.debriefed,
        ),
        _percent_row(
            "Best outcome (of debriefs)",
            lambda w: w.best,
            lambda w: w.debriefed,
            current,
            previous,
            last_four,
            small_sample=True,
        ),
        _percent_row(
            "Minimum only (of debriefs)",
            lambda w: w.minimum,
            lambda w: w.debriefed,
            current,
            previous,
            last_four,
            small_sample=True,
        ),
        _percent_row(
            "Touches done (of planned)",
            lambda w: w.touches_done,
            lambda w: w.touches_planned,
            current,
            previous,
            last_four,
        ),
        _percent_row(
            "Replies (of touches done)",
            lambda w: w.replies,
            lambda w: w.touches_done,
            current,
            previous,
            last_four,
            small_sample=True,
        ),
        _percent_row(
            "Meetings (of touches done)",
            lambda w: w.meetings,
            lambda w: w.touches_done,
            current,
            previous,
            last_four,
            small_sample=True,
        ),
        _count_row(
            "New decision makers", lambda w: w.new_decision_makers, current, previous, last_four
        ),
        _count_row("Objectives moved", lambda w: w.objectives_moved, current, previous, last_four),
        _count_row(
            "Objectives achieved", lambda w: w.objectives_achieved, current, previous, last_four
        ),
    ]
    for goal in current.goals:
        uid = goal.goal.uid
        before = [g.added for g in previous.goals if g.goal.uid == uid]
        history = [float(g.added) for w in last_four for g in w.goals if g.goal.uid == uid]
        average = _average(history)
        rows.append(
            FigureRow(
                goal.label,
                goal.short(goal.added),
                goal.short(before[0]) if before else "—",
                "—" if average is None else goal.short(Decimal(str(round(average, 1)))),
                "" if current.running else _trend(float(goal.added), average),
            )
        )
    return rows


def figures_summary(
    current: WeekFigures, previous: WeekFigures, last_four: Sequence[WeekFigures]
) -> str:
    """The coach's reading of the week: the thing most worth noticing, then one more; a
    week still running says so first."""
    reading = _reading(current, previous, last_four)
    if current.through is None:
        return reading
    return f"{running_note(current.through)} {reading}"


def too_few_to_tell(advances: int, debriefed: int) -> str:
    """Said instead of "up" or "down" when the debriefs are too few to show a trend."""
    return (
        f"{counted(advances, 'advance')} in {counted(debriefed, 'debrief')}: too few to tell "
        f"whether you are converting better or worse (that takes {MIN_DEBRIEFS} or more)."
    )


def running_note(through: date) -> str:
    """Said first about a week that has not ended."""
    return (
        f"The week is still running: these are its figures up to {through:%A}, touches "
        "counted only when due by today, and totals are not compared with full weeks yet."
    )


def _reading(current: WeekFigures, previous: WeekFigures, last_four: Sequence[WeekFigures]) -> str:
    if current.is_empty:
        quiet_before = all(week.is_empty for week in last_four)
        return (
            "Nothing was logged this week — no calls, touches or progress. The review still "
            "helps: what kept the week empty, and what will next week look like?"
            + (" The weeks before were empty too." if quiet_before and last_four else "")
        )
    said: list[str] = []
    unprepared = current.calls_held - current.calls_prepared
    if unprepared:
        held = current.calls_held
        said.append(f"{unprepared} of {counted(held, 'call')} went in without an outcome prepared.")
    rate = current.advance_rate
    usual = _average([r for w in last_four if (r := w.advance_rate) is not None])
    if current.continuations >= 2 and not current.advances:
        said.append(f"{current.continuations} continuations and no advance: who is stalling?")
    elif rate is not None and usual is not None and abs(rate - usual) >= 10:
        if _enough(lambda w: w.debriefed, current, last_four):
            direction = "up" if rate > usual else "down"
            said.append(f"Advance rate {rate:.0f}%, {direction} from {usual:.0f}% on average.")
        else:
            said.append(too_few_to_tell(current.advances, current.debriefed))
    done, planned = current.touches_done, current.touches_planned
    if planned and done < planned:
        missed = planned - done
        verb = "was" if missed == 1 else "were"
        said.append(
            f"{share(missed, planned, 'planned touch', 'planned touches')} {verb} not done."
        )
    behind = [goal for goal in current.goals if goal.behind_percent >= 5]
    if behind:
        worst = max(behind, key=lambda goal: goal.behind_percent)
        said.append(f"{worst.name} is {worst.behind_percent:.0f}% behind pace.")
    if not said:
        calls = current.calls_held
        said.append(
            f"A steady week: {counted(calls, 'call')} held, every one prepared, "
            "touches done as planned."
            if calls
            else "No calls this week; touches and progress kept moving."
        )
    changed = current.calls_held != previous.calls_held
    if previous.calls_held and changed and len(said) < 2 and not current.running:
        said.append(f"Calls held: {current.calls_held}, against {previous.calls_held} last week.")
    return " ".join(said[:2])
