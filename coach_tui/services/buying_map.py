"""Who on an account the seller has met, and who has kept a promise: what the buying map's
tests of the economic buyer and the champions read (see `coaching/coverage.py`)."""

from __future__ import annotations

from dataclasses import dataclass

from coach_tui.model.call import Party
from coach_tui.store.repository import Repository


@dataclass(frozen=True, slots=True)
class MetAndKept:
    """`met`: people on a live call of the account, held or booked. `kept`: people on a
    call where the client promised something that was then done."""

    met: frozenset[str]
    kept: frozenset[str]


def met_and_kept(repo: Repository, account_uid: str) -> MetAndKept:
    """From the account's live calls and promises (the last quarter, its open objective's
    calls, and every promise still open or kept lately)."""
    calls = {call.uid: call for call in repo.calls.recent_for_account(account_uid)}
    kept_on = {
        c.call_uid
        for c in repo.calls.recent_commitments(account_uid)
        if c.party is Party.THEM and not c.is_open
    }
    return MetAndKept(
        frozenset(uid for call in calls.values() for uid in call.contact_uids),
        frozenset(
            uid
            for call_uid in kept_on
            if (call := calls.get(call_uid))
            for uid in call.contact_uids
        ),
    )
