"""The red flags read from the store: the call digest's people, silence only where there
is an objective, the holiday calendar read only when it could decide, one account alone."""

from dataclasses import replace
from datetime import date, timedelta

import pytest

from coach_tui.model.account import Account, ExpansionKind, StrategicObjective
from coach_tui.model.call import Call, Commitment, Debrief, Movement, Party, Result
from coach_tui.model.contact import BuyingRole, Contact
from coach_tui.services import red_flags as service
from coach_tui.services.agenda import todays_agenda
from coach_tui.services.buying_map import met_and_kept
from coach_tui.services.weekly_review import stalled_now
from coach_tui.store.repository import Repository


def account_with_advance(repo: Repository, now, name: str, *, objective: bool) -> Account:
    account = Account(name, created_at=now)
    repo.accounts.save(account)
    if objective:
        repo.objectives.save(
            StrategicObjective(account.uid, "All plants", ExpansionKind.WIDER_DEPLOYMENT)
        )
    greta = Contact("Greta", account.uid, role=BuyingRole.CHAMPION, uid=f"greta{name}")
    repo.contacts.save(greta)
    debrief = Debrief(Result.REACHED, Movement.ADVANCE)
    repo.calls.save(Call(account.uid, now - timedelta(days=20), contact_uids=(greta.uid,),
                         debrief=debrief, uid=f"call{name}"))  # fmt: skip
    return account


def test_silence_after_an_advance_is_flagged_where_there_is_something_to_win(
    repo: Repository, clock
) -> None:
    now = clock()
    watched = account_with_advance(repo, now, "Nordvale", objective=True)
    account_with_advance(repo, now, "Osprey", objective=False)
    digest = repo.calls.digest(now)
    assert digest.people_on == {"callNordvale": ("gretaNordvale",), "callOsprey": ("gretaOsprey",)}
    assert digest.met[watched.uid] == frozenset({"gretaNordvale"})
    agenda = todays_agenda(repo, now)
    assert agenda.stalled == (
        ("Nordvale", "Silent since 4 Nov 2026, no next call. Who owns the next step?"),
    )
    assert agenda.coach_line == (
        "Nordvale: nobody has spoken to them since their last commitment. Call Greta today."
    )
    # The weekly review's reading names the same accounts as the morning plan.
    assert set(stalled_now(repo, now)) == {watched.uid}
    repo.calls.save(Call(watched.uid, now + timedelta(days=2)))  # the next call is booked
    assert todays_agenda(repo, now).stalled == ()
    assert stalled_now(repo, now) == {}


def test_the_holiday_calendar_is_read_only_when_it_could_decide(
    repo: Repository, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = clock()  # Tuesday 24 Nov 2026
    asked: list[tuple[str, date, date]] = []

    def calendar(region: str, first: date, last: date) -> dict[date, str]:
        asked.append((region, first, last))
        return {date(2026, 11, 19): "A holiday"}

    monkeypatch.setattr(service, "public_holidays", calendar)
    monkeypatch.setattr(service, "effective_region", lambda chosen: "DE")
    account = account_with_advance(repo, now, "Nordvale", objective=False)
    late = Commitment(account.uid, Party.THEM, "Send the figures", due=date(2026, 11, 2),
                      call_uid="callNordvale")  # fmt: skip
    repo.calls.save_commitment(late)
    flags = service.red_flags(repo, repo.calls.digest(now), now)
    assert asked == [] and flags[account.uid].late is not None  # three weeks: surely late
    nda = Commitment(
        account.uid, Party.THEM, "Sign the NDA", due=date(2026, 11, 16), call_uid="callNordvale"
    )
    repo.calls.save_commitment(nda)
    repo.calls.save_commitment(replace(late, done_on=now.date()))
    flags = service.red_flags(repo, repo.calls.digest(now), now)
    assert asked == [("DE", date(2026, 11, 16), now.date())]  # six working days, or five
    assert account.uid not in flags  # with the holiday on Thursday 19 Nov: five


def test_one_account_alone_gives_the_same_flags_as_the_whole_digest(
    repo: Repository, clock
) -> None:
    now = clock()
    account = account_with_advance(repo, now, "Nordvale", objective=True)
    figures = Commitment(
        account.uid, Party.THEM, "Send the figures", due=date(2026, 11, 13), call_uid="callNordvale"
    )
    repo.calls.save_commitment(figures)
    alone = service.account_red_flags(repo, account.uid, now)
    assert alone == service.red_flags(repo, repo.calls.digest(now), now)[account.uid]
    assert alone.late is not None and alone.late.promiser == "Greta"
    assert alone.silent == date(2026, 11, 4)
    assert met_and_kept(repo, account.uid).kept == frozenset()
