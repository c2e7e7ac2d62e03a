"""The weekly review end to end: numbers → reflection → ratings → clear-up → focus → saved;
resume after quitting; an empty week; past reviews read-only and edited after asking.

"Today" is Tuesday 24 Nov 2026, 08:30 in Berlin, so the review offered is last week's, 2026-W47.
"""

from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from coach_tui.model.account import Account
from coach_tui.model.call import Call, Commitment, Debrief, Movement, Party, Prep, Result
from coach_tui.model.day import DayPlan, Priority
from coach_tui.model.goal import (
    Metric,
    PerformanceGoal,
    ProgressEntry,
    SkillGoal,
    with_progress,
)
from coach_tui.model.review import SkillReflection, WeekReview
from coach_tui.model.touch import Channel, Purpose, Touch, TouchStatus
from coach_tui.model.week import IsoWeek
from coach_tui.ui.kit.confirm import ConfirmScreen
from coach_tui.ui.screens.dashboard import DashboardScreen
from coach_tui.ui.screens.review_flow import WeekReviewFlowScreen
from coach_tui.ui.screens.reviews import ReviewsScreen, ReviewViewScreen
from tests.helpers import BERLIN, on_screen, screen_text
from tests.ui.flow import later, paste, run, settle

W47 = IsoWeek(2026, 47)


def seed_week(open_repo) -> dict[str, str]:
    """An account with a debriefed advance last week, a late touch, a late promise, a call
    next week and one getting-better goal."""
    repo = open_repo()
    account = Account("Nordvale Foods")
    repo.accounts.save(account)
    held = Call(
        account.uid,
        datetime(2026, 11, 19, 10, 0, tzinfo=BERLIN),
        prep=Prep("Greta introduces us to the CFO"),
        debrief=Debrief(Result.REACHED, Movement.ADVANCE, next_step="CFO meeting"),
    )
    coming = Call(account.uid, datetime(2026, 12, 1, 9, 0, tzinfo=BERLIN))
    repo.calls.save(held)
    repo.calls.save(coming)
    late = Touch("camp", account.uid, "", date(2026, 11, 18), Channel.EMAIL, Purpose.SHARE_INSIGHT)
    repo.touches.save(late)
    promise = Commitment(account.uid, Party.ME, "Send the waste study", due=date(2026, 11, 20))
    repo.calls.save_commitment(promise)
    skill = SkillGoal("Ask a second question", started_on=date(2026, 9, 1))
    repo.goals.save_skill(skill)
    repo.close()
    return {"touch": late.uid, "promise": promise.uid, "skill": skill.uid, "call": coming.uid}


async def next_step(pilot, text: str = "") -> None:
    if text:
        await paste(pilot, text)
    await pilot.press("ctrl+s")
    await pilot.pause()


async def open_review(pilot) -> WeekReviewFlowScreen:
    await settle(pilot)
    await pilot.press("r")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, WeekReviewFlowScreen)
    return screen


async def test_the_whole_weekly_review(make_app, with_why, open_repo, clock) -> None:
    uids = seed_week(open_repo)
    app = make_app()
    async with run(app) as pilot:
        flow = await open_review(pilot)
        text = on_screen(app)
        assert "2026-W47 · 16–22 Nov" in text
        assert "Your week in numbers" in text and "Calls held" in text
        await next_step(pilot, "One call, and it moved.")
        await next_step(pilot, "Greta agreed to introduce the CFO.")
        await next_step(pilot, "I let a promise slip past Friday.")
        await next_step(pilot, "Their budget is set in March.")
        assert "Did you practise “Ask a second question”" in on_screen(app)
        await next_step(pilot)  # yes
        await next_step(pilot, "With Greta on Thursday.")
        await pilot.press("down", "down", "down")  # rating 4
        await next_step(pilot)
        assert "Your promise · Nordvale Foods · Send the waste study" in on_screen(app)
        await pilot.press("down")  # it is done
        await next_step(pilot)
        assert "Touch · Nordvale Foods" in on_screen(app)
        await pilot.press("down", "down")  # next week
        await next_step(pilot)
        await next_step(pilot, "Book the CFO meeting\nPrep every call")
        await pilot.press("space")  # the call next week is a key call
        await next_step(pilot)
        assert flow.current.key == "review"
        assert "Clear-up: 2 of 2 open items settled" in on_screen(app)
        assert "Key calls to prep: 1" in on_screen(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
    review = app.repo.reviews.get(W47)
    assert review.went_well == "Greta agreed to introduce the CFO."
    assert review.focus == ("Book the CFO meeting", "Prep every call")
    assert [(s.skill, s.practised, s.rating) for s in review.skills] == [
        ("Ask a second question", True, 4)
    ]
    assert review.key_call_uids == (uids["call"],)
    assert review.cleared == 2
    touch = app.repo.touches.get(uids["touch"])
    assert touch.status is TouchStatus.PLANNED and touch.due == date(2026, 11, 30)
    (promise,) = app.repo.calls.commitments()
    assert promise.done_on == date(2026, 11, 24)
    assert app.repo.drafts.get("review:2026-W47") is None


async def test_quitting_mid_review_resumes_at_the_same_step(
    make_app, with_why, open_repo, clock
) -> None:
    seed_week(open_repo)
    app = make_app()
    async with run(app) as pilot:
        await later(pilot)  # the offer of half-done flows
        await open_review(pilot)
        await next_step(pilot, "Numbers look thin.")
        await next_step(pilot, "The CFO call went well.")
        await paste(pilot, "Half-typed thought")
        await pilot.press("ctrl+q")
    app.repo.close()
    app = make_app()
    async with run(app) as pilot:
        await later(pilot)  # the offer of half-done flows
        flow = await open_review(pilot)
        assert flow.current.key == "went_badly"
        assert flow.answers.went_well == "The CFO call went well."
        assert flow.answers.went_badly == "Half-typed thought"
        assert "Half-typed thought" in on_screen(app)


async def test_a_week_with_no_data_still_reviews_and_says_so(
    make_app, with_why, open_repo, clock
) -> None:
    app = make_app()
    async with run(app) as pilot:
        flow = await open_review(pilot)
        assert flow.current.key == "figures_note"
        first_page = on_screen(app)
        for _ in range(12):  # empty answers: each nudge is asked once, then accepted
            if flow.current.key == "review":
                break
            await pilot.press("ctrl+s", "ctrl+s")
            await pilot.pause()
        assert flow.current.key == "review"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
    assert "nothing" in first_page.lower()
    review = app.repo.reviews.get(W47)
    assert review is not None and review.focus == () and review.skills == ()


async def test_an_earlier_review_is_read_only_until_editing_is_confirmed(
    make_app, with_why, open_repo, clock
) -> None:
    old = IsoWeek(2026, 40)
    repo = open_repo()
    repo.reviews.save(WeekReview(old, went_well="Signed the Acme pilot", focus=("Renewals",)))
    repo.close()
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        assert isinstance(app.screen, ReviewsScreen)
        assert "2026-W40" in on_screen(app) and "Renewals" in on_screen(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReviewViewScreen)
        assert "Nothing was logged" in on_screen(app)  # the figures come first
        app.screen.query_one("#review-body").scroll_end(animate=False)
        await pilot.pause()
        assert "Signed the Acme pilot" in on_screen(app)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert "earlier week" in on_screen(app)
        await pilot.press("y")
        await settle(pilot)
        flow = app.screen
        assert isinstance(flow, WeekReviewFlowScreen)
        assert flow.context.week == old
        assert flow.answers.went_well == "Signed the Acme pilot"
        assert flow.answers.focus == "Renewals"


async def test_trends_draw_a_line_per_measure_from_demo_data(make_app, open_repo, clock) -> None:
    from coach_tui.demo.generate import build_demo
    from coach_tui.demo.write import write_demo_data
    from coach_tui.model.day import DayPlan, Priority
    from coach_tui.ui.screens.trends import TrendsScreen
    from coach_tui.ui.widgets.trend_bars import TrendBars

    repo = open_repo()
    write_demo_data(repo, build_demo(clock(), years=1, seed=3))
    repo.days.save(DayPlan(clock().date(), (Priority("Review the week"),)))
    repo.close()
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        await pilot.press("T")
        await settle(pilot)
        assert isinstance(app.screen, TrendsScreen)
        assert app.screen.sub_title == "last 12 weeks"
        text = on_screen(app)
        assert "Advance rate · latest" in text and "low" in text
        lines = app.screen.query(TrendBars)
        assert len(lines) == 5  # four measures and revenue against pace
        assert all(len(line.series.values) == 12 for line in lines)
        assert any(max(v or 0 for v in line.series.values) > 0 for line in lines)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert app.screen.sub_title == "last 26 weeks"
        assert all(len(line.series.values) == 26 for line in app.screen.query(TrendBars))


async def test_a_resumed_review_keeps_the_steps_it_started_with(
    make_app, with_why, open_repo, clock
) -> None:
    uids = seed_week(open_repo)
    app = make_app()
    async with run(app) as pilot:
        await later(pilot)  # the offer of half-done flows
        await open_review(pilot)
        await next_step(pilot)  # the numbers, no note
        for _ in range(3):  # three reflections left empty: each nudge is asked once
            await pilot.press("ctrl+s", "ctrl+s")
        await next_step(pilot)  # practised: yes
        await pilot.press("ctrl+s", "ctrl+s")  # no example
        await next_step(pilot)  # rating
        flow = app.screen
        assert flow.current.key == f"clear:promise:{uids['promise']}"
        await pilot.press("ctrl+q")
    app.repo.close()
    repo = open_repo()  # meanwhile a new getting-better goal appears
    repo.goals.save_skill(SkillGoal("Listen more", started_on=date(2026, 11, 24)))
    repo.close()
    app = make_app()
    async with run(app) as pilot:
        await later(pilot)  # the offer of half-done flows
        flow = await open_review(pilot)
        assert flow.current.key == f"clear:promise:{uids['promise']}"
        assert "Your promise · Nordvale Foods" in on_screen(app)


async def test_the_review_says_the_dashboards_weekly_need_and_none_for_a_reached_goal(
    make_app, with_why, open_repo, clock
) -> None:
    """One figure per goal: the review's "need …/wk" is what each week left needs to finish
    on target (seen at the week's end), and a goal already reached needs nothing."""
    repo = open_repo()
    year = (date(2026, 1, 1), date(2026, 12, 31))
    behind = PerformanceGoal("Revenue 2026", Metric.REVENUE, Decimal(364_000), *year, "USD")
    behind = with_progress(behind, ProgressEntry(date(2026, 3, 2), Decimal(120_000)))
    reached = PerformanceGoal("New logos", Metric.NEW_ACCOUNTS, Decimal(6), *year)
    reached = with_progress(reached, ProgressEntry(date(2026, 6, 1), Decimal(6)))
    repo.goals.save(behind)
    repo.goals.save(reached)
    repo.close()
    app = make_app()
    async with app.run_test(size=(120, 60)) as pilot:  # the goals' rows below the counts
        await open_review(pilot)
        text = on_screen(app)
    # 244,000 left on Sunday 22 Nov over the 40 days to 31 Dec: $42.7k a week.
    assert "Revenue 2026 · need $42.7k/wk" in text
    assert "New logos · need" not in text and "New logos" in text


async def test_a_review_opened_mid_week_counts_what_was_due_by_now_and_says_the_week_runs(
    make_app, with_why, open_repo, clock
) -> None:
    """Thursday 26 Nov: the review is of this week. Touches due Friday are not "not done"
    yet, and Thursday's totals get no ▲▼ against four full weeks."""
    clock.advance(days=2)
    repo = open_repo()
    repo.days.save(DayPlan(clock().date(), (Priority("Review the week"),)))
    account = Account("Nordvale Foods")
    repo.accounts.save(account)
    for weeks_back in range(1, 5):  # three calls in each of the four weeks before
        for day_ in range(3):
            when = datetime(2026, 11, 16 + day_, 10, 0, tzinfo=BERLIN)
            repo.calls.save(Call(account.uid, when - timedelta(weeks=weeks_back - 1)))
    repo.calls.save(Call(account.uid, datetime(2026, 11, 24, 10, 0, tzinfo=BERLIN)))

    def touch(due: date, done: bool = False) -> Touch:
        planned = Touch("camp", account.uid, "", due, Channel.EMAIL, Purpose.SHARE_INSIGHT)
        if not done:
            return planned
        return replace(planned, status=TouchStatus.DONE, closed_on=due)

    for each in (touch(date(2026, 11, 23), done=True), touch(date(2026, 11, 24)),
                 touch(date(2026, 11, 27)), touch(date(2026, 11, 27))):  # fmt: skip
        repo.touches.save(each)
    repo.close()
    app = make_app()
    async with app.run_test(size=(120, 60)) as pilot:
        flow = await open_review(pilot)
        assert flow.context.week == IsoWeek(2026, 48)
        text = on_screen(app)
    assert "The week is still running: these are its figures up to Thursday" in text
    assert "So far" in text
    assert "Touches done (of planned) 1 of 2 (50%)" in text  # not 1 of 4
    assert "1 of 2 planned touches was not done." in text
    assert "Calls held 1 3 3.0 │" in text  # no ▼ for a Thursday against full weeks


async def test_a_steady_hundred_percent_draws_full_bars_up_to_this_week(
    make_app, with_why, open_repo, clock
) -> None:
    """Every call of twelve weeks prepared: the line is full height (not a flat bottom line,
    as a chart scaled to its own low and high drew it), and this week's bar is on screen at
    80 and 120 columns."""
    from coach_tui.ui.screens.trends import TrendsScreen, series_title
    from coach_tui.ui.widgets.trend_bars import TrendBars

    repo = open_repo()
    account = Account("Nordvale Foods")
    repo.accounts.save(account)
    monday = datetime(2026, 11, 23, 9, 0, tzinfo=BERLIN)  # this week; today is Tuesday
    for weeks_back in range(12):
        repo.calls.save(Call(account.uid, monday - timedelta(weeks=weeks_back), prep=Prep("Go")))
    repo.close()
    for size in ((80, 24), (120, 40)):
        app = make_app()
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await pilot.press("T")
            await settle(pilot)
            assert isinstance(app.screen, TrendsScreen)
            prepared = app.screen.query(TrendBars)[1]
            assert prepared.series.name == "Outcomes prepared"
            prepared.scroll_visible(animate=False)
            await pilot.pause()
            shown = screen_text(app).split("\n")[prepared.region.y : prepared.region.bottom]
            bars = [row[prepared.content_region.x : prepared.content_region.right] for row in shown]
            assert series_title(prepared.series) == (
                "Outcomes prepared · latest 100% · low 100, high 100 · bars on 0–100%"
            )
            week = prepared.content_region.width // 12
            assert all(row == "█" * week * 12 for row in (bar.rstrip() for bar in bars)), bars
        app.repo.close()


async def walk_to(pilot, flow: WeekReviewFlowScreen, key: str) -> None:
    """Press on through the review, leaving each answer as it is, up to step `key`."""
    for _ in range(30):
        if flow.current.key == key:
            return
        await pilot.press("ctrl+s")
        await pilot.pause()
    raise AssertionError(f"never reached {key}: stuck at {flow.current.key}")


async def test_a_vague_focus_is_questioned_once_then_kept(
    make_app, with_why, open_repo, clock
) -> None:
    seed_week(open_repo)
    app = make_app()
    async with run(app) as pilot:
        flow = await open_review(pilot)
        await walk_to(pilot, flow, "focus")
        await paste(pilot, "Book the CFO meeting\nbe more proactive")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert flow.current.key == "focus"  # asked, not moved on
        text = on_screen(app)
        assert "“be more proactive” is a way to be" in text
        assert "Ctrl+s again to keep it" in text
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert flow.current.key != "focus"  # a question, never a block
        assert flow.answers.focus == "Book the CFO meeting\nbe more proactive"


async def test_a_checkable_focus_goes_straight_on(make_app, with_why, open_repo, clock) -> None:
    seed_week(open_repo)
    app = make_app()
    async with run(app) as pilot:
        flow = await open_review(pilot)
        await walk_to(pilot, flow, "focus")
        await paste(pilot, "Call Greta on Tuesday about the pilot")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert flow.current.key == "key_calls"


def seed_reading(open_repo, *, practised: bool = True) -> dict[str, str]:
    """`seed_week` plus what the week's reading speaks of: a debrief that asked about the
    skill, touches that got a reply and a meeting, a stalled account, last week's rating."""
    uids = seed_week(open_repo)
    repo = open_repo()
    nordvale = next(a for a in repo.accounts.all() if a.name == "Nordvale Foods")
    stalled = Account("Kestrel Air")
    repo.accounts.save(stalled)
    for day in (2, 9, 16):  # three continuations in a row: the stall rule's first signal
        repo.calls.save(
            Call(
                stalled.uid,
                datetime(2026, 11, day, 10, 0, tzinfo=BERLIN),
                prep=Prep("Jens books the demo"),
                debrief=Debrief(Result.MISSED, Movement.CONTINUATION),
            )
        )
    repo.calls.save(
        Call(
            nordvale.uid,
            datetime(2026, 11, 18, 15, 0, tzinfo=BERLIN),
            prep=Prep("Greta sends the volumes"),
            debrief=Debrief(
                Result.PARTLY, Movement.ADVANCE, skill_uid=uids["skill"], practised=practised
            ),
        )
    )
    for replied, met in ((False, False), (True, False), (True, True)):
        repo.touches.save(
            Touch(
                "camp",
                nordvale.uid,
                "",
                date(2026, 11, 17),
                Channel.EMAIL,
                Purpose.SHARE_INSIGHT,
                status=TouchStatus.DONE,
                closed_on=date(2026, 11, 17),
                got_response=replied,
                got_meeting=met,
            )
        )
    skill = SkillReflection(uids["skill"], "Ask a second question", True, rating=2)
    repo.reviews.save(WeekReview(W47.shifted(-1), skills=(skill,)))
    repo.goals.save(
        PerformanceGoal(
            "Revenue 2026",
            Metric.REVENUE,
            Decimal(500_000),
            date(2026, 1, 1),
            date(2026, 12, 31),
            "EUR",
        )
    )
    repo.close()
    return uids


async def test_the_week_in_numbers_reads_outcomes_touches_accounts_and_skills(
    make_app, with_why, open_repo, clock
) -> None:
    seed_reading(open_repo)
    app = make_app()
    async with run(app) as pilot:
        flow = await open_review(pilot)
        text = on_screen(app)
        # Kestrel's third continuation (Monday 16th) is in the week too.
        assert "Outcomes: best 1/3, minimum 1/3, neither 1/3." in text
        assert "too few to tell" in text and "up from" not in text
        assert "Touches: 3 done → 2 replies → 1 meeting." in text
        assert "Moved: Nordvale Foods. Stalled: Kestrel Air." in text
        assert "“Ask a second question”: rated 2/5 last time; practised in 1 of 1 call." in text
        assert "Revenue 2026 — No open objective puts a value on the €500k still to win" in text
        assert "Best outcome (of debriefs)" in flow.context.figures_text
        await walk_to(pilot, flow, f"skill:{flow.context.skills[0][0]}:practised")
        assert "From your week: rated 2/5 last time; practised in 1 of 1 call." in on_screen(app)


@pytest.mark.parametrize("practised", [True, False])
async def test_did_you_practise_starts_from_what_the_debriefs_said(
    make_app, with_why, open_repo, clock, practised
) -> None:
    """The debriefs asked about the skill this week; the review starts from their answer
    (the seller confirms rather than recalls), so a "no" goes straight past the example."""
    uid = seed_reading(open_repo, practised=practised)["skill"]
    app = make_app()
    async with run(app) as pilot:
        flow = await open_review(pilot)
        await walk_to(pilot, flow, f"skill:{uid}:practised")
        assert flow.answers.skill(uid).practised is practised
        await pilot.press("ctrl+s")
        await settle(pilot)
        expected = f"skill:{uid}:example" if practised else f"skill:{uid}:rating"
        assert flow.current.key == expected


async def test_a_narrow_terminal_drops_last_weeks_column_rather_than_wrap_rows(
    make_app, with_why, open_repo, clock
) -> None:
    seed_reading(open_repo)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_review(pilot)
        app.screen.query_one("#flow").scroll_end(animate=False)
        await pilot.pause()
        shown = screen_text(app)
        assert "Last week" not in shown and "4-week avg" in shown
        # Each row whole on its line: the label, this week, the average and the arrow.
        (held,) = [line for line in shown.splitlines() if "Calls held" in line]
        assert held.split()[1:] == ["Calls", "held", "3", "0.5", "▲", "│"]
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert "Last week" in screen_text(app)
