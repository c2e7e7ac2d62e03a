"""The client's reason to meet: why would they give the seller this time?

A meeting the client wants opens well; one held for the seller's reasons ("show our new
module", "present our roadmap") gets polite attention and no next step. The rule spots a
reason that only speaks of the seller — their product, their news, their quarter — and asks
for the client's side. Like the outcome coach, it asks; the seller may overrule it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from coach_tui.model.wording import possessive


class ReasonIssue(Enum):
    MISSING = "missing"
    SELLER_SIDE = "seller side"


@dataclass(frozen=True, slots=True)
class ReasonCheck:
    """The coach's question about a reason to meet; no issue when it is the client's."""

    issue: ReasonIssue | None = None
    message: str = ""


_SUBJECT = (
    r"(?:(?:i|we)(?: (?:will|'ll|want to|would like to|need to|have to|must|can"
    r"|am going to|are going to))? )?(?:to )?"
)
_SELLER_VERBS = (
    r"show(?:case)?", r"present", r"demo", r"pitch", r"tell", r"introduce", r"update",
    r"share", r"walk", r"launch", r"announce", r"explain", r"position", r"sell", r"upsell",
    r"close", r"follow[- ]up(?: on)?", r"check in", r"touch base", r"catch up",
    r"keep in touch", r"stay in touch", r"build (?:the )?relationship", r"build rapport",
    r"get to know", r"remind",
)  # fmt: skip
_OBJECT = r"(?: (?:them|her|him|you|us|the client|the customer|the team))?"
_SELLER_OPENING = re.compile(rf"^{_SUBJECT}(?:{'|'.join(_SELLER_VERBS)})\b{_OBJECT}")
_SELLER_OWN = re.compile(
    r"\b(?:our|my)(?: (?:new|latest|updated|next|current|own|improved|upcoming))?"
    r" (?:module|product|roadmap|pricing|prices?|price list|release|version|features?|"
    r"offer(?:ing)?|solution|platform|suite|services?|quarter|quota|target|numbers|"
    r"pipeline|forecast|company|capabilities|tool|updates?|news|references?|case stud(?:y|ies))s?\b"
    r"|\b(?:end of (?:the )?(?:quarter|year)|my commission|my bonus)\b"
)
_CLIENT_SIDE = re.compile(
    r"\b(?:they|their|theirs|she|he|his|client'?s|clients'|customer'?s|customers'|"
    r"asked|requested|wants?|needs?)\b"
    r"|(?<!to )(?<!with )(?<!for )\bher (?!about)\w+"
)


def _speaks_for_client(rest: str, names: Sequence[str]) -> bool:
    if _CLIENT_SIDE.search(rest):
        return True
    return any(re.search(rf"\b{re.escape(name.lower())}\b", rest) for name in names if name)


def is_seller_side(text: str, names: Sequence[str] = ()) -> bool:
    """A reason that speaks only of the seller: their product, their news, their quarter,
    their wish to follow up — with nothing the client wants in it."""
    lowered = " ".join(text.lower().split())
    names = [name.lower() for name in names if name]
    # "tell Greta about our pricing": a name right after the seller's verb is its object.
    objects = "|".join(re.escape(name) for name in names)
    named = rf"(?: (?:{objects})\b)?" if objects else ""
    opening = re.match(rf"{_SELLER_OPENING.pattern}{named}", lowered)
    own = _SELLER_OWN.search(lowered)
    if opening is None and own is None:
        return False
    rest = lowered[opening.end() :] if opening else lowered
    return not _speaks_for_client(rest, names)


def check_reason(text: str, *, who: str = "the client", names: Sequence[str] = ()) -> ReasonCheck:
    """Judge the reason the client would want this meeting.

    `who` is how the coach names the person (a first name, or "the client"); `names` are the
    call's contacts, so "Greta wants…" reads as the client's side.
    """
    if not text.strip():
        return ReasonCheck(
            ReasonIssue.MISSING,
            f"Why would {who} want this meeting? Their reason — a problem to solve, a date "
            "to meet, a goal — is how you open the call.",
        )
    if is_seller_side(text, names):
        return ReasonCheck(
            ReasonIssue.SELLER_SIDE,
            f"That's your reason for the meeting; what's {possessive(who)}? What does "
            f"{who} get out of it?",
        )
    return ReasonCheck()
