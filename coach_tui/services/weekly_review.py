"""The weekly review's read models: its figures, what it may settle, the trends, the export.

Opening the review, past reviews, the trends screen and `coach export review` all read the
same lists through these functions, so the four agree. The path is one way: a screen or
command asks here, this reads the repository once and asks `coaching` for the figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from coach_tui.coaching.red_flags import flag_question
from coach_tui.coaching.review import ClearItem, items_to_clear, review_week_for
from coach_tui.coaching.trends import Series, default_weeks, trend_series
from coach_tui.coaching.week_figures import WeekSources, figures_by_week
from coach_tui.coaching.week_reading import ReadingContext, last_ratings, skill_evidence
from coach_tui.coaching.week_report import WeekReport, figures_table, report_span, week_report
from coach_tui.interop.review_markdown import review_markdown
from coach_tui.model.call import Commitment
from coach_tui.model.clock import local_time
from coach_tui.model.day_text import moment_text, near_moment_text
from coach_tui.model.review import WeekReview
from coach_tui.model.touch import Touch
from coach_tui.model.week import IsoWeek
from coach_tui.services.goal_notes import goal_notes
from coach_tui.services.red_flags import red_flags
from coach_tui.store.first_use import first_use
from coach_tui.store.repository import Repository


@dataclass(frozen=True, slots=True)
class ReviewContext:
    """What the review of one week shows and may settle, gathered before it opens."""

    week: IsoWeek
    figures_text: str  # the week in numbers, as aligned lines
    summary: str  # the coach's reading of them
    skills: tuple[tuple[str, str], ...]  # (goal uid, skill) of getting-better goals
    clear: tuple[ClearItem, ...]
    clear_more: int  # open items left out of the walk (they stay in the touch queue)
    next_calls: tuple[tuple[str, str], ...]  # (call uid, label) of next week's calls
    touches: dict[str, Touch]  # the open touches the clear-up may settle, by uid
    promises: dict[str, Commitment]  # the open promises, by uid
    # Skill uid → what the week says about it ("rated 2/5 last time; practised in 3 of 5
    # calls"), for the skill's steps; a skill the week says nothing about is absent.
    skill_notes: dict[str, str] = field(default_factory=dict)
    # Skill uid → did the week's debriefs say it was practised in at least one call? Only
    # skills a debrief asked about; a new review's answers start from these.
    practised_in_calls: dict[str, bool] = field(default_factory=dict)
    figures_narrow: str = ""  # the table without last week's column, for a narrow terminal


@dataclass(frozen=True)
class ReviewExport:
    """One week's review as Markdown, and whether a review was written for it."""

    week: IsoWeek
    text: str
    written: bool


def week_to_review(repo: Repository, now: datetime) -> IsoWeek:
    """The week worth reviewing today (the one the coach offers)."""
    return review_week_for(now.date(), repo.reviews.weeks(), first_use=first_use(repo))


def read_week_sources(repo: Repository, first: date, last: date) -> WeekSources:
    """What happened between `first` and `last` (whole weeks), plus objectives and goals.

    Records outside the span are skipped before decoding, so a year of weeks costs only
    those weeks; the trends screen still reads it in a worker.
    """
    return WeekSources(
        calls=repo.calls.in_span(first, last),
        touches=repo.touches.in_span(first, last),
        contacts=repo.contacts.added_between(first, last),
        objectives=repo.objectives.all(),
        goals=repo.goals.performance(),
    )


def is_recent(week: IsoWeek, now: datetime) -> bool:
    """This week or last: what is open or stalled *now* still speaks about it."""
    return week >= IsoWeek.of(now.date()).shifted(-1)


def stalled_now(repo: Repository, now: datetime) -> dict[str, str]:
    """Account uid → its red-flag question, read exactly as the dashboard reads them (stall,
    silence after an advance, a client promise late), so the review never disagrees with it."""
    flags = red_flags(repo, repo.calls.digest(now), now)
    return {uid: question for uid, f in flags.items() if (question := flag_question(f))}


def reading_context(
    repo: Repository, week: IsoWeek, now: datetime, sources: WeekSources
) -> ReadingContext:
    """The names, stalls, skills and goal notes the week's reading speaks of (`sources`
    are the week's, read already). Stalls and goals are read as of now (the dashboard's
    rules), so only a recent week names them."""
    today = now.date()
    recent = is_recent(week, now)
    stalled = stalled_now(repo, now) if recent else {}
    goals = [goal for goal in sources.goals if goal.end >= today] if recent else []
    notes = goal_notes(repo, goals, today, sources.objectives)
    return ReadingContext(
        account_names=repo.accounts.names(),
        stalled=stalled,
        skills=tuple((skill.uid, skill.skill) for skill in repo.goals.skills()),
        last_ratings=last_ratings(repo.reviews.all(), week),
        goal_notes=tuple(f"{goal.name} — {note}" for goal in goals for note in notes[goal.uid]),
    )


def read_week_report(repo: Repository, week: IsoWeek, now: datetime) -> WeekReport:
    """The figures of `week` against the weeks before it, with the coach's reading."""
    sources = read_week_sources(repo, *report_span(week))
    return week_report(week, sources, now, reading_context(repo, week, now, sources))


def key_call_labels(repo: Repository, review: WeekReview | None, now: datetime) -> dict[str, str]:
    """uid → "Tue 01 Dec 09:00 · Nordvale Foods — outcome: the CFO joins" for the
    review's key calls still on file: a key call is one to prep, so its outcome (or that
    it has none yet) is what the list is for."""
    if review is None or not review.key_call_uids:
        return {}
    names = repo.accounts.names()
    calls = [call for uid in review.key_call_uids if (call := repo.calls.get(uid)) is not None]
    return {
        call.uid: f"{near_moment_text(call.when.astimezone(now.tzinfo), now.date())} · "
        f"{names.get(call.account_uid, '?')} — "
        + (f"outcome: {call.prep.outcome}" if call.prep and call.prep.outcome else "no outcome yet")
        for call in calls
    }


def read_trends(repo: Repository, now: datetime, weeks: int) -> list[Series]:
    """The trend lines of the last `weeks` weeks (12 to 52), ending with this one."""
    span = default_weeks(now.date(), weeks)
    sources = read_week_sources(repo, span[0].monday, span[-1].sunday)
    reviews = {review.week: review for review in repo.reviews.all()}
    figures = figures_by_week(span, sources, now)
    return trend_series(span, figures, reviews, sources.goals, now.date())


def next_week_calls(repo: Repository, week: IsoWeek, now: datetime) -> list[tuple[str, str]]:
    """(uid, label) of the calls still to come in the week after `week` — or the next seven
    days, when the review is written late — for picking the key calls to prep."""
    last = max(week.shifted(1).sunday, now.date() + timedelta(days=7))
    names = repo.accounts.names()
    calls = repo.calls.in_span(now.date(), last)
    return [
        (
            call.uid,
            f"{moment_text(local_time(call.when, now))} · {names.get(call.account_uid, '?')}"
            f" · {call.kind.value} · "
            + (f"→ {call.outcome}" if call.prepared else "no outcome yet"),
        )
        for call in calls
        if now < call.when and local_time(call.when, now).date() <= last and not call.debrief
    ]


def review_context(repo: Repository, week: IsoWeek, now: datetime) -> ReviewContext:
    """Everything the review of `week` shows and may settle: the figures of five weeks,
    and (for last week or this one) the open touches and promises to clear up."""
    sources = read_week_sources(repo, *report_span(week))
    context = reading_context(repo, week, now, sources)
    report = week_report(week, sources, now, context)
    recent = is_recent(week, now)
    open_touches = repo.touches.open_due_by(week.sunday) if recent else []
    promises = repo.calls.open_commitments() if recent else []
    items, more = items_to_clear(
        open_touches,
        promises,
        week,
        accounts=repo.accounts.names(),
        people=repo.contacts.names(),
    )
    notes = {uid: skill_evidence(uid, report.figures, context) for uid, _ in context.skills}
    return ReviewContext(
        week=week,
        figures_text=figures_table(report.rows, running=report.figures.running),
        figures_narrow=figures_table(report.rows, running=report.figures.running, last_week=False),
        summary="\n".join((report.summary, *report.reading)),
        skills=tuple(context.skills),
        clear=tuple(items),
        clear_more=more,
        next_calls=tuple(next_week_calls(repo, week, now)),
        touches={touch.uid: touch for touch in open_touches},
        promises={promise.uid: promise for promise in promises},
        skill_notes={uid: note for uid, note in notes.items() if note},
        practised_in_calls={
            tally.skill_uid: tally.practised > 0 for tally in report.figures.skills if tally.asked
        },
    )


def review_export(repo: Repository, now: datetime, week: IsoWeek | None = None) -> ReviewExport:
    """The review of `week` (by default the one worth reviewing today) as Markdown; a week
    without a saved review still has its figures."""
    week = week or week_to_review(repo, now)
    review = repo.reviews.get(week)
    text = review_markdown(
        read_week_report(repo, week, now),
        review,
        call_labels=key_call_labels(repo, review, now),
        zone=now.tzinfo,
    )
    return ReviewExport(week, text, written=review is not None)
