"""The day's agenda: what `coach today` prints and the morning plan shows."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from coach_tui.coaching.agenda import Agenda, build_agenda
from coach_tui.coaching.dashboard import goal_lines, touch_lines
from coach_tui.coaching.review import review_reminder
from coach_tui.services.red_flags import red_flags
from coach_tui.store.first_use import first_use
from coach_tui.store.repository import Repository


def todays_agenda(repo: Repository, now: datetime) -> Agenda:
    """Today's agenda from an open repository, as of `now`."""
    today = now.date()
    names = repo.accounts.names()
    digest = repo.calls.digest(now)
    why = repo.why.current()
    commitments = repo.calls.open_commitments()
    objectives = repo.objectives.all_open()
    flags = red_flags(
        repo, digest, now, names=names, objectives=objectives, open_commitments=commitments
    )
    agenda = build_agenda(
        now,
        why.statement if why else "",
        calls=[*digest.awaiting_debrief, *digest.upcoming],
        touches=touch_lines(repo.touches.open_due_by(today), today, names, repo.contacts.names()),
        commitments=commitments,
        stalls={},
        flags=tuple(flags.values()),
        goals=goal_lines(repo.goals.current(today), today),
        names=names,
        objectives=objectives,
        to_debrief=digest.awaiting_debrief,
    )
    reminder = review_reminder(today, repo.reviews.weeks(), first_use=first_use(repo))
    next_call = digest.upcoming[0].when if digest.upcoming else None
    return replace(agenda, review=reminder, steady_until=next_call)
