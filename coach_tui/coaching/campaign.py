"""The entry campaign generator and the coach's remarks on a plan.

A campaign is 8–10 touches over about four weeks, aimed at one thing: a first meeting.
Touches move through the method's purposes — pique curiosity, share an insight, show you
are a credible resource — and ask for the meeting along the way: the first ask comes by
the middle (while the first touches are fresh) and the last touch asks again, rather than
every ask crammed into the last week. Dates are business days from dateutil's rrule,
spread evenly; nobody gets two touches in a day. Each touch's idea is built for its person
(see `touch_ideas`); a referral asks someone who knows them for an introduction.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from dateutil.relativedelta import relativedelta
from dateutil.rrule import DAILY, FR, MO, TH, TU, WE, rrule

from coach_tui.coaching.touch_ideas import introducer_for, touch_idea
from coach_tui.coaching.touches import next_business_day
from coach_tui.model.contact import BuyingRole, Contact
from coach_tui.model.day_text import weekday_text
from coach_tui.model.errors import ValidationError
from coach_tui.model.touch import (
    CAMPAIGN_MAX_TOUCHES,
    CAMPAIGN_MIN_TOUCHES,
    Channel,
    Purpose,
    Touch,
    TouchStatus,
)
from coach_tui.model.wording import counted

DEFAULT_COUNT = 9
MAX_WEEKS = 12
MAX_COUNT = 20
LONGEST_GAP_DAYS = 10
# A plan longer than two weeks should not keep all its asks for its last week.
ASKS_SPREAD_FROM_DAYS = 14
LAST_WEEK = timedelta(days=7)
# The mix the method suggests, in percent; only the chosen channels share it out.
CHANNEL_MIX = {Channel.EMAIL: 45, Channel.PHONE: 25, Channel.SOCIAL: 20, Channel.OTHER: 10}
# What a plan uses unless the seller picks: the referral is ticked by hand, when there is
# someone to ask. Picked, it takes one touch (asking twice for an introduction is pressure),
# the second, so the warm introduction comes before the rest of the run.
DEFAULT_CHANNELS = tuple(CHANNEL_MIX)
REFERRAL_AT = 1
PURPOSE_ORDER = tuple(Purpose)
WEEKDAYS = (MO, TU, WE, TH, FR)


def business_days(start: date, weeks: int, holidays: Collection[date] = ()) -> list[date]:
    """The weekdays from `start` (moved to a weekday) through `weeks` weeks, leaving out
    the seller's public `holidays`."""
    first = next_business_day(start)
    until = first + relativedelta(weeks=weeks) - timedelta(days=1)
    return [moment.date() for moment in rrule(DAILY, dtstart=first, until=until,
                                              byweekday=WEEKDAYS)
            if moment.date() not in holidays]  # fmt: skip


def span_of(start: date, weeks: int) -> tuple[date, date]:
    """The first and last calendar day a campaign of `weeks` from `start` can use."""
    first = next_business_day(start)
    return first, first + relativedelta(weeks=weeks) - timedelta(days=1)


def skipped_holidays(
    start: date, weeks: int, holidays: Mapping[date, str]
) -> list[tuple[date, str]]:
    """The public holidays on weekdays inside the span: the days a campaign leaves out."""
    first, last = span_of(start, weeks)
    return sorted(
        (day, name) for day, name in holidays.items() if first <= day <= last and day.weekday() < 5
    )


def _spread(days: list[date], count: int) -> list[date]:
    """`count` dates spread evenly over `days`, first and last included.

    With more touches than days, each day gets the same number give or take one, so a day
    never holds more touches than there are people to receive them.
    """
    if count == 1:
        return [days[0]]
    if count <= len(days):
        step = (len(days) - 1) / (count - 1)  # at least 1, so no day is picked twice
        return [days[int(i * step + 0.5)] for i in range(count)]
    base, extra = divmod(count, len(days))
    busier = {int(i * len(days) / extra) for i in range(extra)}
    return [day for index, day in enumerate(days) for _ in range(base + (index in busier))]


def channel_counts(channels: Collection[Channel], count: int) -> dict[Channel, int]:
    """Share `count` touches between the chosen channels by the method's mix, rounding by
    largest remainder so the counts always add up; a referral picked beside other channels
    takes one touch (from two touches up) and the mix shares the rest."""
    chosen = [channel for channel in CHANNEL_MIX if channel in channels]
    referral = Channel.REFERRAL in channels
    if not chosen:
        return {Channel.REFERRAL: count} if referral else {}
    referrals = 1 if referral and count > REFERRAL_AT else 0
    mixed = count - referrals
    total = sum(CHANNEL_MIX[channel] for channel in chosen)
    exact = {channel: mixed * CHANNEL_MIX[channel] / total for channel in chosen}
    counts = {channel: int(exact[channel]) for channel in chosen}
    left = mixed - sum(counts.values())
    by_remainder = sorted(chosen, key=lambda c: (-(exact[c] - counts[c]), chosen.index(c)))
    for channel in by_remainder[:left]:
        counts[channel] += 1
    if referral:
        counts[Channel.REFERRAL] = referrals
    return counts


def channel_sequence(counts: dict[Channel, int]) -> list[Channel]:
    """The channels in the order the touches use them: the mix interleaved (see
    `_channel_sequence`), and a referral beside other channels in second place."""
    referrals = counts.get(Channel.REFERRAL, 0)
    mixed = {channel: n for channel, n in counts.items() if channel is not Channel.REFERRAL}
    if not any(mixed.values()):
        return [Channel.REFERRAL] * referrals
    order = _channel_sequence({channel: n for channel, n in mixed.items() if n})
    for _ in range(referrals):
        order.insert(REFERRAL_AT, Channel.REFERRAL)
    return order


def _channel_sequence(counts: dict[Channel, int]) -> list[Channel]:
    """An order using each channel its count, never three of one in a row where avoidable.

    Where it is not (eight emails and two calls), the runs are kept as short as they can be.
    """
    remaining = dict(counts)
    most = max(counts.values())
    longest = max(2, math.ceil(most / (sum(counts.values()) - most + 1)))
    order: list[Channel] = []
    while any(remaining.values()):
        tail = order[-longest:]
        blocked = tail[0] if len(tail) == longest and len(set(tail)) == 1 else None
        options = [c for c in remaining if remaining[c] and c != blocked] or [
            c for c in remaining if remaining[c]
        ]
        pick = max(options, key=lambda c: (remaining[c], -list(Channel).index(c)))
        order.append(pick)
        remaining[pick] -= 1
    return order


def ask_places(count: int) -> list[int]:
    """Where in a plan of `count` touches the asks for the meeting go: the last touch, and
    from four touches up the first ask by the middle, any third one between them."""
    asks = 3 if count >= 10 else 2 if count >= 4 else 1
    last = count - 1
    if asks == 1:
        return [last]
    first = max(1, last // 2)  # never the first touch: they need a reason to say yes
    return [int(first + index * (last - first) / (asks - 1) + 0.5) for index in range(asks)]


def purpose_plan(count: int) -> list[Purpose]:
    """Each touch's purpose: the asks where `ask_places` puts them, the other touches
    moving through curiosity, insight and credibility in the method's order."""
    asks = set(ask_places(count))
    rest = count - len(asks)
    curiosity = min(rest, max(1, round(rest * 0.3))) if rest else 0
    resource = min(rest - curiosity, max(1, round(rest * 0.3))) if rest - curiosity > 0 else 0
    insight = rest - curiosity - resource
    others = iter(
        [Purpose.PIQUE_CURIOSITY] * curiosity
        + [Purpose.SHARE_INSIGHT] * insight
        + [Purpose.CREDIBLE_RESOURCE] * resource
    )
    return [Purpose.ASK_FOR_MEETING if place in asks else next(others) for place in range(count)]


def plan_touches(
    account_uid: str,
    campaign_uid: str,
    contacts: Sequence[Contact],
    start: date,
    *,
    weeks: int = 4,
    channels: Collection[Channel] = DEFAULT_CHANNELS,
    count: int = DEFAULT_COUNT,
    client_focus: str = "",
    why_now: str = "",
    known: Sequence[Contact] = (),
    holidays: Collection[date] = (),
) -> list[Touch]:
    """The suggested touches, by date, on business days that are not `holidays`.
    Same input, same plan.

    Each idea is built for its person (`touch_idea`) from their role and what matters to
    them, else the account's research (`client_focus`); the first ask gives the client's
    `why_now` as the reason to talk now; a referral names whom of the account's `known`
    people to ask for the introduction. A person picked twice counts once, so the rotation
    cannot put them twice on one day.
    """
    contacts = list({contact.uid: contact for contact in contacts}.values())
    if not contacts:
        raise ValidationError("Pick at least one person to reach.", field="contacts")
    if not 1 <= weeks <= MAX_WEEKS:
        raise ValidationError(f"The span should be 1 to {MAX_WEEKS} weeks.", field="weeks")
    if not 1 <= count <= MAX_COUNT:
        raise ValidationError(f"Plan between 1 and {MAX_COUNT} touches.", field="count")
    if not channels:
        raise ValidationError("Pick at least one channel.", field="channels")
    days = business_days(start, weeks, holidays)
    if not days:
        raise ValidationError(
            "Every working day in that span is a public holiday; start later or lengthen it.",
            field="weeks",
        )
    fits = len(days) * len(contacts)
    if count > fits:
        raise ValidationError(
            f"Only {counted(fits, 'touch', 'touches')} fit in {counted(weeks, 'week')} without "
            "touching someone twice in a day; lengthen the span or add people.",
            field="weeks",
        )
    dates = _spread(days, count)
    purposes = purpose_plan(count)
    sequence = channel_sequence(channel_counts(channels, count))
    reason_at = purposes.index(Purpose.ASK_FOR_MEETING)
    people = list(known)
    touches = []
    for index, due in enumerate(dates):
        person = contacts[index % len(contacts)]
        channel = sequence[index]
        introducer = introducer_for(person, people) if channel is Channel.REFERRAL else None
        idea = touch_idea(
            purposes[index],
            channel,
            person=person,
            research=client_focus,
            why_now=why_now if index == reason_at else "",
            introducer=introducer.name if introducer else "",
        )
        touches.append(
            Touch(
                campaign_uid=campaign_uid,
                account_uid=account_uid,
                contact_uid=person.uid,
                due=due,
                channel=channel,
                purpose=purposes[index],
                idea=idea,
            )
        )
    return touches


# Who a campaign starts with by default: people who can help before people who can block.
# A blocker is never ticked: a campaign is how you get in, not whom you try to win over.
_ROLE_ORDER = (
    BuyingRole.CHAMPION, BuyingRole.ECONOMIC_BUYER, BuyingRole.USER,
    BuyingRole.TECHNICAL_EVALUATOR, BuyingRole.UNKNOWN,
)  # fmt: skip


def suggested_people(contacts: list[Contact], how_many: int = 3) -> list[Contact]:
    """Up to three people, champions and buyers first; never a blocker (the seller can
    still tick one)."""
    reachable = [contact for contact in contacts if contact.role in _ROLE_ORDER]
    ranked = sorted(reachable, key=lambda contact: _ROLE_ORDER.index(contact.role))
    return ranked[:how_many]


def person_for_new_touch(
    campaign_people: Sequence[str], touches: Sequence[Touch], listed: Collection[str]
) -> str | None:
    """Whom a touch added to a campaign goes to by default: someone the campaign reaches
    (still on the account) with the fewest touches still to come, first picked on a tie.

    None when nobody the campaign picked is listed any more.
    """
    people = [uid for uid in campaign_people if uid in listed]
    if not people:
        return None
    planned = Counter(touch.contact_uid for touch in touches if touch.is_open)
    return min(people, key=lambda uid: (planned[uid], people.index(uid)))


def count_remark(count: int) -> str:
    """What the coach says about a campaign outside 8–10 touches (allowed, but questioned)."""
    if count < CAMPAIGN_MIN_TOUCHES:
        return (
            f"Only {count} touch{'es' if count != 1 else ''}. Most first meetings come after "
            f"six or more attempts; plan at least {CAMPAIGN_MIN_TOUCHES}."
        )
    return (
        f"{count} touches is a lot: past {CAMPAIGN_MAX_TOUCHES}, persistence starts to feel "
        "like pressure. Is every one of them worth their time?"
    )


def campaign_remarks(touches: Sequence[Touch]) -> list[str]:
    """What a coach would point out about a plan, edited or not; empty when it is sound.

    Skipped touches did not happen, so they neither fill the plan nor draw remarks: skipping
    the only ask leaves a campaign that no longer asks for the meeting. A long wait before
    a touch to someone who has replied is the pace they asked for, not a gap.
    """
    if not touches:
        return ["No touches planned yet: a campaign needs a run of them to get noticed."]
    ordered = sorted(
        (touch for touch in touches if touch.status is not TouchStatus.SKIPPED),
        key=lambda touch: touch.due,
    )
    if not ordered:
        return ["Every touch was skipped. Plan a fresh run, or stop the campaign."]
    remarks = []
    if not CAMPAIGN_MIN_TOUCHES <= len(ordered) <= CAMPAIGN_MAX_TOUCHES:
        remarks.append(count_remark(len(ordered)))
    asks = [touch for touch in ordered if touch.purpose is Purpose.ASK_FOR_MEETING]
    if not asks:
        remarks.append("No touch asks for the meeting, and the meeting is what this is for.")
    elif len(ordered) > 1 and ordered[0].purpose is Purpose.ASK_FOR_MEETING:
        remarks.append(
            "The first touch asks for the meeting before they have a reason to say yes; "
            "lead with curiosity or an insight."
        )
    late = late_asks_remark(ordered, asks)
    if late:
        remarks.append(late)
    same_day = Counter((touch.contact_uid, touch.due) for touch in ordered)
    crowded = sorted(due for (_, due), times in same_day.items() if times > 1)
    if crowded:
        remarks.append(f"Two touches reach the same person on {weekday_text(crowded[0])}.")
    weekend = [touch.due for touch in ordered if touch.due.weekday() >= 5]
    if weekend:
        remarks.append(f"A touch falls on a weekend ({weekday_text(weekend[0])}); move it?")
    if len(ordered) > 2 and len({touch.channel for touch in ordered}) == 1:
        remarks.append(
            f"Every touch is {ordered[0].channel.value}; a mix of channels gets noticed."
        )
    replied: set[str] = set()
    for before, after in pairwise(ordered):
        if before.got_response:
            replied.add(before.contact_uid)
        gap = (after.due - before.due).days
        if gap > LONGEST_GAP_DAYS and after.contact_uid not in replied:
            remarks.append(
                f"{gap} days pass between {weekday_text(before.due)} and "
                f"{weekday_text(after.due)}; they will have forgotten you. Fill the gap or "
                "close it."
            )
            break
    return remarks


def late_asks_remark(ordered: Sequence[Touch], asks: Sequence[Touch]) -> str:
    """What the coach says when every ask waits for the last week of a plan longer than
    two weeks ("" when not): by then the first touches are forgotten, and a "not now"
    leaves no room to try again. `ordered` are the plan's touches by date, `asks` its
    asks by date."""
    if not asks:
        return ""
    first, last = ordered[0].due, ordered[-1].due
    if (last - first).days <= ASKS_SPREAD_FROM_DAYS or asks[0].due <= last - LAST_WEEK:
        return ""
    which = "The only ask comes" if len(asks) == 1 else "Every ask comes"
    return (
        f"{which} in the last week; ask once by the middle, while your first touches are "
        "still fresh."
    )


@dataclass(frozen=True, slots=True)
class CampaignProgress:
    """How far a campaign has got."""

    done: int
    skipped: int
    planned: int
    responses: int
    got_meeting: bool
    next_due: date | None


def campaign_progress(touches: Sequence[Touch]) -> CampaignProgress:
    """The counts the account screen shows under a campaign; one meeting is success."""
    open_dates = [touch.due for touch in touches if touch.is_open]
    return CampaignProgress(
        done=sum(touch.status is TouchStatus.DONE for touch in touches),
        skipped=sum(touch.status is TouchStatus.SKIPPED for touch in touches),
        planned=len(open_dates),
        responses=sum(touch.got_response for touch in touches),
        got_meeting=any(touch.got_meeting for touch in touches),
        next_due=min(open_dates, default=None),
    )
