"""Reading an outcome the way a coach does: split it into clauses, and in each find WHO acts
(the client, the seller, or nobody named), the ACTION and its OBJECT.

Each clause gets one reading (`Kind`): a client act (an advance), a continuation (talk that
commits nobody), something too fuzzy to check, or a seller task. Whether the whole outcome is
too big — a scale ("all plants", "multi-year") or an end rather than a step ("win the
tender") — is read across the clauses. The outcome coach (`outcome.py`) turns this reading
into one diagnosis and one message.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

from coach_tui.coaching import outcome_words as w

_TOKEN = re.compile(r"->|[,;:&+!?]|\.(?!\w)|[^\W_]+(?:['\-][^\W_]+)*")
_SEPARATORS = frozenset({",", ";", ":", "&", "+", "!", "?", ".", "and", "then", "but", "plus"})
_NEGATIONS = frozenset(
    "not never don't doesn't won't can't cannot didn't isn't aren't wouldn't".split()
)
_SKIPPED = (
    frozenset(
        """to on for about of in with that from back up out into at by over
    next new current last full verbal formal written signed final first second quick short
    brief joint technical top whole more better real clear concrete firm some any their
    own""".split()
    )
    | w.DETERMINERS
)
_CALL_WORDS = frozenset("call meeting conversation discussion demo session chat talk".split())
_BEING = frozenset("be seem sound stay remain still feel look".split())
_OBJECT_PEOPLE = frozenset({"them", "him", "her", "me", "us"})
_HAVE_SOMEONE = w.RECEIVE_VERBS | {"ask", "have"}
_INTRO_NOUNS = frozenset({"intro", "introduction", "referral", "access"})
_AGREEMENT_NOUNS = frozenset(
    "yes commitment agreement approval sign-off signoff go-ahead decision".split()
)


class Actor(Enum):
    CLIENT = "client"  # a named contact, "they", a role
    SELLER = "seller"  # "I", "we"
    IMPERATIVE = "imperative"  # "Send the deck", "Get a date": the seller's note to self
    PASSIVE = "passive"  # "NDA signed", "organised by Anna"
    NONE = "none"  # a noun phrase: "CFO intro", "Yes to pilot"


class Kind(Enum):
    ACT = "client act"
    CONTINUATION = "continuation"
    FUZZY = "fuzzy"
    SELLER = "seller task"


@dataclass(frozen=True, slots=True)
class Token:
    raw: str
    low: str  # lower case, typo repaired
    lemma: str
    cap: bool  # written with a capital: a name unless it is a word we know

    @property
    def is_past(self) -> bool:
        return self.low != self.lemma and (self.low.endswith("ed") or self.low in w.PARTICIPLES)


@dataclass(frozen=True, slots=True)
class Clause:
    tokens: tuple[Token, ...]
    actor: Actor
    subject: tuple[Token, ...]
    verb: Token | None
    obj: tuple[Token, ...]
    kind: Kind
    size: int  # 0 small, 1 medium, 2 large

    @property
    def text(self) -> str:
        return " ".join(token.raw for token in self.tokens)


@dataclass(frozen=True, slots=True)
class Reading:
    clauses: tuple[Clause, ...]
    big: str  # the words that make the outcome too big for one call ("" if none)
    big_kind: str  # "scale", "contract" or "end"

    @property
    def acts(self) -> tuple[Clause, ...]:
        return tuple(clause for clause in self.clauses if clause.kind is Kind.ACT)

    def subject_names(self) -> tuple[str, ...]:
        return tuple(
            token.raw for clause in self.clauses if clause.actor is Actor.CLIENT
            for token in clause.subject if token.cap and not w.is_known(token.low)
        )  # fmt: skip


def tokens_of(text: str, names: frozenset[str]) -> tuple[Token, ...]:
    """The words of `text`, lower-cased, typos repaired (not names), with their lemmas."""
    text = re.sub(r"(?i)\bw/\s*", "with ", text.replace("’", "'"))
    text = re.sub(r"(?i)'ll\b", " will", text)
    tokens = []
    for match in _TOKEN.finditer(text):
        raw = match.group()
        if raw == "->":
            continue
        low = raw.lower()
        cap = raw[:1].isupper()
        if not cap and low not in names:
            low = w.repair(low)
        tokens.append(Token(raw, low, w.lemma(low), cap))
    return tuple(tokens)


def read(text: str, names: Iterable[str] = ()) -> Reading:
    """The clauses of an outcome, each with who acts, the action, its object and its kind."""
    name_set = frozenset(part.lower() for name in names for part in name.split())
    tokens = tokens_of(text, name_set)
    reader = _Reader(name_set)
    clauses: list[Clause] = []
    actor = Actor.NONE
    for segment in reader.clauses(tokens):
        clause = reader.clause(segment, actor)
        actor = clause.actor
        clauses.append(clause)
    big, big_kind = _too_big(tokens)
    return Reading(tuple(clauses), big, big_kind)


class _Reader:
    """Knows the call's contact names, so "greta" is a person even in lower case."""

    def __init__(self, names: frozenset[str]) -> None:
        self.names = names

    # --- who ----------------------------------------------------------------------------

    def is_name(self, token: Token) -> bool:
        if token.low in self.names:
            return True
        return token.cap and token.low.replace("'", "").isalpha() and not w.is_known(token.low)

    def is_party(self, token: Token) -> bool:
        if token.low == "it":
            return token.raw == "IT"
        return token.low in w.CLIENT_PRONOUNS or token.lemma in w.ROLES or self.is_name(token)

    def subject_end(self, tokens: Sequence[Token], start: int = 0) -> int | None:
        """Where a client party at `start` ends, if one acts there ("Head of HR agrees")."""
        i, n, found = start, len(tokens), False
        while i < n and tokens[i].low in w.TITLES:
            i += 1
        while i < n:
            token = tokens[i]
            following = tokens[i + 1] if i + 1 < n else None
            if self.is_party(token):
                found = True
            elif (
                (
                    token.low in w.DETERMINERS
                    and following is not None
                    and (self.is_party(following) or following.low in w.TITLES)
                )
                or (
                    token.low in {"of", "and", "or", "at", "from"}
                    and found
                    and following is not None
                    and (self.is_party(following) or following.low in w.DETERMINERS | w.TITLES)
                )
                or (token.low in w.TITLES and found)
            ):
                pass
            else:
                break
            i += 1
        if not found or i >= n:
            return None
        after = tokens[i]
        if after.low in w.MODALS or after.low == "to" or self.is_verb(after):
            return i
        if after.lemma in w.CLIENT_VERBS and after.low != after.lemma:
            return i  # "Hiro tests …"
        if after.lemma in w.ADVANCE_NOUNS:
            return i  # "CFO intro"
        if after.low.endswith("s") and not w.is_known(after.low):
            return i  # "Maria puts …": a verb we do not know
        return None

    @staticmethod
    def is_verb(token: Token) -> bool:
        lemma = token.lemma
        return lemma in _ALL_VERBS or lemma in w.CONTINUATION_VERBS or lemma == "be"

    # --- clauses ------------------------------------------------------------------------

    def starts_clause(self, tokens: Sequence[Token]) -> bool:
        tokens = _strip_front(tokens)
        if not tokens or tokens[0].low in w.WH_WORDS:
            return False
        first = tokens[0]
        if first.low in w.SELLER_PRONOUNS | w.CLIENT_PRONOUNS:
            return True
        if self.subject_end(tokens) is not None or self.is_verb(first):
            return True
        return any(_passive(token) for token in tokens)

    def clauses(self, tokens: Sequence[Token]) -> list[list[Token]]:
        """Split at "and", "then", commas; a piece without its own verb ("Hans and Petra",
        "and the start date", "and who decides") stays with its neighbour."""
        segments: list[list[Token]] = [[]]
        for token in tokens:
            if token.low in _SEPARATORS:
                segments.append([])
            else:
                segments[-1].append(token)
        merged: list[list[Token]] = []
        pending: list[Token] = []
        for segment in (s for s in segments if s):
            if not merged and not self.starts_clause(segment):
                pending += segment
            elif merged and not self.starts_clause(segment):
                merged[-1] += segment
            else:
                merged.append(pending + segment)
                pending = []
        if pending:
            merged.append(pending)
        return merged

    def clause(self, tokens: Sequence[Token], inherited: Actor) -> Clause:
        tokens = tuple(tokens)
        body = _strip_front(tokens)
        actor, subject, i = Actor.NONE, (), 0
        if body and body[0].low in w.SELLER_PRONOUNS:
            actor, i = Actor.SELLER, 1
        elif body and (end := self.subject_end(body)) is not None:
            actor, subject, i = Actor.CLIENT, body[:end], end
        elif body and self.is_verb(body[0]) and not _noun_first(body):
            if _passive(body[0]):
                actor = Actor.PASSIVE
            elif inherited in (Actor.SELLER, Actor.CLIENT, Actor.IMPERATIVE):
                actor = inherited
            else:
                actor = Actor.IMPERATIVE
        elif len(body) > 1 and body[1].low in w.DETERMINERS and not self.is_name(body[0]):
            actor = Actor.IMPERATIVE  # "Clarify the budget": a verb we do not know
        if actor in (Actor.SELLER, Actor.CLIENT):
            while i < len(body) and (
                body[i].low in w.MODALS | w.FILLERS | _NEGATIONS | {"to"}
                or body[i].low.endswith("ly")
            ):
                i += 1
        if actor is Actor.NONE:
            verb, obj = None, body
        else:
            verb = body[i] if i < len(body) else None
            obj = body[i + 1 :]
        kind = self.kind(actor, verb, obj, body)
        seller_gets = (
            kind is Kind.ACT
            and actor in (Actor.SELLER, Actor.IMPERATIVE)
            and verb is not None
            and verb.lemma in _HAVE_SOMEONE
        )
        if seller_gets and (inner := self.person_to_act(obj)) is not None:
            return inner  # "get Jan to introduce us": Jan acts
        return Clause(tokens, actor, subject, verb, obj, kind, _size(verb, obj, body))

    def person_to_act(self, obj: Sequence[Token]) -> Clause | None:
        """ "get the CFO to approve …", "have Greta introduce us": the person after "get",
        "ask" or "have" is the one who acts."""
        end = self.subject_end(obj)
        if end is None or not (obj[end].low == "to" or self.is_verb(obj[end])):
            return None
        return self.clause(obj, Actor.NONE)

    # --- what ---------------------------------------------------------------------------

    def kind(
        self, actor: Actor, verb: Token | None, obj: Sequence[Token], body: Sequence[Token]
    ) -> Kind:
        if _continues(body):
            return Kind.CONTINUATION
        if any(token.low in _NEGATIONS for token in body):
            return Kind.FUZZY  # "Greta won't sign yet": what *will* she do?
        if actor is Actor.NONE:
            return self.noun_kind(body)
        if verb is None:
            return Kind.FUZZY  # "the CFO": who, but not what
        lemma = verb.lemma
        if actor in (Actor.CLIENT, Actor.PASSIVE):
            if lemma == "be" and obj and _passive(obj[0]):
                return Kind.ACT  # "The CFO will be introduced to us"
            if lemma in w.TALK_VERBS or lemma == "be" or _continuation_verb(verb, obj):
                return Kind.CONTINUATION
            return Kind.FUZZY if _vague_object(lemma, obj) else Kind.ACT
        # The seller speaks: "I/we …" or a note to self.
        if lemma in _HAVE_SOMEONE and self.person_to_act(obj) is not None:
            return Kind.ACT
        if lemma in w.TALK_VERBS or lemma == "have":
            return Kind.FUZZY  # "touch base", "have a meeting": with whom, to what end?
        if lemma == "follow" and not (obj and obj[0].low in {"up", "-up"}):
            return Kind.FUZZY  # "follow the project" watches; "follow up" is a task
        if lemma in w.RECEIVE_VERBS:
            if self.delivers(obj):
                return Kind.SELLER  # "get the contract to them"
            return Kind.FUZZY if _vague_object(lemma, obj) else Kind.ACT
        if lemma in w.WRAPPER_VERBS and _continuation_verb(verb, obj):
            return Kind.CONTINUATION  # "Agree to reconnect in January": agreed to nothing
        if lemma in w.MUTUAL_VERBS or (lemma in w.WRAPPER_VERBS and actor is Actor.IMPERATIVE):
            return Kind.FUZZY if _vague_object(lemma, obj) else Kind.ACT
        if lemma in w.GENERIC_VERBS:
            return Kind.FUZZY if _vague_object(lemma, obj) else Kind.SELLER
        if lemma in w.SELLER_VERBS or actor is Actor.SELLER or lemma not in w.CLIENT_VERBS:
            return Kind.SELLER
        return Kind.ACT  # "Loop in procurement": a client act, written as a note

    def noun_kind(self, body: Sequence[Token]) -> Kind:
        """A clause without a verb: "NDA signed", "CFO intro", "Yes to pilot", "next steps"."""
        if any(_passive(token) for token in body):
            return Kind.ACT
        for index, token in enumerate(body):
            lemma = token.lemma
            if lemma in w.VAGUE_NOUNS and lemma not in _AGREEMENT_NOUNS:
                return Kind.FUZZY
            if lemma in _AGREEMENT_NOUNS:
                return Kind.FUZZY if _vague_object(lemma, body[index + 1 :]) else Kind.ACT
            if lemma in w.ADVANCE_NOUNS:
                return Kind.ACT
            if lemma in w.SELLER_NOUNS:
                return Kind.SELLER
        return Kind.FUZZY

    def delivers(self, obj: Sequence[Token]) -> bool:
        """ "the contract to them/Greta/the CFO": the seller hands something over."""
        head = _head(obj)
        if head is not None and head.lemma in _INTRO_NOUNS:
            return False
        for index, token in enumerate(obj[:-1]):
            if token.low != "to":
                continue
            following = obj[index + 1]
            if following.low in _OBJECT_PEOPLE or self.is_name(following):
                return True
            if following.low == "the" and index + 2 < len(obj) and self.is_party(obj[index + 2]):
                return True
        return False


_ALL_VERBS = (
    w.CLIENT_VERBS | w.MUTUAL_VERBS | w.RECEIVE_VERBS | w.SELLER_VERBS | w.TALK_VERBS
    | w.GENERIC_VERBS | w.WRAPPER_VERBS | w.BIG_VERBS | w.WIN_VERBS
) - {"pilot", "trial", "name", "list"}  # fmt: skip


def _strip_front(tokens: Sequence[Token]) -> tuple[Token, ...]:
    """Without "Hopefully", "Can", "Could", "to" in front: "Could Mia arrange …"."""
    i = 0
    while i < len(tokens) - 1 and (
        tokens[i].low in w.FILLERS | w.MODALS | {"to", "ok", "okay"}
        or (tokens[i].low.endswith("ly") and w.is_known(tokens[i + 1].low))
    ):
        i += 1
    return tuple(tokens[i:])


def _noun_first(body: Sequence[Token]) -> bool:
    """ "Call with the CFO", "Demo for the whole team": a noun, though it could be a verb."""
    return (
        len(body) > 1
        and body[0].lemma in w.ADVANCE_NOUNS | w.SELLER_NOUNS
        and body[1].low in {"with", "for", "on", "at", "about"}
    )


def _passive(token: Token) -> bool:
    return token.is_past and token.lemma in w.CLIENT_VERBS | w.MUTUAL_VERBS


def _head(obj: Sequence[Token]) -> Token | None:
    """The first word of an object that says what it is about ("their feedback" → feedback)."""
    for token in obj:
        if token.low in _SKIPPED or any(ch.isdigit() for ch in token.low):
            continue
        if token.low in w.EVALUATIONS:
            continue
        return token
    return None


def _vague_object(lemma: str, obj: Sequence[Token]) -> bool:
    """Nothing anyone could check: "agree to something", "get buy-in", "make progress"."""
    head = _head(obj)
    if head is None:
        return lemma in w.WRAPPER_VERBS | w.GENERIC_VERBS | w.RECEIVE_VERBS | _AGREEMENT_NOUNS
    if head.lemma == "yes" or head.lemma in _AGREEMENT_NOUNS:
        index = obj.index(head)
        rest = obj[index + 1 :]
        return not rest or _vague_object(head.lemma, rest)
    if head.low in {"it", "this", "that", "there", "so", "them"} and len(obj) <= 2:
        return lemma in w.WRAPPER_VERBS | w.GENERIC_VERBS | w.RECEIVE_VERBS
    return head.lemma in w.VAGUE_NOUNS


def _continuation_verb(verb: Token, obj: Sequence[Token]) -> bool:
    """ "they will review the proposal", "agree to think about it"."""
    lemmas = [verb.lemma] + [token.lemma for token in obj[:3] if token.low != "to"]
    inner = lemmas[1] if verb.lemma in w.WRAPPER_VERBS and len(lemmas) > 1 else lemmas[0]
    if inner == "review":
        return not any(token.low == "with" for token in obj)  # "review it with legal" acts
    if inner == "reconnect" and any(token.low in {"us", "me"} for token in obj[:3]):
        return False  # "reconnect us with his boss" is an introduction
    if inner in w.TALK_VERBS and verb.lemma in w.WRAPPER_VERBS:
        return True
    return inner in w.CONTINUATION_VERBS - {"review"}


def _continues(body: Sequence[Token]) -> bool:
    """Talk that commits nobody: "keep talking", "still interested", "a useful call"."""
    lemmas = [token.lemma for token in body]
    for phrase in w.CONTINUATION_PHRASES:
        size = len(phrase)
        for i in range(len(lemmas) - size + 1):
            if tuple(lemmas[i : i + size]) != phrase:
                continue
            if phrase[-1] == "back" and "with" in lemmas[i + size :]:
                continue  # "come back with the volumes" brings something
            return True
    for index, lemma in enumerate(lemmas):
        if lemma in w.EVALUATIONS and any(
            other in _CALL_WORDS for other in lemmas[index + 1 : index + 3]
        ):
            return True
        if lemma in w.CONTINUATION_WORDS and any(
            other in _BEING for other in lemmas[max(0, index - 2) : index]
        ):
            return True
    return False


def _size(verb: Token | None, obj: Sequence[Token], body: Sequence[Token]) -> int:
    """Signing, ordering, committing money: large; pilots, trials, workshops: medium."""
    lemmas = [token.lemma for token in body]
    if any(lemma in w.SMALL_OBJECTS for lemma in lemmas):
        return 0  # an NDA is signed in a day
    if verb is not None and verb.lemma in w.LARGE_VERBS:
        return 2
    if any(token.lemma in w.LARGE_VERBS and _passive(token) for token in body):
        return 2  # "contract signed"
    for phrase in w.LARGE_PHRASES:
        size = len(phrase)
        if any(tuple(lemmas[i : i + size]) == phrase for i in range(len(lemmas) - size + 1)):
            return 2
    deciding = {"approve", "commit", "allocate", "approval", "sign-off", "authorise", "authorize"}
    inner = _head(obj)
    if any(lemma in deciding for lemma in lemmas) and not (
        inner is not None and inner.lemma in _ALL_VERBS  # "commits to share …": the sharing
    ):
        return 2 if any(lemma in w.MONEY_NOUNS for lemma in lemmas) else 1
    if any(lemma in w.MEDIUM_WORDS for lemma in lemmas):
        return 1
    return 0


_YEARS = re.compile(r"([2-9]|1[0-9]|two|three|four|five|six|seven|ten)(-year|-yr)?")
_CONTRACT_NOUNS = w.MONEY_NOUNS | {"agreement", "licence", "license"}


def _years(tokens: Sequence[Token], i: int) -> bool:
    """ "3-year", "5 year", "three-year": a contract over several years."""
    token = tokens[i]
    if not _YEARS.fullmatch(token.low):
        return False
    following = tokens[i + 1].low if i + 1 < len(tokens) else ""
    return token.low.endswith(("-year", "-yr")) or following in {"year", "years", "yr", "yrs"}


def _too_big(tokens: Sequence[Token]) -> tuple[str, str]:
    """The words that make the outcome more than one call can win, and of which kind."""
    lemmas = [token.lemma for token in tokens]
    n = len(tokens)

    def words(start: int, end: int) -> str:
        return " ".join(token.raw for token in tokens[start:end])

    for i, token in enumerate(tokens):
        if token.low in w.SCALE_QUANTIFIERS:
            for j in range(i + 1, min(i + 5, n)):
                if lemmas[j] in w.SCALE_NOUNS:
                    return words(i, j + 1), "scale"
        if token.low in w.SCALE_WORDS:
            return token.raw, "contract" if "year" in token.low else "scale"
        if _years(tokens, i) and any(lemma in _CONTRACT_NOUNS for lemma in lemmas):
            return words(i, min(i + 3, n)), "contract"
    for phrase in w.SCALE_PHRASES:
        size = len(phrase)
        for i in range(n - size + 1):
            if tuple(lemmas[i : i + size]) == phrase:
                return words(i, i + size), "contract"
    for i, token in enumerate(tokens):
        if token.lemma in w.BIG_VERBS and not (token.lemma == "roll" and (
            i + 1 >= n or tokens[i + 1].low != "out"
        )):  # fmt: skip
            end = i + 2 if token.lemma == "roll" else i + 1
            return words(i, end), "scale"
        if token.lemma in {"win", "land"} and i == n - 1:
            return token.raw, "end"  # "win": the whole deal
        if token.lemma in w.WIN_VERBS and any(
            lemma in w.WIN_OBJECTS for lemma in lemmas[i + 1 : i + 5]
        ):
            if token.lemma == "close" and "deal" not in lemmas[i + 1 : i + 4]:
                continue
            return words(i, min(i + 4, n)).rstrip(" ,"), "end"
    return "", ""
