"""Getting into an account: entry point, decision makers with coverage, and the campaign.

"Today" is Tuesday 24 Nov 2026 (the FakeClock).
"""

from datetime import date

from textual.widgets import Input, Select

from coach_tui.model.account import Account, ExpansionKind, StrategicObjective
from coach_tui.model.contact import BuyingRole, Contact
from coach_tui.model.touch import CampaignStatus, Channel, TouchStatus
from coach_tui.ui.kit.confirm import ConfirmScreen
from coach_tui.ui.kit.touch_actions import TouchTable
from coach_tui.ui.screens.account import AccountScreen
from coach_tui.ui.screens.campaign_flow import CampaignFlowScreen
from coach_tui.ui.screens.contact_form import ContactForm
from coach_tui.ui.screens.entry import AccountEntryScreen
from tests.helpers import notices, on_screen, widget_text
from tests.ui.flow import paste, run, settle


def seed(open_repo, clock, *contacts: tuple[str, BuyingRole]) -> Account:
    repo = open_repo()
    account = Account(name="Nordvale Foods", created_at=clock())
    repo.accounts.save(account)
    for name, role in contacts:
        repo.contacts.save(Contact(name, account_uid=account.uid, title="Director", role=role))
    repo.close()
    return account


async def open_entry(pilot, account: Account) -> None:
    """Account screen, then `e` — the way a seller gets there."""
    await settle(pilot)
    pilot.app.push_screen(AccountScreen(account.uid))
    await settle(pilot)
    await pilot.press("e")
    await settle(pilot)
    assert isinstance(pilot.app.screen, AccountEntryScreen)


async def fill(pilot, field_id: str, text: str) -> None:
    pilot.app.screen.query_one(f"#{field_id}").focus()
    await pilot.pause()
    await paste(pilot, text)


async def test_empty_screen_says_what_to_do_first(make_app, with_why, open_repo, clock) -> None:
    account = seed(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await open_entry(pilot, account)
        text = on_screen(app)
        assert "No entry point yet. Press i" in text
        assert "No decision makers yet. Press n" in text
        assert "No entry campaign running. Press c" in text


async def test_add_a_decision_maker_and_coverage_follows(
    make_app, with_why, open_repo, clock
) -> None:
    account = seed(open_repo, clock, ("Greta Lindqvist", BuyingRole.BLOCKER))
    app = make_app()
    async with run(app) as pilot:
        await open_entry(pilot, account)
        assert "only" in on_screen(app).lower() and "blocker" in on_screen(app).lower()
        await pilot.press("n")
        assert isinstance(app.screen, ContactForm)
        await paste(pilot, "Hiro Tanaka")
        await fill(pilot, "title", "CFO")
        app.screen.query_one("#role", Select).value = BuyingRole.ECONOMIC_BUYER.value
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, AccountEntryScreen)
        assert "Hiro Tanaka" in on_screen(app)
        assert "economic buyer" in on_screen(app)
        assert "No economic buyer" not in on_screen(app)
    people = app.repo.contacts.for_account(account.uid)
    hiro = next(person for person in people if person.name == "Hiro Tanaka")
    assert (hiro.title, hiro.role) == ("CFO", BuyingRole.ECONOMIC_BUYER)


async def test_bad_link_and_email_are_refused_and_nothing_saved(
    make_app, with_why, open_repo, clock
) -> None:
    account = seed(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await open_entry(pilot, account)
        await pilot.press("n")
        await paste(pilot, "Amara Okafor")
        await fill(pilot, "profile", "javascript:alert(1)")
        await fill(pilot, "email", "amara at nordvale")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ContactForm)
        text = on_screen(app)
        assert "does not look like an email address" in text
        assert "A profile link should be a web address" in text
    assert app.repo.contacts.for_account(account.uid) == []


async def test_entry_point_is_saved_and_shown(make_app, with_why, open_repo, clock) -> None:
    account = seed(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await open_entry(pilot, account)
        await pilot.press("i")
        await paste(pilot, "European plants")
        await fill(pilot, "owner", "Greta Lindqvist")
        await fill(pilot, "why", "Late deliveries start at the plants.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "European plants · owned by Greta Lindqvist" in on_screen(app)
    entry = app.repo.entry_points.for_account(account.uid)
    assert entry is not None and entry.why_there == "Late deliveries start at the plants."


async def test_remove_a_person_asks_and_undo_brings_them_back(
    make_app, with_why, open_repo, clock
) -> None:
    account = seed(open_repo, clock, ("Greta Lindqvist", BuyingRole.USER))
    app = make_app()
    async with run(app) as pilot:
        await open_entry(pilot, account)
        app.screen.query_one("#contacts").focus()
        await pilot.press("D")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert app.repo.contacts.for_account(account.uid) == []
        assert "No decision makers yet" in on_screen(app)
        await pilot.press("u")
        await settle(pilot)
        assert "Greta Lindqvist" in on_screen(app)
    assert len(app.repo.contacts.for_account(account.uid)) == 1


async def replace_line(pilot, text: str) -> None:
    """Select what the one-line answer holds (a default) and paste over it."""
    pilot.app.screen.query_one("#answer-line", Input).select_all()
    await paste(pilot, text)


async def walk_campaign(
    pilot, *, start: str = "2026-11-30", weeks: str = "4", tick_referral: bool = False
) -> None:
    await pilot.press("c")
    await settle(pilot)
    assert isinstance(pilot.app.screen, CampaignFlowScreen)
    await pilot.press("ctrl+s")  # the first three people are ticked already
    await replace_line(pilot, start)
    await pilot.press("ctrl+s")
    await replace_line(pilot, weeks)
    await pilot.press("ctrl+s")
    await pilot.press("ctrl+s")  # nine touches, the suggestion
    if tick_referral:  # the last of the five channels, not ticked unless asked for
        await pilot.press("end", "space")
    await pilot.press("ctrl+s")  # the four usual channels are ticked already


async def test_plan_a_campaign_then_save_it(make_app, with_why, open_repo, clock) -> None:
    account = seed(
        open_repo, clock,
        ("Greta Lindqvist", BuyingRole.USER), ("Hiro Tanaka", BuyingRole.ECONOMIC_BUYER),
        ("Priya Rahman", BuyingRole.TECHNICAL_EVALUATOR),
    )  # fmt: skip
    app = make_app()
    async with run(app) as pilot:
        await open_entry(pilot, account)
        await walk_campaign(pilot)
        await pilot.pause()
        assert "Mon 30 Nov 2026" in on_screen(app)
        plan = app.screen.reference()  # the whole plan panel, which scrolls on a small screen
        assert plan.count("ask for the meeting") == 2
        assert "Coach:" not in plan  # a sound plan draws no remark
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, AccountEntryScreen)
        table = app.screen.query_one(TouchTable)
        assert 8 <= table.row_count <= 10
    campaign = app.repo.campaigns.active_for(account.uid)
    assert campaign is not None and campaign.status is CampaignStatus.ACTIVE
    touches = app.repo.touches.for_campaign(campaign.uid)
    assert 8 <= len(touches) <= 10
    assert all(touch.due.weekday() < 5 for touch in touches)
    assert touches[0].due == date(2026, 11, 30)
    assert app.repo.drafts.get(f"campaign:{account.uid}") is None


async def test_the_plan_speaks_to_each_person_uses_the_why_now_and_can_ask_a_referral(
    make_app, with_why, open_repo, clock
) -> None:
    account = seed(
        open_repo, clock,
        ("Hiro Tanaka", BuyingRole.ECONOMIC_BUYER),
        ("Priya Rahman", BuyingRole.TECHNICAL_EVALUATOR), ("Greta Lindqvist", BuyingRole.CHAMPION),
    )  # fmt: skip
    repo = open_repo()
    repo.objectives.save(
        StrategicObjective(account.uid, "Both plants plan on our suite",
                           ExpansionKind.WIDER_DEPLOYMENT, client_goal="Cut waste",
                           why_now="Their supply contract ends in June", created_at=clock())
    )  # fmt: skip
    repo.close()
    app = make_app()
    async with run(app) as pilot:
        await open_entry(pilot, account)
        await walk_campaign(pilot, tick_referral=True)
        await pilot.pause()
        plan = app.screen.reference()
        assert plan.count("The reason to talk now: “Their supply contract ends in June”.") == 1
        assert "the cost of the problem" in plan  # Hiro, the economic buyer
        assert "systems like theirs" in plan  # Priya, the technical evaluator
        assert plan.count("referral") == 1
        assert "Ask Greta Lindqvist to introduce you" in plan  # the champion opens the door
        await pilot.press("ctrl+s")
        await settle(pilot)
    campaign = app.repo.campaigns.active_for(account.uid)
    touches = sorted(app.repo.touches.for_campaign(campaign.uid), key=lambda t: t.due)
    assert touches[1].channel is Channel.REFERRAL


async def test_leaving_the_campaign_flow_resumes_at_the_same_step(
    make_app, with_why, open_repo, clock
) -> None:
    account = seed(open_repo, clock, ("Greta Lindqvist", BuyingRole.USER))
    app = make_app()
    async with run(app) as pilot:
        await open_entry(pilot, account)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await replace_line(pilot, "next tuesday")
        await pilot.press("ctrl+s")  # now on "how long"
        await pilot.press("ctrl+q")
    app.repo.close()
    app = make_app()
    async with run(app) as pilot:
        await open_entry(pilot, account)
        await pilot.press("c")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CampaignFlowScreen)
        assert screen.current.key == "weeks"
        assert screen.answers.start == "next tuesday"


async def test_a_second_campaign_waits_for_the_first(make_app, with_why, open_repo, clock) -> None:
    account = seed(open_repo, clock, ("Greta Lindqvist", BuyingRole.USER))
    app = make_app()
    async with run(app) as pilot:
        await open_entry(pilot, account)
        await walk_campaign(pilot)
        await pilot.press("ctrl+s")  # one channel-mix question may be asked; save
        await settle(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert "A campaign is already running here" in notices(app)
        app.screen.query_one(TouchTable).focus()
        await pilot.press("S")
        await pilot.press("y")
        await settle(pilot)
        assert "No entry campaign running" in on_screen(app)
        stopped = app.repo.campaigns.for_account(account.uid)
        assert [c.status for c in stopped] == [CampaignStatus.STOPPED]
        touches = app.repo.touches.for_campaign(stopped[0].uid)
        assert touches and all(touch.status is TouchStatus.SKIPPED for touch in touches)
        assert f"Closed what was left of it: {len(touches)} open touches" in notices(app)
        await pilot.press("u")
        await settle(pilot)
        assert "No entry campaign running" not in on_screen(app)
    [again] = app.repo.campaigns.for_account(account.uid)
    assert again.status is CampaignStatus.ACTIVE
    assert all(touch.is_open for touch in app.repo.touches.for_campaign(again.uid))


async def test_edit_a_touch_moves_it_and_a_bad_date_is_refused_inline(
    make_app, with_why, open_repo, clock
) -> None:
    account = seed(open_repo, clock, ("Greta Lindqvist", BuyingRole.USER))
    app = make_app()
    async with run(app) as pilot:
        await open_entry(pilot, account)
        await walk_campaign(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        if isinstance(app.screen, CampaignFlowScreen):  # the one-channel question, if asked
            await pilot.press("ctrl+s")
            await settle(pilot)
        campaign = app.repo.campaigns.active_for(account.uid)
        first = app.repo.touches.for_campaign(campaign.uid)[0]
        app.screen.query_one(TouchTable).focus()
        await pilot.press("t")
        await pilot.pause()
        app.screen.query_one("#due", Input).select_all()
        await paste(pilot, "someday soon")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Could not read 'someday soon' as a date" in on_screen(app)
        assert app.repo.touches.get(first.uid).due == first.due
        app.screen.query_one("#due", Input).select_all()
        await paste(pilot, "2026-12-03")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, AccountEntryScreen)
    assert app.repo.touches.get(first.uid).due == date(2026, 12, 3)


async def test_twelve_touches_are_questioned_once_then_allowed(
    make_app, with_why, open_repo, clock
) -> None:
    account = seed(open_repo, clock, ("Greta Lindqvist", BuyingRole.USER))
    app = make_app()
    async with run(app) as pilot:
        await open_entry(pilot, account)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("ctrl+s", "ctrl+s", "ctrl+s")  # who, from when, how long
        await replace_line(pilot, "12")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "12 touches is a lot" in on_screen(app)
        assert app.screen.current.key == "count"
        await pilot.press("ctrl+s")  # keep 12
        await pilot.press("ctrl+s")  # channels
        await pilot.press("ctrl+s")  # save the plan
        await settle(pilot)
        campaign = app.repo.campaigns.active_for(account.uid)
        assert campaign is not None
        assert len(app.repo.touches.for_campaign(campaign.uid)) == 12
        assert "12 touches is a lot" in on_screen(app)  # the remark stays on the account


async def test_a_campaign_over_christmas_skips_the_locales_public_holidays_and_says_so(
    make_app, with_why, open_repo, clock, monkeypatch
) -> None:
    monkeypatch.setenv("LANG", "de_DE.UTF-8")  # no holiday setting yet: the locale decides
    account = seed(
        open_repo, clock,
        ("Greta Lindqvist", BuyingRole.USER), ("Hiro Tanaka", BuyingRole.ECONOMIC_BUYER),
        ("Priya Rahman", BuyingRole.TECHNICAL_EVALUATOR),
    )  # fmt: skip
    app = make_app()
    async with run(app) as pilot:
        await open_entry(pilot, account)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("ctrl+s")  # who
        assert "public holidays in DE are skipped" in on_screen(app)
        await replace_line(pilot, "2026-12-25")
        await pilot.pause()
        assert "Christmas Day, a public holiday, so the first touch goes out Mon 28 Dec" in (
            on_screen(app)
        )
        await pilot.press("ctrl+s")
        await replace_line(pilot, "3")
        await pilot.press("ctrl+s", "ctrl+s", "ctrl+s")  # weeks, nine touches, channels
        await pilot.pause()
        plan = app.screen.reference()
        assert "Public holidays left out (DE)" in plan
        assert "(Christmas Day)" in plan and "(New Year's Day)" in plan
        await pilot.press("ctrl+s")
        await settle(pilot)
        if isinstance(app.screen, CampaignFlowScreen):  # a remark's question, if asked
            await pilot.press("ctrl+s")
            await settle(pilot)
    campaign = app.repo.campaigns.active_for(account.uid)
    dues = {touch.due for touch in app.repo.touches.for_campaign(campaign.uid)}
    assert dues and min(dues) == date(2026, 12, 28)
    assert date(2027, 1, 1) not in dues


async def test_public_holidays_are_set_once_from_the_palette(make_app, with_why) -> None:
    from coach_tui.ui.screens.holidays_form import HolidayRegionForm

    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        app.action_public_holidays()
        await settle(pilot)
        assert isinstance(app.screen, HolidayRegionForm)
        await paste(pilot, "XX")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "coach has no public holidays for 'XX'" in on_screen(app)
        assert app.repo.settings.get().holiday_region is None  # nothing saved
        app.screen.query_one(Input).value = ""
        await paste(pilot, "de-by")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "public holidays of DE-BY" in notices(app)
    assert app.repo.settings.get().holiday_region == "DE-BY"


async def test_the_blocker_is_not_ticked_and_an_added_touch_goes_to_someone_in_the_campaign(
    make_app, with_why, open_repo, clock
) -> None:
    account = seed(
        open_repo, clock,
        ("Anders Blom", BuyingRole.BLOCKER), ("Greta Lindqvist", BuyingRole.USER),
        ("Hiro Tanaka", BuyingRole.ECONOMIC_BUYER),
    )  # fmt: skip
    app = make_app()
    async with run(app) as pilot:
        await open_entry(pilot, account)
        await pilot.press("c")
        await settle(pilot)
        ticked = app.screen.query_one("#answer-multi").selected
        names = {c.uid: c.name for c in app.repo.contacts.for_account(account.uid)}
        assert sorted(names[uid] for uid in ticked) == ["Greta Lindqvist", "Hiro Tanaka"]
        await pilot.press("ctrl+s")
        await replace_line(pilot, "2026-11-30")
        await pilot.press("ctrl+s", "ctrl+s", "ctrl+s", "ctrl+s", "ctrl+s")
        await settle(pilot)
        if isinstance(app.screen, CampaignFlowScreen):  # a remark's question, if asked
            await pilot.press("ctrl+s")
            await settle(pilot)
        assert isinstance(app.screen, AccountEntryScreen)
        app.screen.query_one(TouchTable).focus()
        await pilot.press("a")
        await settle(pilot)
        chosen = app.screen.query_one("#contact", Select).value
        assert names[chosen] in {"Greta Lindqvist", "Hiro Tanaka"}  # not the one left out


def footer(app) -> str:
    from coach_tui.ui.widgets.key_footer import KeyFooter

    return widget_text(app, app.screen.query_one(KeyFooter))


async def test_the_keys_stay_on_the_table_after_any_form_and_the_footer_follows_it(
    make_app, with_why, open_repo, clock
) -> None:
    account = seed(
        open_repo, clock,
        ("Greta Lindqvist", BuyingRole.USER), ("Hiro Tanaka", BuyingRole.ECONOMIC_BUYER),
    )  # fmt: skip
    app = make_app()
    async with run(app) as pilot:
        await open_entry(pilot, account)
        people = app.screen.query_one("#contacts")
        assert app.focused is people  # not the page around it
        for form_key in ("n", "i", "enter"):  # add a person, entry point, edit a person
            await pilot.press(form_key)
            await settle(pilot)
            await pilot.press("escape")
            await settle(pilot)
            assert app.focused is people, form_key
        await pilot.press("down")
        assert people.cursor_row == 1  # arrows move the table at once, no Tab needed
        assert "Remove person" in footer(app) and "Done" not in footer(app)
        await walk_campaign(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        if isinstance(app.screen, CampaignFlowScreen):  # a remark's question, if asked
            await pilot.press("ctrl+s")
            await settle(pilot)
        assert app.focused is people  # back from the campaign flow too
        await pilot.press("tab")
        touches = app.screen.query_one(TouchTable)
        assert app.focused is touches
        shown = footer(app)
        for key in ("Done", "Skip", "Snooze", "Edit touch", "Add touch", "Drop touch"):
            assert key in shown, key
        assert "Remove person" not in shown
        for form_key in ("t", "a", "d"):  # edit, add, done: each form left with esc
            await pilot.press(form_key)
            await settle(pilot)
            await pilot.press("escape")
            await settle(pilot)
            assert app.focused is touches, form_key
        await pilot.press("down")
        assert touches.cursor_row == 1


async def test_the_add_decision_maker_form_opens_at_its_top(
    make_app, with_why, open_repo, clock
) -> None:
    account = seed(open_repo, clock, ("Greta Lindqvist", BuyingRole.USER))
    app = make_app()
    async with run(app) as pilot:
        await open_entry(pilot, account)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, ContactForm)
        dialog = app.screen.query_one(".dialog")
        assert dialog.scroll_y == 0
        first_label = app.screen.query_one("Field").label
        top = on_screen(app)
        assert "New decision maker · Nordvale Foods" in top and first_label in top


async def test_on_a_small_terminal_tab_brings_the_whole_campaign_into_view(
    make_app, with_why, open_repo, clock
) -> None:
    account = seed(open_repo, clock, *[(f"Person {n}", BuyingRole.USER) for n in range(10)])
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_entry(pilot, account)
        await walk_campaign(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        if isinstance(app.screen, CampaignFlowScreen):  # a remark's question, if asked
            await pilot.press("ctrl+s")
            await settle(pilot)
        await pilot.press("tab")
        await settle(pilot)
        touches = app.screen.query_one(TouchTable)
        assert app.focused is touches
        assert touches.size.height >= touches.row_count + 1  # every touch, and the header
        assert app.screen.can_view_entire(touches)
