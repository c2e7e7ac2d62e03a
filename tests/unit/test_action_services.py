"""The services behind the screens' saves, against a real data folder.

Each action is one unit of work: its records and the removal of the flow's draft land
together. The file write of the draft's removal fails in the `*_saves_nothing_*` tests: an
action split over two saves would leave its first part on disk there.
"""

from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from coach_tui.coaching.next_call import Promised
from coach_tui.coaching.plan_year import planned_goal
from coach_tui.coaching.touches import mark_done
from coach_tui.model.account import Account, ExpansionKind, StrategicObjective
from coach_tui.model.call import Call, Debrief, Movement, Party, Prep, Result
from coach_tui.model.day import DayPlan, Priority
from coach_tui.model.draft import FlowDraft
from coach_tui.model.errors import ValidationError
from coach_tui.model.goal import Metric
from coach_tui.model.money import Money
from coach_tui.model.review import WeekReview
from coach_tui.model.touch import Campaign, CampaignStatus, Channel, Purpose, Touch, TouchStatus
from coach_tui.model.week import IsoWeek
from coach_tui.model.why import new_why
from coach_tui.services.call_saves import save_debrief, save_prep
from coach_tui.services.campaigns import (
    end_campaign,
    mark_touch_done,
    reply_not_now,
    save_campaign_plan,
    undo_end,
)
from coach_tui.services.flow_saves import (
    save_day_plan,
    save_objective,
    save_review,
    save_why,
    save_year_plan,
)
from coach_tui.store.errors import StoreWriteError
from coach_tui.store.repository import Repository
from tests.helpers import BERLIN, FakeClock
from tests.unit.faults import NthWriteFails

MONDAY = datetime(2026, 11, 23, 10, 0, tzinfo=BERLIN)
NEXT_TUESDAY = datetime(2026, 12, 1, 9, 30, tzinfo=BERLIN)
FRIDAY = date(2026, 11, 27)


def reopened(repo: Repository, clock: FakeClock) -> Repository:
    """The folder as the next coach would find it on disk."""
    return Repository.open(repo.data_dir, read_only=True, clock=clock)


def kept_draft(repo: Repository, flow: str, clock: FakeClock) -> None:
    repo.drafts.save(FlowDraft(flow, 2, {"typed": "half done"}, clock()))


# --- a debrief -------------------------------------------------------------------------


def debrief(
    clock: FakeClock,
    next_step: str = "Priya books the CFO",
    movement: Movement = Movement.CONTINUATION,
) -> Debrief:
    """A continuation unless told: an advance needs a client promise to save."""
    return Debrief(Result.PARTLY, movement, next_step=next_step, at=clock())


def test_a_debrief_saves_call_promises_and_next_call_and_drops_its_draft(repo, clock) -> None:
    call = Call("acc", MONDAY, prep=Prep("CFO agrees to a pilot"))
    repo.calls.save(call)
    kept_draft(repo, "debrief:x", clock)
    promised = [Promised(Party.THEM, "Share the plant data", FRIDAY), Promised(Party.ME, " ")]
    advance = debrief(clock, movement=Movement.ADVANCE)
    saved = save_debrief(repo, call, advance, promised=promised, next_when=NEXT_TUESDAY,
                         now=clock(), draft="debrief:x")  # fmt: skip
    disk = reopened(repo, clock)
    first, following = disk.calls.for_account("acc")
    assert first.uid == saved.uid == call.uid and first.debrief == advance
    assert following.when == NEXT_TUESDAY and following.carried_outcome == "Priya books the CFO"
    assert [(c.what, c.due, c.call_uid) for c in disk.calls.commitments("acc")] == [
        ("Share the plant data", FRIDAY, call.uid)
    ]
    assert disk.drafts.get("debrief:x") is None


def test_a_debrief_without_a_date_creates_no_next_call(repo, clock) -> None:
    call = Call("acc", MONDAY)
    save_debrief(repo, call, debrief(clock), now=clock())
    assert [c.uid for c in reopened(repo, clock).calls.for_account("acc")] == [call.uid]


def test_a_debrief_with_a_promise_too_long_saves_nothing(repo, clock) -> None:
    call = Call("acc", MONDAY)
    repo.calls.save(call)
    kept_draft(repo, "debrief:x", clock)
    with pytest.raises(ValidationError):
        save_debrief(repo, call, debrief(clock), promised=[Promised(Party.ME, "x" * 5_000)],
                     next_when=NEXT_TUESDAY, now=clock(), draft="debrief:x")  # fmt: skip
    disk = reopened(repo, clock)
    assert [c.debrief for c in disk.calls.for_account("acc")] == [None]
    assert disk.drafts.get("debrief:x") is not None


@pytest.mark.parametrize(
    ("movement", "promised", "refusal"),
    [
        # an advance is the client doing something: with nothing they promised, no advance
        (Movement.ADVANCE, [Promised(Party.ME, "Send the plan")], "recorded nothing they promised"),
        (Movement.ADVANCE, [Promised(Party.THEM, "  ")], "recorded nothing they promised"),
        # nobody promises the past: a day before the call (Mon 23 Nov) cannot be right
        (Movement.CONTINUATION, [Promised(Party.ME, "Send", date(2026, 11, 20))], "before the"),
        (Movement.ADVANCE, [Promised(Party.THEM, "Sends", date(2026, 11, 22))], "before the"),
    ],
)  # fmt: skip
def test_a_debrief_the_coach_refuses_saves_nothing(
    repo, clock, movement, promised, refusal
) -> None:
    call = Call("acc", MONDAY)
    repo.calls.save(call)
    kept_draft(repo, "debrief:x", clock)
    with pytest.raises(ValidationError, match=refusal):
        save_debrief(repo, call, debrief(clock, movement=movement), promised=promised,
                     next_when=NEXT_TUESDAY, now=clock(), draft="debrief:x")  # fmt: skip
    disk = reopened(repo, clock)
    assert [c.debrief for c in disk.calls.for_account("acc")] == [None]
    assert disk.calls.commitments("acc") == []
    assert disk.drafts.get("debrief:x") is not None


def test_a_promise_due_after_the_call_but_already_past_is_kept(repo, clock) -> None:
    """Late already (due the day of the call, debriefed the day after) — asked in the
    flow, but a true record: saved."""
    call = Call("acc", MONDAY)
    due = MONDAY.date()
    save_debrief(repo, call, debrief(clock, movement=Movement.ADVANCE),
                 promised=[Promised(Party.THEM, "Sends the data", due)], now=clock())  # fmt: skip
    assert [c.due for c in reopened(repo, clock).calls.commitments("acc")] == [due]


def test_a_debrief_keeps_the_skill_asked_about_and_the_answer(repo, clock) -> None:
    call = Call("acc", MONDAY)
    asked = replace(debrief(clock), skill_uid="skill-1", practised=True)
    save_debrief(repo, call, asked, now=clock())
    [saved] = reopened(repo, clock).calls.for_account("acc")
    assert (saved.debrief.skill_uid, saved.debrief.practised) == ("skill-1", True)


def test_a_debrief_saves_nothing_when_its_second_write_fails(repo, clock, monkeypatch) -> None:
    call = Call("acc", MONDAY)
    repo.calls.save(call)
    kept_draft(repo, "debrief:x", clock)
    NthWriteFails(monkeypatch)
    with pytest.raises(StoreWriteError):
        save_debrief(repo, call, debrief(clock), promised=[Promised(Party.ME, "Send the plan")],
                     next_when=NEXT_TUESDAY, now=clock(), draft="debrief:x")  # fmt: skip
    monkeypatch.undo()
    for seen in (repo, reopened(repo, clock)):
        assert [c.debrief for c in seen.calls.for_account("acc")] == [None]
        assert seen.calls.commitments("acc") == []
        assert seen.drafts.get("debrief:x") is not None


# --- a prep, and a split outcome ----------------------------------------------------------


def test_a_split_prep_saves_the_call_and_its_follow_up_and_drops_the_draft(repo, clock) -> None:
    call = Call("acc", MONDAY)
    repo.calls.save(call)
    kept_draft(repo, "prep:x", clock)
    prep = Prep("Priya agrees to a pilot on one line")
    saved = save_prep(repo, call, prep, bigger="The board signs the rollout", now=clock(),
                      draft="prep:x")  # fmt: skip
    disk = reopened(repo, clock)
    first, follow = disk.calls.for_account("acc")
    assert first.prep == prep and saved.call.prep == prep
    assert saved.follow_up is not None and follow.uid == saved.follow_up.uid
    assert follow.when == MONDAY + timedelta(weeks=1)
    assert follow.carried_outcome == "The board signs the rollout"
    assert disk.drafts.get("prep:x") is None


def test_a_prep_without_a_split_saves_one_call(repo, clock) -> None:
    call = Call("acc", MONDAY)
    saved = save_prep(repo, call, Prep("Priya agrees to a pilot"), now=clock())
    assert saved.follow_up is None
    assert [c.outcome for c in reopened(repo, clock).calls.for_account("acc")] == [
        "Priya agrees to a pilot"
    ]


def test_a_split_prep_saves_nothing_when_its_second_write_fails(repo, clock, monkeypatch) -> None:
    call = Call("acc", MONDAY)
    repo.calls.save(call)
    kept_draft(repo, "prep:x", clock)
    NthWriteFails(monkeypatch)
    with pytest.raises(StoreWriteError):
        save_prep(repo, call, Prep("Priya agrees to a pilot"), bigger="The board signs",
                  now=clock(), draft="prep:x")  # fmt: skip
    monkeypatch.undo()
    for seen in (repo, reopened(repo, clock)):
        assert [c.prep for c in seen.calls.for_account("acc")] == [None]
        assert seen.drafts.get("prep:x") is not None


def an_objective(repo: Repository, clock: FakeClock, why_now: str = "") -> StrategicObjective:
    objective = StrategicObjective("acc", "All five plants plan on our suite",
                                   ExpansionKind.WIDER_DEPLOYMENT, created_at=clock(),
                                   why_now=why_now)  # fmt: skip
    repo.objectives.save(objective)
    return objective


def test_a_prep_saves_the_clients_why_now_on_the_objective_with_the_call(repo, clock) -> None:
    objective = an_objective(repo, clock)
    call = Call("acc", MONDAY, objective_uid=objective.uid)
    repo.calls.save(call)
    kept_draft(repo, "prep:x", clock)
    saved = save_prep(repo, call, Prep("The CFO signs the pilot order"), objective=objective,
                      why_now="  The Bremen plant opens in May ", now=clock(),
                      draft="prep:x")  # fmt: skip
    disk = reopened(repo, clock)
    assert disk.objectives.active_for("acc").why_now == "The Bremen plant opens in May"
    assert saved.objective == disk.objectives.active_for("acc")
    assert [c.outcome for c in disk.calls.for_account("acc")] == ["The CFO signs the pilot order"]
    assert disk.drafts.get("prep:x") is None


@pytest.mark.parametrize("why_now", ["", "   "])
def test_a_prep_without_a_why_now_leaves_the_objective_alone(repo, clock, why_now) -> None:
    objective = an_objective(repo, clock)
    saved = save_prep(repo, Call("acc", MONDAY), Prep("The CFO signs"), objective=objective,
                      why_now=why_now, now=clock())  # fmt: skip
    assert saved.objective is None
    assert reopened(repo, clock).objectives.active_for("acc") == objective


def test_a_prep_never_overwrites_a_why_now_the_objective_has(repo, clock) -> None:
    objective = an_objective(repo, clock, why_now="Their contract ends in March")
    save_prep(repo, Call("acc", MONDAY), Prep("The CFO signs"), objective=objective,
              why_now="Something else", now=clock())  # fmt: skip
    assert reopened(repo, clock).objectives.active_for("acc").why_now == (
        "Their contract ends in March"
    )


def test_a_why_now_too_long_saves_nothing(repo, clock) -> None:
    objective = an_objective(repo, clock)
    call = Call("acc", MONDAY)
    repo.calls.save(call)
    with pytest.raises(ValidationError, match="why now"):
        save_prep(repo, call, Prep("The CFO signs"), objective=objective,
                  why_now="x" * 5_000, now=clock())  # fmt: skip
    disk = reopened(repo, clock)
    assert [c.prep for c in disk.calls.for_account("acc")] == [None]
    assert disk.objectives.active_for("acc").why_now == ""


def test_a_prep_and_its_why_now_save_nothing_when_the_second_write_fails(
    repo, clock, monkeypatch
) -> None:
    objective = an_objective(repo, clock)
    call = Call("acc", MONDAY)
    repo.calls.save(call)
    kept_draft(repo, "prep:x", clock)
    NthWriteFails(monkeypatch)
    with pytest.raises(StoreWriteError):
        save_prep(repo, call, Prep("The CFO signs"), objective=objective,
                  why_now="The plant opens in May", now=clock(), draft="prep:x")  # fmt: skip
    monkeypatch.undo()
    for seen in (repo, reopened(repo, clock)):
        assert [c.prep for c in seen.calls.for_account("acc")] == [None]
        assert seen.objectives.active_for("acc").why_now == ""
        assert seen.drafts.get("prep:x") is not None


# --- a campaign: its plan, stopping it and the undo ---------------------------------------


def plan(clock: FakeClock) -> tuple[Campaign, list[Touch]]:
    today = clock().date()
    campaign = Campaign("acc", "Entry Nov 2026", today, ("p1",), created_at=clock(), uid="camp")
    touches = [
        Touch("camp", "acc", "p1", today + timedelta(days=n), Channel.EMAIL, Purpose.SHARE_INSIGHT)
        for n in range(3)
    ]
    return campaign, touches


def test_a_campaign_plan_saves_campaign_and_touches_and_drops_the_draft(repo, clock) -> None:
    campaign, touches = plan(clock)
    kept_draft(repo, "campaign:acc", clock)
    save_campaign_plan(repo, campaign, touches, draft="campaign:acc")
    disk = reopened(repo, clock)
    assert disk.campaigns.active_for("acc") == campaign
    assert disk.touches.for_campaign("camp") == touches
    assert disk.drafts.get("campaign:acc") is None


def test_a_campaign_plan_saves_nothing_when_its_draft_write_fails(repo, clock, monkeypatch) -> None:
    campaign, touches = plan(clock)
    kept_draft(repo, "campaign:acc", clock)
    NthWriteFails(monkeypatch, nth=3)  # entry.json, touches.json, then core.json's draft
    with pytest.raises(StoreWriteError):
        save_campaign_plan(repo, campaign, touches, draft="campaign:acc")
    monkeypatch.undo()
    for seen in (repo, reopened(repo, clock)):
        assert seen.campaigns.get("camp") is None
        assert seen.touches.for_campaign("camp") == []
        assert seen.drafts.get("campaign:acc") is not None


def test_stopping_a_campaign_closes_its_open_touches_and_the_undo_reopens_both(repo, clock) -> None:
    campaign, touches = plan(clock)
    done = Touch("camp", "acc", "p1", clock().date(), Channel.PHONE, Purpose.PIQUE_CURIOSITY,
                 status=TouchStatus.DONE, closed_on=clock().date())  # fmt: skip
    save_campaign_plan(repo, campaign, [*touches, done])
    ended = end_campaign(repo, "camp", CampaignStatus.STOPPED, clock().date())
    assert ended is not None and len(ended.closed) == 3
    disk = reopened(repo, clock)
    assert disk.campaigns.get("camp").status is CampaignStatus.STOPPED
    assert {t.status for t in disk.touches.for_campaign("camp")} == {
        TouchStatus.SKIPPED,
        TouchStatus.DONE,
    }
    assert end_campaign(repo, "camp", CampaignStatus.STOPPED, clock().date()) is None
    undo_end(repo, ended)
    disk = reopened(repo, clock)
    assert disk.campaigns.get("camp").is_active
    assert sorted(disk.touches.for_campaign("camp"), key=lambda t: t.uid) == sorted(
        [*touches, done], key=lambda t: t.uid
    )


def test_the_undo_of_a_won_meeting_puts_the_winning_touch_back_too(repo, clock) -> None:
    campaign, touches = plan(clock)
    save_campaign_plan(repo, campaign, touches)
    won = touches[0]
    repo.touches.save(Touch(won.campaign_uid, won.account_uid, won.contact_uid, won.due,
                            won.channel, won.purpose, status=TouchStatus.DONE,
                            got_meeting=True, closed_on=won.due, uid=won.uid))  # fmt: skip
    ended = end_campaign(repo, "camp", CampaignStatus.SUCCEEDED, clock().date(), restore=[won])
    assert ended is not None and len(ended.closed) == 2
    undo_end(repo, ended)
    assert repo.touches.for_campaign("camp") == touches


def test_stopping_a_campaign_saves_nothing_when_its_second_write_fails(
    repo, clock, monkeypatch
) -> None:
    campaign, touches = plan(clock)
    save_campaign_plan(repo, campaign, touches)
    NthWriteFails(monkeypatch)
    with pytest.raises(StoreWriteError):
        end_campaign(repo, "camp", CampaignStatus.STOPPED, clock().date())
    monkeypatch.undo()
    for seen in (repo, reopened(repo, clock)):
        assert seen.campaigns.get("camp").is_active
        assert seen.touches.for_campaign("camp") == touches


def won_meeting(touch: Touch, clock: FakeClock) -> Touch:
    return mark_done(touch, clock().date(), "She said yes", got_response=True, got_meeting=True)


def test_a_touch_that_won_a_meeting_ends_its_campaign_in_the_same_save(repo, clock) -> None:
    campaign, touches = plan(clock)
    save_campaign_plan(repo, campaign, touches)
    ended = mark_touch_done(repo, touches[0], won_meeting(touches[0], clock), clock().date())
    assert ended is not None and [t.uid for t in ended.closed] == [t.uid for t in touches[1:]]
    disk = reopened(repo, clock)
    assert disk.campaigns.get("camp").status is CampaignStatus.SUCCEEDED
    assert [t.status for t in sorted(disk.touches.for_campaign("camp"), key=lambda t: t.due)] == [
        TouchStatus.DONE, TouchStatus.SKIPPED, TouchStatus.SKIPPED
    ]  # fmt: skip
    undo_end(repo, ended)
    assert reopened(repo, clock).touches.for_campaign("camp") == touches
    assert reopened(repo, clock).campaigns.get("camp").is_active


def test_a_touch_done_without_a_meeting_leaves_the_campaign_running(repo, clock) -> None:
    campaign, touches = plan(clock)
    save_campaign_plan(repo, campaign, touches)
    done = mark_done(touches[0], clock().date(), "Sent", got_response=False, got_meeting=False)
    assert mark_touch_done(repo, touches[0], done, clock().date()) is None
    disk = reopened(repo, clock)
    assert disk.campaigns.get("camp").is_active
    assert disk.touches.get(touches[0].uid) == done


def test_a_meeting_won_saves_nothing_when_its_second_write_fails(repo, clock, monkeypatch) -> None:
    campaign, touches = plan(clock)
    save_campaign_plan(repo, campaign, touches)
    NthWriteFails(monkeypatch)
    with pytest.raises(StoreWriteError):
        mark_touch_done(repo, touches[0], won_meeting(touches[0], clock), clock().date())
    monkeypatch.undo()
    for seen in (repo, reopened(repo, clock)):
        assert seen.campaigns.get("camp").is_active
        assert seen.touches.for_campaign("camp") == touches


def test_a_reply_not_now_saves_the_touch_and_moves_the_rest_in_one_save(repo, clock) -> None:
    campaign, touches = plan(clock)  # Mon 23, Tue 24, Wed 25 Nov
    save_campaign_plan(repo, campaign, touches)
    done = mark_done(touches[0], clock().date(), "Not before Jan", got_response=True,
                     got_meeting=False)  # fmt: skip
    replied = reply_not_now(repo, touches[0], done, clock().date(), date(2027, 1, 11))
    assert [t.due for t in replied.moved] == [date(2027, 1, 11), date(2027, 1, 12)]
    disk = reopened(repo, clock)
    assert disk.touches.get(touches[0].uid) == done
    assert [disk.touches.get(t.uid).due for t in touches[1:]] == [t.due for t in replied.moved]
    assert replied.put_back == tuple(touches)  # the undo puts all three back as they were


def test_a_reply_not_now_saves_nothing_when_the_day_has_passed_or_a_write_fails(
    repo, clock, monkeypatch
) -> None:
    campaign, touches = plan(clock)
    save_campaign_plan(repo, campaign, touches)
    done = mark_done(touches[0], clock().date(), "Later", got_response=True, got_meeting=False)
    with pytest.raises(ValidationError, match="has passed"):
        reply_not_now(repo, touches[0], done, clock().date(), date(2026, 11, 1))
    NthWriteFails(monkeypatch, nth=1)  # one journal line holds the touch and the moved ones
    with pytest.raises(StoreWriteError):
        reply_not_now(repo, touches[0], done, clock().date(), date(2027, 1, 11))
    monkeypatch.undo()
    for seen in (repo, reopened(repo, clock)):
        assert seen.touches.for_campaign("camp") == touches


# --- the simpler flows: why, objective, weekly review, day plan --------------------------


def objective() -> StrategicObjective:
    return StrategicObjective(
        "acc", "Roll out to the Polish plants", kind=ExpansionKind.WIDER_DEPLOYMENT,
        financial_target=Money(Decimal("250000.00"), "EUR"), target_date=date(2027, 6, 30),
    )  # fmt: skip


def review(clock: FakeClock) -> WeekReview:
    return WeekReview(IsoWeek(2026, 48), went_well="Priya met me", saved_at=clock())


def day_plan(clock: FakeClock) -> DayPlan:
    return DayPlan(clock().date(), (Priority("Prep the Nordvale call"),), planned_at=clock())


FLOW_SAVES = {
    "why": (
        lambda repo, clock, draft: save_why(repo, new_why("For my family", {}, now=clock()),
                                            draft=draft),
        lambda repo: [w.statement for w in repo.why.history()],
    ),
    "objective": (
        lambda repo, clock, draft: save_objective(repo, objective(), draft=draft),
        lambda repo: [o.description for o in repo.objectives.all()],
    ),
    "review": (
        lambda repo, clock, draft: save_review(repo, review(clock), draft=draft),
        lambda repo: [str(r.week) for r in repo.reviews.all()],
    ),
    "day plan": (
        lambda repo, clock, draft: save_day_plan(repo, day_plan(clock), draft=draft),
        lambda repo: [p.text for p in (repo.days.get(date(2026, 11, 24)) or DayPlan(
            date(2026, 11, 24))).priorities],
    ),
}  # fmt: skip


@pytest.mark.parametrize("action", FLOW_SAVES)
def test_a_flow_save_keeps_its_record_and_drops_only_its_draft(repo, clock, action) -> None:
    save, read = FLOW_SAVES[action]
    kept_draft(repo, "mine", clock)
    kept_draft(repo, "another", clock)
    save(repo, clock, "mine")
    disk = reopened(repo, clock)
    assert read(disk) != []
    assert disk.drafts.get("mine") is None
    assert disk.drafts.get("another") is not None


@pytest.mark.parametrize("action", FLOW_SAVES)
def test_a_flow_save_lands_whole_when_a_second_write_would_fail(
    repo, clock, monkeypatch, action
) -> None:
    """The record and the draft's removal are one write (why: one file) or none."""
    save, read = FLOW_SAVES[action]
    kept_draft(repo, "mine", clock)
    disk = NthWriteFails(monkeypatch)
    try:
        save(repo, clock, "mine")
    except StoreWriteError:
        assert len(disk.written) == 2  # two files: the second failed before any was swapped in
        saved = False
    else:
        assert len(disk.written) == 1  # one file holds both
        saved = True
    monkeypatch.undo()
    for seen in (repo, reopened(repo, clock)):
        assert (read(seen) != []) is saved
        assert (seen.drafts.get("mine") is None) is saved


# --- the year's plan -----------------------------------------------------------------------


def year_plan(clock: FakeClock) -> tuple[list, list[Account], FlowDraft]:
    goals = [planned_goal(None, Metric.REVENUE, 2027, Decimal("1200000"), "GBP"),
             planned_goal(None, Metric.DEALS, 2027, Decimal(12), "")]  # fmt: skip
    accounts = [
        Account("Nordvale Foods", created_at=clock()),
        Account("Kestrel", created_at=clock()),
    ]
    walk = FlowDraft("plan-walk", 0, {"accounts": ",".join(a.uid for a in accounts)}, clock())
    return goals, accounts, walk


def test_a_year_plan_saves_targets_accounts_currency_and_the_walk(repo, clock) -> None:
    goals, accounts, walk = year_plan(clock)
    kept_draft(repo, "plan-year", clock)
    save_year_plan(repo, goals, currency="GBP", new_accounts=accounts, walk=walk,
                   draft="plan-year")  # fmt: skip
    disk = reopened(repo, clock)
    assert sorted(g.target for g in disk.goals.performance()) == [Decimal(12), Decimal(1200000)]
    assert sorted(a.name for a in disk.accounts.all()) == ["Kestrel", "Nordvale Foods"]
    assert disk.settings.get().currency == "GBP"
    assert disk.drafts.get("plan-walk") == walk
    assert disk.drafts.get("plan-year") is None


@pytest.mark.parametrize("currency", ["GBP", None])
def test_a_year_plan_saves_nothing_when_its_last_write_fails(
    repo, clock, monkeypatch, currency
) -> None:
    """A retry after a full disk must not find half the plan saved and add accounts twice."""
    goals, accounts, walk = year_plan(clock)
    kept_draft(repo, "plan-year", clock)
    before = repo.settings.get()
    disk = NthWriteFails(monkeypatch, nth=3)  # plans.json, accounts.json, core.json
    with pytest.raises(StoreWriteError):
        save_year_plan(repo, goals, currency=currency, new_accounts=accounts, walk=walk,
                       draft="plan-year")  # fmt: skip
    assert sorted(disk.written) == ["accounts.json", "core.json", "plans.json"]
    monkeypatch.undo()
    for seen in (repo, reopened(repo, clock)):
        assert seen.goals.performance() == []
        assert seen.accounts.all() == []
        assert seen.settings.get() == before
        assert seen.drafts.get("plan-walk") is None
        assert seen.drafts.get("plan-year") is not None
