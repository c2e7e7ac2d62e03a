"""Stall v2: the red flags a sales manager raises about an account in a pipeline review.

Besides talk without progress (`calls.stall_question_from`), two quieter ways a deal dies:
nobody has spoken to the client since their last commitment and no next call is booked
(the advance was never followed up), and the client's own promise is more than a week of
working days late (their priorities moved, or the champion cannot deliver). Each flag is
a fact the morning line can weigh; `flag_question` says it as one question.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dateutil.rrule import DAILY, FR, MO, TH, TU, WE, rrule

from coach_tui.coaching.calls import STALL_CONTINUATIONS, stall_question_from
from coach_tui.model.account import StrategicObjective
from coach_tui.model.call import CallDigest, Commitment, DebriefMark, Movement, Party
from coach_tui.model.contact import BuyingRole, RosterEntry
from coach_tui.model.day_text import day_text
from coach_tui.model.money import Money

SILENT_DAYS = 14  # two weeks after a client committed, the next conversation is overdue
LATE_BUSINESS_DAYS = 5  # a client promise this many working days late is a red flag
# A promise this many calendar days late is more than LATE_BUSINESS_DAYS working days late
# whatever the public holidays (three weeks hold 15 weekdays; no calendar has 10 holidays
# in them), so the holiday calendar is only looked up for promises nearer than that.
SURELY_LATE_DAYS = 21
_WEEKDAYS = (MO, TU, WE, TH, FR)


def business_days_late(due: date, today: date, holidays: Collection[date] = ()) -> int:
    """Working days from the day after `due` to `today` inclusive, leaving out weekends and
    the seller's public `holidays`; 0 when not late."""
    first = due + timedelta(days=1)
    if first > today:
        return 0
    days = rrule(DAILY, dtstart=first, until=today, byweekday=_WEEKDAYS)
    return sum(1 for moment in days if moment.date() not in holidays)


def may_need_holidays(due: date, today: date) -> bool:
    """Whether the holiday calendar could change the verdict on a promise due on `due`:
    late by more than LATE_BUSINESS_DAYS weekdays, but not surely late by the calendar."""
    return (
        business_days_late(due, today) > LATE_BUSINESS_DAYS
        and (today - due).days < SURELY_LATE_DAYS
    )


@dataclass(frozen=True, slots=True)
class LatePromise:
    """A client promise more than LATE_BUSINESS_DAYS working days late, and who made it."""

    commitment: Commitment
    business_days: int
    days: int  # calendar days late
    who: tuple[str, ...] = ()  # the names of the people on the call it was made in

    @property
    def promiser(self) -> str:
        """'Greta', 'Greta or Paul', or 'the client' when the call named nobody."""
        if not self.who:
            return "the client"
        if len(self.who) == 1:
            return self.who[0]
        return f"{', '.join(self.who[:-1])} or {self.who[-1]}"

    @property
    def lateness(self) -> str:
        """'a week late', '3 weeks late' (six working days late is already 8 days)."""
        weeks = max(self.days // 7, 1)
        return "a week late" if weeks == 1 else f"{weeks} weeks late"


def late_client_promises(
    commitments: Iterable[Commitment],
    today: date,
    *,
    people_on: Mapping[str, Sequence[str]] = {},
    names: Mapping[str, str] = {},
    holidays: Collection[date] = (),
) -> list[LatePromise]:
    """Open client promises more than LATE_BUSINESS_DAYS working days late, the latest
    first. `people_on` maps a call uid to its contacts, `names` a contact uid to a name."""
    late = []
    for commitment in commitments:
        if commitment.party is not Party.THEM or not commitment.is_open or commitment.due is None:
            continue
        working = business_days_late(commitment.due, today, holidays)
        if working <= LATE_BUSINESS_DAYS:
            continue
        who = tuple(names[uid] for uid in people_on.get(commitment.call_uid, ()) if uid in names)
        late.append(LatePromise(commitment, working, (today - commitment.due).days, who))
    return sorted(late, key=lambda item: (-item.days, item.commitment.what.casefold()))


def silent_since(
    marks: Sequence[DebriefMark],
    today: date,
    *,
    held_since: Iterable[datetime] = (),
    booked: bool = False,
) -> date | None:
    """The day of the account's last advance when nothing happened after it: the latest
    debrief is that advance, no call was held since (`held_since`: calls not debriefed yet),
    none is `booked`, and SILENT_DAYS have passed. None when the account is not silent."""
    if booked or not marks:
        return None
    last = max(marks, key=lambda mark: mark.when)
    if last.movement is not Movement.ADVANCE:
        return None
    if any(when > last.when for when in held_since):
        return None
    since = last.when.date()
    return since if (today - since).days >= SILENT_DAYS else None


def weeks_without_advance(marks: Sequence[DebriefMark], today: date) -> int:
    """Whole weeks since the last advance (since the first debrief if none), 0 if none."""
    if not marks:
        return 0
    advances = [mark.when for mark in marks if mark.movement is Movement.ADVANCE]
    since = max(advances) if advances else min(mark.when for mark in marks)
    return max((today - since.date()).days // 7, 0)


@dataclass(frozen=True, slots=True)
class AccountFlags:
    """What the coach would raise about one account, with the stakes that rank it."""

    account: str
    stall: str = ""  # the classic stall question (continuations, weeks without advance)
    weeks_stalled: int = 0  # weeks without an advance when `stall` is set, else 0
    continuations: bool = False  # the stall is three continuations in a row
    silent: date | None = None  # silent since this advance, no next call booked
    late: LatePromise | None = None  # the latest client promise, if one is late
    target: Money | None = None  # the value of the account's open objective
    champion: str = ""  # who to call about it: the account's champion, if known

    @property
    def raised(self) -> bool:
        return bool(self.stall or self.silent or self.late)

    @property
    def brief(self) -> str:
        """A word or two for a list column: 'promise late', 'silent', 'stalled' or ''."""
        if self.late is not None:
            return "promise late"
        if self.silent is not None:
            return "silent"
        return "stalled" if self.stall else ""


def account_flags(
    account: str,
    marks: Sequence[DebriefMark],
    today: date,
    *,
    weeks: int,
    held_since: Iterable[datetime] = (),
    booked: bool = False,
    late: Sequence[LatePromise] = (),
    target: Money | None = None,
    champion: str = "",
    watch_silence: bool = True,
) -> AccountFlags:
    """Every flag of one account. `watch_silence` is off for an account with no open
    objective: without anything to win, a quiet client is no alarm."""
    stall = stall_question_from(marks, today, weeks=weeks)
    recent = sorted(marks, key=lambda mark: mark.when)[-STALL_CONTINUATIONS:]
    continuations = (
        bool(stall)
        and len(recent) == STALL_CONTINUATIONS
        and all(mark.movement is Movement.CONTINUATION for mark in recent)
    )
    return AccountFlags(
        account,
        stall,
        weeks_without_advance(marks, today) if stall else 0,
        continuations,
        silent_since(marks, today, held_since=held_since, booked=booked) if watch_silence else None,
        late[0] if late else None,
        target,
        champion,
    )


def flag_question(flags: AccountFlags) -> str:
    """The flags as the coach says them, most concrete first; empty when none is raised.

    A late promise names who made it; silence says since when; the classic stall keeps
    its own question. Two flags read as two short sentences, never a stack of warnings.
    """
    parts = []
    if flags.late is not None:
        late = flags.late
        parts.append(
            f"{late.promiser} is {late.lateness} on “{late.commitment.what}”. "
            "Ask what is in the way."
        )
    if flags.silent is not None:
        parts.append(
            f"Silent since {day_text(flags.silent)}, no next call. Who owns the next step?"
        )
    if flags.stall:  # never with silence: a stall has a debrief after the last advance
        parts.append(flags.stall)
    return " ".join(parts)


def flags_by_account(
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
    """Account uid → its flags, for every account with one raised, from what the store
    read: the digest's marks and calls, open objectives, who is who, the open promises.
    The champion is whom the coach says to call; silence is watched only where an
    objective is open."""
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
