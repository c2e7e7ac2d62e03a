"""Next week's focus, checked the way a coach would: can you tell on Friday whether it happened?

A focus item is worth writing when it names something the seller will *do* (an action anyone
could watch) in a *named situation* (a person, an account, a kind of call, a day, a number).
"Be more proactive" names a trait, "ask more questions" an action with no moment to do it
in, "Nordvale" a place with nothing to do there. Each gets one short question, never a block:
the seller may keep the item as written.
"""

from __future__ import annotations

import re
from enum import Enum

# Words that describe who the seller wants to be, not what they will do.
_TRAIT = re.compile(
    r"^(?:be|become|stay|feel|remain)\b"
    r"|\b(?:proactive|improve|improving|work on|try to|try and|focus on|get better|better at|"
    r"do better|harder|mindset|confident|motivated|positive|organi[sz]ed|disciplined|"
    r"consistent|more efficient|productive)\b"
)
# Things one can watch the seller do in a call or at the desk.
_ACTIONS = frozenset(
    """ask agree block book call close confirm debrief demo email end finish follow get introduce
    invite land list map meet message name open phone pitch plan practise practice prep prepare
    present propose qualify quote record reply ring run schedule secure send set share start
    summarise summarize text update visit write""".split()
)
# Where or when it happens: the kinds of moment a seller can point at afterwards.
_SITUATIONS = frozenset(
    """account accounts call calls meeting meetings demo demos client clients prospect prospects
    each every first discovery monday tuesday wednesday thursday friday today tomorrow daily
    morning afternoon week day before after cfo ceo cto cio buyer champion""".split()
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d+")


class FocusGap(Enum):
    """What a focus item is missing, if anything."""

    NONE = "none"
    TRAIT = "trait"  # a way to be, not a thing to do
    NO_ACTION = "no action"  # a place or a topic, nothing to do there
    NO_SITUATION = "no situation"  # an action with no moment to do it in


def focus_gap(item: str) -> FocusGap:
    """Which part of "an observable action in a named situation" `item` lacks."""
    words = _WORD.findall(item)
    lowered = [word.casefold() for word in words]
    action = any(word in _ACTIONS for word in lowered)
    # A capitalised word after the first is a name: a person, an account, a day.
    named = any(word[:1].isupper() for word in words[1:])
    situation = named or any(w in _SITUATIONS or w.isdigit() for w in lowered)
    if action and situation:
        return FocusGap.NONE
    if _TRAIT.search(" ".join(lowered)):
        return FocusGap.TRAIT
    if not action:
        return FocusGap.NO_ACTION
    return FocusGap.NO_SITUATION


def focus_question(item: str) -> str:
    """The coach's one question about a focus item; empty when it can be checked."""
    gap = focus_gap(item)
    shown = " ".join(item.split())
    if gap is FocusGap.TRAIT:
        return (
            f"“{shown}” is a way to be; Friday can't check it. What will you do, and where? "
            "Like: “ask Priya for the CFO intro on Tuesday's call”."
        )
    if gap is FocusGap.NO_ACTION:
        return f"What will you do about “{shown}”? Start with the action: call, ask, book, send…"
    if gap is FocusGap.NO_SITUATION:
        return (
            f"When will you “{shown}”? Name the calls, the person or the day, so you can tell "
            "on Friday whether it happened."
        )
    return ""


def focus_questions(items: tuple[str, ...]) -> str:
    """The question about the first focus item that cannot be checked; empty if none."""
    return next((question for item in items if (question := focus_question(item))), "")
