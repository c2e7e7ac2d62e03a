"""`coach export ics`: a calendar that parses back with a real iCalendar library."""

from dataclasses import replace
from datetime import date, datetime, timedelta
from io import StringIO
from pathlib import Path

from icalendar import Calendar, Event
from rich.console import Console

from coach_tui.cli import main
from coach_tui.commands.export import export_ics
from coach_tui.model import clock as clock_module
from coach_tui.model.account import Account
from coach_tui.model.call import (
    Call,
    CallKind,
    Commitment,
    Debrief,
    Movement,
    Party,
    Prep,
    Result,
)
from coach_tui.model.contact import Contact
from coach_tui.model.touch import Channel, Purpose, Touch, TouchStatus
from coach_tui.store.repository import Repository
from tests.coach_at import stopped_at
from tests.helpers import BERLIN

WHEN = datetime(2026, 11, 25, 10, 0, tzinfo=BERLIN)


def seed(data_dir: Path, clock) -> Call:
    repo = Repository.open(data_dir, clock=clock)
    account = Account('Nordvale Foods, Ltd; "EU"')  # commas, semicolons and quotes
    repo.accounts.save(account)
    greta = Contact("Greta Lindqvist", account_uid=account.uid)
    repo.contacts.save(greta)
    prep = Prep("Greta introduces us to the CFO", note="Bring the waste study",
                fallback="Greta shares the downtime figures",
                reason="Waste is up 8% since the new line")  # fmt: skip
    call = Call(account.uid, WHEN, kind=CallKind.MEETING, prep=prep)
    repo.calls.save(call)
    repo.calls.save(Call(account.uid, WHEN + timedelta(days=2)))
    repo.touches.save_many([
        Touch("camp", account.uid, greta.uid, date(2026, 11, 26), Channel.EMAIL,
              Purpose.SHARE_INSIGHT, idea="Send one finding"),
        Touch("camp", account.uid, greta.uid, date(2026, 11, 20), Channel.PHONE,
              Purpose.PIQUE_CURIOSITY, status=TouchStatus.DONE),
    ])  # fmt: skip
    repo.calls.save_commitment(
        Commitment(account.uid, Party.ME, "Send the study", due=date(2026, 11, 27))
    )
    repo.close()
    return call


def test_round_trip_through_icalendar(data_dir: Path, clock, tmp_path: Path) -> None:
    call = seed(data_dir, clock)
    target = tmp_path / "coach.ics"
    assert export_ics(data_dir, target, console=Console(file=StringIO()), clock=clock) == 0
    calendar = Calendar.from_ical(target.read_bytes())
    events = list(calendar.walk("VEVENT"))
    todos = list(calendar.walk("VTODO"))
    assert len(events) == 2
    meeting = next(e for e in events if str(e["uid"]) == f"call-{call.uid}@coach-tui")
    assert meeting.decoded("dtstart") == WHEN
    assert meeting.decoded("dtend") - meeting.decoded("dtstart") == timedelta(minutes=60)
    assert str(meeting["summary"]) == 'Meeting · Nordvale Foods, Ltd; "EU"'
    assert str(meeting["description"]).splitlines() == [
        "Outcome: Greta introduces us to the CFO",
        "Minimum: Greta shares the downtime figures",
        "Their reason: Waste is up 8% since the new line",
        "Prep: Bring the waste study",
        "",
        "Open with:",
        "Thanks for making the time. The reason for today, as I understand it: Waste is up 8% "
        "since the new line.",
        "We have 60 minutes — does that still work? What would you like to be sure we cover?",
        "At the end I'll ask for one step: Greta introduces us to the CFO. If it's a no, that's "
        "fine — just tell me.",
    ]
    [alarm] = meeting.walk("VALARM")
    assert alarm.decoded("trigger") == -timedelta(minutes=30)
    unprepared = next(e for e in events if e is not meeting)
    assert "No outcome prepared yet" in str(unprepared["description"])
    # The done touch is left out; the open touch and the promise are to-dos.
    assert sorted(str(t["summary"]) for t in todos) == [
        'Email to Greta Lindqvist (Nordvale Foods, Ltd; "EU")',
        'I promised: Send the study (Nordvale Foods, Ltd; "EU")',
    ]
    assert {t.decoded("due") for t in todos} == {date(2026, 11, 26), date(2026, 11, 27)}
    assert {str(t["status"]) for t in todos} == {"NEEDS-ACTION"}


def test_uids_are_stable_across_exports(data_dir: Path, clock, tmp_path: Path) -> None:
    seed(data_dir, clock)
    quiet = Console(file=StringIO())
    export_ics(data_dir, tmp_path / "a.ics", console=quiet, clock=clock)
    export_ics(data_dir, tmp_path / "b.ics", console=quiet, clock=clock)

    def uids(name: str) -> set[str]:
        calendar = Calendar.from_ical((tmp_path / name).read_bytes())
        return {str(c["uid"]) for c in calendar.walk() if "uid" in c}

    assert uids("a.ics") == uids("b.ics") and len(uids("a.ics")) == 4


def test_export_works_while_coach_holds_the_folder(data_dir: Path, clock, capsysbinary) -> None:
    seed(data_dir, clock)
    running = Repository.open(data_dir, clock=clock)  # the app, holding the lock
    try:
        assert main(["export", "ics", "--data", str(data_dir)]) == 0
    finally:
        running.close()
    calendar = Calendar.from_ical(capsysbinary.readouterr().out)
    assert len(list(calendar.walk("VEVENT"))) == 2


def test_what_was_written_is_counted_in_words_that_agree(data_dir: Path, clock, tmp_path) -> None:
    repo = Repository.open(data_dir, clock=clock)
    account = Account("Nordvale Foods")
    repo.accounts.save(account)
    repo.calls.save(Call(account.uid, WHEN))
    repo.close()
    out = Console(file=StringIO(), width=200)
    assert export_ics(data_dir, tmp_path / "one.ics", console=out, clock=clock) == 0
    assert (
        f"Wrote 1 call from the last 90 days on (--all for every one) and open to-dos to "
        f"{tmp_path / 'one.ics'}." in out.file.getvalue()
    )


def calendar_of(data_dir: Path, clock, target: Path, **options: bool) -> dict[str, Event]:
    """The exported events by call uid, as icalendar reads them."""
    assert (
        export_ics(data_dir, target, console=Console(file=StringIO()), clock=clock, **options) == 0
    )
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    return {
        str(event["uid"]).removeprefix("call-").removesuffix("@coach-tui"): event
        for event in events
    }


def seed_history(data_dir: Path, clock) -> dict[str, Call]:
    """A debriefed call last week, one never debriefed, one 100 days ago, one tomorrow."""
    repo = Repository.open(data_dir, clock=clock)
    account = Account("Nordvale Foods")
    repo.accounts.save(account)
    now = clock()
    calls = {
        "debriefed": Call(
            account.uid,
            now - timedelta(days=6),
            prep=Prep("Greta introduces us to the CFO"),
            debrief=Debrief(Result.PARTLY, Movement.ADVANCE, next_step="CFO call on Friday",
                            notes="Budget is set in March", at=now - timedelta(days=6)),
        ),
        "continued": Call(
            account.uid,
            now - timedelta(days=5),
            debrief=Debrief(Result.MISSED, Movement.CONTINUATION, next_step="Send the deck"),
        ),
        "waiting": Call(account.uid, now - timedelta(days=1), prep=Prep("The pilot is signed")),
        "old": Call(account.uid, now - timedelta(days=100),
                    debrief=Debrief(Result.REACHED, Movement.ADVANCE)),
        "edge": Call(account.uid, now - timedelta(days=89)),
        "tomorrow": Call(account.uid, now + timedelta(days=1),
                         prep=Prep("The CFO agrees to a pilot")),
    }  # fmt: skip
    for call in calls.values():
        repo.calls.save(call)
    repo.close()
    return calls


def test_a_call_that_happened_says_what_came_of_it_and_rings_no_alarm(
    data_dir: Path, clock, tmp_path: Path
) -> None:
    calls = seed_history(data_dir, clock)
    events = calendar_of(data_dir, clock, tmp_path / "coach.ics")
    debriefed = str(events[calls["debriefed"].uid]["description"])
    assert debriefed.splitlines() == [
        "Outcome: Greta introduces us to the CFO",
        "Result: got the minimum.",
        "Advance: CFO call on Friday",
        "Notes: Budget is set in March",
    ]
    assert str(events[calls["continued"].uid]["description"]).splitlines() == [
        "No outcome was prepared.",
        "Result: got neither the best nor the minimum.",
        "Continuation: no commitment from the client yet.",
        "Next step: Send the deck",
    ]
    waiting = str(events[calls["waiting"].uid]["description"])
    assert waiting.splitlines() == [
        "Outcome: The pilot is signed",
        "Not debriefed yet: open coach and press b on this call.",
    ]
    for past in ("debriefed", "continued", "waiting", "edge"):
        assert events[calls[past].uid].walk("VALARM") == []
        assert "open coach and press p" not in str(events[calls[past].uid]["description"])
    [alarm] = events[calls["tomorrow"].uid].walk("VALARM")  # only a call to come rings
    assert alarm.decoded("trigger") == -timedelta(minutes=30)
    assert str(alarm["description"]) == "Outcome check: The CFO agrees to a pilot"


def test_the_calendar_holds_the_last_90_days_and_all_to_come_unless_all(
    data_dir: Path, clock, tmp_path: Path
) -> None:
    calls = seed_history(data_dir, clock)
    window = calendar_of(data_dir, clock, tmp_path / "window.ics")
    assert set(window) == {c.uid for name, c in calls.items() if name != "old"}
    everything = calendar_of(data_dir, clock, tmp_path / "all.ics", everything=True)
    assert set(everything) == {c.uid for c in calls.values()}


def test_a_moved_call_carries_a_higher_sequence_and_its_last_change(
    data_dir: Path, clock, tmp_path: Path
) -> None:
    calls = seed_history(data_dir, clock)
    tomorrow = calls["tomorrow"]
    saved_at = clock()
    before = calendar_of(data_dir, clock, tmp_path / "before.ics")[tomorrow.uid]
    assert (before.decoded("sequence"), before.decoded("last-modified")) == (0, saved_at)
    clock.advance(hours=2)
    repo = Repository.open(data_dir, clock=clock)
    repo.calls.save(
        replace(tomorrow, when=tomorrow.when + timedelta(hours=3))
    )  # the copy a screen held
    repo.close()
    clock.advance(minutes=5)
    after = calendar_of(data_dir, clock, tmp_path / "after.ics")[tomorrow.uid]
    assert after.decoded("sequence") == 1
    assert after.decoded("last-modified") == saved_at + timedelta(hours=2)
    assert after.decoded("dtstamp") == clock()  # when the file was written
    assert after.decoded("dtstart") == tomorrow.when + timedelta(hours=3)


def test_cli_export_ics_window_and_all(
    data_dir: Path, clock, tmp_path: Path, monkeypatch, capsys
) -> None:
    calls = seed_history(data_dir, clock)
    monkeypatch.setattr(clock_module, "datetime", stopped_at(clock()))
    target = tmp_path / "coach.ics"
    assert main(["export", "ics", str(target), "--data", str(data_dir)]) == 0
    assert "Wrote 5 calls from the last 90 days on (--all for every one)" in capsys.readouterr().err
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert sum(len(event.walk("VALARM")) for event in events) == 1  # tomorrow's only
    assert main(["export", "ics", str(target), "--all", "--force", "--data", str(data_dir)]) == 0
    assert "Wrote 6 calls and open to-dos" in capsys.readouterr().err
    assert len(Calendar.from_ical(target.read_bytes()).walk("VEVENT")) == len(calls)
    assert main(["export", "json", "--all", "--data", str(data_dir)]) == 2
    assert "--all goes with 'coach export ics' only." in capsys.readouterr().err
