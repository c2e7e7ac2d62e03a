"""The daily touch queue: overdue first, done / skip / snooze with undo, and the dashboard panel.

"Today" is Tuesday 24 Nov 2026 (the FakeClock).
"""

from dataclasses import replace
from datetime import date

from coach_tui.model.account import Account
from coach_tui.model.contact import BuyingRole, Contact
from coach_tui.model.touch import Campaign, CampaignStatus, Channel, Purpose, Touch, TouchStatus
from coach_tui.ui.screens.dashboard import DashboardScreen
from coach_tui.ui.screens.touch_forms import SnoozeForm, TouchDoneForm, TouchSkipForm
from coach_tui.ui.screens.touch_queue import TouchQueueScreen
from tests.helpers import notices, screen_text, squashed, widget_text
from tests.ui.flow import paste, run, settle
from tests.unit.faults import NthWriteFails

TODAY = date(2026, 11, 24)


def seed(open_repo, clock) -> dict[str, Touch]:
    """One campaign at Nordvale: a touch 3 days overdue, one today, one next week, one done."""
    repo = open_repo()
    account = Account(name="Nordvale Foods", created_at=clock())
    repo.accounts.save(account)
    greta = Contact("Greta Lindqvist", account_uid=account.uid, role=BuyingRole.USER)
    repo.contacts.save(greta)
    campaign = Campaign(account.uid, "Entry Nov 2026", date(2026, 11, 16), (greta.uid,))
    repo.campaigns.save(campaign)

    def touch(due: date, purpose: Purpose, **extra) -> Touch:
        return Touch(campaign.uid, account.uid, greta.uid, due, Channel.EMAIL, purpose,
                     idea=f"idea for {due}", **extra)  # fmt: skip

    touches = {
        "overdue": touch(date(2026, 11, 20), Purpose.SHARE_INSIGHT),
        "today": touch(TODAY, Purpose.CREDIBLE_RESOURCE),
        "later": touch(date(2026, 12, 1), Purpose.ASK_FOR_MEETING),
        "done": touch(date(2026, 11, 16), Purpose.PIQUE_CURIOSITY, status=TouchStatus.DONE),
    }
    repo.touches.save_many(list(touches.values()))
    repo.close()
    return touches


async def open_queue(pilot) -> None:
    await settle(pilot)
    assert isinstance(pilot.app.screen, DashboardScreen)
    await pilot.press("t")
    await settle(pilot)
    assert isinstance(pilot.app.screen, TouchQueueScreen)


def rows(app) -> list[list[str]]:
    table = app.screen.query_one("#queue")
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_queue_lists_overdue_first_then_today_and_nothing_else(
    make_app, with_why, open_repo, clock
) -> None:
    seed(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await open_queue(pilot)
        listed = rows(app)
        assert [row[0] for row in listed] == ["4 days late", "today"]
        assert listed[0][1:3] == ["Nordvale Foods", "Greta Lindqvist"]


async def test_done_with_what_happened_then_undo(make_app, with_why, open_repo, clock) -> None:
    touches = seed(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await open_queue(pilot)
        await pilot.press("d")
        assert isinstance(app.screen, TouchDoneForm)
        await paste(pilot, "Sent the study; she forwarded it to her boss")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert [row[0] for row in rows(app)] == ["today"]
        saved = app.repo.touches.get(touches["overdue"].uid)
        assert saved is not None and saved.status is TouchStatus.DONE
        assert saved.outcome == "Sent the study; she forwarded it to her boss"
        assert saved.closed_on == TODAY
        await pilot.press("u")
        await settle(pilot)
        assert len(rows(app)) == 2
    restored = app.repo.touches.get(touches["overdue"].uid)
    assert restored is not None and restored.is_open


async def test_skip_needs_a_reason(make_app, with_why, open_repo, clock) -> None:
    touches = seed(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await open_queue(pilot)
        await pilot.press("k")
        assert isinstance(app.screen, TouchSkipForm)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TouchSkipForm)  # refused: no reason given
        assert app.repo.touches.get(touches["overdue"].uid).is_open
        await paste(pilot, "She is on leave until December")
        await pilot.press("ctrl+s")
        await settle(pilot)
    skipped = app.repo.touches.get(touches["overdue"].uid)
    assert skipped.status is TouchStatus.SKIPPED
    assert skipped.outcome == "She is on leave until December"


async def test_snooze_a_week_moves_it_out_of_today(make_app, with_why, open_repo, clock) -> None:
    touches = seed(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await open_queue(pilot)
        await pilot.press("down")  # today's touch
        await pilot.press("s")
        assert isinstance(app.screen, SnoozeForm)
        app.screen.query_one("#how").value = "week"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert [row[0] for row in rows(app)] == ["4 days late"]
    moved = app.repo.touches.get(touches["today"].uid)
    assert moved.due == date(2026, 12, 1) and moved.is_open


async def test_a_meeting_won_ends_the_campaign_and_proposes_the_call(
    make_app, with_why, open_repo, clock
) -> None:
    touches = seed(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await open_queue(pilot)
        await pilot.press("d")
        await paste(pilot, "She said yes to a meeting on Friday")
        app.screen.query_one("#meeting").value = "yes"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Greta Lindqvist" in notices(app)
    campaign = app.repo.campaigns.get(touches["overdue"].campaign_uid)
    assert campaign.status is CampaignStatus.SUCCEEDED
    won = app.repo.touches.get(touches["overdue"].uid)
    assert won.got_meeting and won.got_response


async def test_a_meeting_won_closes_the_campaigns_other_touches_in_one_undoable_save(
    make_app, with_why, open_repo, clock
) -> None:
    touches = seed(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await open_queue(pilot)
        await pilot.press("d")
        await paste(pilot, "She said yes to a meeting on Friday")
        app.screen.query_one("#meeting").value = "yes"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert rows(app) == []  # today's touch went with the campaign
        assert "Closed what was left of the campaign: 2 open touches" in notices(app)
        for key in ("today", "later"):
            closed = app.repo.touches.get(touches[key].uid)
            assert closed.status is TouchStatus.SKIPPED
            assert closed.outcome == "The campaign won its meeting."
        assert app.repo.touches.open_due_by(date(2027, 12, 31)) == []
        await pilot.press("u")  # one undo puts back the campaign, the win and the rest
        await settle(pilot)
        assert len(rows(app)) == 2
    campaign = app.repo.campaigns.get(touches["overdue"].campaign_uid)
    assert campaign.status is CampaignStatus.ACTIVE and campaign.ended_on is None
    assert all(app.repo.touches.get(touches[k].uid).is_open for k in ("overdue", "today", "later"))


async def test_a_reply_without_a_meeting_moves_their_next_touches_to_the_day_they_named(
    make_app, with_why, open_repo, clock
) -> None:
    touches = seed(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await open_queue(pilot)
        await pilot.press("d")
        later = app.screen.query_one("#later-field")
        assert not later.display  # no reply yet: nothing to offer
        await paste(pilot, "She replied: busy until the new year")
        app.screen.query_one("#response").value = "yes"
        await pilot.pause()
        assert later.display
        shown = squashed(screen_text(app))
        assert "Not now? When?" in shown
        assert "If Greta Lindqvist named a day, the 2 planned touches to them move" in shown
        app.screen.query_one("#later").focus()
        await paste(pilot, "yesterday")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TouchDoneForm)  # refused, under the date, nothing saved
        assert "has passed" in widget_text(app, later)
        assert app.repo.touches.get(touches["overdue"].uid).is_open
        app.screen.query_one("#later").value = "15 jan"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert rows(app) == []  # today's touch now waits for January
        assert "Moved 2 touches to Greta Lindqvist to start Fri 15 Jan 2027" in squashed(
            notices(app)
        )
        moved = {key: app.repo.touches.get(touches[key].uid) for key in ("today", "later")}
        assert moved["today"].due == date(2027, 1, 15)
        assert moved["later"].due == date(2027, 1, 22)  # a week after, as planned
        done = app.repo.touches.get(touches["overdue"].uid)
        assert done.got_response and not done.got_meeting
        await pilot.press("u")  # one undo: the touch open again, the others back in place
        await settle(pilot)
        assert len(rows(app)) == 2
    for key in ("overdue", "today", "later"):
        assert app.repo.touches.get(touches[key].uid) == touches[key]


async def test_a_meeting_hides_the_when_and_keeps_the_plan_as_the_win_closes_it(
    make_app, with_why, open_repo, clock
) -> None:
    seed(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await open_queue(pilot)
        await pilot.press("d")
        app.screen.query_one("#response").value = "yes"
        await pilot.pause()
        assert app.screen.query_one("#later-field").display
        app.screen.query_one("#meeting").value = "yes"
        await pilot.pause()
        assert not app.screen.query_one("#later-field").display


async def test_a_meeting_won_that_cannot_be_saved_leaves_touch_and_campaign_as_they_were(
    make_app, with_why, open_repo, clock, monkeypatch
) -> None:
    """The touch and the end of its campaign are one save: a full disk keeps the form open
    with the reason, and saves neither half."""
    touches = seed(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await open_queue(pilot)
        await pilot.press("d")
        await paste(pilot, "She said yes to a meeting on Friday")
        app.screen.query_one("#meeting").value = "yes"
        NthWriteFails(monkeypatch)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, TouchDoneForm)
        assert "disk is full" in squashed(screen_text(app))
        monkeypatch.undo()
    campaign = app.repo.campaigns.get(touches["overdue"].campaign_uid)
    assert campaign.status is CampaignStatus.ACTIVE
    assert all(app.repo.touches.get(touches[k].uid).is_open for k in ("overdue", "today", "later"))


async def test_touches_an_older_coach_left_open_after_a_won_campaign_leave_the_queue(
    make_app, with_why, open_repo, clock
) -> None:
    touches = seed(open_repo, clock)
    repo = open_repo()  # as an older coach left it: won, but the rest still planned
    campaign = repo.campaigns.get(touches["overdue"].campaign_uid)
    repo.campaigns.save(replace(campaign, status=CampaignStatus.SUCCEEDED, ended_on=TODAY))
    repo.close()
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        await app.workers.wait_for_complete()  # the once-a-day tidy after the dashboard
        await open_queue(pilot)
        assert rows(app) == []
    by_uid = {t.uid: t for t in app.repo.touches.for_campaign(campaign.uid)}  # archived too
    for key in ("overdue", "today", "later"):
        closed = by_uid[touches[key].uid]
        assert closed.status is TouchStatus.SKIPPED
        assert closed.outcome == "The campaign won its meeting."


async def test_dashboard_panel_shows_what_is_due(make_app, with_why, open_repo, clock) -> None:
    seed(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        panel = widget_text(app, app.screen.query_one("#touches"))
        assert "2 due" in panel and "1 overdue" in panel
        assert "4d late Nordvale Foods · Greta Lindqvist" in panel  # overdue first
        assert "Press t" in panel


async def test_empty_queue_says_how_touches_arrive(make_app, with_why) -> None:
    app = make_app()
    async with run(app) as pilot:
        await open_queue(pilot)
        assert "Nothing due today" in squashed(screen_text(app))


async def test_a_touch_snoozed_to_a_public_holiday_goes_out_on_the_next_working_day(
    make_app, with_why, open_repo, clock
) -> None:
    touches = seed(open_repo, clock)
    repo = open_repo()
    repo.settings.save(replace(repo.settings.get(), holiday_region="DE"))
    repo.close()
    app = make_app()
    async with run(app) as pilot:
        await open_queue(pilot)
        await pilot.press("down")  # today's touch
        await pilot.press("s")
        assert isinstance(app.screen, SnoozeForm)
        app.screen.query_one("#date").focus()
        await paste(pilot, "2026-12-25")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, SnoozeForm)
    moved = app.repo.touches.get(touches["today"].uid)
    assert moved.due == date(2026, 12, 28)  # 25 and 26 Dec are holidays in DE, then Sunday
