"""The dashboard's read model: everything the home screen shows, in one `DashboardData`."""

from __future__ import annotations

from datetime import datetime

from coach_tui.coaching.agenda import calls_to_debrief
from coach_tui.coaching.calls import upcoming
from coach_tui.coaching.dashboard import DashboardData, goal_lines, objective_lines, touch_lines
from coach_tui.coaching.red_flags import flag_question
from coach_tui.services.red_flags import red_flags
from coach_tui.store.repository import Repository


def dashboard(repo: Repository, now: datetime) -> DashboardData:
    """The why, objectives, calls, touches, pace and today's plan as of `now`; the screen
    reads it in a worker and only lays it out."""
    today = now.date()
    calls = repo.calls.digest(now)
    history = repo.why.history()
    accounts = repo.accounts.names()
    contacts = repo.contacts.roster()
    objectives = repo.objectives.all_open()
    flags = red_flags(repo, calls, now, names=accounts, objectives=objectives, roster=contacts)
    return DashboardData(
        today=today,
        why=history[0] if history else None,
        why_versions=len(history),
        objectives=objective_lines(
            objectives,
            accounts,
            today,
            calls_per_objective=calls.per_objective,
            contacts=contacts,
            stalls={uid: flag_question(f) for uid, f in flags.items()},
            met=calls.met,
        ),
        calls=upcoming(calls.upcoming, now, accounts),
        to_debrief=calls_to_debrief(calls.awaiting_debrief, now, accounts),
        day=repo.days.get(today),
        goals=goal_lines(repo.goals.current(today), today),
        touches=touch_lines(
            repo.touches.open_due_by(today),
            today,
            accounts,
            {contact.uid: contact.name for contact in contacts},
        ),
    )
