"""The entry campaign generator and the coach's remarks on a plan.

A campaign is 8–10 touches over about four weeks, aimed at one thing: a first meeting.
Touches move through the method's purposes in order — pique curiosity, share an insight,
show you are a credible resource — and only the last ones ask for the meeting. Dates are
business days from dateutil's rrule, spread evenly; nobody gets two touches in a day.
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
# The mix the method suggests, in percent; only the chosen channels share it out.
CHANNEL_MIX = {Channel.EMAIL: 45, Channel.PHONE: 25, Channel.SOCIAL: 20, Channel.OTHER: 10}
PURPOSE_ORDER = tuple(Purpose)
WEEKDAYS = (MO, TU, WE, TH, FR)

# How much of the client's focus an idea quotes: the idea stays short, far inside what a
# touch's idea may hold (TOUCH_IDEA_MAX), however long the research note is.
FOCUS_IN_IDEA_MAX = 160
# Research is the seller's own words — a phrase, a figure, a sentence, a list — so it is
# never spliced into a sentence (that read "one number about Energy costs up 40%;
# private-label competitors peers are tracking"). Each idea speaks of `{topic}`, a noun
# phrase of ours, and the research follows, quoted after a colon, whatever its grammar.
TOPIC_FROM_RESEARCH = "their challenge"
TOPIC_WITHOUT_RESEARCH = "what is slowing them down this year"
_IDEAS = {
    Purpose.PIQUE_CURIOSITY: {
        Channel.EMAIL: "Two lines and one question about {topic}; no pitch, no attachment.",
        Channel.PHONE: "A 30-second call: say why you are calling them, ask one question "
        "about {topic}.",
        Channel.SOCIAL: "Comment on something they posted, then connect with a note about {topic}.",
        Channel.OTHER: "A short handwritten note that mentions {topic} and nothing to sell.",
    },
    Purpose.SHARE_INSIGHT: {
        Channel.EMAIL: "Send one finding from a peer company about {topic} and ask if it "
        "matches what they see.",
        Channel.PHONE: "Call to share one number peers track on {topic}; ask how theirs compares.",
        Channel.SOCIAL: "Share an article on {topic} with a line on why it made you think of them.",
        Channel.OTHER: "Invite them to a short session where peers discuss {topic}.",
    },
    Purpose.CREDIBLE_RESOURCE: {
        Channel.EMAIL: "Offer a short checklist or benchmark on {topic}, useful even if "
        "they never buy.",
        Channel.PHONE: "Offer to connect them with a customer who has tackled {topic}.",
        Channel.SOCIAL: "Point them to a case story on {topic}, told in the customer's words.",
        Channel.OTHER: "Send a one-page summary of how others approached {topic}.",
    },
    Purpose.ASK_FOR_MEETING: {
        Channel.EMAIL: "Ask for 30 minutes to compare notes on {topic}; offer two times.",
        Channel.PHONE: "Call to ask for a first meeting on {topic}; have two times ready.",
        Channel.SOCIAL: "Message asking for a short call on {topic}, with a date in mind.",
        Channel.OTHER: "Ask their assistant or a colleague for 30 minutes in their calendar.",
    },
}


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
    largest remainder so the counts always add up."""
    chosen = [channel for channel in Channel if channel in channels]
    total = sum(CHANNEL_MIX[channel] for channel in chosen)
    exact = {channel: count * CHANNEL_MIX[channel] / total for channel in chosen}
    counts = {channel: int(exact[channel]) for channel in chosen}
    left = count - sum(counts.values())
    by_remainder = sorted(chosen, key=lambda c: (-(exact[c] - counts[c]), chosen.index(c)))
    for channel in by_remainder[:left]:
        counts[channel] += 1
    return counts


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


def purpose_plan(count: int) -> list[Purpose]:
    """Purposes in method order; the last two (three from ten touches) ask for the meeting."""
    asks = 3 if count >= 10 else 2 if count >= 4 else 1
    rest = count - asks
    curiosity = min(rest, max(1, round(rest * 0.3))) if rest else 0
    resource = min(rest - curiosity, max(1, round(rest * 0.3))) if rest - curiosity > 0 else 0
    insight = rest - curiosity - resource
    return (
        [Purpose.PIQUE_CURIOSITY] * curiosity
        + [Purpose.SHARE_INSIGHT] * insight
        + [Purpose.CREDIBLE_RESOURCE] * resource
        + [Purpose.ASK_FOR_MEETING] * asks
    )


def message_idea(purpose: Purpose, channel: Channel, client_focus: str = "") -> str:
    """A starting point for the touch, about the client's problem rather than our product.

    The research, if any, is quoted after the idea (see `TOPIC_FROM_RESEARCH`), so the idea
    reads as sentences whatever the research says.
    """
    focus = " ".join(client_focus.split()).strip(" .;:,")
    if not focus:
        return _IDEAS[purpose][channel].format(topic=TOPIC_WITHOUT_RESEARCH)
    if len(focus) > FOCUS_IN_IDEA_MAX:  # a first sentence of research can be a page long
        focus = focus[:FOCUS_IN_IDEA_MAX].rsplit(" ", 1)[0].rstrip(",;: ") + "…"
    idea = _IDEAS[purpose][channel].format(topic=TOPIC_FROM_RESEARCH)
    return f"{idea} From your research: “{focus}”."


def plan_touches(
    account_uid: str,
    campaign_uid: str,
    contacts: Sequence[Contact],
    start: date,
    *,
    weeks: int = 4,
    channels: Collection[Channel] = tuple(Channel),
    count: int = DEFAULT_COUNT,
    client_focus: str = "",
    holidays: Collection[date] = (),
) -> list[Touch]:
    """The suggested touches, by date, on business days that are not `holidays`.
    Same input, same plan.

    A person picked twice counts once, so the rotation cannot put them twice on one day.
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
    sequence = _channel_sequence(channel_counts(channels, count))
    return [
        Touch(
            campaign_uid=campaign_uid,
            account_uid=account_uid,
            contact_uid=contacts[index % len(contacts)].uid,
            due=due,
            channel=sequence[index],
            purpose=purposes[index],
            idea=message_idea(purposes[index], sequence[index], client_focus),
        )
        for index, due in enumerate(dates)
    ]


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
    the only ask leaves a campaign that no longer asks for the meeting.
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
    for before, after in pairwise(ordered):
        gap = (after.due - before.due).days
        if gap > LONGEST_GAP_DAYS:
            remarks.append(
                f"{gap} days pass between {weekday_text(before.due)} and "
                f"{weekday_text(after.due)}; they will have forgotten you. Fill the gap or "
                "close it."
            )
            break
    return remarks


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
