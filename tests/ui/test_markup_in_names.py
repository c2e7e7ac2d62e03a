"""The crashes and clickable names of issue 16, each on its own small folder.

Names, outcomes and theme files that look like Textual markup are the seller's (or an
import's) text: shown as typed, never parsed, never a link that runs an action. Each test
is one symptom the issue reported; `test_hostile_text.py` walks every screen with all of
them at once.

"Today" is Tuesday 24 Nov 2026 (the FakeClock).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path

from textual.widgets import Select, SelectionList, Static, TextArea

from coach_tui.model.account import Account
from coach_tui.model.call import Call, Prep
from coach_tui.model.contact import BuyingRole, Contact
from coach_tui.model.touch import Campaign, Channel, Purpose, Touch
from coach_tui.store.errors import StoreError
from coach_tui.ui.screens.account import AccountScreen
from coach_tui.ui.screens.campaign_flow import CampaignFlowScreen
from coach_tui.ui.screens.review_flow import WeekReviewFlowScreen
from coach_tui.ui.screens.touch_forms import TouchDoneForm
from tests.helpers import notices, screen_text, short_temp_dir, toast_messages
from tests.ui.flow import later, paste, run, settle


def account_with_people(open_repo, clock, *names: str) -> Account:
    repo = open_repo()
    account = Account(name="Nordvale Foods", created_at=clock())
    repo.accounts.save(account)
    for number, name in enumerate(names):
        role = (BuyingRole.CHAMPION, BuyingRole.ECONOMIC_BUYER, BuyingRole.USER)[number % 3]
        repo.contacts.save(Contact(name, account_uid=account.uid, title="Director", role=role))
    repo.close()
    return account


async def open_campaign_flow(pilot, account: Account) -> None:
    """The account, `e` for getting in, then `c`: the key the issue saw crash."""
    await settle(pilot)
    pilot.app.push_screen(AccountScreen(account.uid))
    await settle(pilot)
    await pilot.press("e")
    await settle(pilot)
    await pilot.press("c")
    await settle(pilot)


def assert_running(app) -> None:
    assert app.is_running
    assert app._exception is None, app._exception


async def test_a_decision_maker_named_with_a_closing_tag_opens_the_campaign_flow(
    make_app, with_why, open_repo, clock
) -> None:
    account = account_with_people(
        open_repo, clock, "Max [/] Typed", "[/]", "[link=file:///etc/passwd]Link[/]"
    )
    app = make_app()
    async with run(app) as pilot:
        await open_campaign_flow(pilot, account)
        assert_running(app)
        assert isinstance(app.screen, CampaignFlowScreen)
        text = screen_text(app)
        assert "Max [/] Typed" in text
        assert "[link=file:///etc/passwd]Link[/]" in text


async def test_a_click_on_an_imported_name_runs_no_action(
    make_app, with_why, open_repo, clock, tmp_path: Path
) -> None:
    """`[@click=app.screenshot(…)]Ann[/]` as a LinkedIn first name once showed as a link
    "Ann" in "With whom"; a click wrote a screen SVG over a file. `[@click=app.quit]` quit."""
    with short_temp_dir() as victim:
        await click_names_in_the_campaign_flow(make_app, with_why, open_repo, clock, victim)


async def click_names_in_the_campaign_flow(make_app, with_why, open_repo, clock, victim: Path):
    shot = f"[@click=app.screenshot('victim.txt','{victim}')]Ann[/] Berg"
    account = account_with_people(open_repo, clock, shot, "[@click=app.quit]Quinn[/] Ode")
    app = make_app()
    async with app.run_test(size=(200, 34)) as pilot:  # wide enough for the folder's path
        await open_campaign_flow(pilot, account)
        people = app.screen.query_one(SelectionList)
        before = set(people.selected)
        rows = screen_text(app).split("\n")
        for word in ("Ann", "Quinn"):
            y, x = next((y, row.index(word)) for y, row in enumerate(rows) if word in row)
            await pilot.click(offset=(x, y))
            await settle(pilot)
        assert_running(app)
        assert not (victim / "victim.txt").exists()
        assert shot in screen_text(app)
        assert set(people.selected) != before  # a click ticks a person, as on any list


async def test_style_words_in_names_are_text_not_styles(
    make_app, with_why, open_repo, clock
) -> None:
    names = ("[bold]Bo[/bold] Ld", "[reverse]Rev[/reverse] Ers", "[on red]Red[/on red] Dy")
    account = account_with_people(open_repo, clock, *names, "Lee [Hiring]")
    app = make_app()
    async with run(app) as pilot:
        await open_campaign_flow(pilot, account)
        text = screen_text(app)
        for name in (*names, "Lee [Hiring]"):
            assert name in text, f"{name!r} not shown as typed"
        drawn = [s for s in app.screen._compositor.render_strips() for s in s]
        styled = [s for s in drawn if s.text.strip() in ("Bo", "Rev", "Red")]
        assert not styled, "a name's words were drawn as styled markup"


async def test_marking_a_touch_done_for_a_bracketed_name_says_who_to_call(
    make_app, with_why, open_repo, clock
) -> None:
    account = account_with_people(open_repo, clock)
    repo = open_repo()
    person = Contact("[/] Close", account_uid=account.uid, role=BuyingRole.CHAMPION)
    campaign = Campaign(account.uid, "Entry Nov 2026", clock().date(), (person.uid,))
    touch = Touch(
        campaign.uid, account.uid, person.uid, clock().date(), Channel.EMAIL,
        Purpose.ASK_FOR_MEETING, idea="Ask for 20 minutes",
    )  # fmt: skip
    repo.contacts.save(person)
    repo.campaigns.save_plan(campaign, [touch])
    repo.close()
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, TouchDoneForm)
        await pilot.press(*"They said yes")
        app.screen.query_one("#meeting", Select).value = "yes"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert_running(app)
        assert "[/] Close" in notices(app)  # the coach's next step names them
    assert app.repo.touches.get(touch.uid).got_meeting


async def test_an_outcome_with_a_stray_tag_at_key_calls_and_on_every_later_review(
    make_app, with_why, open_repo, clock
) -> None:
    """`[/x]` in a call's outcome stopped the review at "Key calls"; the draft reopened
    there, so every later `r` stopped it again."""
    account = account_with_people(open_repo, clock)
    repo = open_repo()
    when = datetime.combine(clock().date() + timedelta(days=3), time(10), tzinfo=clock().tzinfo)
    repo.calls.save(Call(account.uid, when, prep=Prep("They agree to a pilot [/x] for Q1")))
    repo.close()
    for _ in range(2):  # the second run resumes the draft at the same step
        app = make_app()
        async with run(app) as pilot:
            await later(pilot)  # the offer of half-done flows
            await settle(pilot)
            await pilot.press("r")
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, WeekReviewFlowScreen)
            while screen.current.key != "key_calls":
                await pilot.press("ctrl+s")
                await settle(pilot)
            assert_running(app)
            assert "→ They agree to a pilot [/x] for Q1" in screen_text(app)
            await app.action_quit()
        app.repo.close()


async def test_a_theme_file_with_markup_in_a_colour_leaves_the_start_alone(
    make_app, with_why, data_dir: Path
) -> None:
    themes = data_dir / "themes"
    themes.mkdir()
    (themes / "broken.toml").write_text('name = "broken"\n[colors]\nprimary = "[/]"')
    (themes / "bare.toml").write_text('name = "bare"\n')
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        assert_running(app)
        assert app.theme == "coach-dark"
        said = toast_messages(app)
        assert "broken.toml: 'primary' is not a colour: '[/]'" in said
        assert "needs a [colors] table" in said  # the word in brackets is kept


async def test_escape_codes_in_an_account_name_never_reach_the_terminal(
    make_app, with_why, open_repo, clock
) -> None:
    """A hand-edited name that sets the terminal's title and wipes the screen: its header,
    its toast and its objective card show the codes as pictures instead."""
    repo = open_repo()
    account = Account(name="Eve \x1b]0;PWNED\x07\x1b[2J\x00\u202eX", created_at=clock())
    repo.accounts.save(account)
    repo.close()
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        app.push_screen(AccountScreen(account.uid))
        await settle(pilot)
        app.notify(f"Opened {account.name}.")
        await settle(pilot)
        assert "Eve ␛]0;PWNED␇␛[2J␀X" in screen_text(app)
        drawn = "".join(s.text for strip in app.screen._compositor.render_strips() for s in strip)
        assert not any(char in drawn for char in "\x1b\x00\x07\u202e")
        output = app.screen._compositor.render_full_update().render_segments(app.console)
        assert "\x1b]0;" not in output
        assert "\x1b[2J" not in output


async def test_a_refused_perspective_save_quotes_the_folder_as_text(
    make_app, with_why, open_repo, clock, monkeypatch
) -> None:
    """A store error names the data folder, which is the seller's own path ("[/]" included)."""
    account = account_with_people(open_repo, clock)
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        app.push_screen(AccountScreen(account.uid))
        await settle(pilot)

        def refuse(_perspective) -> None:
            raise StoreError("coach could not write in /home/ann/[/]work/[bold]coach")

        monkeypatch.setattr(app.repo.perspectives, "save", refuse)
        await pilot.press("p")
        await settle(pilot)
        await paste(pilot, "Dana Ortiz")
        app.screen.query_one("#text", TextArea).focus()
        await paste(pilot, "The CFO signs off anything over 100k.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert_running(app)
        feedback = app.screen.query_one("#text-feedback", Static)
        assert "/home/ann/[/]work/[bold]coach" in str(feedback.render())
