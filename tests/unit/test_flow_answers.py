"""Every guided flow's answers go into a draft and come back the same through one codec,
and drafts written before flows were typed (a dict of strings) still read."""

import json
from datetime import date

import pytest

from coach_tui.coaching.outcome import AdvanceSize
from coach_tui.coaching.prep_answers import PrepAnswers
from coach_tui.coaching.review import ClearChoice, ClearItem
from coach_tui.coaching.review_answers import ReviewAnswers, ReviewLists, SkillAnswers
from coach_tui.model.account import ExpansionKind
from coach_tui.model.call import Movement, Result
from coach_tui.model.draft import DRAFT_DEPTH_MAX, FlowDraft, answers_problem, check_draft
from coach_tui.model.errors import ValidationError
from coach_tui.model.flows.campaign import CampaignAnswers
from coach_tui.model.flows.codec import (
    AnswersMismatch,
    answers_from_json,
    answers_of,
    answers_to_json,
    map_text,
)
from coach_tui.model.flows.debrief import DebriefAnswers
from coach_tui.model.flows.morning import MorningAnswers
from coach_tui.model.flows.objective import ObjectiveAnswers
from coach_tui.model.flows.plan_year import PlanAnswers, WalkAnswers, walk_accounts
from coach_tui.model.flows.why import WhyFlowAnswers
from coach_tui.model.limits import Limits
from coach_tui.model.touch import Channel

REVIEW = ReviewAnswers(
    figures_note="Thin week",
    went_well="Greta said yes",
    skills={"g1": SkillAnswers(practised=False, example="", rating=3), "g2": SkillAnswers()},
    clear={"touch:t1": ClearChoice.NEXT_WEEK, "promise:p1": ClearChoice.DONE},
    focus="Book the CFO\nPrep every call",
    key_calls=("c1", "c2"),
    lists=ReviewLists((("g1", "Ask twice"),), (ClearItem("touch", "t1", "Call Greta"),)),
)
EVERY_FLOW = [
    WhyFlowAnswers("A home", "The one they call", "", "I sell so…"),
    ObjectiveAnswers("obj-1", ExpansionKind.NEW_MARKET, "Five plants", "Cut waste", "250k", ""),
    ObjectiveAnswers(),
    PlanAnswers("2027", "1.2m", "24", "", "Nordvale\nAlder"),
    WalkAnswers(("a1", "a2")),
    REVIEW,
    ReviewAnswers(),
    MorningAnswers("2026-11-24", ("Call Greta", "", "Send the study")),
    PrepAnswers(
        "Greta signs", "Greta agrees to a pilot", None, AdvanceSize.LARGE, "Bring the study"
    ),
    PrepAnswers(bigger=""),  # emptied on purpose: no follow-up, unlike None (not asked yet)
    DebriefAnswers(Result.MISSED, Movement.CONTINUATION, mine="Send it", mine_due="friday"),
    CampaignAnswers("c-1", ("p1", "p2"), "next monday", "4", "9", (Channel.EMAIL, Channel.PHONE)),
    CampaignAnswers(),
]


@pytest.mark.parametrize("answers", EVERY_FLOW, ids=lambda a: type(a).__name__)
def test_every_flows_answers_survive_a_draft(answers) -> None:
    kept = json.loads(json.dumps(answers_to_json(answers)))  # what the data file holds
    assert answers_from_json(kept, type(answers)) == answers
    draft = FlowDraft("some-flow", 2, kept, typed=True)
    assert answers_of(draft, type(answers)) == answers


def test_a_draft_holds_only_json_types() -> None:
    data = answers_to_json(REVIEW)
    assert data["key_calls"] == ["c1", "c2"]  # a list, as JSON reads back
    assert data["clear"]["touch:t1"] == "next week"  # an enum by its value
    assert data["skills"]["g1"] == {"practised": False, "example": "", "rating": 3}
    assert answers_problem(data) == ""


def test_a_typed_draft_of_the_wrong_shape_names_the_field() -> None:
    draft = FlowDraft("review:2026-W47", 0, {"key_calls": "c1,c2"}, typed=True)
    with pytest.raises(AnswersMismatch, match="key_calls"):
        answers_of(draft, ReviewAnswers)


def test_text_is_changed_and_names_are_not() -> None:
    shouted = map_text(REVIEW, str.upper)
    assert shouted.went_well == "GRETA SAID YES"
    assert set(shouted.skills) == {"g1", "g2"}  # uids as they were
    assert shouted.key_calls == ("C1", "C2")  # picks are text too
    assert REVIEW.went_well == "Greta said yes"  # the original is untouched


# --- drafts written before flows were typed: a dict of strings ---------------------------


def old(answers: dict[str, str], step: int = 0) -> FlowDraft:
    return FlowDraft("some-flow", step, answers)


def test_an_old_review_draft_reads_its_composite_keys_picks_and_lists() -> None:
    draft = old(
        {
            "went_well": "Greta said yes",
            "skill:g1:practised": "no",
            "skill:g1:rating": "3",
            "skill:g2:example": "On Thursday",
            "skill:g2:rating": "9",  # not a rating: dropped
            "clear:touch:t1": "next week",
            "clear:promise:p1": "not a choice",  # left as it is
            "key_calls": "c1,c2",
            "_skills": json.dumps([["g1", "Ask twice"], ["g2", "Listen"]]),
            "_clear": json.dumps([["touch", "t1", "Call Greta"]]),
        }
    )
    answers = answers_of(draft, ReviewAnswers)
    assert answers.went_well == "Greta said yes"
    assert answers.skills == {
        "g1": SkillAnswers(practised=False, rating=3),
        "g2": SkillAnswers(practised=True, example="On Thursday", rating=None),
    }
    assert answers.clear == {"touch:t1": ClearChoice.NEXT_WEEK}
    assert answers.key_calls == ("c1", "c2")
    assert answers.lists == ReviewLists(
        (("g1", "Ask twice"), ("g2", "Listen")), (ClearItem("touch", "t1", "Call Greta"),)
    )


@pytest.mark.parametrize("skills", ["not json", "[[1]]", json.dumps({"a": 1})])
def test_an_old_review_draft_with_a_damaged_list_starts_from_todays_lists(skills) -> None:
    answers = answers_of(old({"_skills": skills, "focus": "Kept"}), ReviewAnswers)
    assert answers.lists is None and answers.focus == "Kept"


def test_old_drafts_of_the_other_flows() -> None:
    assert answers_of(old({"gives": "A home", "statement": "Mine"}), WhyFlowAnswers) == (
        WhyFlowAnswers(gives="A home", statement="Mine")
    )
    objective = answers_of(
        old({"uid": "o1", "kind": "new market", "target": "5k"}), ObjectiveAnswers
    )
    assert objective == ObjectiveAnswers("o1", ExpansionKind.NEW_MARKET, target="5k")
    assert answers_of(old({"kind": "junk"}), ObjectiveAnswers).kind is None
    assert answers_of(old({"revenue": "1.2m", "accounts": "A\nB"}), PlanAnswers) == (
        PlanAnswers(revenue="1.2m", accounts="A\nB")
    )
    assert walk_accounts(old({"accounts": "a1,,a2"})) == ("a1", "a2")
    prep = answers_of(old({"outcome": "Signs", "size": "large"}), PrepAnswers)
    assert prep == PrepAnswers("Signs", size=AdvanceSize.LARGE)  # bigger: not asked yet
    assert answers_of(old({"bigger": ""}), PrepAnswers).bigger == ""
    debrief = answers_of(
        old({"result": "not reached", "movement": "x", "notes": "N"}), DebriefAnswers
    )
    # a movement the draft does not name stays open: asked again, never assumed an advance
    assert debrief == DebriefAnswers(Result.MISSED, None, notes="N")
    assert answers_of(old({"movement": "advance"}), DebriefAnswers) == DebriefAnswers(
        movement=Movement.ADVANCE
    )
    campaign = answers_of(
        old({"uid": "c1", "contacts": "p1,p2", "channels": "email,fax,phone", "weeks": "4"}),
        CampaignAnswers,
    )
    assert campaign == CampaignAnswers(
        "c1", ("p1", "p2"), weeks="4", channels=(Channel.EMAIL, Channel.PHONE)
    )
    morning = old({"day": "2026-11-24", "priority-1": "Call Greta", "priority-3": "Study"})
    assert answers_of(morning, MorningAnswers) == (
        MorningAnswers("2026-11-24", ("Call Greta", "", "Study"))
    )


def test_a_walk_draft_edited_out_of_shape_walks_no_account() -> None:
    assert walk_accounts(FlowDraft("plan-year:objectives", 0, {"accounts": 7}, typed=True)) == ()


# --- what the store refuses ---------------------------------------------------------------


@pytest.mark.parametrize(
    "answers",
    [
        "not a map",
        {"a": {"b": object()}},
        {"a": "x" * 2_000_000},
        {
            "a": [{"b": ["c"]}] * 2,
            "deep": json.loads("[" * (DRAFT_DEPTH_MAX + 2) + "]" * (DRAFT_DEPTH_MAX + 2)),
        },
    ],
    ids=["not a map", "not json", "too long", "too deep"],
)
def test_answers_no_flow_writes_are_refused(answers) -> None:
    assert answers_problem(answers)


def test_a_nested_answer_too_long_for_a_form_is_refused() -> None:
    draft = FlowDraft("f", 0, {"skills": {"g1": {"example": "x" * 200_000}}}, typed=True)
    try:
        check_draft(draft, Limits.FORMS)
    except ValidationError as error:
        assert "skills g1 example" in (error.field or "")
    else:
        pytest.fail("a nested answer longer than a draft keeps was accepted")


# --- the morning screen's draft, kept by the store ---------------------------------------


def test_the_days_typed_priorities_come_back_from_an_old_or_a_typed_draft(repo, clock) -> None:
    today = clock().date()
    old_shape = {"day": today.isoformat(), "priority-1": "Call Greta", "priority-3": "Study"}
    repo.drafts.save(FlowDraft("morning", 0, old_shape, clock()))
    assert repo.days.typed(today) == ["Call Greta", "", "Study"]
    repo.days.keep_typed(today, ["One", "Two", ""], clock())
    assert repo.drafts.get("morning").typed
    assert repo.days.typed(today) == ["One", "Two", ""]
    assert repo.days.typed(date(2020, 1, 1)) is None  # another day's draft is stale


def test_a_morning_draft_edited_out_of_shape_leaves_the_fields_empty(repo, clock) -> None:
    out_of_shape = {"day": clock().date().isoformat(), "priorities": "not a list"}
    repo.drafts.save(FlowDraft("morning", 0, out_of_shape, clock(), typed=True))
    assert repo.days.typed(clock().date()) is None


def test_a_stored_draft_nested_deeper_than_a_flow_writes_is_refused_on_read() -> None:
    deep = json.loads("[" * (DRAFT_DEPTH_MAX + 2) + "]" * (DRAFT_DEPTH_MAX + 2))
    with pytest.raises(ValidationError, match="nest more than"):
        check_draft(FlowDraft("f", 0, {"a": deep}, typed=True), Limits.FILES)
