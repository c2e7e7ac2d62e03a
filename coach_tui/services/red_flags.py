"""The red flags of every account, read once for the dashboard, the morning plan and
`coach today` (see `coaching/red_flags.py` for the rules)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from coach_tui.coaching.public_holidays import effective_region, public_holidays
from coach_tui.coaching.red_flags import AccountFlags, flags_by_account, may_need_holidays
from coach_tui.model.account import StrategicObjective
from coach_tui.model.call import CallDigest, Commitment, DebriefMark, Party
from coach_tui.model.contact import RosterEntry
from coach_tui.store.repository import Repository


def red_flags(
    repo: Repository,
    digest: CallDigest,
    now: datetime,
    *,
    names: dict[str, str] | None = None,
    objectives: Sequence[StrategicObjective] | None = None,
    roster: Sequence[RosterEntry] | None = None,
    open_commitments: Sequence[Commitment] | None = None,
) -> dict[str, AccountFlags]:
    """Account uid → its flags, for every account that has one raised. A caller that has
    read the account names, the open objectives, the roster or the open promises already
    passes them, so the dashboard and the agenda decode each once."""
    today = now.date()
    if open_commitments is None:
        open_commitments = repo.calls.open_commitments()
    commitments = [c for c in open_commitments if c.party is Party.THEM]
    return flags_by_account(
        digest,
        now,
        names=repo.accounts.names() if names is None else names,
        objectives=repo.objectives.all_open() if objectives is None else objectives,
        roster=repo.contacts.roster() if roster is None else roster,
        commitments=commitments,
        weeks=repo.settings.get().stall_weeks,
        holidays=_holidays_for(commitments, today, repo),
    )


def flag_words(repo: Repository, now: datetime) -> dict[str, str]:
    """Account uid → its red flag in a word or two, for the account list."""
    flags = red_flags(repo, repo.calls.digest(now), now)
    return {uid: f.brief for uid, f in flags.items()}


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
    flags = flags_by_account(
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
