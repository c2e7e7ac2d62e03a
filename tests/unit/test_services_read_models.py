"""The services' read models against a real data folder: what a command and a screen get.

Each test seeds a folder through the repository as the app would, then asks the service.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from coach_tui.interop.errors import ImportFailed
from coach_tui.model.account import Account
from coach_tui.model.call import Call, Commitment, Party, Prep
from coach_tui.model.contact import Contact
from coach_tui.model.day import DayPlan, Priority
from coach_tui.model.review import WeekReview
from coach_tui.model.touch import Channel, Purpose, Touch
from coach_tui.model.week import IsoWeek
from coach_tui.model.why import new_why
from coach_tui.services.agenda import todays_agenda
from coach_tui.services.calendar_export import calendar_export
from coach_tui.services.contact_import import apply, prepare
from coach_tui.services.dashboard import dashboard
from coach_tui.services.json_export import json_export
from coach_tui.services.weekly_review import (
    key_call_labels,
    read_trends,
    review_context,
    review_export,
    week_to_review,
)
from coach_tui.store.repository import Repository

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def seed(repo: Repository, now: datetime) -> dict[str, str]:
    """One account with a person, an unprepared call today at 14:00, a prepared call next
    week, a touch two days late and a promise three days late (both due last week), and
    the why."""
    today = now.date()
    account = Account("Nordvale Foods")
    repo.accounts.save(account)
    greta = Contact("Greta Lindqvist", account_uid=account.uid)
    repo.contacts.save(greta)
    repo.why.save(new_why("For my family", {}, now=now))
    today_call = Call(account.uid, now.replace(hour=14, minute=0))
    next_week = Call(account.uid, now + timedelta(days=7), prep=Prep("The CFO joins"))
    repo.calls.save(today_call)
    repo.calls.save(next_week)
    repo.touches.save_many(
        [
            Touch(
                "camp",
                account.uid,
                greta.uid,
                today - timedelta(days=2),
                Channel.EMAIL,
                Purpose.SHARE_INSIGHT,
            )
        ]
    )
    repo.calls.save_commitment(
        Commitment(account.uid, Party.ME, "Send the study", due=today - timedelta(days=3))
    )
    return {"account": account.uid, "today_call": today_call.uid, "next_week": next_week.uid}


def test_todays_agenda_holds_the_why_the_call_the_late_touch_and_the_promise(
    repo: Repository, clock
) -> None:
    seed(repo, clock())
    agenda = todays_agenda(repo, clock())
    assert agenda.why == "For my family"
    assert [(call.account, call.when.hour) for call in agenda.calls] == [("Nordvale Foods", 14)]
    assert [(line.who, line.item.days_overdue) for line in agenda.touches] == [
        ("Greta Lindqvist", 2)
    ]
    assert [promise.what for promise in agenda.promises] == ["Send the study"]
    assert agenda.coach_line.startswith("1 call today without an outcome")


def test_the_dashboard_is_one_read_model_of_every_panel(repo: Repository, clock) -> None:
    seed(repo, clock())
    repo.days.save(DayPlan(clock().date(), (Priority("Call Greta"),)))
    data = dashboard(repo, clock())
    assert data.today == clock().date()
    assert data.why is not None and data.why.statement == "For my family"
    assert data.why_versions == 1
    assert len(data.calls) == 2 and not data.to_debrief
    assert [line.who for line in data.touches] == ["Greta Lindqvist"]
    assert data.day is not None and data.day.priorities[0].text == "Call Greta"
    assert not (data.objectives or data.goals)


def test_an_empty_folder_has_an_empty_dashboard(repo: Repository, clock) -> None:
    data = dashboard(repo, clock())
    assert data.why is None and data.day is None
    assert not (data.calls or data.touches or data.objectives)


def test_the_calendar_holds_the_window_s_calls_and_the_open_to_dos(repo: Repository, clock) -> None:
    uids = seed(repo, clock())
    old = Call(uids["account"], clock() - timedelta(days=200))
    repo.calls.save(old)
    recent = calendar_export(repo, clock())
    assert recent.calls == 2
    events = Calendar.from_ical(recent.payload).walk("VEVENT")
    assert {str(event["uid"]) for event in events} == {
        f"call-{uids['today_call']}@coach-tui",
        f"call-{uids['next_week']}@coach-tui",
    }
    assert len(Calendar.from_ical(recent.payload).walk("VTODO")) == 2  # the touch, the promise
    assert calendar_export(repo, clock(), everything=True).calls == 3


def test_the_json_export_counts_every_record_it_holds(repo: Repository, clock) -> None:
    seed(repo, clock())
    export = json_export(repo)
    assert b"Nordvale Foods" in export.payload and b"Send the study" in export.payload
    # account, person, why, two calls, touch, promise
    assert export.records == 7


def test_importing_contacts_plans_without_writing_then_saves_the_plan(
    repo: Repository, clock
) -> None:
    plan = prepare(repo, "linkedin", FIXTURES / "Connections.csv", None)
    assert plan.contacts
    assert repo.contacts.all() == []  # preparing writes nothing
    assert apply(repo, plan) == len(plan.contacts)
    assert {contact.name for contact in repo.contacts.all()} == {
        contact.name for contact in plan.contacts
    }
    again = prepare(repo, "linkedin", FIXTURES / "Connections.csv", None)
    assert again.contacts == ()  # the same people are not added twice


def test_importing_contacts_for_an_unknown_account_is_refused(repo: Repository) -> None:
    with pytest.raises(ImportFailed):
        prepare(repo, "linkedin", FIXTURES / "Connections.csv", "No Such Company")


def test_the_review_context_holds_the_figures_the_clear_up_and_next_week_s_calls(
    repo: Repository, clock
) -> None:
    uids = seed(repo, clock())
    week = week_to_review(repo, clock())
    context = review_context(repo, week, clock())
    assert context.week == week
    assert context.figures_text and context.summary
    assert {item.kind for item in context.clear} == {"touch", "promise"}
    assert set(context.touches) == {item.uid for item in context.clear if item.kind == "touch"}
    # the calls still to come: this afternoon's and next week's
    assert [uid for uid, _ in context.next_calls] == [uids["today_call"], uids["next_week"]]
    assert context.next_calls[0][1].endswith("· Nordvale Foods · call · no outcome yet")
    assert context.next_calls[1][1].endswith("· Nordvale Foods · call · → The CFO joins")


def test_a_week_long_ago_has_nothing_to_clear_up(repo: Repository, clock) -> None:
    seed(repo, clock())
    context = review_context(repo, IsoWeek.of(clock().date()).shifted(-8), clock())
    assert (context.clear, context.touches, context.promises) == ((), {}, {})


def test_the_review_export_says_whether_a_review_was_written(repo: Repository, clock) -> None:
    uids = seed(repo, clock())
    week = IsoWeek.of(clock().date()).shifted(-1)
    unwritten = review_export(repo, clock(), week)
    assert (unwritten.week, unwritten.written) == (week, False)
    repo.reviews.save(
        WeekReview(week, went_well="Greta said yes", key_call_uids=(uids["next_week"],))
    )
    written = review_export(repo, clock(), week)
    assert written.written and "Greta said yes" in written.text
    labels = key_call_labels(repo, repo.reviews.get(week), clock())
    assert labels[uids["next_week"]].endswith("· Nordvale Foods — outcome: The CFO joins")
    assert "The CFO joins" in written.text


def test_trends_have_one_point_per_week(repo: Repository, clock) -> None:
    seed(repo, clock())
    series = read_trends(repo, clock(), 12)
    assert series and all(len(line.values) == 12 for line in series)


def test_week_to_review_is_a_week_that_has_ended(repo: Repository, clock) -> None:
    week = week_to_review(repo, clock())
    assert week.sunday < clock().date() + timedelta(days=7)
    assert isinstance(week.monday, date)
