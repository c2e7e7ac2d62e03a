"""What a touch could say: an idea built from its purpose, its channel and the person.

The CFO and the IT architect do not want the same insight: a person's buying role (or, while
it is unknown, their title) picks the angle — money, systems, the team's daily work, the
case a champion makes inside, the risk a blocker guards. What matters to them (else the
account's research) and the client's "why now" are the seller's own words: a phrase, a
figure, a list, a page. They are never spliced into our grammar; each is quoted after the
idea in a sentence of its own, so the idea reads as sentences whatever they say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from coach_tui.model.contact import BuyingRole, Contact, Relationship
from coach_tui.model.touch import Channel, Purpose

# How much of the seller's note an idea quotes: ideas stay short, far inside what a touch's
# idea may hold (TOUCH_IDEA_MAX), however long the note is.
QUOTE_MAX = 160
# Who could introduce the seller when no one on the account is known to them yet.
SOMEONE_WHO_KNOWS_THEM = "someone who knows them (a colleague, a customer, a shared contact)"


class Angle(Enum):
    """What a person listens for, by the part they play."""

    MONEY = "money"
    SYSTEMS = "systems"
    DAILY_WORK = "daily work"
    INSIDE_CASE = "inside case"
    RISK = "risk"
    GENERAL = "general"


@dataclass(frozen=True, slots=True)
class AngleWords:
    """The phrases an angle puts into the ideas: what to talk about, the insight that
    lands with them, the help worth giving."""

    topic: str
    insight: str
    resource: str


# Each phrase fits every idea it goes into: a topic after "about", "on" or "dealt with",
# an insight or a resource after "send", "share" or "offer".
ANGLE_WORDS = {
    Angle.MONEY: AngleWords(
        "the cost of the problem",
        "a payback figure from a peer company",
        "a one-page business case they can reuse",
    ),
    Angle.SYSTEMS: AngleWords(
        "integration with their systems",
        "a peer's notes on fitting it into systems like theirs",
        "an integration and security checklist",
    ),
    Angle.DAILY_WORK: AngleWords(
        "the daily friction in their team's work",
        "a before-and-after from a team like theirs",
        "a checklist their team can use the same week",
    ),
    Angle.INSIDE_CASE: AngleWords(
        "the internal push for change",
        "a result they can retell to their boss",
        "two slides they can show internally",
    ),
    Angle.RISK: AngleWords(
        "the risks of changing",
        "a peer's account of how they kept the change safe",
        "a straight answer to the concern they raise most",
    ),
    Angle.GENERAL: AngleWords(
        "what is slowing them down this year",
        "one finding from a peer company",
        "a short checklist or benchmark",
    ),
}

_ROLE_ANGLE = {
    BuyingRole.ECONOMIC_BUYER: Angle.MONEY,
    BuyingRole.TECHNICAL_EVALUATOR: Angle.SYSTEMS,
    BuyingRole.USER: Angle.DAILY_WORK,
    BuyingRole.CHAMPION: Angle.INSIDE_CASE,
    BuyingRole.BLOCKER: Angle.RISK,
}
# While the role is unknown, the title hints at it; the first pattern that matches wins.
_TITLE_ANGLE = (
    (Angle.MONEY, r"cfo|ceo|coo|finance|financial|controll\w*|treasur\w*|procurement|"
     r"purchasing|owner|founder|president|managing director|general manager|chief executive"),
    (Angle.SYSTEMS, r"cto|cio|ciso|it|architect\w*|engineer\w*|technical|technology|"
     r"developer|security|data|infrastructure|digital|systems?|information"),
    (Angle.DAILY_WORK, r"operations|ops|plant|production|planner|planning|supervisor|"
     r"team lead|logistics|supply chain|warehouse|foreman|coordinator|dispatch\w*"),
)  # fmt: skip


def angle_of(person: Contact | None) -> Angle:
    """The angle for `person`: their buying role, else their title, else a general one."""
    if person is None:
        return Angle.GENERAL
    if person.role in _ROLE_ANGLE:
        return _ROLE_ANGLE[person.role]
    title = person.title.lower()
    for angle, pattern in _TITLE_ANGLE:
        if re.search(rf"\b(?:{pattern})\b", title):
            return angle
    return Angle.GENERAL


_IDEAS = {
    Purpose.PIQUE_CURIOSITY: {
        Channel.EMAIL: "Two lines and one question about {topic}; no pitch, no attachment.",
        Channel.PHONE: "A 30-second call: say why you are calling, then ask one question "
        "about {topic}.",
        Channel.SOCIAL: "Comment on something they posted, then connect with a note about {topic}.",
        Channel.OTHER: "A short handwritten note that mentions {topic} and nothing to sell.",
        Channel.REFERRAL: "Ask {introducer} to introduce you; give them one line about "
        "{topic} to pass on.",
    },
    Purpose.SHARE_INSIGHT: {
        Channel.EMAIL: "Send {insight} and ask if it matches what they see.",
        Channel.PHONE: "Call to share {insight}; ask how theirs compares.",
        Channel.SOCIAL: "Share {insight} with a line on why it made you think of them.",
        Channel.OTHER: "Invite them to a short session where peers discuss {topic}.",
        Channel.REFERRAL: "Ask {introducer} to pass on {insight} and to say why you are "
        "worth hearing.",
    },
    Purpose.CREDIBLE_RESOURCE: {
        Channel.EMAIL: "Offer {resource}, useful even if they never buy.",
        Channel.PHONE: "Offer to connect them with a customer who dealt with {topic}.",
        Channel.SOCIAL: "Point them to a case story on {topic}, told in the customer's words.",
        Channel.OTHER: "Send {resource} by post, with a handwritten line.",
        Channel.REFERRAL: "Ask {introducer} to tell them how you helped, and offer {resource}.",
    },
    Purpose.ASK_FOR_MEETING: {
        Channel.EMAIL: "Ask for 30 minutes to compare notes on {topic}; offer two times.",
        Channel.PHONE: "Call to ask for a first meeting on {topic}; have two times ready.",
        Channel.SOCIAL: "Message asking for a short call on {topic}, with a date in mind.",
        Channel.OTHER: "Ask their assistant or a colleague for 30 minutes in their calendar "
        "to talk about {topic}.",
        Channel.REFERRAL: "Ask {introducer} to suggest 30 minutes with you on {topic}.",
    },
}

_ENDS_A_SENTENCE = ("?", "!", "…")
# Left off a note's ends: list bullets before, clause marks after (the quote's own closing
# mark or the idea's full stop ends it instead).
_LEADING = " \t-–—•*·>"
_TRAILING = " \t.;:,-–—"


def quoted(note: str, limit: int = QUOTE_MAX) -> str:
    """The seller's `note` on one line inside quotation marks, ending a sentence: “…”. —
    or “…?” when the note ends a sentence itself. Empty when the note says nothing."""
    text = " ".join(note.split()).lstrip(_LEADING).rstrip(_TRAILING)
    if not any(char.isalnum() for char in text):
        return ""
    if len(text) > limit:  # a note can be a page long
        text = text[:limit].rsplit(" ", 1)[0].rstrip(_TRAILING) + "…"
    return f"“{text}”" if text.endswith(_ENDS_A_SENTENCE) else f"“{text}”."


def introducer_for(person: Contact | None, people: list[Contact]) -> Contact | None:
    """Whom the seller could ask for an introduction to `person`: a champion or someone
    they know well on the account (never the person, never a blocker), strongest first."""
    strength = {Relationship.STRONG: 0, Relationship.WORKING: 1}
    known = [
        other
        for other in people
        if (person is None or other.uid != person.uid)
        and other.role is not BuyingRole.BLOCKER
        and (other.relationship in strength or other.role is BuyingRole.CHAMPION)
    ]
    return min(
        known,
        key=lambda other: (
            other.role is not BuyingRole.CHAMPION,
            strength.get(other.relationship, 2),
            people.index(other),
        ),
        default=None,
    )


def touch_idea(
    purpose: Purpose,
    channel: Channel,
    *,
    person: Contact | None = None,
    research: str = "",
    why_now: str = "",
    introducer: str = "",
) -> str:
    """A starting point for one touch, about the person's problem rather than our product.

    The angle follows `person`'s role (see `angle_of`); what matters to them, else the
    account's `research`, is quoted after it, and `why_now` (the client's compelling
    event) when given, as the reason to reach out now.
    """
    words = ANGLE_WORDS[angle_of(person)]
    idea = _IDEAS[purpose][channel].format(
        topic=words.topic,
        insight=words.insight,
        resource=words.resource,
        introducer=" ".join(introducer.split()) or SOMEONE_WHO_KNOWS_THEM,
    )
    sentences = [idea]
    if reason := quoted(why_now):
        sentences.append(f"The reason to talk now: {reason}")
    matters = quoted(person.what_matters) if person is not None else ""
    if matters and person is not None:
        who = " ".join(person.name.split()) or "them"
        sentences.append(f"What matters to {who}: {matters}")
    elif note := quoted(research):
        sentences.append(f"From your research: {note}")
    return " ".join(sentences)
