"""The outcome coach's rules, one table each: who acts, the action (verbs, passives, nouns),
the seller's side of a client act, continuations, scale, compound outcomes, typos, size, and
the one message it says — with the call's names when it knows them."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach_tui.coaching.outcome import (
    MESSAGE_WORDS_MAX,
    NO_CONTEXT,
    AdvanceSize,
    OutcomeContext,
    OutcomeIssue,
    check_outcome,
    infer_size,
)
from coach_tui.coaching.outcome_words import repair

ADVANCE = None
SELLER = OutcomeIssue.SELLER_ONLY
VAGUE = OutcomeIssue.VAGUE
BIG = OutcomeIssue.TOO_BIG
GRETA = OutcomeContext(contacts=("Greta Lind", "Paul Okafor"), objective="Waste down 5% in Lyon")


def diagnosis(text: str, context: OutcomeContext = NO_CONTEXT) -> OutcomeIssue | None:
    check = check_outcome(text, context)
    return check.issues[0] if check.issues else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # WHO: the same act is an advance only when the client does it.
        ("Greta shares the downtime figures", ADVANCE),
        ("They share the downtime figures", ADVANCE),
        ("The CFO shares the downtime figures", ADVANCE),
        ("Head of procurement shares the downtime figures", ADVANCE),
        ("Dr Weber shares the downtime figures", ADVANCE),
        ("Ops team shares the downtime figures", ADVANCE),
        ("We share the downtime figures", SELLER),
        ("I share the downtime figures", SELLER),
        ("Share the downtime figures", SELLER),
        # ... a client verb no list names still counts when a person is its subject.
        ("Maria puts 45 min in her calendar for us", ADVANCE),
        ("Lisa forwards our one-pager to the COO", ADVANCE),
        ("Could Mia arrange a call with their CISO?", ADVANCE),
        ("Can we get Jan to introduce us to the board?", ADVANCE),
        ("Henrik to share the contract end date", ADVANCE),
        ("Ask Greta to introduce us to the CFO", ADVANCE),
        ("Have Greta introduce us to the CFO", ADVANCE),
        ("The CFO will be introduced to us", ADVANCE),
        ("Greta to come back with the volumes", ADVANCE),
        ("they get back to us", VAGUE),
        ("Offer a free trial", SELLER),
    ],
)
def test_who_acts(text, expected) -> None:
    assert diagnosis(text) is expected


@pytest.mark.parametrize(
    "text", ["Greta will not introduce us to the CFO", "They don't sign before June"]
)
def test_what_the_client_will_not_do_is_no_advance(text) -> None:
    assert diagnosis(text) is VAGUE


def test_each_sentence_is_a_clause() -> None:
    assert diagnosis("Send the deck. Greta books a workshop with her team.") is ADVANCE
    assert diagnosis("Mr. Okafor agrees to visit our plant in Q3.") is ADVANCE


def test_a_contact_is_a_person_even_in_lower_case() -> None:
    assert diagnosis("greta sends the deck") is SELLER  # who is "greta"? a word we don't know
    assert diagnosis("greta sends the deck", GRETA) is ADVANCE  # the call's contact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Passives and nouns name an act as well as a verb does.
        ("NDA signed", ADVANCE),
        ("Meeting with the CEO booked for next week", ADVANCE),
        ("Kickoff date agreed", ADVANCE),
        ("Pilot approved by Paul", ADVANCE),
        ("Demo for the whole purchasing team, organised by Anna", ADVANCE),
        ("CFO intro", ADVANCE),
        ("greta -> intro to CFO", ADVANCE),
        ("Yes to pilot", ADVANCE),
        ("Referral to the Munich office", ADVANCE),
        ("Agreement on success criteria for the pilot", ADVANCE),
        ("2nd meeting with tech team", ADVANCE),
        # ... but a bare yes or agreement says nothing.
        ("Get a yes", VAGUE),
        ("agree on next steps", VAGUE),
        ("Hopefully they agree to something", VAGUE),
        ("Get buy-in", VAGUE),
    ],
)
def test_the_action_in_verbs_passives_and_nouns(text, expected) -> None:
    assert diagnosis(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What the seller gets is what the client gives.
        ("get a date for the site visit", ADVANCE),
        ("Receive the org chart for the finance dept", ADVANCE),
        ("get intro to their head of procurement", ADVANCE),
        ("Obtain verbal agreement to proceed to proposal", ADVANCE),
        ("We get the signed NDA back", ADVANCE),
        ("Sign the PO for phase 1", ADVANCE),
        # ... unless the seller hands something over.
        ("Get the contract to them before Friday", SELLER),
        # A seller's opening can hide the client's clause.
        ("I present the roadmap and they commit to a pilot date", ADVANCE),
        ("walk through the proposal with Susan and she agrees to take it to the board", ADVANCE),
        # Seller tasks stay seller tasks, whatever client noun they mention.
        ("Prepare the pilot plan", SELLER),
        ("Email Greta the trial terms", SELLER),
        ("present pilot results to the board", SELLER),
        ("Write the proposal for the pilot", SELLER),
        ("call Anna to remind her of the webinar", SELLER),
    ],
)
def test_the_sellers_side_and_seller_tasks(text, expected) -> None:
    assert diagnosis(text) is expected


@pytest.mark.parametrize(
    "text",
    [
        "they agree to keep talking",
        "Agree to talk again in Q3",
        "Client agrees to think about it",
        "they confirm they are still interested",
        "Greta agrees it was a useful call",
        "client is happy with the demo",
        "they like the proposal",
        "they will review the proposal",
        "They agree to reconnect after the summer",
        "Agree to reconnect in January",  # a note to self, no subject: agreed to nothing
        "we agree to reconnect in Q3",
        "Greta agrees to pick it up again in spring",
        "Stay in touch with Marta",
        "touch base",
        "good meeting",
    ],
)
def test_a_continuation_is_never_an_advance(text) -> None:
    check = check_outcome(text)
    assert check.issues == (VAGUE,)
    assert "to nothing. What will" in check.messages[0]


def test_reviewing_with_someone_is_an_act() -> None:
    assert diagnosis("They review the contract with legal on Friday") is ADVANCE


def test_reconnecting_us_with_someone_is_an_introduction() -> None:
    assert diagnosis("Paul agrees to reconnect us with his boss") is ADVANCE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("roll out to all 12 plants", BIG),
        ("They agree to roll out to every region", BIG),
        ("migrate their whole warehouse to our WMS", BIG),
        ("Nordvale standardises on us across all regions", BIG),
        ("Sign the 5 year master agreement covering all subsidiaries", BIG),
        ("Client signs a multi-year enterprise-wide contract", BIG),
        ("Company-wide licence approved", BIG),
        ("Sign a three-year licence deal", BIG),
        ("they move all their spend to us this year", BIG),
        ("Win the tender", BIG),
        ("Become their preferred supplier in EMEA", BIG),
        # A team or a few sites are not a scale.
        ("Demo for the whole purchasing team, organised by Anna", ADVANCE),
        ("Client to confirm the 3 sites for the trial and the start date", ADVANCE),
        ("Marco agrees to a 30 day pilot at the Lyon plant", ADVANCE),
    ],
)
def test_scale(text, expected) -> None:
    assert diagnosis(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Two acts of one conversation are one advance.
        ("Jens introduces us to Maria (ops director) and we book a meeting with her", ADVANCE),
        (
            "Procurement team agrees on the evaluation timeline and shares the scoring sheet",
            ADVANCE,
        ),
        ("They tell us their evaluation criteria and who decides", ADVANCE),
        ("Hans and Petra agree to a joint workshop with both teams", ADVANCE),
        ("Greta introduces us to the CFO then we present the business case to him", ADVANCE),
        # A chain of separate decisions is not.
        ("Hiro agrees to a pilot and then signs the contract", BIG),
        ("Get the pilot approved, run it and sign the contract", BIG),
        ("Greta introduces me to the CFO, the CFO approves the budget and we sign in June", BIG),
    ],
)
def test_compound_outcomes(text, expected) -> None:
    assert diagnosis(text) is expected


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("intorduces", "introduces"),
        ("introdcues", "introduces"),
        ("agress", "agrees"),
        ("clinet", "client"),
        ("shre", "share"),
        ("sned", "send"),
        ("propsal", "proposal"),
        ("procurment", "procurement"),
        ("tuch", "touch"),
        ("plant", "plant"),  # a word we know is never "repaired" into another
        ("nordvale", "nordvale"),  # nothing close: left alone
        ("cfo", "cfo"),  # too short to guess
    ],
)
def test_typos_are_repaired_against_the_vocabulary(typed, meant) -> None:
    assert repair(typed) == meant


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Greta intorduces me to the cfo", ADVANCE),
        ("clinet agress to a 4 week pilot", ADVANCE),
        ("they shre the budget numbers for next yr", ADVANCE),
        ("sned the propsal", SELLER),
        ("tuch base w/ Tom", VAGUE),
    ],
)
def test_typos_do_not_change_the_diagnosis(text, expected) -> None:
    assert diagnosis(text) is expected


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("Get buy-in", AdvanceSize.SMALL),  # "buy-in" is not "buy"
        ("Henrik to share the current contract end date", AdvanceSize.SMALL),  # information
        ("Tom commits to share the budget by Friday", AdvanceSize.SMALL),  # the sharing counts
        ("NDA signed", AdvanceSize.SMALL),
        ("Jens introduces us to Maria and we book a meeting with her", AdvanceSize.SMALL),
        ("Marco agrees to a 30 day pilot at the Lyon plant", AdvanceSize.MEDIUM),
        ("Anna books 1h workshop w/ her 3 plant managers", AdvanceSize.MEDIUM),
        ("they commit to a pilot date", AdvanceSize.MEDIUM),
        ("Sign the PO for phase 1", AdvanceSize.LARGE),
        ("get approval of budget from the direction", AdvanceSize.LARGE),
        ("Obtain verbal agreement to proceed to proposal", AdvanceSize.LARGE),
        ("roll out to all plants", AdvanceSize.LARGE),  # never small
        ("Greta agrees to roll out to all plants", AdvanceSize.LARGE),
    ],
)
def test_size_follows_the_action_and_the_scale(text, size) -> None:
    assert infer_size(text) is size
    assert check_outcome(text).size is size


@pytest.mark.parametrize(
    ("text", "context", "message"),
    [
        (
            "Send the deck",
            GRETA,
            "That's your part of the call. What should Greta do after the deck?",
        ),
        (
            "we share our roadmap with them",
            GRETA,
            "That's your part of the call. What should Greta do after your roadmap?",
        ),
        (
            "Paul agrees to keep talking",  # the contact the outcome names comes first
            GRETA,
            "That keeps the conversation going but binds Paul to nothing. What will Paul do "
            "next, and by when?",
        ),
        (
            "next steps",
            GRETA,
            "Nobody could check that afterwards. What exactly will Greta do to move “Waste "
            "down 5% in Lyon” on?",
        ),
        (
            "next steps",
            OutcomeContext(),
            "Nobody could check that afterwards. What exactly will they do — share figures, "
            "book a meeting, bring in a colleague?",
        ),
        (
            "roll out to all 12 plants",
            GRETA,
            "“all 12 plants” takes more than one call. What first step can Greta agree to in "
            "this one — a pilot at one site?",
        ),
        (
            "Hiro agrees to a pilot and then signs the contract",
            OutcomeContext(),
            "That's two steps, likely separate decisions. Aim this call at the first — “Hiro "
            "agrees to a pilot” — and plan follow-up calls with Hiro for the rest.",
        ),
    ],
)
def test_one_message_naming_the_people(text, context, message) -> None:
    assert check_outcome(text, context).messages == (message,)


def test_an_advance_says_nothing() -> None:
    check = check_outcome("Greta introduces us to the CFO", GRETA)
    assert (check.issues, check.messages, check.is_advance) == ((), (), True)


def test_a_title_is_not_a_first_name() -> None:
    context = OutcomeContext(contacts=("Dr. Anna Weber",))
    assert "What should Anna do" in check_outcome("Send the deck", context).messages[0]


# Words from every rule, so the generated outcomes hit every branch of the reading.
PIECES = (
    "Greta", "greta", "they", "we", "I", "the", "CFO", "head", "of", "procurement", "and",
    "then", ",", "->", "w/", "?", "(", ")", "agrees", "to", "a", "pilot", "signs", "contract",
    "all", "plants", "3-year", "intro", "yes", "get", "send", "deck", "keep", "talking",
    "still", "interested", "useful", "call", "booked", "NDA", "signed", "roll", "out", "win",
    "tender", "buy-in", "something", "intorduces", "sned", "Dr", "who", "decides", "by", "Friday",
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.sampled_from(PIECES), max_size=30),
    contacts=st.lists(st.text(max_size=15), max_size=3),
    objective=st.text(max_size=60),
)
def test_any_outcome_gets_at_most_one_short_message(words, contacts, objective) -> None:
    context = OutcomeContext(contacts=tuple(contacts), objective=objective)
    check = check_outcome(" ".join(words), context)
    assert len(check.messages) == len(check.issues) <= 1
    for message in check.messages:
        assert message.strip()
        assert len(message.split()) <= MESSAGE_WORDS_MAX
