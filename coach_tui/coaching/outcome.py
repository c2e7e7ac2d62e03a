"""The outcome coach: is this a client action, specific, and achievable in one call?

An outcome is an *advance* — something the client agrees to do by the end of the call:
introduce another decision maker, share information, try something, agree in principle,
sign. What the seller does ("send the deck", "present", "follow up") is preparation, not an
outcome. The rules are plain word patterns, on purpose: they are predictable, explainable
in one sentence, and easy to test; a false alarm is a question, never a block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from coach_tui.model.text import clean_text

OUTCOME_MAX = 500


class AdvanceSize(Enum):
    """How much planning the advance deserves; prep asks more for larger ones."""

    SMALL = "small"
    MEDIUM = "medium"
    LARGE = "large"


class OutcomeIssue(Enum):
    EMPTY = "empty"
    TOO_LONG = "too long"
    SELLER_ONLY = "seller only"
    VAGUE = "vague"
    TOO_BIG = "too big for one call"


# What the client does. Each pattern is matched on whole words, lower case.
_CLIENT_ACTIONS = (
    r"agree[sd]?", r"agreement", r"commit(s|ted)?", r"sign(s|ed)?", r"approve[sd]?",
    r"introduce[sd]? (us|me|our|[a-z]+ to)", r"introduction", r"intro to",
    r"share[sd]? (their|the|last|this|next|his|her|its|current|internal|data|numbers|figures"
    r"|requirements|budget|plans?|org)", r"send[s]? (us|me)", r"give[sn]? (us|me)",
    r"provide[sd]?", r"book[s]?", r"schedule[sd]?", r"invite[sd]?", r"confirm[s]?",
    r"nominate[sd]?", r"grant[s]?",
    r"(run|start|begin|set up)[s]? (a |the )?(trial|pilot|beta|poc)",
    r"trial", r"pilot", r"beta", r"proof of concept", r"decide[sd]?", r"order[s]?",
    r"buy[s]?", r"purchase", r"allocate[sd]?", r"accept[s]?", r"connect[s]? (us|me)",
    r"set[s]? up (a|the) (meeting|call|workshop|session|visit)", r"arrange[sd]?",
    r"open[s]? (access|the door)", r"walk[s]? (us|me) through", r"show[s]? (us|me)",
    r"tell[s]? (us|me)", r"list[s]?", r"rank[s]?", r"prioriti[sz]e[sd]?", r"choose[s]?",
    r"select[s]?", r"attend[s]?", r"join[s]?", r"bring[s]? (their|the|in)", r"green light",
    r"go-ahead", r"verbal yes", r"letter of intent", r"purchase order", r"po", r"loi",
    r"reference call", r"host[s]?", r"sponsor[s]?", r"champion[s]?", r"evaluate[s]?",
    r"test[s]?", r"review[s]? (the|our) (proposal|contract|terms|quote) with",
)  # fmt: skip
_SELLER_ONLY = (
    r"send (the|our|a|my|them|her|him)", r"present", r"presentation", r"pitch",
    r"demo (the|our)", r"give (a|the|them) (demo|presentation|overview)", r"show (them|her|him)",
    r"explain", r"follow[- ]up", r"check in", r"check-in", r"touch base", r"build rapport",
    r"rapport", r"catch up", r"update (them|her|him)", r"introduce (myself|ourselves|our)",
    r"discuss", r"talk about", r"learn (about|more)", r"understand", r"get to know",
    r"(have|a) (good |nice |quick )?(chat|conversation)", r"walk (them|her|him) through",
    r"share our", r"tell (them|her|him)", r"remind", r"stay in touch", r"keep in touch",
    r"relationship building", r"position (us|our)", r"qualify",
)  # fmt: skip
_VAGUE = (
    r"move forward", r"next steps?", r"progress", r"positive (call|meeting)",
    r"good (call|meeting)",
    r"interest", r"engagement", r"feedback", r"something", r"things", r"stuff", r"alignment",
    r"buy-in", r"momentum",
)  # fmt: skip
_TOO_BIG = (
    r"roll ?out", r"deploy(ment)?", r"implement(ation)?", r"company-wide", r"enterprise-wide",
    r"all (plants|sites|regions|offices|stores|teams|countries)", r"multi-year",
    r"close the deal", r"win the (account|deal|business)",
    r"become (the |their )?(preferred|standard|sole)",
    r"replace (their|the) (system|vendor|supplier|platform)", r"migrate", r"full contract",
    r"standardi[sz]e on",
)  # fmt: skip
_LARGE = (r"sign", r"contract", r"purchase order", r"\bpo\b", r"agreement in principle",
          r"approve[sd]? (the )?budget", r"letter of intent", r"loi", r"commit", r"order",
          r"buy", r"purchase", r"go-ahead", r"green light", r"verbal yes")  # fmt: skip
_MEDIUM = (r"trial", r"pilot", r"beta", r"proof of concept", r"poc", r"workshop", r"evaluat",
           r"reference call", r"site visit", r"test", r"agree[sd]? to")  # fmt: skip


def _compile(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(patterns) + r")\b")


CLIENT_ACTION = _compile(_CLIENT_ACTIONS)
SELLER_ONLY = _compile(_SELLER_ONLY)
VAGUE_WORDS = _compile(_VAGUE)
_SELLER_OPENING = re.compile(
    r"^(?:(?:i|we) (?:will |'ll |want to |need to )?)?(" + "|".join(_SELLER_ONLY) + r")\b"
)
TOO_BIG = _compile(_TOO_BIG)
LARGE = _compile(_LARGE)
MEDIUM = _compile(_MEDIUM)
_TWO_ACTIONS = re.compile(r"\b(and then|and also|then|and)\b")

ADVANCE_EXAMPLES = (
    "introduces you to the CFO",
    "shares last quarter's downtime figures",
    "agrees to a 30-day pilot at one plant",
    "agrees in principle to move to a proposal",
)


@dataclass(frozen=True, slots=True)
class OutcomeContext:
    """What the coach knows about the call, so its question can name people, not "the client".

    `contacts` are the names of the people on the call (first the one the seller leads
    with); `objective` is the strategic objective the call serves, as the seller wrote it.
    """

    contacts: tuple[str, ...] = ()
    objective: str = ""


NO_CONTEXT = OutcomeContext()


@dataclass(frozen=True, slots=True)
class OutcomeCheck:
    """What the coach makes of an outcome: its issues (worst first) and what to say."""

    text: str
    issues: tuple[OutcomeIssue, ...]
    messages: tuple[str, ...]
    size: AdvanceSize

    @property
    def is_advance(self) -> bool:
        return not self.issues

    @property
    def blocking(self) -> bool:
        """Empty or too long cannot be saved; the rest are questions the seller may overrule."""
        return any(i in (OutcomeIssue.EMPTY, OutcomeIssue.TOO_LONG) for i in self.issues)


def infer_size(text: str) -> AdvanceSize:
    """Signing, ordering or committing is large; trials and workshops medium; the rest small."""
    lowered = text.lower()
    if LARGE.search(lowered):
        return AdvanceSize.LARGE
    if MEDIUM.search(lowered):
        return AdvanceSize.MEDIUM
    return AdvanceSize.SMALL


def _examples() -> str:
    return "; ".join(f"“the client {example}”" for example in ADVANCE_EXAMPLES[:3])


def check_outcome(raw: str, context: OutcomeContext = NO_CONTEXT) -> OutcomeCheck:
    """Judge an outcome the way a coach would, in the order a coach would raise things."""
    text = clean_text(raw, multiline=False)
    lowered = text.lower()
    size = infer_size(text)
    if not text:
        return OutcomeCheck(
            text,
            (OutcomeIssue.EMPTY,),
            ("Write what the client will agree to do by the end of this call.",),
            size,
        )
    if len(text) > OUTCOME_MAX:
        return OutcomeCheck(
            text,
            (OutcomeIssue.TOO_LONG,),
            (
                f"The outcome is {len(text):,} characters; keep it under {OUTCOME_MAX}. One "
                "sentence: who agrees to do what. Put the rest in your prep notes.",
            ),
            size,
        )
    issues: list[OutcomeIssue] = []
    messages: list[str] = []
    # "Discuss the pilot" starts with what the seller does; the pilot in it is not an advance.
    opening = _SELLER_OPENING.match(lowered)
    client_acts = bool(CLIENT_ACTION.search(lowered)) and not opening
    seller_acts = opening or SELLER_ONLY.search(lowered)
    if seller_acts and not client_acts:
        words = seller_acts.group(1) if seller_acts is opening else seller_acts.group()
        issues.append(OutcomeIssue.SELLER_ONLY)
        messages.append(
            f"“{words}” is something you do, not something the client agrees to. What should "
            f"they do by the end of the call? For example: {_examples()}."
        )
    elif not client_acts:
        issues.append(OutcomeIssue.SELLER_ONLY)
        messages.append(
            "I can't find a client action here. Say what the client will do — introduce, "
            f"share, try, agree, sign. For example: {_examples()}."
        )
    words = re.findall(r"[\w'-]+", lowered)
    if len(words) < 4 or (VAGUE_WORDS.search(lowered) and len(words) < 8):
        issues.append(OutcomeIssue.VAGUE)
        messages.append(
            "That is hard to check afterwards. Who exactly, doing what, about what? "
            "“Greta books a workshop with her plant managers” can be checked; “move forward” "
            "cannot."
        )
    big = TOO_BIG.search(lowered)
    two = len(CLIENT_ACTION.findall(lowered)) >= 2 and _TWO_ACTIONS.search(lowered)
    if big or two:
        issues.append(OutcomeIssue.TOO_BIG)
        why = f"“{big.group()}” rarely happens" if big else "Two advances rarely both happen"
        messages.append(
            f"{why} in one call. What must this call get? Make that the outcome and the "
            "bigger step the outcome of a follow-up call."
        )
    return OutcomeCheck(text, tuple(issues), tuple(messages), size)
