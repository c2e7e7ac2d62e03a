"""Each touch's idea is built for its person: role and title pick the angle, what matters to
them (else the research) and the client's why now are quoted so it reads as sentences."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach_tui.coaching.touch_ideas import (
    SOMEONE_WHO_KNOWS_THEM,
    Angle,
    angle_of,
    introducer_for,
    quoted,
    touch_idea,
)
from coach_tui.model.contact import BuyingRole, Contact, Relationship
from coach_tui.model.touch import TOUCH_IDEA_MAX, Channel, Purpose

INS, ASK = Purpose.SHARE_INSIGHT, Purpose.ASK_FOR_MEETING
EM, PH, RE = Channel.EMAIL, Channel.PHONE, Channel.REFERRAL
CFO = Contact("Paul Berg", title="CFO")
ARCHITECT = Contact("Ines Roth", title="IT Architect")


@pytest.mark.parametrize(
    ("role", "title", "angle"),
    [
        (BuyingRole.ECONOMIC_BUYER, "", Angle.MONEY),
        (BuyingRole.TECHNICAL_EVALUATOR, "", Angle.SYSTEMS),
        (BuyingRole.USER, "", Angle.DAILY_WORK),
        (BuyingRole.CHAMPION, "", Angle.INSIDE_CASE),
        (BuyingRole.BLOCKER, "", Angle.RISK),
        (BuyingRole.UNKNOWN, "", Angle.GENERAL),
        (BuyingRole.UNKNOWN, "CFO", Angle.MONEY),
        (BuyingRole.UNKNOWN, "Head of Finance", Angle.MONEY),
        (BuyingRole.UNKNOWN, "Group Controller", Angle.MONEY),
        (BuyingRole.UNKNOWN, "IT Architect", Angle.SYSTEMS),
        (BuyingRole.UNKNOWN, "Enterprise architect", Angle.SYSTEMS),
        (BuyingRole.UNKNOWN, "CIO", Angle.SYSTEMS),
        (BuyingRole.UNKNOWN, "Plant manager", Angle.DAILY_WORK),
        (BuyingRole.UNKNOWN, "Head of Supply Chain", Angle.DAILY_WORK),
        (BuyingRole.UNKNOWN, "Marketing lead", Angle.GENERAL),
        (BuyingRole.UNKNOWN, "Creditor", Angle.GENERAL),  # "cfo"/"it" only as whole words
        (BuyingRole.USER, "CFO", Angle.DAILY_WORK),  # the role the seller set wins
    ],
)
def test_the_angle_follows_the_role_else_the_title(role, title, angle) -> None:
    assert angle_of(Contact("X", role=role, title=title)) is angle


def test_nobody_in_particular_gets_the_general_angle() -> None:
    assert angle_of(None) is Angle.GENERAL


@pytest.mark.parametrize("purpose", list(Purpose))
@pytest.mark.parametrize("channel", list(Channel))
def test_the_cfo_and_the_it_architect_do_not_get_the_same_idea(purpose, channel) -> None:
    cfo = touch_idea(purpose, channel, person=CFO)
    architect = touch_idea(purpose, channel, person=ARCHITECT)
    assert cfo != architect


@pytest.mark.parametrize(
    ("person", "expected"),
    [
        (CFO, "Send a payback figure from a peer company and ask if it matches what they see."),
        (ARCHITECT, "Send a peer's notes on fitting it into systems like theirs and ask if it "
         "matches what they see."),
        (None, "Send one finding from a peer company and ask if it matches what they see."),
    ],
)  # fmt: skip
def test_the_insight_fits_the_person(person, expected) -> None:
    assert touch_idea(INS, EM, person=person) == expected


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("", ""),
        ("   ", ""),
        ("...", ""),
        ("- • ;", ""),
        ("Scrap rates on line 3.", "“Scrap rates on line 3”."),
        ("scrap rates on line 3", "“scrap rates on line 3”."),
        ("Energy costs up 40%; private-label competitors;",
         "“Energy costs up 40%; private-label competitors”."),
        ("Why are deliveries late?", "“Why are deliveries late?”"),
        ("Growth!!", "“Growth!!”"),
        ("- margins\n- energy\n- staff", "“margins - energy - staff”."),
        ("costs,", "“costs”."),
        ("Margins fell: ", "“Margins fell”."),
        ("word " * 60, "“" + " ".join(["word"] * 32) + "…”"),
    ],
)  # fmt: skip
def test_a_note_is_quoted_as_the_end_of_a_sentence(note, expected) -> None:
    assert quoted(note) == expected


def test_what_matters_to_them_beats_the_accounts_research() -> None:
    greta = Contact("Greta Lindqvist", what_matters="Cash flow before the Q4 close.")
    idea = touch_idea(INS, EM, person=greta, research="Margins fell in Poland.")
    assert idea.endswith("What matters to Greta Lindqvist: “Cash flow before the Q4 close”.")
    assert "Margins fell" not in idea
    hiro = Contact("Hiro Tanaka")
    assert touch_idea(INS, EM, person=hiro, research="Margins fell in Poland.").endswith(
        "From your research: “Margins fell in Poland”."
    )


def test_the_why_now_is_the_reason_to_talk_now() -> None:
    idea = touch_idea(ASK, PH, person=CFO, why_now="their supply contract ends in June")
    assert idea == (
        "Call to ask for a first meeting on the cost of the problem; have two times ready. "
        "The reason to talk now: “their supply contract ends in June”."
    )


@pytest.mark.parametrize(
    ("introducer", "start"),
    [("Anna Berg", "Ask Anna Berg to introduce you;"),
     ("", f"Ask {SOMEONE_WHO_KNOWS_THEM} to introduce you;")],
)  # fmt: skip
def test_a_referral_asks_someone_for_the_introduction(introducer, start) -> None:
    assert touch_idea(Purpose.PIQUE_CURIOSITY, RE, introducer=introducer).startswith(start)


def _person(name: str, role=BuyingRole.UNKNOWN, relationship=Relationship.NONE) -> Contact:
    return Contact(name, role=role, relationship=relationship, uid=name.lower())


@pytest.mark.parametrize(
    ("people", "expected"),
    [
        ([], None),
        ([_person("Cold")], None),
        ([_person("Work", relationship=Relationship.WORKING),
          _person("Strong", relationship=Relationship.STRONG)], "strong"),
        ([_person("Strong", relationship=Relationship.STRONG),
          _person("Champ", BuyingRole.CHAMPION)], "champ"),
        ([_person("Block", BuyingRole.BLOCKER, Relationship.STRONG)], None),
        ([_person("Target", relationship=Relationship.STRONG)], None),  # not themselves
    ],
)  # fmt: skip
def test_the_introducer_is_a_champion_or_someone_known_well(people, expected) -> None:
    found = introducer_for(_person("Target"), people)
    assert (found.uid if found else None) == expected


# The shapes a sentence must not have: doubled or dangling marks, an empty quote, a
# placeholder left in, a full stop after a quote that ended its sentence itself.
_BROKEN = re.compile(r"\.\.|[;:,]\.|\s[.;:,]|“”|[{}]|[?!…]”\.|\s$|^\s")

notes = st.text(min_size=0, max_size=400)


@settings(max_examples=200, deadline=None)
@given(research=notes, matters=notes, why_now=notes)
def test_every_idea_reads_as_sentences_whatever_the_notes_say(research, matters, why_now):
    person = Contact("Greta Lindqvist", title="CFO", what_matters=matters)
    for purpose in Purpose:
        for channel in Channel:
            idea = touch_idea(purpose, channel, person=person, research=research, why_now=why_now)
            assert idea[0].isupper()
            assert idea.endswith((".", "?”", "!”", "…”"))
            ours = idea  # the idea's own words around the quotes
            for note in (why_now, matters, research):
                if quote := quoted(note):
                    ours = ours.replace(quote[:-1] if quote.endswith(".") else quote, "“Q”", 1)
            assert not _BROKEN.search(ours), idea
            assert "\n" not in idea
            assert len(idea) <= TOUCH_IDEA_MAX
