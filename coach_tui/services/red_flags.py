"""The red flags of every account, read once for the dashboard, the morning plan and
`coach today` (see `coaching/red_flags.py` for the rules)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from coach_tui.coaching.public_holidays import effective_region, public_holidays
from coach_tui.coaching.red_flags import (
    AccountFlags,
    LatePromise,
    account_flags,
    late_client_promises,
    may_need_holidays,
)
from coach_tui.model.account import StrategicObjective
from coach_tui.model.call import CallDigest, Commitment, DebriefMark, Party
from coach_tui.model.contact import BuyingRole, RosterEntry
from coach_tui.store.repository import Repository


def red_flags(repo: Repository, digest: CallDigest, now: datetime) -> dict[str, AccountFlags]:
    """Account uid → its flags, for every account that has one raised."""
    today = now.date()
    commitments = [c for c in repo.calls.open_commitments() if c.party is Party.THEM]
    return flags_of(
        digest,
        now,
        names=repo.accounts.names(),
        objectives=repo.objectives.all_open(),
        roster=repo.contacts.roster(),
        commitments=commitments,
        weeks=repo.settings.get().stall_weeks,
        holidays=_holidays_for(commitments, today, repo),
    )


def flag_words(repo: Repository, now: datetime) -> dict[str, str]:
    """Account uid → its red flag in a word or two, for the account list."""
    flags = red_flags(repo, repo.calls.digest(now), now)
    return {uid: f.brief for uid, f in flags.items()}


def flags_of(
    digest: CallDigest,
    now: datetime,
    *,
    names: dict[str, str],
    objectives: Sequence[StrategicObjective],
    roster: Sequence[RosterEntry],
    commitments: Sequence[Commitment],
    weeks: int,
    holidays: frozenset[date] = frozenset(),
) -> dict[str, AccountFlags]:
    """The flags from what the store read: the digest's marks and calls, open objectives,
    who is who, and the open promises."""
    today = now.date()
    people = {entry.uid: entry.name for entry in roster}
    champions: dict[str, str] = {}
    for entry in roster:
        if entry.role is BuyingRole.CHAMPION:
            champions.setdefault(entry.account_uid, entry.name)
    open_objective = {o.account_uid: o for o in objectives if o.is_open}
    booked = {call.account_uid for call in digest.upcoming}
    held: dict[str, list[datetime]] = {}
    for call in digest.awaiting_debrief:
        held.setdefault(call.account_uid, []).append(call.when)
    late = late_client_promises(
        commitments, today, people_on=digest.people_on, names=people, holidays=holidays
    )
    late_by_account: dict[str, list[LatePromise]] = {}
    for promise in late:
        late_by_account.setdefault(promise.commitment.account_uid, []).append(promise)
    flagged: dict[str, AccountFlags] = {}
    for uid in {*digest.history, *late_by_account}:
        objective = open_objective.get(uid)
        flags = account_flags(
            names.get(uid, "?"),
            digest.history.get(uid, ()),
            today,
            weeks=weeks,
            held_since=held.get(uid, ()),
            booked=uid in booked,
            late=late_by_account.get(uid, ()),
            target=objective.financial_target if objective else None,
            champion=champions.get(uid, ""),
            watch_silence=objective is not None,
        )
        if flags.raised:
            flagged[uid] = flags
    return flagged


def _holidays_for(
    commitments: Sequence[Commitment], today: date, repo: Repository
) -> frozenset[date]:
    """The seller's public holidays over the promises they could decide, loaded only when
    one could (the calendar costs a third of a second to load)."""
    dues = [c.due for c in commitments if c.due is not None and may_need_holidays(c.due, today)]
    if not dues:
        return frozenset()
    region = effective_region(repo.settings.get().holiday_region)
    return frozenset(public_holidays(region, min(dues), today)) if region else frozenset()


def account_red_flags(repo: Repository, account_uid: str, now: datetime) -> AccountFlags:
    """One account's flags, for its own page: read from its live calls and promises."""
    calls = repo.calls.recent_for_account(account_uid)
    people_on = {call.uid: call.contact_uids for call in calls}
    commitments = [c for c in repo.calls.open_commitments(account_uid) if c.party is Party.THEM]
    digest = CallDigest(
        upcoming=tuple(call for call in calls if call.when >= now),
        awaiting_debrief=tuple(call for call in calls if call.when < now and call.debrief is None),
        per_objective={},
        history={account_uid: tuple(m for m in map(DebriefMark.of, calls) if m is not None)},
        people_on=people_on,
    )
    flags = flags_of(
        digest,
        now,
        names=repo.accounts.names(),
        objectives=[o for o in (repo.objectives.active_for(account_uid),) if o is not None],
        roster=[e for e in repo.contacts.roster() if e.account_uid == account_uid],
        commitments=commitments,
        weeks=repo.settings.get().stall_weeks,
        holidays=_holidays_for(commitments, now.date(), repo),
    )
    return flags.get(account_uid, AccountFlags(repo.accounts.names().get(account_uid, "?")))
