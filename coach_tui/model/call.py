"""Calls: the interactions with a client, each prepared to one outcome and debriefed after.

"Call" covers a phone call, a meeting, an email exchange or a demo. Prep and debrief are
stored on the call itself: they are read together and change one call at a time.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import Enum

from coach_tui.model.dates import check_day, check_moment
from coach_tui.model.errors import ValidationError
from coach_tui.model.ids import check_link, check_uid, new_uid
from coach_tui.model.limits import Limits
from coach_tui.model.text import TextRule

NOTE_MAX = 3_000
# Every text of a prep, a debrief or a promise: the flows check each answer against it (the
# outcome step asks for less, but a flow's "bigger step" becomes the next call's outcome).
CALL_TEXT = TextRule("The note", NOTE_MAX, multiline=True, required=False)
PROMISE = TextRule("The promise", NOTE_MAX)
# The sizes the outcome coach gives (coaching.outcome.AdvanceSize), stored as text.
PREP_SIZES = ("small", "medium", "large")


class CallKind(Enum):
    CALL = "call"
    MEETING = "meeting"
    EMAIL = "email"
    DEMO = "demo"


# How long each kind of call takes, in minutes: a calendar's event and the opener's "we have
# 30 minutes" say the same.
MINUTES = {CallKind.CALL: 30, CallKind.EMAIL: 15, CallKind.MEETING: 60, CallKind.DEMO: 60}


class Result(Enum):
    """Did the call get its outcome? The best one, the minimum acceptable one, or neither.

    The stored values are older than the words: "partly" has always meant the client did
    less than the best outcome but enough for the call to count (the prep's fallback).
    """

    REACHED = "reached"  # the best outcome
    PARTLY = "partly"  # the minimum acceptable action
    MISSED = "not reached"  # neither


# How every screen, export and printout names a result: short in a table cell, as what the
# call "got" in a sentence. One map, so the history, the prep's last call, the debrief's
# check page and the calendar never disagree about what "partly" means.
RESULT_SHORT = {Result.REACHED: "best", Result.PARTLY: "minimum", Result.MISSED: "neither"}
RESULT_GOT = {
    Result.REACHED: "got the best outcome",
    Result.PARTLY: "got the minimum",
    Result.MISSED: "got neither the best nor the minimum",
}


class Movement(Enum):
    """An advance is a next step the client committed to; a continuation is only more talk."""

    ADVANCE = "advance"
    CONTINUATION = "continuation"


@dataclass(frozen=True, slots=True)
class Prep:
    """What the seller wants the client to agree to (the best outcome and the minimum
    acceptable action), the client's reason to meet, and — for larger advances — the plan."""

    outcome: str
    size: str = "small"  # AdvanceSize value; kept as text so the model needs no coaching import
    note: str = ""
    client_gain: str = ""
    attendees: str = ""
    questions: str = ""
    objections: str = ""
    bring: str = ""
    fallback: str = ""  # the minimum acceptable action: the least the client must do
    # Why the client would want this meeting, in their terms (opens the call).
    reason: str = ""
    # The call whose debrief's next step (or whose split) put this outcome here. A carried
    # outcome is a draft for the seller's prep, not a prep: empty once they prepared it.
    carried_from: str = ""

    @property
    def carried(self) -> bool:
        return bool(self.carried_from)


@dataclass(frozen=True, slots=True)
class Debrief:
    result: Result
    movement: Movement
    next_step: str = ""
    notes: str = ""
    at: datetime | None = None
    # The getting-better goal (SkillGoal uid) the debrief asked about, and the answer: did
    # the seller practise it in this call? Empty when no skill was asked about.
    skill_uid: str = ""
    practised: bool = False


@dataclass(frozen=True, slots=True)
class Call:
    account_uid: str
    when: datetime
    kind: CallKind = CallKind.CALL
    contact_uids: tuple[str, ...] = ()
    objective_uid: str = ""
    prep: Prep | None = None
    debrief: Debrief | None = None
    created_at: datetime | None = None
    # When the call was last changed, and how often its time or kind (hence its length)
    # changed: a calendar replaces its copy of an event only when these grew (see
    # `revised` and `interop/ics.py`). Set by the store on every save, never by a screen.
    updated_at: datetime | None = None
    sequence: int = 0
    uid: str = field(default_factory=new_uid)

    @property
    def prepared(self) -> bool:
        """The seller prepared an outcome; one carried over from another call is not a prep."""
        return self.prep is not None and bool(self.prep.outcome) and not self.prep.carried

    @property
    def outcome(self) -> str:
        """The prepared outcome; empty while the call has none (a carried draft included)."""
        return self.prep.outcome if self.prepared and self.prep is not None else ""

    @property
    def carried_outcome(self) -> str:
        """The outcome carried over from another call, waiting for the prep; else empty."""
        return self.prep.outcome if self.prep is not None and self.prep.carried else ""


class Party(Enum):
    ME = "me"
    THEM = "them"


@dataclass(frozen=True, slots=True)
class Commitment:
    """A promise made in a call, by the seller or the client, with a due date if one was set."""

    account_uid: str
    party: Party
    what: str
    due: date | None = None
    call_uid: str = ""
    done_on: date | None = None
    uid: str = field(default_factory=new_uid)

    @property
    def is_open(self) -> bool:
        return self.done_on is None


@dataclass(frozen=True, slots=True)
class DebriefMark:
    """When a debriefed call happened and which way it went: all the stall rule reads."""

    when: datetime
    movement: Movement

    @classmethod
    def of(cls, call: Call) -> DebriefMark | None:
        """The mark of a debriefed call; `None` for one not debriefed yet."""
        return None if call.debrief is None else cls(call.when, call.debrief.movement)


@dataclass(frozen=True, slots=True)
class CallDigest:
    """The few calls the dashboard needs out of thousands, chosen without decoding them all.

    `history` holds, per account, just enough debriefed calls for the stall rule (the first,
    the last advance and the last three), as marks rather than whole calls. `per_objective`
    counts live calls, which is every call of an open objective (a closed one's old calls
    may be in the archive). `people_on` is each live call's contacts (read from the stored
    record, not decoded): who made a promise in a call; `met` gathers them per account —
    everyone on a live call of it, held or booked.
    """

    upcoming: tuple[Call, ...]
    awaiting_debrief: tuple[Call, ...]
    per_objective: dict[str, int]
    history: dict[str, tuple[DebriefMark, ...]]
    people_on: dict[str, tuple[str, ...]] = field(default_factory=dict)  # call uid → contacts
    met: dict[str, frozenset[str]] = field(default_factory=dict)  # account uid → contacts


def revised(call: Call, stored: Call | None, now: datetime) -> Call:
    """`call` as it is saved over `stored` (None: a new call) at `now`.

    The revision comes from what is stored, not from the copy a screen loaded earlier:
    a change stamps `updated_at`, a new time or kind adds one to `sequence` (RFC 5545 asks
    for that when an event's start or end moves), and saving an unchanged call keeps both.
    """
    if stored is None:
        return replace(call, updated_at=now)
    unchanged = replace(call, updated_at=stored.updated_at, sequence=stored.sequence)
    if unchanged == stored:
        return unchanged
    moved = (call.when, call.when.tzinfo, call.kind) != (
        stored.when,
        stored.when.tzinfo,
        stored.kind,
    )
    return replace(unchanged, updated_at=now, sequence=stored.sequence + int(moved))


def check_call(call: Call, limits: Limits) -> None:
    """Refuse a stored call the flows would not save (see `Limits` for which rules apply)."""
    check_uid(call.uid)
    check_moment(call.when, field="when")
    if call.created_at is not None:
        check_moment(call.created_at, field="created_at")
    if call.debrief is not None and call.debrief.at is not None:
        check_moment(call.debrief.at, field="debrief at")
    if call.updated_at is not None:
        check_moment(call.updated_at, field="updated_at")
    if call.sequence < 0:
        raise ValidationError("The sequence should be 0 or more.", field="sequence")
    if limits is Limits.FORMS:
        _check_call_texts(call)


def _check_call_texts(call: Call) -> None:
    check_link(call.account_uid, field="account_uid")
    check_link(call.objective_uid, field="objective_uid")
    for uid in call.contact_uids:
        check_link(uid, field="contact_uids")
    if call.prep is not None:
        for name in Prep.__dataclass_fields__:
            if name not in ("size", "carried_from"):
                CALL_TEXT.check(getattr(call.prep, name), f"prep {name}")
        check_link(call.prep.carried_from, field="prep carried_from")
        if call.prep.size not in PREP_SIZES:
            raise ValidationError(
                f"The size should be one of {', '.join(PREP_SIZES)}.", field="prep size"
            )
    if call.debrief is not None:
        CALL_TEXT.check(call.debrief.next_step, "debrief next_step")
        CALL_TEXT.check(call.debrief.notes, "debrief notes")
        check_link(call.debrief.skill_uid, field="debrief skill_uid")


def check_commitment(commitment: Commitment, limits: Limits) -> None:
    """Refuse a stored promise the debrief would not save."""
    check_uid(commitment.uid)
    for name, day in (("due", commitment.due), ("done_on", commitment.done_on)):
        if day is not None:
            check_day(day, field=name)
    if limits is Limits.FORMS:
        check_link(commitment.account_uid, field="account_uid")
        check_link(commitment.call_uid, field="call_uid")
        PROMISE.check(commitment.what, "what")
