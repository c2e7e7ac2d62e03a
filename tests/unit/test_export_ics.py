"""`coach export ics`: a calendar that parses back with a real iCalendar library."""

from datetime import date, datetime, timedelta
from io import StringIO
from pathlib import Path

from icalendar import Calendar
from rich.console import Console

from coach_tui.cli import main
from coach_tui.commands.export import export_ics
from coach_tui.model.account import Account
from coach_tui.model.call import Call, CallKind, Commitment, Party, Prep
from coach_tui.model.contact import Contact
from coach_tui.model.touch import Channel, Purpose, Touch, TouchStatus
from coach_tui.store.repository import Repository
from tests.helpers import BERLIN

WHEN = datetime(2026, 11, 25, 10, 0, tzinfo=BERLIN)


def seed(data_dir: Path, clock) -> Call:
    repo = Repository.open(data_dir, clock=clock)
    account = Account('Nordvale Foods, Ltd; "EU"')  # commas, semicolons and quotes
    repo.accounts.save(account)
    greta = Contact("Greta Lindqvist", account_uid=account.uid)
    repo.contacts.save(greta)
    prep = Prep("Greta introduces us to the CFO", note="Bring the waste study")
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
    assert "Outcome: Greta introduces us to the CFO" in str(meeting["description"])
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
    assert f"Wrote 1 call and open to-dos to {tmp_path / 'one.ics'}." in out.file.getvalue()
