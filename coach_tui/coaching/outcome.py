"""The outcome coach: is this a client action, specific, and achievable in one call?

An outcome is an *advance* — something the client agrees to do by the end of the call:
introduce another decision maker, share information, try something, agree in principle,
sign. What the seller does ("send the deck", "present") is preparation; talk that commits
nobody ("keep talking", "a useful call") is a continuation. The coach reads the outcome's
clauses for who acts, the action and its object (`outcome_slots.py`), then gives ONE
diagnosis in ONE short message that names the call's people. A false alarm is a question,
never a block.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from coach_tui.coaching.outcome_slots import Clause, Kind, Reading, read
from coach_tui.coaching.outcome_words import TITLES
from coach_tui.model.text import clean_text

OUTCOME_MAX = 500
MESSAGE_WORDS_MAX = 30


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


_SIZES = (AdvanceSize.SMALL, AdvanceSize.MEDIUM, AdvanceSize.LARGE)


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
    """Signing, ordering or committing money is large; trials, pilots and workshops medium;
    the rest (an introduction, figures shared, a meeting booked) small. A scale ("all
    plants") makes any outcome large."""
    return _size(read(clean_text(text, multiline=False)))


def _size(reading: Reading) -> AdvanceSize:
    if reading.big:
        return AdvanceSize.LARGE
    clauses = reading.acts or reading.clauses
    return _SIZES[max((clause.size for clause in clauses), default=0)]


def check_outcome(raw: str, context: OutcomeContext = NO_CONTEXT) -> OutcomeCheck:
    """Judge an outcome the way a coach would: one diagnosis, one short message."""
    text = clean_text(raw, multiline=False)
    if not text:
        return OutcomeCheck(
            text,
            (OutcomeIssue.EMPTY,),
            ("Write what the client will agree to do by the end of this call.",),
            AdvanceSize.SMALL,
        )
    if len(text) > OUTCOME_MAX:
        return OutcomeCheck(
            text,
            (OutcomeIssue.TOO_LONG,),
            (
                f"The outcome is {len(text):,} characters; keep it under {OUTCOME_MAX}. One "
                "sentence: who agrees to do what. Put the rest in your prep notes.",
            ),
            infer_size(text),
        )
    reading = read(text, context.contacts)
    diagnosis = _diagnose(reading, _Names.of(reading, context))
    if diagnosis is None:
        return OutcomeCheck(text, (), (), _size(reading))
    issue, message = diagnosis
    return OutcomeCheck(text, (issue,), (message,), _size(reading))


def _is_chain(acts: tuple[Clause, ...]) -> bool:
    """Separate decisions, not one conversation: three client acts, or two that are each a
    trial or a signature ("agrees to a pilot and then signs"). An introduction and the
    meeting booked with that person happen in the same call."""
    return len(acts) >= 3 or (len(acts) >= 2 and sum(act.size >= 1 for act in acts) >= 2)


def _diagnose(reading: Reading, names: _Names) -> tuple[OutcomeIssue, str] | None:
    acts = reading.acts
    if reading.big:
        return OutcomeIssue.TOO_BIG, _too_big_message(reading, names)
    if _is_chain(acts):
        return OutcomeIssue.TOO_BIG, _chain_message(acts, names)
    if acts:
        return None
    kinds = [clause.kind for clause in reading.clauses]
    if Kind.CONTINUATION in kinds:
        return OutcomeIssue.VAGUE, _continuation_message(names)
    if kinds and kinds[0] is Kind.SELLER:
        seller = next(clause for clause in reading.clauses if clause.kind is Kind.SELLER)
        return OutcomeIssue.SELLER_ONLY, _seller_message(seller, names)
    return OutcomeIssue.VAGUE, _fuzzy_message(names)


# --- the messages -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Names:
    """How a message refers to the client: a first name when known, else "the client"."""

    person: str
    objective: str

    @classmethod
    def of(cls, reading: Reading, context: OutcomeContext) -> _Names:
        firsts = [first for name in context.contacts if (first := _first_name(name))]
        written = {token.low for clause in reading.clauses for token in clause.tokens}
        person = next((first for first in firsts if first.lower() in written), "")
        if not person:
            person = firsts[0] if firsts else next(iter(reading.subject_names()), "")
        objective = " ".join(context.objective.split())
        return cls(person, objective if len(objective.split()) <= 8 else "")

    @property
    def subject(self) -> str:
        return self.person or "they"

    @property
    def object(self) -> str:
        return self.person or "them"

    @property
    def someone(self) -> str:
        return self.person or "the client"


def _first_name(name: str) -> str:
    """ "Greta Lind" → "Greta"; "Dr. Anna Weber" → "Anna"; titles alone say nothing."""
    parts = [part for part in name.split() if part.lower().rstrip(".") not in TITLES]
    return parts[0] if parts else ""


def _fit(*variants: str) -> str:
    """The first (fullest) wording that stays within the message length."""
    for variant in variants:
        if len(variant.split()) <= MESSAGE_WORDS_MAX:
            return variant
    return variants[-1]


def _quoted(words: str, limit: int = 6) -> str:
    parts = words.split()
    return "“" + " ".join(parts[:limit]) + ("…" if len(parts) > limit else "") + "”"


_SMALLER_STEP = {
    "scale": "a pilot at one site",
    "contract": "a date to go through the terms with legal",
    "end": "a meeting with whoever decides",
}


def _too_big_message(reading: Reading, names: _Names) -> str:
    step = _SMALLER_STEP[reading.big_kind]
    return _fit(
        f"{_quoted(reading.big)} takes more than one call. What first step can "
        f"{names.someone} agree to in this one — {step}?",
        f"That takes more than one call. What first step can {names.someone} agree to in "
        f"this one — {step}?",
    )


_COUNTS = {2: "two", 3: "three", 4: "four", 5: "five"}


def _chain_message(acts: tuple[Clause, ...], names: _Names) -> str:
    count = _COUNTS.get(len(acts), str(len(acts)))
    first = _quoted(acts[0].text)
    return _fit(
        f"That's {count} steps, likely separate decisions. Aim this call at the first — "
        f"{first} — and plan follow-up calls with {names.someone} for the rest.",
        f"That's {count} steps. Aim this call at the first one {names.someone} takes, and "
        "leave the rest to follow-up calls.",
    )


def _continuation_message(names: _Names) -> str:
    return (
        f"That keeps the conversation going but binds {names.object} to nothing. What will "
        f"{names.subject} do next, and by when?"
    )


def _fuzzy_message(names: _Names) -> str:
    if names.objective:  # the call's purpose says more than any example
        return (
            f"Nobody could check that afterwards. What exactly will {names.subject} do to move "
            f"“{names.objective}” on?"
        )
    return (
        f"Nobody could check that afterwards. What exactly will {names.subject} do — share "
        "figures, book a meeting, bring in a colleague?"
    )


# What the seller's task is called when its object does not read well after "after".
_TASK_NOUNS = {
    "present": "your presentation", "pitch": "your pitch", "demo": "the demo",
    "demonstrate": "the demo", "call": "your call", "phone": "your call", "ring": "your call",
    "explain": "your explanation", "follow": "your follow-up", "update": "your update",
    "ask": "you ask", "find": "you find out", "introduce": "your introduction",
    "qualify": "your questions", "remind": "your reminder", "handle": "you answer it",
    "address": "you answer it", "overcome": "you answer it",
}  # fmt: skip
_STOPS = frozenset("to for about with on of before by in from at during after so".split())
_OWNERS = {"our": "your", "my": "your", "a": "the", "an": "the"}
_RECIPIENTS = frozenset({"them", "him", "her", "us", "me"})
_DETERMINERS = frozenset({"the", "our", "my", "your", "their", "a", "an", "this"})


def _seller_message(clause: Clause, names: _Names) -> str:
    thing = _task(clause)
    return _fit(
        f"That's your part of the call. What should {names.someone} do after {thing}?",
        f"That's your part of the call. What should {names.someone} do next?",
    )


def _task(clause: Clause) -> str:
    """What the seller does, as something the client can act on after ("the deck")."""
    verb = clause.verb.lemma if clause.verb is not None else ""
    if verb in _TASK_NOUNS:
        return _TASK_NOUNS[verb]
    words = list(clause.obj)
    # "Send Greta the case study": Greta receives it; the case study is the thing.
    while len(words) > 1 and (
        words[0].low in _RECIPIENTS or (words[0].cap and words[0].low not in _DETERMINERS)
    ):
        words.pop(0)
    if not words or words[0].low not in _DETERMINERS:
        return "that"
    phrase = [_OWNERS.get(words[0].low, words[0].low)]
    for token in words[1:5]:
        if token.low in _STOPS:
            break
        phrase.append(token.low if token.low != token.raw.lower() else token.raw)  # repaired
    return " ".join(phrase) if len(phrase) > 1 else "that"
