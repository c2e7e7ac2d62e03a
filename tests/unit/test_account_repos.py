"""Accounts, their strategic objectives and the team's perspectives, on a real data folder."""

import json
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest

from coach_tui.model.account import (
    Account,
    ExpansionKind,
    ObjectiveStatus,
    Perspective,
    PerspectiveKind,
    Research,
    StrategicObjective,
)
from coach_tui.model.draft import FlowDraft
from coach_tui.model.money import Money
from coach_tui.services.flow_saves import save_objective
from coach_tui.store import storage

TODAY = date(2026, 11, 24)


def account(name: str, clock=None, **changes) -> Account:
    return Account(name=name, created_at=clock() if clock else None, **changes)


def objective(account_uid: str, description: str = "Roll out to the Polish plants", **changes):
    fields = {
        "kind": ExpansionKind.WIDER_DEPLOYMENT,
        "client_goal": "Halve their time to market",
        "financial_target": Money(Decimal("250000.00"), "EUR"),
        "target_date": date(2027, 6, 30),
    }
    return StrategicObjective(account_uid, description, **(fields | changes))


def perspective(account_uid: str, who: str, said_on: date, **changes) -> Perspective:
    fields = {"kind": PerspectiveKind.INSIGHT, "text": f"What {who} sees"}
    return Perspective(account_uid, who, said_on, **(fields | changes))


def count_writes(monkeypatch) -> list:
    """The data files written from now on, one entry per atomic write."""
    writes = []
    real = storage.write_atomic
    monkeypatch.setattr(storage, "write_atomic", lambda p, b: (writes.append(p.name), real(p, b)))
    return writes


# Accounts


def test_accounts_are_listed_by_name_ignoring_case(repo) -> None:
    for name in ("beta Works", "Alpha Mills", "gamma Co", "Äpfel AG"):
        repo.accounts.save(account(name))
    assert [a.name for a in repo.accounts.all()] == [
        "Alpha Mills",
        "beta Works",
        "gamma Co",
        "Äpfel AG",
    ]


def test_an_empty_folder_has_no_accounts(repo) -> None:
    assert repo.accounts.all() == []
    assert repo.accounts.all(include_archived=True) == []
    assert repo.accounts.names() == {}
    assert repo.accounts.get("nope") is None


def test_saving_the_same_uid_replaces_the_account(repo) -> None:
    acme = account("Acme")
    repo.accounts.save(acme)
    repo.accounts.save(replace(acme, name="Acme Group", research=Research(issues="Late parts")))
    stored = repo.accounts.all()
    assert len(stored) == 1
    assert stored[0].name == "Acme Group"
    assert stored[0].research.issues == "Late parts"


def test_archived_accounts_are_hidden_not_lost(repo, clock) -> None:
    acme, beta = account("Acme"), account("Beta")
    repo.accounts.save(acme)
    repo.accounts.save(beta)
    archived = repo.accounts.set_archived(acme.uid, clock())
    assert archived is not None
    assert archived.archived
    assert archived.archived_at == clock()
    assert [a.name for a in repo.accounts.all()] == ["Beta"]
    assert [a.name for a in repo.accounts.all(include_archived=True)] == ["Acme", "Beta"]
    assert repo.accounts.names() == {acme.uid: "Acme", beta.uid: "Beta"}
    back = repo.accounts.set_archived(acme.uid, None)
    assert back is not None
    assert not back.archived
    assert [a.name for a in repo.accounts.all()] == ["Acme", "Beta"]


def test_archiving_an_unknown_account_changes_nothing(repo, clock) -> None:
    assert repo.accounts.set_archived("nope", clock()) is None
    assert repo.accounts.all(include_archived=True) == []


@pytest.mark.parametrize(
    ("typed", "taken"),
    [
        ("Acme", True),
        ("ACME", True),
        ("acme", True),
        ("Archived Ltd", True),  # archived names are still taken
        ("archived ltd", True),
        ("Straße AG", True),
        ("STRASSE AG", True),  # case folding, not just lower-casing
        ("Acme Group", False),
        ("Acm", False),
    ],
)
def test_name_taken_ignores_case_and_sees_archived_accounts(repo, clock, typed, taken):
    repo.accounts.save(account("Acme"))
    repo.accounts.save(account("Straße AG"))
    repo.accounts.save(account("Archived Ltd", archived_at=clock()))
    assert repo.accounts.name_taken(typed) is taken


def test_an_account_may_keep_its_own_name_when_edited(repo) -> None:
    acme = account("Acme")
    repo.accounts.save(acme)
    assert not repo.accounts.name_taken("ACME", except_uid=acme.uid)
    assert repo.accounts.name_taken("ACME", except_uid="someone-else")


def test_accounts_survive_reopening_unchanged(open_repo, clock) -> None:
    repo = open_repo()
    acme = account(
        "Åcme 株式会社 🚀",
        clock,
        research=Research("Going electric", "Margins", "Late parts", "Listed by 2030"),
    )
    archived = account("Old Co", clock, archived_at=clock() + timedelta(hours=3))
    repo.accounts.save(acme)
    repo.accounts.save(archived)
    repo.close()
    again = open_repo()
    assert again.accounts.get(acme.uid) == acme
    assert again.accounts.get(archived.uid) == archived
    stored = again.accounts.get(acme.uid)
    assert stored is not None
    assert stored.created_at is not None
    assert stored.created_at.utcoffset() == timedelta(hours=1)


# Delete and undo


@pytest.fixture
def acme_with_history(repo, clock):
    """Acme with an open objective, an achieved one and two perspectives; Beta alongside."""
    acme, beta = account("Acme", clock), account("Beta", clock)
    repo.accounts.save(acme)
    repo.accounts.save(beta)
    old = objective(acme.uid, "First plant", status=ObjectiveStatus.ACHIEVED, closed_at=clock())
    current = objective(acme.uid, "All plants", created_at=clock())
    others = objective(beta.uid, "Beta's objective")
    for item in (old, current, others):
        repo.objectives.save(item)
    seen = [
        perspective(acme.uid, "Dana", date(2026, 10, 1), role="SE"),
        perspective(acme.uid, "Lee", date(2026, 11, 1), kind=PerspectiveKind.RISK),
        perspective(beta.uid, "Kim", date(2026, 11, 2)),
    ]
    for item in seen:
        repo.perspectives.save(item)
    return acme, beta, (old, current), seen


def test_delete_takes_the_account_with_its_objectives_and_perspectives(
    repo, acme_with_history
) -> None:
    acme, beta, (old, current), seen = acme_with_history
    deleted = repo.accounts.delete(acme.uid)
    assert deleted is not None
    assert deleted.account == acme
    assert {o.uid for o in deleted.objectives} == {old.uid, current.uid}
    assert {p.uid for p in deleted.perspectives} == {seen[0].uid, seen[1].uid}
    assert repo.accounts.get(acme.uid) is None
    assert repo.objectives.active_for(acme.uid) is None
    assert repo.objectives.history_for(acme.uid) == []
    assert repo.perspectives.for_account(acme.uid) == []
    # The other account keeps everything.
    assert repo.accounts.get(beta.uid) == beta
    assert repo.objectives.active_for(beta.uid) is not None
    assert [p.who for p in repo.perspectives.for_account(beta.uid)] == ["Kim"]


def test_delete_and_restore_each_write_the_accounts_file_once(
    repo, acme_with_history, monkeypatch
) -> None:
    acme = acme_with_history[0]
    writes = count_writes(monkeypatch)
    deleted = repo.accounts.delete(acme.uid)
    assert writes == ["accounts.json"]
    assert deleted is not None
    repo.accounts.restore(deleted)
    assert writes == ["accounts.json", "accounts.json"]


def test_restore_brings_everything_back_with_the_same_uids(
    repo, open_repo, acme_with_history
) -> None:
    acme, _, (old, current), seen = acme_with_history
    deleted = repo.accounts.delete(acme.uid)
    assert deleted is not None
    repo.accounts.restore(deleted)
    repo.close()  # and it stays back after reopening
    again = open_repo()
    assert again.accounts.get(acme.uid) == acme
    assert again.objectives.active_for(acme.uid) == current
    assert again.objectives.history_for(acme.uid) == [old]
    assert again.perspectives.for_account(acme.uid) == [seen[1], seen[0]]


def test_deleting_an_unknown_account_returns_nothing_and_writes_nothing(
    repo, acme_with_history, monkeypatch
) -> None:
    writes = count_writes(monkeypatch)
    assert repo.accounts.delete("nope") is None
    assert writes == []
    assert len(repo.accounts.all()) == 2


# Strategic objectives


def test_an_account_has_at_most_one_open_objective(repo, data_dir) -> None:
    acme = account("Acme")
    first = objective(acme.uid, "All plants")
    repo.objectives.save(first)
    before = (data_dir / "accounts.json").read_bytes()
    with pytest.raises(ValueError, match="already has an open objective"):
        repo.objectives.save(objective(acme.uid, "Another door"))
    assert (data_dir / "accounts.json").read_bytes() == before
    assert repo.objectives.active_for(acme.uid) == first
    assert len(repo.objectives.all_open()) == 1


def test_editing_the_open_objective_replaces_its_wording(repo) -> None:
    first = objective("acc", "All plants")
    repo.objectives.save(first)
    edited = replace(first, description="All plants in Poland", target_date=date(2027, 9, 30))
    repo.objectives.save(edited)
    assert repo.objectives.active_for("acc") == edited
    assert repo.objectives.all_open() == [edited]


def test_a_closed_objective_may_be_saved_beside_the_open_one(repo, clock) -> None:
    current = objective("acc", "All plants")
    repo.objectives.save(current)
    earlier = objective("acc", "Pilot", status=ObjectiveStatus.DROPPED, closed_at=clock())
    repo.objectives.save(earlier)
    assert repo.objectives.active_for("acc") == current
    assert repo.objectives.history_for("acc") == [earlier]


def test_open_objectives_of_different_accounts_do_not_clash(repo) -> None:
    for uid in ("a", "b", "c"):
        repo.objectives.save(objective(uid))
    assert sorted(o.account_uid for o in repo.objectives.all_open()) == ["a", "b", "c"]


def test_closing_moves_the_objective_to_history(repo, clock) -> None:
    current = objective("acc")
    repo.objectives.save(current)
    closed = repo.objectives.close(current.uid, ObjectiveStatus.ACHIEVED, "Signed!", clock())
    assert closed is not None
    assert closed.status is ObjectiveStatus.ACHIEVED
    assert closed.closed_at == clock()
    assert closed.closing_note == "Signed!"
    assert repo.objectives.active_for("acc") is None
    assert repo.objectives.all_open() == []
    assert repo.objectives.history_for("acc") == [closed]
    # Now a new objective can be the open one.
    repo.objectives.save(objective("acc", "The next door"))
    assert repo.objectives.active_for("acc") is not None


def test_closing_needs_achieved_or_dropped(repo, clock) -> None:
    current = objective("acc")
    repo.objectives.save(current)
    with pytest.raises(ValueError, match="achieved or dropped"):
        repo.objectives.close(current.uid, ObjectiveStatus.OPEN, "", clock())
    assert repo.objectives.active_for("acc") == current


def test_closing_an_unknown_objective_returns_nothing(repo, clock) -> None:
    assert repo.objectives.close("nope", ObjectiveStatus.DROPPED, "", clock()) is None


def test_history_is_most_recently_closed_first(repo, clock) -> None:
    names = ("First", "Second", "Third")
    for name in names:
        repo.objectives.save(objective("acc", name))
        found = repo.objectives.active_for("acc")
        assert found is not None
        repo.objectives.close(found.uid, ObjectiveStatus.ACHIEVED, name, clock())
        clock.advance(days=30)
    assert [o.description for o in repo.objectives.history_for("acc")] == [
        "Third",
        "Second",
        "First",
    ]
    assert repo.objectives.history_for("other") == []


def test_history_with_an_undated_close_sorts_it_last_instead_of_failing(repo, clock) -> None:
    undated = objective("acc", "Imported", status=ObjectiveStatus.ACHIEVED)  # no closed_at
    dated = objective("acc", "Recent", status=ObjectiveStatus.DROPPED, closed_at=clock())
    repo.objectives.save(undated)
    repo.objectives.save(dated)
    assert [o.description for o in repo.objectives.history_for("acc")] == ["Recent", "Imported"]


def test_reopen_undoes_a_close(repo, clock) -> None:
    current = objective("acc")
    repo.objectives.save(current)
    closed = repo.objectives.close(current.uid, ObjectiveStatus.DROPPED, "Budget cut", clock())
    assert closed is not None
    repo.objectives.reopen(closed)
    assert repo.objectives.active_for("acc") == current
    assert repo.objectives.history_for("acc") == []


def test_reopen_is_refused_while_another_objective_is_open(repo, clock) -> None:
    first = objective("acc", "First")
    repo.objectives.save(first)
    closed = repo.objectives.close(first.uid, ObjectiveStatus.DROPPED, "", clock())
    assert closed is not None
    second = objective("acc", "Second")
    repo.objectives.save(second)
    with pytest.raises(ValueError, match="already has an open objective"):
        repo.objectives.reopen(closed)
    assert repo.objectives.active_for("acc") == second
    assert repo.objectives.history_for("acc") == [closed]


def test_saving_from_a_guided_flow_drops_its_draft(repo, clock) -> None:
    repo.drafts.save(FlowDraft("objective", 3, {"description": "All plants"}, clock()))
    repo.drafts.save(FlowDraft("why", 1, {}, clock()))
    save_objective(repo, objective("acc"), draft="objective")
    assert repo.drafts.get("objective") is None
    assert repo.drafts.get("why") is not None


def test_a_refused_save_keeps_the_flow_draft(repo, clock) -> None:
    repo.objectives.save(objective("acc", "First"))
    repo.drafts.save(FlowDraft("objective", 3, {"description": "Second"}, clock()))
    with pytest.raises(ValueError, match="already has an open objective"):
        save_objective(repo, objective("acc", "Second"), draft="objective")
    assert repo.drafts.get("objective") is not None


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"financial_target": None, "target_date": None, "client_goal": ""},
        {"financial_target": Money(Decimal("1234567.89"), "CHF")},
        {"financial_target": Money(Decimal("1.2E+6"), "USD")},
        {"kind": ExpansionKind.NEW_TERRITORY, "target_date": date(2028, 2, 29)},
        {"status": ObjectiveStatus.DROPPED, "closing_note": "Budget cut — «reorg»"},
    ],
)
def test_objectives_survive_reopening_unchanged(open_repo, clock, changes) -> None:
    repo = open_repo()
    saved = objective("acc", "Enter the Nordics 🇳🇴", created_at=clock(), **changes)
    if saved.status is not ObjectiveStatus.OPEN:
        saved = replace(saved, closed_at=clock() + timedelta(minutes=5))
    repo.objectives.save(saved)
    repo.close()
    again = open_repo()
    found = [*again.objectives.all_open(), *again.objectives.history_for("acc")]
    assert found == [saved]
    target = found[0].financial_target
    if target is not None:
        assert isinstance(target.amount, Decimal)
        assert str(target.amount) == str(saved.financial_target.amount)


def test_money_is_stored_as_text_not_as_a_float(repo, data_dir) -> None:
    repo.objectives.save(objective("acc", financial_target=Money(Decimal("0.10"), "EUR")))
    stored = json.loads((data_dir / "accounts.json").read_text())["objectives"]
    (record,) = stored.values()
    assert record["financial_target"] == {"amount": "0.10", "currency": "EUR"}
    assert record["kind"] == "wider deployment"
    assert record["status"] == "open"
    assert record["target_date"] == "2027-06-30"


# Perspectives


def test_perspectives_are_newest_first_per_account(repo) -> None:
    for who, said_on in (("Dana", date(2026, 9, 1)), ("Lee", date(2026, 11, 20))):
        repo.perspectives.save(perspective("acc", who, said_on))
    repo.perspectives.save(perspective("acc", "Sam", date(2026, 10, 5)))
    repo.perspectives.save(perspective("other", "Kim", date(2026, 11, 23)))
    assert [p.who for p in repo.perspectives.for_account("acc")] == ["Lee", "Sam", "Dana"]
    assert [p.who for p in repo.perspectives.for_account("other")] == ["Kim"]
    assert repo.perspectives.for_account("nobody") == []


def test_a_perspective_can_be_corrected_and_removed(repo) -> None:
    said = perspective("acc", "Dana", date(2026, 9, 1))
    repo.perspectives.save(said)
    fixed = replace(said, text="Their CFO is leaving", kind=PerspectiveKind.RISK)
    repo.perspectives.save(fixed)
    assert repo.perspectives.for_account("acc") == [fixed]
    repo.perspectives.delete(said.uid)
    assert repo.perspectives.for_account("acc") == []
    repo.perspectives.delete("nope")  # removing nothing is fine


def test_perspectives_survive_reopening_unchanged(open_repo) -> None:
    repo = open_repo()
    said = perspective(
        "acc", "Dana Ó'Brien", date(2028, 2, 29), kind=PerspectiveKind.RELATIONSHIP,
        role="Solutions engineer", text="Line one\n\nשלום",
    )  # fmt: skip
    repo.perspectives.save(said)
    repo.close()
    assert open_repo().perspectives.for_account("acc") == [said]
