"""Storing calls with prep and debrief, and commitments."""

import json
import re
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

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
from coach_tui.model.draft import FlowDraft
from coach_tui.store.codec import encode
from coach_tui.store.errors import UnreadableFile
from coach_tui.store.repository import Repository
from tests.helpers import BERLIN

WHEN = datetime(2026, 11, 25, 10, 0, tzinfo=BERLIN)


def full_call() -> Call:
    return Call(
        "acc",
        WHEN,
        kind=CallKind.MEETING,
        contact_uids=("p1", "p2"),
        objective_uid="obj",
        prep=Prep(
            "The CFO signs the pilot form",
            "large",
            note="n",
            client_gain="g",
            attendees="CFO",
            questions="q",
            objections="o",
            bring="b",
            fallback="f",
        ),
        debrief=Debrief(
            Result.PARTLY, Movement.ADVANCE, next_step="Pilot kickoff", notes="Went well", at=WHEN
        ),
        created_at=WHEN,
    )


def test_a_call_round_trips_with_prep_and_debrief(open_repo, clock) -> None:
    repo = open_repo()
    saved = full_call()
    repo.calls.save(saved)
    repo.close()
    assert open_repo().calls.get(saved.uid) == replace(saved, updated_at=clock())


def test_a_save_stamps_the_change_and_counts_each_move(repo, clock) -> None:
    """What a calendar needs to replace its copy: LAST-MODIFIED and a SEQUENCE that grows
    when the call's time or length changes, counted from what is stored."""
    loaded = Call("acc", WHEN, created_at=WHEN)
    repo.calls.save(loaded)
    created = clock()
    assert repo.calls.get(loaded.uid) == replace(loaded, updated_at=created, sequence=0)
    clock.advance(hours=1)
    repo.calls.save(loaded)  # saved again unchanged: nothing to tell a calendar
    assert repo.calls.get(loaded.uid).updated_at == created
    clock.advance(hours=1)
    repo.calls.save(replace(loaded, prep=Prep("The CFO signs")))  # new text, same time
    assert (repo.calls.get(loaded.uid).sequence, repo.calls.get(loaded.uid).updated_at) == (
        0,
        clock(),
    )
    clock.advance(hours=1)
    repo.calls.save(replace(loaded, when=WHEN + timedelta(days=1)))  # moved
    assert repo.calls.get(loaded.uid).sequence == 1
    repo.calls.save(replace(loaded, when=WHEN, kind=CallKind.MEETING))  # a stale copy moved back
    assert repo.calls.get(loaded.uid).sequence == 2  # counts on from the store, never back
    assert repo.calls.get(loaded.uid).updated_at == clock()


def test_a_debrief_of_an_archived_call_counts_on_from_the_archived_copy(repo, clock) -> None:
    old = replace(full_call(), when=datetime(2025, 1, 7, 10, 0, tzinfo=BERLIN), sequence=4)
    with repo.store.transaction() as tx:
        tx.table("calls_archive").insert(encode(old))
    repo.calls.save(replace(old, when=old.when + timedelta(hours=1), sequence=0))
    assert repo.calls.get(old.uid).sequence == 5


def test_a_debrief_saves_call_next_call_promises_and_drops_the_draft(repo, clock) -> None:
    first = Call("acc", WHEN)
    repo.drafts.save(FlowDraft(f"debrief:{first.uid}", 3, {"theirs": "x"}, clock()))
    promise = Commitment("acc", Party.THEM, "Share the data", due=date(2026, 11, 27),
                         call_uid=first.uid)  # fmt: skip
    nxt = Call("acc", datetime(2026, 12, 1, 9, 30, tzinfo=BERLIN), prep=Prep("CFO agrees"))
    with repo.unit_of_work() as uow:
        repo.calls.save_debrief(first, commitments=[promise], next_call=nxt)
        uow.discard_draft(f"debrief:{first.uid}")
    assert [c.uid for c in repo.calls.for_account("acc")] == [first.uid, nxt.uid]
    assert repo.calls.commitments("acc") == [promise]
    assert repo.drafts.get(f"debrief:{first.uid}") is None


def test_deleting_the_account_takes_its_calls_and_undo_restores_them(repo) -> None:
    account = Account("Nordvale Foods")
    repo.accounts.save(account)
    repo.calls.save(Call(account.uid, WHEN))
    repo.calls.save_commitment(Commitment(account.uid, Party.ME, "Send study"))
    deleted = repo.accounts.delete(account.uid)
    assert repo.calls.for_account(account.uid) == []
    assert repo.calls.commitments(account.uid) == []
    repo.accounts.restore(deleted)
    assert len(repo.calls.for_account(account.uid)) == 1
    assert len(repo.calls.commitments(account.uid)) == 1


def test_a_hand_broken_prep_stops_the_open(open_repo, data_dir) -> None:
    repo = open_repo()
    repo.calls.save(full_call())
    repo.close()
    path = data_dir / "calls.json"
    raw = json.loads(path.read_text())
    (record,) = raw["calls"].values()
    record["prep"]["outcome"] = 7
    path.write_text(json.dumps(raw))
    with pytest.raises(UnreadableFile, match=re.escape("'outcome' should be text (in prep)")):
        Repository.open(data_dir)


def test_the_dashboard_digest_agrees_with_reading_every_call(data_dir, clock) -> None:
    from io import StringIO

    from rich.console import Console

    from coach_tui.coaching.calls import (
        awaiting_debrief,
        per_objective,
        stalls_by_account,
        stalls_in,
        upcoming,
    )
    from coach_tui.commands.demo import write_demo

    write_demo(data_dir, years=2, seed=5, console=Console(file=StringIO()), clock=clock)
    repo = Repository.open(data_dir, clock=clock)
    try:
        now, today = clock(), clock().date()
        every = repo.calls.all()
        digest = repo.calls.digest(now)
        assert list(digest.upcoming) == [line.call for line in upcoming(every, now, {})]
        assert list(digest.awaiting_debrief) == awaiting_debrief(every, now)
        open_objectives = {objective.uid for objective in repo.objectives.all_open()}
        assert {uid: n for uid, n in digest.per_objective.items() if uid in open_objectives} == {
            uid: n for uid, n in per_objective(every).items() if uid in open_objectives
        }
        assert repo.store.is_loaded("archive")  # `all` read the archive the demo wrote
        for weeks in (2, 6, 12):
            expected = stalls_by_account(every, today, weeks=weeks)
            assert stalls_in(digest.history, today, weeks=weeks) == expected
        assert stalls_by_account(every, today)  # the demo does have stalled accounts
    finally:
        repo.close()
