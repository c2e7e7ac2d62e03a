"""Calls, open touches and open promises as an iCalendar file for any calendar app.

Each call is an event with a stable UID (so re-importing updates rather than duplicates).
A call to come has its outcome, minimum, the client's reason and the rest of the prep in the
description, with the three-line opener to start it (`coaching/opener.py`), and a reminder 30
minutes before — time to read the outcome once more. A call that has happened says what came of
it (the outcome, the result, advance or continuation, the next step) and rings no alarm.
SEQUENCE counts how often the call was moved and LAST-MODIFIED is its last change (both
kept by the store, see `model.call.revised`), so a calendar replaces the copy it holds;
DTSTAMP is when this file was written. Touches and promises are to-dos with due dates.

Every text written goes through `printable()`: a calendar app shows what was stored, control
codes as their pictures (iCalendar allows none in text, and a calendar file is often read
in a terminal too).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from icalendar import Alarm, Calendar, Event, Todo

from coach_tui import __version__
from coach_tui.coaching.opener import OpenerFacts, opener
from coach_tui.model.call import MINUTES, RESULT_GOT, Call, Commitment, Debrief, Movement
from coach_tui.model.text import printable
from coach_tui.model.touch import Touch

UID_DOMAIN = "coach-tui"
REMIND_BEFORE = timedelta(minutes=30)
# Without --all a calendar gets the calls of the last 90 days and every call to come:
# enough history to look back on a quarter, without years of past events in a phone.
WINDOW = timedelta(days=90)


def in_window(call: Call, now: datetime) -> bool:
    """Whether the default export includes `call`: from 90 days ago on."""
    return call.when >= now - WINDOW


def _uid(kind: str, uid: str) -> str:
    return printable(f"{kind}-{uid}@{UID_DOMAIN}")


def call_event(call: Call, account: str, stamp: datetime) -> Event:
    """The call's event as of `stamp`, the moment the file is written."""
    event = Event()
    event.add("uid", _uid("call", call.uid))
    event.add("dtstamp", stamp.astimezone(UTC))
    if call.updated_at is not None:
        event.add("last-modified", call.updated_at.astimezone(UTC))
    event.add("sequence", call.sequence)
    # UTC: every calendar app reads it right, whatever zone names the seller's machine uses.
    start = call.when.astimezone(UTC)
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=MINUTES[call.kind]))
    event.add("summary", printable(f"{call.kind.value.capitalize()} · {account}"))
    if call.debrief is not None:
        lines = _what_happened(call, call.debrief)
    elif call.when < stamp:
        lines = [_outcome_line(call), "Not debriefed yet: open coach and press b on this call."]
    else:
        lines = _what_to_get(call)
    event.add("description", printable("\n".join(lines)))
    if call.debrief is None and call.when >= stamp:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        outcome = call.outcome or "none yet"
        alarm.add("description", printable(f"Outcome check: {outcome}"))
        alarm.add("trigger", -REMIND_BEFORE)
        event.add_component(alarm)
    return event


def _outcome_line(call: Call) -> str:
    return f"Outcome: {call.outcome}" if call.outcome else "No outcome was prepared."


def _what_to_get(call: Call) -> list[str]:
    """A call to come: its outcome and the plan, or the nudge to prepare one."""
    if not call.prepared or call.prep is None:
        lines = ["No outcome prepared yet: open coach and press p on this call."]
        if call.carried_outcome:
            lines.append(f"Next step carried over: {call.carried_outcome}")
        return lines
    prep = call.prep
    plan = [f"Outcome: {prep.outcome}"] + [f"{label}: {value}" for label, value in (
        ("Minimum", prep.fallback), ("Their reason", prep.reason), ("Prep", prep.note),
        ("They gain", prep.client_gain), ("Who must be there", prep.attendees),
        ("Questions", prep.questions), ("Objections", prep.objections), ("Bring", prep.bring),
    ) if value]  # fmt: skip
    lines = opener(
        OpenerFacts(reason=prep.reason, minutes=MINUTES[call.kind], outcome=prep.outcome)
    )
    return [*plan, "", "Open with:", *lines]


def _what_happened(call: Call, debrief: Debrief) -> list[str]:
    """A debriefed call: what it was for and what came of it."""
    lines = [_outcome_line(call), f"Result: {RESULT_GOT[debrief.result]}."]
    if debrief.movement is Movement.ADVANCE:
        lines.append(f"Advance: {debrief.next_step or 'the client committed to a next step.'}")
    else:
        lines.append("Continuation: no commitment from the client yet.")
        if debrief.next_step:
            lines.append(f"Next step: {debrief.next_step}")
    if debrief.notes:
        lines.append(f"Notes: {debrief.notes}")
    return lines


def touch_todo(touch: Touch, account: str, who: str, stamp: datetime) -> Todo:
    todo = Todo()
    todo.add("uid", _uid("touch", touch.uid))
    todo.add("dtstamp", stamp.astimezone(UTC))
    todo.add("summary", printable(f"{touch.channel.value.capitalize()} to {who} ({account})"))
    todo.add("description", printable(f"{touch.purpose.value.capitalize()}. {touch.idea}".strip()))
    todo.add("due", touch.due)
    todo.add("status", "NEEDS-ACTION")
    return todo


def commitment_todo(commitment: Commitment, account: str, stamp: datetime) -> Todo:
    todo = Todo()
    todo.add("uid", _uid("promise", commitment.uid))
    todo.add("dtstamp", stamp.astimezone(UTC))
    whose = "I promised" if commitment.party.value == "me" else "They promised"
    todo.add("summary", printable(f"{whose}: {commitment.what} ({account})"))
    if commitment.due is not None:
        todo.add("due", commitment.due)
    todo.add("status", "NEEDS-ACTION" if commitment.is_open else "COMPLETED")
    return todo


def build_calendar(
    calls: Sequence[Call],
    touches: Sequence[Touch],
    commitments: Sequence[Commitment],
    *,
    accounts: dict[str, str],
    contacts: dict[str, str],
    stamp: datetime,
) -> bytes:
    """The whole calendar of `calls` as of `stamp` (now); only open touches and promises
    are included."""
    calendar = Calendar()
    calendar.add("prodid", f"-//coach-tui//coach {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "coach")
    for call in calls:
        calendar.add_component(call_event(call, accounts.get(call.account_uid, "?"), stamp))
    for touch in touches:
        if touch.is_open:
            who = contacts.get(touch.contact_uid, "someone")
            account = accounts.get(touch.account_uid, "?")
            calendar.add_component(touch_todo(touch, account, who, stamp))
    for commitment in commitments:
        if commitment.is_open:
            account = accounts.get(commitment.account_uid, "?")
            calendar.add_component(commitment_todo(commitment, account, stamp))
    return calendar.to_ical()
