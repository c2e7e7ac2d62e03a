"""Every screen and every flow step on a folder whose every text field is hostile.

The folder (`tests/hostile.py`) holds markup (`[/x]`, `[@click=app.quit]`, links), terminal
control (ESC sequences, NUL, BEL, a bidi override), 5,000-character notes and wide text,
written as a hand-edit or an import would. On every screen a seller can reach, the text
must show as typed, nothing may crash, no escape code may reach the terminal, nothing may
be clickable into an action, and the app must still be running.

"Today" is Tuesday 24 Nov 2026, 08:30 CET (the FakeClock).
"""

from __future__ import annotations

import dataclasses
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.segment import Segment
from textual.pilot import Pilot
from textual.widgets import OptionList

from coach_tui.ui.app import CoachApp
from tests.helpers import TUESDAY_MORNING, screen_text, short_temp_dir, toast_messages
from tests.hostile import FORBIDDEN, HostileFolder, seed_hostile
from tests.ui.flow import later, paste, settle

BIG = (120, 40)
SMALL = (80, 24)
# What the terminal must never receive from the app's drawing: a title or link (OSC), a
# screen wipe, NUL, BEL, a bidi override.
NEVER_SENT = ("\x1b]", "\x1b[2J", "\x00", "\x07", "\u202e", "\x9b")
# Words of the hostile click names, where a click would land on the link if there was one.
CLICK_WORDS = ("Ann", "quit", "Link", "x[/]")


@pytest.fixture(scope="module")
def hostile_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HostileFolder]:
    """Seeded once per worker; each test works on its own copy."""
    base = tmp_path_factory.mktemp("hostile")
    with short_temp_dir() as victim:
        yield seed_hostile(base / "data", now=TUESDAY_MORNING, victim_dir=victim)


@pytest.fixture
def hostile(hostile_template: HostileFolder, data_dir: Path) -> HostileFolder:
    shutil.copytree(hostile_template.data_dir, data_dir)
    return dataclasses.replace(hostile_template, data_dir=data_dir)


# --- what is checked on every screen ------------------------------------------------------


def segments(app: CoachApp) -> Iterator[Segment]:
    """Every piece of text drawn, on the screen in front and the ones under it."""
    for screen in app.screen_stack:
        for strip in screen._compositor.render_strips():
            yield from strip


def terminal_output(app: CoachApp) -> str:
    """What the app would write to the terminal to draw the screen in front, in full."""
    return app.screen._compositor.render_full_update().render_segments(app.console)


def assert_safe(app: CoachApp, folder: HostileFolder) -> None:
    """Still running, no crash, nothing unsafe drawn, nothing clickable into an action."""
    assert app.is_running, "the app stopped"
    assert app._exception is None, app._exception
    assert not (folder.data_dir / "crash.log").exists()
    assert not folder.victim_file.exists(), "a click action wrote a file"
    for segment in segments(app):
        assert not any(char in segment.text for char in FORBIDDEN), repr(segment.text)
        style = segment.style
        if style is not None:
            assert not style.link, f"a link on screen: {style.link}"
            assert "@click" not in (style.meta or {}), f"a click action: {style.meta}"
    output = terminal_output(app)
    for sequence in NEVER_SENT:
        assert sequence not in output, f"{sequence!r} written to the terminal"


def assert_literal(app: CoachApp, *texts: str) -> None:
    """Each of `texts` is on screen exactly as typed (not eaten as markup)."""
    text = screen_text(app)
    for expected in texts:
        assert expected in text, f"{expected!r} not shown literally in:\n{text}"


async def step(pilot: Pilot, folder: HostileFolder, *keys: str) -> None:
    """Press `keys`, let the app settle, and check the screen."""
    if keys:
        await pilot.press(*keys)
    await settle(pilot)
    assert_safe(pilot.app, folder)  # type: ignore[arg-type]


async def click_hostile_words(pilot: Pilot, folder: HostileFolder) -> int:
    """Click where each hostile click name first shows; a link there would run its action.

    (`assert_safe` already finds any link or click action anywhere on screen; this is the
    user's click, as in the issue, on the first place each one is drawn.)
    """
    rows = screen_text(pilot.app).split("\n")
    clicks = 0
    for word in CLICK_WORDS:
        found = next(
            ((match.start(), y) for y, row in enumerate(rows) if (match := _find(word, row))),
            None,
        )
        if found is not None:
            await pilot.click(offset=found)
            clicks += 1
    await settle(pilot)
    assert_safe(pilot.app, folder)  # type: ignore[arg-type]
    return clicks


def _find(word: str, row: str) -> re.Match[str] | None:
    return re.search(re.escape(word), row)


# --- the tests ------------------------------------------------------------------------------


async def test_start_dashboard_why_and_history(make_app, hostile) -> None:
    app = make_app()
    async with app.run_test(size=BIG, notifications=True) as pilot:
        await step(pilot, hostile)
        # The theme notices quote the files and the setting as they are.
        notes = toast_messages(app)
        assert "'primary' is not a colour: '[/]'" in notes
        assert "There is no theme called '[/x] [bold]Evil'" in notes
        await click_hostile_words(pilot, hostile)
        app.clear_notifications()
        await step(pilot, hostile)
        assert_literal(app, "[Hiring]", "[/x]", "[bold]bold[/bold]", "␛]0;PWNED␇")
        await step(pilot, hostile, "1", "2")  # tick priorities
        await step(pilot, hostile, "h")
        assert_literal(app, "[/x]")
        await step(pilot, hostile, "down", "down")
        await click_hostile_words(pilot, hostile)
        await step(pilot, hostile, "escape", "w")  # the why flow, resuming its draft
        await click_hostile_words(pilot, hostile)
        for _ in range(6):  # every later step is checked by `step` (a link anywhere fails it)
            await step(pilot, hostile, "ctrl+s")
        assert app.is_running


# Short pieces of the hostile text that show as typed wherever one of its fields is drawn.
TOKENS = ("[/x]", "[/]", "[Hiring]", "[bold]", "[@click", "[link=", "␛", "␀")


def assert_some_literal(app: CoachApp) -> None:
    """At least one hostile field is on screen, drawn as typed."""
    text = screen_text(app)
    assert any(token in text for token in TOKENS), f"no hostile text shown literally in:\n{text}"


async def walk_flow(pilot: Pilot, folder: HostileFolder, flow: type, *, most: int = 60) -> int:
    """Press ctrl+s (twice where the coach asks a question) until the flow saves and closes,
    checking every step; returns how many steps were shown."""
    shown: set[int] = set()
    presses = 0
    while isinstance(pilot.app.screen, flow):
        assert presses < most, f"{flow.__name__} did not finish"
        screen = pilot.app.screen
        shown.add(screen.step)
        assert_some_literal_or_choice(pilot.app)
        if nothing_chosen(pilot.app):  # a choice no one made yet: the last (a debrief's
            await step(pilot, folder, "up")  # "neither", "continuation", "no")
        await step(pilot, folder, "ctrl+s")
        presses += 1
    return len(shown)


def nothing_chosen(app: CoachApp) -> bool:
    """A choice step showing no highlight: ctrl+s alone would only ask to choose."""
    from textual.widgets import OptionList

    choice = app.screen.query_one("#answer-choice", OptionList)
    return choice.display and choice.highlighted is None


def assert_some_literal_or_choice(app: CoachApp) -> None:
    """A flow step shows hostile text, or is a step of the app's own choices."""
    text = screen_text(app)
    if not any(token in text for token in TOKENS):
        assert app.screen.query("#answer-choice, #answer-multi"), text


async def start(pilot: Pilot, folder: HostileFolder) -> None:
    """The app on screen, the theme notices read and put away (they cover the right side)."""
    await step(pilot, folder)
    pilot.app.clear_notifications()
    await step(pilot, folder)


async def open_account(pilot: Pilot, folder: HostileFolder, uid: str) -> None:
    from coach_tui.ui.screens.account import AccountScreen

    pilot.app.push_screen(AccountScreen(uid))
    await step(pilot, folder)


async def test_goals_and_their_forms(make_app, hostile) -> None:
    from coach_tui.ui.screens.goals import GoalsScreen

    app = make_app()
    async with app.run_test(size=BIG, notifications=True) as pilot:
        await later(pilot)  # the offer of half-done flows
        await start(pilot, hostile)
        await step(pilot, hostile, "g")
        assert isinstance(app.screen, GoalsScreen)
        assert_some_literal(app)
        await click_hostile_words(pilot, hostile)
        await step(pilot, hostile, "down", "up")
        for key in ("e", "p"):  # edit the goal, log progress: the forms open on its text
            await step(pilot, hostile, key)
            assert_some_literal(app)
            await step(pilot, hostile, "escape")
        await step(pilot, hostile, "d")  # the question names the goal
        assert_some_literal(app)
        await step(pilot, hostile, "y", "u")
        app.screen.query_one(OptionList).focus()
        await step(pilot, hostile, "v", "enter")  # retired skills shown; edit a skill
        assert_some_literal(app)
        await step(pilot, hostile, "escape", "r")
        assert_some_literal(app)
        await step(pilot, hostile, "escape", "escape")


async def test_accounts_list_account_tabs_and_forms(make_app, hostile) -> None:
    from textual.widgets import DataTable, TabbedContent

    from coach_tui.ui.screens.objective_flow import ObjectiveFlowScreen

    app = make_app()
    async with app.run_test(size=BIG, notifications=True) as pilot:
        await later(pilot)  # the offer of half-done flows
        await start(pilot, hostile)
        await step(pilot, hostile, "a")
        assert_literal(app, "Lee [Hiring]", "[/x]", "[bold]bold[/bold]")
        await click_hostile_words(pilot, hostile)
        await step(pilot, hostile, "s", "v", "slash")  # sort, show archived, filter
        await pilot.press("left_square_bracket", "slash", "x")
        await step(pilot, hostile)
        assert_literal(app, "[/x]")
        await step(pilot, hostile, "escape")
        table = app.screen.query_one(DataTable)
        table.focus()
        table.move_cursor(row=table.get_row_index(hostile.account_uid))
        await step(pilot, hostile, "x", "u")  # archive and undo: the notices name it
        await step(pilot, hostile, "D")
        assert_literal(app, "Max [/] Typed")
        await step(pilot, hostile, "escape", "enter")
        assert_literal(app, "Max [/] Typed")  # the header names the account
        await click_hostile_words(pilot, hostile)
        for tab in ("tab-research", "tab-team", "tab-objective"):
            app.screen.query_one(TabbedContent).active = tab
            await step(pilot, hostile)
            assert_some_literal(app)
            await click_hostile_words(pilot, hostile)
        app.screen.set_focus(None)  # keys to the screen, not to a research note
        for key in ("m", "p", "r", "c"):  # close objective, team view, rename, call
            await step(pilot, hostile, key)
            assert_some_literal(app)
            await step(pilot, hostile, "escape")
        await step(pilot, hostile, "o")
        assert await walk_flow(pilot, hostile, ObjectiveFlowScreen) >= 6
        assert_some_literal(app)
        await step(pilot, hostile, "ctrl+p")
        await pilot.press(*"Max")
        await step(pilot, hostile)
        assert_literal(app, "Max [/] Typed")
        await click_hostile_words(pilot, hostile)
        await step(pilot, hostile, "escape", "question_mark")
        await step(pilot, hostile, "escape", "escape")


async def test_an_account_named_with_escape_codes_leaves_the_terminal_alone(
    make_app, hostile
) -> None:
    """Its name is in the header, the tabs' cards and the palette: control codes show as
    pictures (␛ ␇ ␀) and never reach the terminal."""
    app = make_app()
    async with app.run_test(size=BIG, notifications=True) as pilot:
        await start(pilot, hostile)
        await open_account(pilot, hostile, hostile.control_account_uid)
        assert_literal(app, "Eve ␛]0;PWNED␇␛[2J␀NUL")
        await step(pilot, hostile, "ctrl+p")
        await pilot.press(*"Eve")
        await step(pilot, hostile)
        assert_literal(app, "Eve ␛]0;PWNED␇")
        await step(pilot, hostile, "escape", "e")
        assert_literal(app, "Eve ␛]0;PWNED␇␛[2J␀NUL")


async def test_getting_in_people_and_campaign_flow(make_app, hostile) -> None:
    """The issue's crash: `c` with a decision maker named `Max [/] Typed`, and a click on
    an imported name that would run `app.screenshot`."""
    from coach_tui.ui.screens.campaign_flow import CampaignFlowScreen
    from coach_tui.ui.screens.entry import ContactTable

    app = make_app()
    async with app.run_test(size=BIG, notifications=True) as pilot:
        await start(pilot, hostile)
        await open_account(pilot, hostile, hostile.account_uid)
        await step(pilot, hostile, "e")
        assert_literal(app, "[/x]", "[@click=app.quit]quit[/]")
        await click_hostile_words(pilot, hostile)
        app.screen.query_one(ContactTable).focus()
        for key in ("enter", "n", "i"):  # edit a person, add one, the entry point
            await step(pilot, hostile, key)
            assert_some_literal(app)
            await step(pilot, hostile, "escape")
        await step(pilot, hostile, "D")  # the question names the person
        assert_some_literal(app)
        await step(pilot, hostile, "escape", "c")
        assert isinstance(app.screen, CampaignFlowScreen)
        assert_literal(app, "[/x]", "[@click=app.quit]quit[/]")
        await click_hostile_words(pilot, hostile)  # the "With whom" list
        assert await walk_flow(pilot, hostile, CampaignFlowScreen) >= 6
        assert_some_literal(app)  # the campaign's touches, to hostile people
        for key in ("t", "x", "u", "S"):  # edit a touch, drop it, undo, stop (asks)
            await step(pilot, hostile, key)
            assert_some_literal(app)
        await step(pilot, hostile, "escape")


async def test_touches_due_done_skip_snooze(make_app, hostile) -> None:
    """The issue's crash: marking a touch done for `[/] Close`, after the save."""
    from textual.widgets import Select

    from coach_tui.ui.screens.entry import AccountEntryScreen
    from coach_tui.ui.screens.touch_forms import TouchDoneForm

    app = make_app()
    async with app.run_test(size=BIG, notifications=True) as pilot:
        await later(pilot)  # the offer of half-done flows
        await start(pilot, hostile)
        await step(pilot, hostile, "t")
        assert_literal(app, "[/] Close", "Lee [Hiring]")
        await click_hostile_words(pilot, hostile)
        await step(pilot, hostile, "d")
        assert isinstance(app.screen, TouchDoneForm)
        assert_literal(app, "[/] Close")
        await pilot.press(*"went well [/x]")
        app.screen.query_one("#meeting", Select).value = "yes"  # a meeting won
        await step(pilot, hostile, "ctrl+s")
        assert_literal(app, "[/] Close")  # the notice names who to call
        for key in ("k", "s"):  # skip (saying why), snooze a day
            await step(pilot, hostile, key)
            await pilot.press(*"because [/]")
            await step(pilot, hostile, "ctrl+s")
        await step(pilot, hostile, "u", "enter")
        assert isinstance(app.screen, AccountEntryScreen)
        assert_some_literal(app)


async def test_calls_prep_with_a_large_outcome_and_debrief(make_app, hostile) -> None:
    from textual.widgets import DataTable

    from coach_tui.ui.screens.debrief_flow import DebriefFlowScreen
    from coach_tui.ui.screens.prep_flow import PrepFlowScreen

    app = make_app()
    async with app.run_test(size=BIG, notifications=True) as pilot:
        await later(pilot)  # the offer of half-done flows
        await start(pilot, hostile)
        await step(pilot, hostile, "c")
        assert_some_literal(app)
        await click_hostile_words(pilot, hostile)
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=table.get_row_index(hostile.call_uids["next_week"]))
        await step(pilot, hostile, "p")
        assert await walk_flow(pilot, hostile, PrepFlowScreen) >= 9  # large: every step
        table.move_cursor(row=table.get_row_index(hostile.call_uids["to_debrief"]))
        await step(pilot, hostile, "b")
        assert await walk_flow(pilot, hostile, DebriefFlowScreen) >= 6
        table.move_cursor(row=table.get_row_index(hostile.call_uids["today"]))
        await step(pilot, hostile, "m")  # move the call: the form lists its people
        assert_literal(app, "Max [/] Typed")
        await click_hostile_words(pilot, hostile)
        await step(pilot, hostile, "escape", "n")  # a new call: pick the account first
        assert_literal(app, "Lee [Hiring]")
        await click_hostile_words(pilot, hostile)
        await step(pilot, hostile, "escape")


async def test_morning_plan_and_its_prep(make_app, hostile) -> None:
    from coach_tui.ui.screens.morning import MorningPlanScreen

    app = make_app()
    async with app.run_test(size=BIG, notifications=True) as pilot:
        await later(pilot)  # the offer of half-done flows
        await start(pilot, hostile)
        await step(pilot, hostile, "m")
        assert isinstance(app.screen, MorningPlanScreen)
        assert_literal(app, "[/x]")
        await click_hostile_words(pilot, hostile)
        await step(pilot, hostile, "ctrl+o")  # today's unprepared call
        assert_some_literal(app)
        await step(pilot, hostile, "escape")
        await step(pilot, hostile, "ctrl+s")
        assert not isinstance(app.screen, MorningPlanScreen)


async def test_weekly_review_resumes_at_key_calls(make_app, hostile) -> None:
    """The issue's crash: an outcome with `[/x]` at "Key calls", and the draft reopening
    there on every later `r`."""
    from coach_tui.ui.screens.review_flow import WeekReviewFlowScreen

    app = make_app()
    async with app.run_test(size=BIG, notifications=True) as pilot:
        await later(pilot)  # the offer of half-done flows
        await start(pilot, hostile)
        await step(pilot, hostile, "r")
        assert isinstance(app.screen, WeekReviewFlowScreen)
        while app.screen.current.key != "key_calls":
            await step(pilot, hostile, "ctrl+s")
        assert_literal(app, "→")
        await click_hostile_words(pilot, hostile)
        await step(pilot, hostile, "space")
        await app.action_quit()  # quitting keeps the draft at this step
    app.repo.close()
    app = make_app()
    async with app.run_test(size=BIG, notifications=True) as pilot:
        await later(pilot)  # the offer of half-done flows
        await start(pilot, hostile)
        await step(pilot, hostile, "r")
        assert app.screen.current.key == "key_calls"
        assert await walk_flow(pilot, hostile, WeekReviewFlowScreen) == 2
        await step(pilot, hostile, "R")  # past reviews, then one read in full
        assert_some_literal(app)
        await step(pilot, hostile, "enter")
        assert_some_literal(app)
        await click_hostile_words(pilot, hostile)
        await step(pilot, hostile, "e")  # edit it again
        assert isinstance(app.screen, WeekReviewFlowScreen)
        await step(pilot, hostile, "escape" if app.screen.step == 0 else "ctrl+s")


async def test_a_small_terminal_dashboard_campaign_and_key_calls(make_app, hostile) -> None:
    """At 80x24 lines wrap and cut elsewhere: the same checks on the busiest screens."""
    from coach_tui.ui.screens.campaign_flow import CampaignFlowScreen
    from coach_tui.ui.screens.review_flow import WeekReviewFlowScreen

    app = make_app()
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await later(pilot)  # the offer of half-done flows
        await step(pilot, hostile)
        notes = toast_messages(app)
        assert "'primary' is not a colour: '[/]'" in notes
        await start(pilot, hostile)
        assert_literal(app, "[Hiring]", "[/x]", "␛]0;PWNED␇")
        await click_hostile_words(pilot, hostile)
        await open_account(pilot, hostile, hostile.account_uid)
        await step(pilot, hostile, "e", "c")
        assert isinstance(app.screen, CampaignFlowScreen)
        assert_literal(app, "[/x]", "[@click=app.quit]quit[/]")
        await click_hostile_words(pilot, hostile)
        await step(pilot, hostile, "escape", "escape", "escape")
        await step(pilot, hostile, "r")
        assert isinstance(app.screen, WeekReviewFlowScreen)
        while app.screen.current.key != "key_calls":
            await step(pilot, hostile, "ctrl+s")
        assert_literal(app, "→")
        await click_hostile_words(pilot, hostile)


async def test_trends_and_help(make_app, hostile) -> None:
    app = make_app()
    async with app.run_test(size=BIG, notifications=True) as pilot:
        await start(pilot, hostile)
        await step(pilot, hostile, "T", "right_square_bracket", "left_square_bracket")
        await step(pilot, hostile, "question_mark")
        await step(pilot, hostile, "escape", "escape", "question_mark")
        assert "Keys — " in screen_text(app)


async def test_import_screen_with_hostile_accounts_and_file(make_app, hostile, tmp_path) -> None:
    from textual.widgets import Select

    victim = hostile.victim_dir
    export = tmp_path / "Connections.csv"
    export.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        f"\"[@click=app.screenshot('victim.txt','{victim}')]Ann[/]\",Lee [Hiring],"
        "https://www.linkedin.com/in/ann-x,,Max [/] Typed,[bold]Boss[/bold],04 Mar 2024\n"
        "[/],[link=file:///etc/passwd]Link[/],,,[/x] Corp,\x1b]0;PWNED\x07,04 Mar 2024\n"
        "[@click=app.quit]quit[/],\x1b[2JBel\x07,,,\u202eRLO,CEO,04 Mar 2024\n",
        encoding="utf-8",
    )
    app = make_app()
    async with app.run_test(size=BIG, notifications=True) as pilot:
        await start(pilot, hostile)
        app.action_import_contacts()
        await step(pilot, hostile)
        app.screen.query_one("#account", Select).focus()
        await step(pilot, hostile, "enter")  # the list of accounts opens
        assert_literal(app, "Lee [Hiring]", "[/x]")
        await step(pilot, hostile, "enter")  # the first choice: by company name
        app.screen.query_one("#path").focus()
        await paste(pilot, str(export))  # one paste: typed, a long temporary path took seconds
        await step(pilot, hostile, "ctrl+s")
        assert "3 new people to add" in screen_text(app)
        await step(pilot, hostile, "ctrl+s")
        await open_account(pilot, hostile, hostile.account_uid)
        await step(pilot, hostile, "e")
        assert_literal(app, "[@click=app.screenshot(")  # the imported name, as typed
        await click_hostile_words(pilot, hostile)


async def test_plan_the_year_with_hostile_key_accounts(make_app, hostile) -> None:
    from coach_tui.ui.screens.objective_flow import ObjectiveFlowScreen
    from coach_tui.ui.screens.plan_year import PlanYearScreen

    app = make_app()
    async with app.run_test(size=BIG, notifications=True) as pilot:
        await later(pilot)  # the offer of half-done flows
        await start(pilot, hostile)
        await step(pilot, hostile, "y")
        assert isinstance(app.screen, PlanYearScreen)
        while app.screen.current.key != "accounts":
            await step(pilot, hostile, "ctrl+s")
        assert_literal(app, "Max [/] Typed")  # your accounts, listed under the question
        await pilot.press(*"[/x] Newco")
        await step(pilot, hostile, "ctrl+s")
        assert_literal(app, "[/x] Newco (new)")
        await step(pilot, hostile, "ctrl+s")
        assert isinstance(app.screen, ObjectiveFlowScreen)
        assert_literal(app, "[/x] Newco")
        await step(pilot, hostile, "escape")


async def test_theme_files_with_markup_do_not_stop_the_start(make_app, hostile) -> None:
    """A theme whose colour is `[/]` and one whose name is markup: coach starts with its
    default theme and says which files it skipped, quoting them as they are."""
    app = make_app()
    async with app.run_test(size=BIG, notifications=True) as pilot:
        await step(pilot, hostile)
        assert app.theme == "coach-dark"
        notes = toast_messages(app)
        assert "broken.toml: 'primary' is not a colour: '[/]'" in notes
        assert "markup-name.toml: the name '[bold]Evil[/bold] [@click=app.quit]q[/]" in notes
        assert "[/x] [bold]Evil" in notes  # the saved theme's name, as it is


async def test_people_list_picker_and_merge_question(make_app, hostile) -> None:
    """People: hostile names, companies and accounts in the list, the account picker and
    the merge question stay text."""
    from coach_tui.ui.screens.people import PeopleScreen

    app = make_app()
    async with app.run_test(size=BIG, notifications=True) as pilot:
        await later(pilot)  # the offer of half-done flows
        await start(pilot, hostile)
        await step(pilot, hostile, "p")
        assert isinstance(app.screen, PeopleScreen)
        assert_some_literal(app)
        await click_hostile_words(pilot, hostile)
        await step(pilot, hostile, "a")  # the picker lists hostile account names
        assert_some_literal(app)
        await step(pilot, hostile, "escape", "m", "down", "m")  # the merge question
        assert_some_literal(app)
        await step(pilot, hostile, "escape", "slash", "[", "/")  # a filter of markup
        await step(pilot, hostile, "escape", "escape")
        assert app.is_running


async def test_the_offer_of_half_done_flows_names_them_as_text(make_app, hostile) -> None:
    """The start-up list of drafts names accounts and calls: hostile names stay text."""
    from coach_tui.ui.screens.resume_offer import ResumeOfferScreen

    app = make_app()
    async with app.run_test(size=BIG, notifications=True) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ResumeOfferScreen)
        app.clear_notifications()  # the theme notices cover the right side
        await step(pilot, hostile)
        assert_some_literal(app)
