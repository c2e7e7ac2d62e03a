"""The outcome coach's vocabulary: which words name a client act, a seller task, mere talk,
a continuation or a scale, and how a typed word is brought to its dictionary form.

Words are grouped by what they mean for an outcome, never by where they appear in it; the
slot reader (`outcome_slots.py`) decides from the word's place who does it. Typos are repaired
against this vocabulary with `difflib` (standard library): a word we do not know that is close
to one we do ("intorduces") is read as that word. The tables are built on first use, so
importing the coach costs nothing at start-up.
"""

from __future__ import annotations

import difflib
from functools import cache

# --- who ------------------------------------------------------------------------------------
SELLER_PRONOUNS = frozenset({"i", "we"})
CLIENT_PRONOUNS = frozenset({"they", "he", "she", "client", "customer", "prospect", "buyer"})
TITLES = frozenset({"mr", "mrs", "ms", "dr", "prof"})
ROLES = frozenset(
    """cfo ceo coo cio cto ciso cmo cpo cro vp svp evp md gm head director manager lead owner
    team board committee procurement purchasing legal finance it ops operations hr sales
    marketing engineering security buyer buyers champion sponsor client customer prospect user
    users plant site tech technical department dept boss chief officer president chair
    controller architect engineer analyst specialist admin administrator staff management
    leadership steering executive exec execs partner partners colleague colleagues people
    unit group stakeholder stakeholders decision maker makers it's""".split()
)
DETERMINERS = frozenset(
    "the a an their his her its our my your this that these those some any".split()
)
MODALS = frozenset("will would can could should shall may might must 'll going want need".split())
FILLERS = frozenset(
    """hopefully ideally maybe perhaps please then also so finally at least ideally just
    really actually definitely""".split()
)
WH_WORDS = frozenset("who what when where which how whether why".split())

# --- what: verbs ----------------------------------------------------------------------------
# Acts that are an advance when the client does them (or they are done, in the passive).
CLIENT_VERBS = frozenset(
    """introduce share send give provide forward tell list rank prioritise prioritize confirm
    nominate invite book schedule arrange set organise organize connect loop bring add put fill
    complete walk show open grant host attend join visit receive meet take accept agree commit
    promise decide choose select allocate approve sign order buy purchase fund sponsor champion
    evaluate test try run start pilot trial recommend refer name identify draft reserve block
    present email call write sort supply release authorise authorize endorse nominate assign
    appoint enrol enroll register let do make hand include involve escalate submit""".split()
)
# Acts that need both sides, so whoever is named the subject, the client takes part.
MUTUAL_VERBS = frozenset(
    """sign agree book schedule arrange set commit approve order buy purchase decide accept fund
    allocate authorise authorize fix""".split()
)
# The seller's side of a client act: what the seller gets is what the client gives.
RECEIVE_VERBS = frozenset("get receive obtain secure collect gain".split())
# What the seller does; no commitment from the client in it.
SELLER_VERBS = frozenset(
    """send email mail present pitch demo demonstrate show explain follow update remind prepare
    write draft call phone ring ask find handle qualify answer introduce share tell give walk
    deliver propose offer quote address overcome position cover reach research plan create
    finish visit meet contact invite price negotiate clarify confirm provide forward bring
    prove convince persuade inform""".split()
)
# Talking and relating: pleasant, but nothing anyone could check afterwards.
TALK_VERBS = frozenset(
    """touch catch check build understand learn see discuss talk chat speak explore move keep
    maintain nurture continue stay align sync hear gauge sound feel warm strengthen deepen
    establish improve grow know get-to-know""".split()
)
# What a client says when they commit to nothing: a continuation.
CONTINUATION_VERBS = frozenset(
    "consider review like love reconnect ponder postpone revisit think look wait".split()
)
CONTINUATION_WORDS = frozenset(
    """interested happy keen open positive satisfied pleased impressed glad willing curious
    enthusiastic excited""".split()
)
CONTINUATION_PHRASES = (
    ("keep", "talk"), ("keep", "in", "touch"), ("stay", "in", "touch"), ("keep", "in", "contact"),
    ("stay", "in", "contact"), ("talk", "again"), ("speak", "again"), ("meet", "again"),
    ("think", "about"), ("think", "over"), ("think", "it", "over"), ("look", "at"),
    ("look", "into"), ("get", "back"), ("come", "back"), ("circle", "back"), ("touch", "base"),
    ("catch", "up"), ("check", "in"), ("keep", "the", "conversation"), ("follow", "along"),
    ("stay", "engaged"), ("remain", "interested"), ("still", "interested"), ("get", "to", "know"),
    ("pick", "it", "up", "again"), ("pick", "this", "up", "again"), ("pick", "up", "again"),
)  # fmt: skip
# An evaluation of the call itself: "a useful call" commits nobody.
EVALUATIONS = frozenset(
    "good useful productive positive great nice fruitful constructive helpful pleasant".split()
)
GENERIC_VERBS = frozenset("make have do take keep build put let".split())
WRAPPER_VERBS = frozenset("agree commit accept promise decide confirm".split())

# --- what: nouns ----------------------------------------------------------------------------
# Nouns that name an advance on their own ("CFO intro", "NDA signed", "Yes to pilot").
ADVANCE_NOUNS = frozenset(
    """intro introduction referral meeting call workshop pilot trial poc beta agreement approval
    sign-off signoff go-ahead greenlight light yes date access nda po loi contract kickoff
    kick-off visit session commitment signature decision order deep-dive dive invitation invite
    slot appointment demo-day reference references list data numbers figures chart details
    name requirements criteria timeline priorities""".split()
)
# Nouns for the seller's own work ("the deck", "a demo"): naming them is not an advance.
SELLER_NOUNS = frozenset(
    """demo presentation pitch proposal deck follow-up followup update overview case quote offer
    email mail""".split()
)
# Objects too fuzzy to check afterwards ("agree on next steps", "get buy-in").
VAGUE_NOUNS = frozenset(
    """progress momentum interest feedback buy-in alignment something anything things thing
    stuff relationship trust rapport status partnership needs discussion conversation chat
    situation thoughts opinion impression engagement understanding clarity visibility traction
    support step steps next-step next-steps way-forward yes commitment insight insights""".split()
)
# Nouns that make an outcome bigger than one call when they follow "all/every/whole".
SCALE_NOUNS = frozenset(
    """site plant region subsidiary office store country warehouse location branch division
    business-unit unit factory hospital market company group organisation organization business
    estate fleet spend portfolio entity brand operation facility department country line
    enterprise school clinic""".split()
)
SCALE_QUANTIFIERS = frozenset("all every whole entire each".split())
SCALE_WORDS = frozenset(
    """company-wide enterprise-wide group-wide organisation-wide organization-wide global
    globally worldwide nationwide multi-year multiyear""".split()
)
SCALE_PHRASES = (
    ("master", "agreement"), ("enterprise", "agreement"), ("framework", "agreement"),
    ("enterprise", "licence"), ("enterprise", "license"), ("across", "the", "group"),
)  # fmt: skip
# Acts that take many calls whoever does them ("roll out", "replace their system").
BIG_VERBS = frozenset(
    """roll rollout roll-out deploy deployment implement implementation migrate migration replace
    replacement standardise standardize transform transformation consolidate""".split()
)
# Winning is an end, not a step: big when its object is the deal itself.
WIN_VERBS = frozenset("win land close become switch".split())
WIN_OBJECTS = frozenset(
    """account deal tender business contract client customer bid rfp sale supplier vendor
    partner provider standard us""".split()
)

# --- size -----------------------------------------------------------------------------------
LARGE_VERBS = frozenset("sign order buy purchase fund".split())
MONEY_NOUNS = frozenset(
    "budget contract po order spend investment funding purchase deal money capex opex".split()
)
LARGE_PHRASES = (
    ("in", "principle"), ("verbal", "agreement"), ("verbal", "yes"), ("letter", "of", "intent"),
    ("purchase", "order"), ("go-ahead",), ("green", "light"), ("greenlight",), ("loi",), ("po",),
)  # fmt: skip
MEDIUM_WORDS = frozenset(
    """pilot trial poc beta workshop dive deep-dive evaluation evaluate test reference visit
    sandbox proof""".split()
)
SMALL_OBJECTS = frozenset("nda confidentiality".split())

IRREGULAR = {
    "sent": "send", "gave": "give", "given": "give", "brought": "bring", "took": "take",
    "taken": "take", "made": "make", "met": "meet", "told": "tell", "shown": "show",
    "chose": "choose", "chosen": "choose", "bought": "buy", "began": "begin", "begun": "begin",
    "ran": "run", "got": "get", "gotten": "get", "led": "lead", "sold": "sell", "won": "win",
    "held": "hold", "kept": "keep", "thought": "think", "spoke": "speak", "spoken": "speak",
    "wrote": "write", "written": "write", "drew": "draw", "drawn": "draw", "did": "do",
    "does": "do", "done": "do", "went": "go", "gone": "go", "saw": "see", "seen": "see",
    "found": "find", "is": "be", "are": "be", "was": "be", "were": "be", "been": "be",
    "am": "be", "has": "have", "had": "have", "set": "set", "put": "put", "let": "let",
    "forwarded": "forward", "companies": "company", "subsidiaries": "subsidiary",
    "countries": "country", "factories": "factory", "facilities": "facility",
    "entities": "entity", "talking": "talk", "am'": "be",
}  # fmt: skip
PARTICIPLES = frozenset(
    "sent given brought taken made met told shown chosen bought begun run got gotten set put "
    "done found held kept won".split()
)

# Everyday words that are never typos of the words above ("plant" is not "plan").
COMMON = """a about above across after again against ago all along also am an and any are as
at back be because been before being below best better between both but by can cannot could
day days did do does done down during each early end every few first for from further go
good had has have having he her here him his how i if in into is it its just last later least
less let like many may me more most much must my near need new next no not now of off on once
one only or other our out over own per same she should since so some still such than that the
their them then there these they this those through till to today tomorrow too two three four
five under until up upon us very via was way we week weeks well were what when where which
while who whom why will with within without would year years yet you your q1 q2 q3 q4 asap
eod eow monday tuesday wednesday thursday friday month months quarter plan plans plant plants
plan's price prices pricing product products platform module modules service services solution
solutions roadmap case study studies results result team teams number figure figures cost costs
line lines model roi tool tools system systems software licence licences license licenses user
users seat seats hour hours min minute minutes calendar phase stage round level criteria
scoring sheet timeline timeline evaluation vendor supplier approved list lists end current
draft rfp rfi rfq terms term price one-pager pager downtime manager managers waste energy
safety quality maintenance logs log cloud data security risk issue issues problem problems
question questions objection objections concern concerns priority priorities goal goals kpi
kpis target targets success steering order form forms offer offers option options detail
details full big small large short long quick brief joint formal written final signed second
third top main key real actual own free paid premium basic standard new old whole entire
other another several both few ready able due late early right wrong true false sure
""".split()


@cache
def vocabulary() -> dict[str, str]:
    """Every word form we know, mapped to its dictionary form (its lemma)."""
    forms: dict[str, str] = {}
    inflected = (
        CLIENT_VERBS | MUTUAL_VERBS | RECEIVE_VERBS | SELLER_VERBS | TALK_VERBS
        | CONTINUATION_VERBS | GENERIC_VERBS | WRAPPER_VERBS | BIG_VERBS | WIN_VERBS
        | LARGE_VERBS | ADVANCE_NOUNS | SELLER_NOUNS | VAGUE_NOUNS | SCALE_NOUNS | ROLES
        | MEDIUM_WORDS | MONEY_NOUNS | WIN_OBJECTS | SMALL_OBJECTS
    )  # fmt: skip
    plain = (
        CONTINUATION_WORDS | EVALUATIONS | SCALE_WORDS | SCALE_QUANTIFIERS | CLIENT_PRONOUNS
        | SELLER_PRONOUNS | TITLES | DETERMINERS | MODALS | FILLERS | WH_WORDS
        | {word for phrase in CONTINUATION_PHRASES + LARGE_PHRASES + SCALE_PHRASES
           for word in phrase}
    )  # fmt: skip
    for word in inflected:
        for form in _inflections(word):
            forms.setdefault(form, word)
    for word in inflected | plain:
        forms[word] = word
    forms.update(IRREGULAR)
    for word in COMMON:
        forms.setdefault(word, word)
    return forms


def _inflections(lemma: str) -> tuple[str, ...]:
    """The regular forms of a verb or noun: -s, -ed, -ing (with the usual spelling changes)."""
    if lemma.endswith("e"):
        stem = lemma[:-1]
        return (lemma + "s", lemma + "d", stem + "ing")
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        stem = lemma[:-1]
        return (stem + "ies", stem + "ied", lemma + "ing")
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return (lemma + "es", lemma + "ed", lemma + "ing")
    forms = [lemma + "s", lemma + "ed", lemma + "ing"]
    if (
        len(lemma) >= 3
        and lemma[-1] in "bdgmnprt"
        and lemma[-2] in "aeiou"
        and lemma[-3] not in "aeiou"
    ):
        forms += [lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"]  # commit → committed
    return tuple(forms)


@cache
def _repair_targets() -> dict[str, tuple[str, ...]]:
    """Known word forms by first letter: a typo rarely gets the first letter wrong."""
    by_letter: dict[str, list[str]] = {}
    for form in vocabulary():
        if len(form) >= 3 and form.isalpha():
            by_letter.setdefault(form[0], []).append(form)
    return {letter: tuple(sorted(forms)) for letter, forms in by_letter.items()}


@cache
def repair(word: str) -> str:
    """`word` as the known word it most likely misspells ("intorduces" → "introduces",
    "sned" → "send"); unchanged when it is known, short, or close to nothing we know.

    A typo keeps the first letter and misses, adds or swaps a letter: so only words one
    letter longer or shorter are candidates, and two swapped letters win outright.
    """
    if word in vocabulary() or len(word) < 4 or not word.isalpha():
        return word
    candidates = [
        form for form in _repair_targets().get(word[0], ()) if abs(len(form) - len(word)) <= 1
    ]
    swapped = [
        form for form in candidates if len(form) == len(word) and sorted(form) == sorted(word)
    ]
    if swapped:
        return min(swapped, key=lambda form: form != vocabulary()[form])  # a lemma first
    cutoff = 0.75 if len(word) == 4 else 0.8
    close = difflib.get_close_matches(word, candidates, 1, cutoff)
    return close[0] if close else word


def lemma(word: str) -> str:
    """The dictionary form of a (repaired) lower-case word; unknown words lose a plural -s."""
    known = vocabulary().get(word)
    if known is not None:
        return known
    if word.endswith("'s"):
        return lemma(word[:-2])
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def is_known(word: str) -> bool:
    return word in vocabulary() or lemma(word) in vocabulary()
