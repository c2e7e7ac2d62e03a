"""Goals: results with pace, getting-better goals, and the forms behind them.

"Today" is Tuesday 24 Nov 2026 (the FakeClock): day 328 of 365, so a straight line to
$1,200,000 stands at $1,078,356 — $600,000 attained is 44% short of it.
"""

from datetime import date
from decimal import Decimal

from textual.widgets import DataTable, Input, Select

from coach_tui.model.goal import Metric, PerformanceGoal, ProgressEntry, SkillGoal
from coach_tui.ui.kit.confirm import ConfirmScreen
from coach_tui.ui.screens.dashboard import DashboardScreen
from coach_tui.ui.screens.goal_forms import GoalForm, ProgressForm
from coach_tui.ui.screens.goal_skill_forms import RetireSkillForm, SkillForm
from coach_tui.ui.screens.goals import GoalsScreen
from coach_tui.ui.widgets.field import Field
from tests.helpers import notices, on_screen, widget_text
from tests.ui.flow import paste, run, settle

YEAR_START, YEAR_END = date(2026, 1, 1), date(2026, 12, 31)


def revenue_goal(*amounts: int, name: str = "Revenue 2026") -> PerformanceGoal:
    progress = tuple(
        ProgressEntry(date(2026, 3 + i, 10), Decimal(amount), note=f"deal {i + 1}")
        for i, amount in enumerate(amounts)
    )
    return PerformanceGoal(
        name, Metric.REVENUE, Decimal(1_200_000), YEAR_START, YEAR_END, "USD", progress=progress
    )


def seed(open_repo, *goals: PerformanceGoal, skills: tuple[SkillGoal, ...] = ()) -> None:
    repo = open_repo()
    for goal in goals:
        repo.goals.save(goal)
    for skill in skills:
        repo.goals.save_skill(skill)
    repo.close()


async def open_goals(pilot) -> None:
    await settle(pilot)
    assert isinstance(pilot.app.screen, DashboardScreen)
    await pilot.press("g")  # the dashboard's key, as a seller opens it
    await settle(pilot)
    assert isinstance(pilot.app.screen, GoalsScreen)


async def fill(pilot, field_id: str, text: str) -> None:
    """Move to a field, select its text (as a tab into it does) and paste over it."""
    box = pilot.app.screen.query_one(f"#{field_id}", Input)
    box.focus()
    await pilot.pause()
    box.select_all()
    await paste(pilot, text)
    await pilot.pause()  # the echo under it may take another line


def goal_rows(app) -> list[list[str]]:
    table = app.screen.query_one("#goal-table", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def under(app, field_id: str) -> str:
    """The line under one field, as shown: an error, or how the input was read."""
    return widget_text(app, app.screen.query_one(f"#{field_id}-field .field-feedback"))


async def save(pilot) -> None:
    """Ctrl+s, then let wrapped messages settle into their lines."""
    await pilot.press("ctrl+s")
    await pilot.pause()
    await pilot.pause()


# --- the screen ------------------------------------------------------------------------


async def test_empty_screen_says_what_to_do_next(make_app, with_why) -> None:
    app = make_app()
    async with run(app) as pilot:
        await open_goals(pilot)
        text = on_screen(app)
        assert "No goals for 2026 yet — press n to set your annual targets" in text
        assert "No getting-better goals yet — press k" in text
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)


async def test_behind_pace_is_shown_plainly_with_the_weekly_need(
    make_app, with_why, open_repo
) -> None:
    seed(open_repo, revenue_goal(250_000, 350_000))
    app = make_app()
    async with run(app) as pilot:
        await open_goals(pilot)
        assert goal_rows(app) == [
            ["Revenue 2026", "2026", "$600,000", "$1,200,000", "50%", "behind 44%", "$110,526"]
        ]
        pace_cell = app.screen.query_one(DataTable).get_row_at(0)[5]
        assert pace_cell.style == f"bold {app.theme_variables['text-error']}"
        detail = widget_text(app, app.screen.query_one("#goal-detail"))
        assert "Behind pace by $478,356 (44% short of where the line is today)." in detail
        assert "$110,526 a week from here finishes on target." in detail
        assert "Latest progress 10 Apr 2026 +$350,000 deal 2 10 Mar 2026 +$250,000" in detail


async def test_pace_column_reads_each_state(make_app, with_why, open_repo) -> None:
    ahead = revenue_goal(1_150_000, name="Ahead")
    reached = revenue_goal(1_200_000, name="Reached")
    later = PerformanceGoal(
        "Logos 2027", Metric.NEW_ACCOUNTS, Decimal(6), date(2027, 1, 1), date(2027, 12, 31)
    )
    seed(open_repo, ahead, reached, later)
    app = make_app()
    async with run(app) as pilot:
        await open_goals(pilot)
        paces = {row[0]: (row[5], row[6]) for row in goal_rows(app)}
        assert paces == {
            "Ahead": ("ahead", "$9,211"),
            "Reached": ("reached", "—"),
            "Logos 2027": ("not started", "0.1"),
        }


# --- performance goals -----------------------------------------------------------------


async def test_new_revenue_goal_typed_as_1_2m(make_app, with_why) -> None:
    app = make_app()
    async with run(app) as pilot:
        await open_goals(pilot)
        await pilot.press("n")
        assert isinstance(app.screen, GoalForm)
        await paste(pilot, "Revenue 2027")
        app.screen.query_one("#target", Input).focus()
        await pilot.press(*"1.2m")
        assert under(app, "target") == "= $1,200,000"
        # In late November the year being planned is next year, not the one ending in weeks.
        assert under(app, "start") == "= Fri 1 Jan 2027"
        assert under(app, "end") == "= Fri 31 Dec 2027"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, GoalsScreen)
        assert goal_rows(app)[0][:5] == ["Revenue 2027", "2027", "$0", "$1,200,000", "0%"]
        assert "Saved Revenue 2027." in notices(app)
    [goal] = app.repo.goals.performance()
    assert (goal.metric, goal.target, goal.currency) == (Metric.REVENUE, Decimal(1_200_000), "USD")
    assert (goal.start, goal.end) == (date(2027, 1, 1), date(2027, 12, 31))


async def test_goal_in_another_currency_and_a_typed_period(make_app, with_why) -> None:
    app = make_app()
    async with run(app) as pilot:
        await open_goals(pilot)
        await pilot.press("n")
        await paste(pilot, "Revenue H1 2027")
        await fill(pilot, "target", "€900k")
        await fill(pilot, "start", "1 jan 2027")
        await fill(pilot, "end", "june 2027")
        assert under(app, "target") == "= €900,000"
        assert under(app, "end") == "= Wed 30 Jun 2027"  # a month alone: its last day
        await pilot.press("ctrl+s")
        await settle(pilot)
        row = goal_rows(app)[0]
        assert row[:4] == ["Revenue H1 2027", "1 Jan – 30 Jun 2027", "€0", "€900,000"]
        assert row[5] == "not started"
    [goal] = app.repo.goals.performance()
    assert (goal.currency, goal.start, goal.end) == ("EUR", date(2027, 1, 1), date(2027, 6, 30))


async def test_custom_count_needs_what_is_counted(make_app, with_why) -> None:
    app = make_app()
    async with run(app) as pilot:
        await open_goals(pilot)
        await pilot.press("n")
        await paste(pilot, "First meetings")
        app.screen.query_one("#metric", Select).value = Metric.CUSTOM.name
        await fill(pilot, "target", "40")
        await save(pilot)
        assert under(app, "unit") == "Say what you count, e.g. first meetings."
        assert app.repo.goals.performance() == []
        await fill(pilot, "unit", "first meetings")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert goal_rows(app)[0][:4] == ["First meetings", "2027", "0", "40"]
        assert "0 of 40 first meetings" in on_screen(app)
    [goal] = app.repo.goals.performance()
    assert (goal.metric, goal.unit, goal.currency) == (Metric.CUSTOM, "first meetings", "")


async def test_bad_goal_input_is_refused_inline_and_nothing_is_saved(make_app, with_why) -> None:
    app = make_app()
    async with run(app) as pilot:
        await open_goals(pilot)
        await pilot.press("n")
        await fill(pilot, "target", "abc")
        await save(pilot)
        assert under(app, "name") == "The goal's name is empty — write at least a few words."
        assert under(app, "target").startswith("'abc' is not an amount.")
        assert app.focused is app.screen.query_one("#name", Input)  # the first problem
        await paste(pilot, "Revenue 2026")
        await fill(pilot, "target", "1e20")
        await save(pilot)
        assert under(app, "name") == ""  # fixed, so its message is gone
        assert under(app, "target").startswith(
            "The target '1e20' is more than a trillion — probably a typo."
        )
        await fill(pilot, "target", "1.2m")
        await fill(pilot, "end", "1 mar 2025")
        await save(pilot)
        assert under(app, "end") == "The period must end after it starts."
        await fill(pilot, "end", "the twelfth of never")
        await save(pilot)
        assert under(app, "end").startswith("Could not read 'the twelfth of never' as a date.")
        assert isinstance(app.screen, GoalForm)
    assert app.repo.goals.performance() == []


async def test_escape_on_a_typed_form_asks_and_keep_editing_keeps_the_text(
    make_app, with_why
) -> None:
    app = make_app()
    async with run(app) as pilot:
        await open_goals(pilot)
        await pilot.press("n", "escape")  # nothing typed: closes at once
        assert isinstance(app.screen, GoalsScreen)
        await pilot.press("n")
        await pilot.press(*"Rev", "escape")
        assert isinstance(app.screen, ConfirmScreen)
        assert "What you typed here has not been saved." in on_screen(app)
        await pilot.click("#keep")
        await pilot.pause()
        assert isinstance(app.screen, GoalForm)
        assert app.screen.query_one("#name", Input).value == "Rev"
        await pilot.press("escape", "y")
        await settle(pilot)
        assert isinstance(app.screen, GoalsScreen)
    assert app.repo.goals.performance() == []


async def test_edit_changes_the_target_and_keeps_progress(make_app, with_why, open_repo) -> None:
    seed(open_repo, revenue_goal(600_000))
    app = make_app()
    async with run(app) as pilot:
        await open_goals(pilot)
        await pilot.press("e")
        assert isinstance(app.screen, GoalForm)
        assert app.screen.query_one("#target", Input).value == "$1,200,000"
        assert app.screen.query_one("#metric", Select).disabled  # progress is in its terms
        await fill(pilot, "target", "1.5m")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert goal_rows(app)[0][2:5] == ["$600,000", "$1,500,000", "40%"]
    [goal] = app.repo.goals.performance()
    assert goal.target == Decimal(1_500_000)
    assert [entry.amount for entry in goal.progress] == [Decimal(600_000)]


async def test_delete_asks_then_undo_restores_the_goal(make_app, with_why, open_repo) -> None:
    seed(open_repo, revenue_goal(250_000, 350_000, name="Revenue [bold]2026[/]"))
    app = make_app()
    async with run(app) as pilot:
        await open_goals(pilot)
        assert goal_rows(app)[0][0] == "Revenue [bold]2026[/]"  # the seller's words, as typed
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        assert "Delete Revenue [bold]2026[/] and its 2 progress entries?" in on_screen(app)
        await pilot.press("escape")  # keep it
        assert len(goal_rows(app)) == 1
        await pilot.press("d", "y")
        await settle(pilot)
        assert goal_rows(app) == []
        assert app.repo.goals.performance() == []
        assert "Deleted Revenue [bold]2026[/]. Press u to undo" in notices(app)
        assert "No goals for 2026 yet" in on_screen(app)
        await pilot.press("u")
        await settle(pilot)
        assert goal_rows(app)[0][2] == "$600,000"
    [restored] = app.repo.goals.performance()
    assert restored.attained == Decimal(600_000)


# --- progress --------------------------------------------------------------------------


async def test_logging_progress_moves_attained_percent_and_pace(
    make_app, with_why, open_repo
) -> None:
    seed(open_repo, revenue_goal())
    app = make_app()
    async with run(app) as pilot:
        await open_goals(pilot)
        assert goal_rows(app)[0][2:6] == ["$0", "$1,200,000", "0%", "behind 100%"]
        await pilot.press("p")
        assert isinstance(app.screen, ProgressForm)
        assert under(app, "on") == "= Tue 24 Nov 2026"  # "today", already filled in
        await pilot.press(*"600k")  # the amount has the keys
        assert under(app, "amount") == "= $600,000"
        await fill(pilot, "note", "Nordvale [b]renewal[/b]")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, GoalsScreen)
        assert goal_rows(app)[0][2:7] == [
            "$600,000",
            "$1,200,000",
            "50%",
            "behind 44%",
            "$110,526",
        ]
        detail = widget_text(app, app.screen.query_one("#goal-detail"))
        assert "24 Nov 2026 +$600,000 Nordvale [b]renewal[/b]" in detail
        assert "Logged on Revenue 2026: 50% of the target now." in notices(app)
    [goal] = app.repo.goals.performance()
    [entry] = goal.progress
    assert (entry.on, entry.amount, entry.note) == (
        date(2026, 11, 24),
        Decimal(600_000),
        "Nordvale [b]renewal[/b]",
    )


async def test_progress_reads_past_dates_and_refuses_bad_ones(
    make_app, with_why, open_repo
) -> None:
    seed(open_repo, revenue_goal())
    app = make_app()
    async with run(app) as pilot:
        await open_goals(pilot)
        await pilot.press("p")
        await fill(pilot, "on", "3 dec")  # no year: the last 3 December, a year ago
        assert under(app, "on").startswith("3 Dec 2025 is outside this goal's period (2026)")
        await fill(pilot, "on", "fri")
        assert under(app, "on") == "= Fri 20 Nov 2026"
        await fill(pilot, "amount", "€3000")
        await save(pilot)
        assert under(app, "amount").startswith("That reads as €3,000, but this goal counts in USD.")
        await fill(pilot, "amount", "-5")
        await fill(pilot, "on", "someday")
        await save(pilot)
        assert under(app, "on").startswith("Could not read 'someday' as a date.")
        assert under(app, "amount") == "The amount must be more than zero, not '-5'."
        await fill(pilot, "on", "fri")
        await fill(pilot, "amount", "12k")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, GoalsScreen)
    [entry] = app.repo.goals.performance()[0].progress
    assert (entry.on, entry.amount) == (date(2026, 11, 20), Decimal(12_000))


# --- getting-better goals --------------------------------------------------------------


async def test_skill_goal_created_then_retired_with_a_note(make_app, with_why) -> None:
    app = make_app()
    async with run(app) as pilot:
        await open_goals(pilot)
        await pilot.press("k")
        assert isinstance(app.screen, SkillForm)
        await save(pilot)
        assert under(app, "skill") == "The skill is empty — write at least a few words."
        await paste(pilot, "Open every call with a business reason")
        app.screen.query_one("#why-it-matters").focus()
        await paste(pilot, "Clients give time to sellers who respect theirs.")
        app.screen.query_one("#how-noticed").focus()
        await paste(pilot, "A reason line on every call plan.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        skills = widget_text(app, app.screen.query_one("#skill-list"))
        assert "Open every call with a business reason" in skills
        assert "Why it matters: Clients give time to sellers who respect theirs." in skills
        assert "You'll notice: A reason line on every call plan." in skills
        await pilot.press("r")
        assert isinstance(app.screen, RetireSkillForm)
        await paste(pilot, "A habit now: I do it without thinking.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "No getting-better goals yet" in on_screen(app)
        app.clear_notifications()  # the toast sits over the list's bottom border
        await pilot.pause()
        assert "1 retired · v shows them" in on_screen(app)
        await pilot.press("v")
        skills = widget_text(app, app.screen.query_one("#skill-list"))
        assert "Retired 24 Nov 2026: A habit now: I do it without thinking." in skills
    [skill] = app.repo.goals.skills(include_retired=True)
    assert skill.started_on == date(2026, 11, 24)
    assert (skill.retired_on, skill.retired_note) == (
        date(2026, 11, 24),
        "A habit now: I do it without thinking.",
    )


async def test_retire_can_be_undone(make_app, with_why, open_repo) -> None:
    seed(open_repo, skills=(SkillGoal("Ask two implication questions"),))
    app = make_app()
    async with run(app) as pilot:
        await open_goals(pilot)
        await pilot.press("r", "ctrl+s")  # the note is optional
        await settle(pilot)
        assert app.repo.goals.skills() == []
        await pilot.press("u")
        await settle(pilot)
        assert "Ask two implication questions" in on_screen(app)
    [skill] = app.repo.goals.skills()
    assert skill.active


async def test_e_on_the_skill_list_edits_the_skill(make_app, with_why, open_repo) -> None:
    seed(
        open_repo,
        revenue_goal(),
        skills=(SkillGoal("Ask two implication questions", "Pain said aloud gets acted on."),),
    )
    app = make_app()
    async with run(app) as pilot:
        await open_goals(pilot)
        await pilot.press("tab")  # from the goals table to the skills
        await pilot.press("e")
        assert isinstance(app.screen, SkillForm)
        assert app.screen.query_one("#skill", Input).value == "Ask two implication questions"
        await fill(pilot, "skill", "Ask three implication questions")
        await save(pilot)
        await settle(pilot)
        assert "Ask three implication questions" in on_screen(app)
        assert "Why it matters: Pain said aloud gets acted on." in on_screen(app)
    [skill] = app.repo.goals.skills()
    assert skill.skill == "Ask three implication questions"


async def test_a_count_goal_and_its_progress_take_whole_numbers_only(
    make_app, with_why, open_repo
) -> None:
    deals = PerformanceGoal("Deals 2026", Metric.DEALS, Decimal(6), YEAR_START, YEAR_END)
    seed(open_repo, deals)
    app = make_app()
    async with run(app) as pilot:
        await open_goals(pilot)
        await pilot.press("n")
        await paste(pilot, "New logos")
        app.screen.query_one("#metric", Select).value = Metric.NEW_ACCOUNTS.name
        await fill(pilot, "target", "2.5")
        await save(pilot)
        assert under(app, "target") == (
            "The target counts whole things, and '2.5' is not a whole number. Type 2 or 3."
        )
        await pilot.press("escape")
        await settle(pilot)
        if isinstance(app.screen, ConfirmScreen):
            await pilot.press("y")  # leave without saving
            await settle(pilot)
        assert isinstance(app.screen, GoalsScreen)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, ProgressForm)
        await fill(pilot, "amount", "1.5")
        await save(pilot)
        assert "'1.5' is not a whole number" in under(app, "amount")
    [goal] = app.repo.goals.performance()
    assert goal.target == 6 and goal.progress == ()


async def test_a_period_error_goes_when_the_start_is_moved_before_the_end(
    make_app, with_why
) -> None:
    app = make_app()
    async with run(app) as pilot:
        await open_goals(pilot)
        await pilot.press("n")
        await paste(pilot, "Revenue 2027")
        await fill(pilot, "target", "100k")
        await fill(pilot, "start", "2027-06-01")
        await fill(pilot, "end", "2027-03-31")
        await save(pilot)
        assert under(app, "end") == "The period must end after it starts."
        await fill(pilot, "start", "2027-01-01")  # the other field puts it right
        assert "The period must end after it starts." not in on_screen(app)
        assert not app.screen.query_one("#end-field", Field).has_problem
    assert app.repo.goals.performance() == []


async def test_the_gap_reads_as_deals_at_your_average_and_unplanned_revenue_is_asked(
    make_app, with_why, open_repo
) -> None:
    from datetime import datetime

    from coach_tui.model.account import (
        Account,
        ExpansionKind,
        ObjectiveStatus,
        StrategicObjective,
    )
    from coach_tui.model.money import Money
    from tests.helpers import BERLIN

    seed(open_repo, revenue_goal(250_000, 350_000))
    repo = open_repo()
    account = Account("Nordvale Foods")
    repo.accounts.save(account)
    closed = datetime(2026, 6, 1, 12, 0, tzinfo=BERLIN)
    for amount in (100_000, 200_000, 300_000):  # won: a $200k average
        repo.objectives.save(
            StrategicObjective(
                account.uid,
                "Won",
                ExpansionKind.OTHER,
                financial_target=Money(Decimal(amount), "USD"),
                status=ObjectiveStatus.ACHIEVED,
                closed_at=closed,
            )
        )
    repo.objectives.save(
        StrategicObjective(
            account.uid,
            "Open",
            ExpansionKind.OTHER,
            financial_target=Money(Decimal(250_000), "USD"),
        )
    )
    repo.close()
    app = make_app()
    async with run(app) as pilot:
        await open_goals(pilot)
        detail = widget_text(app, app.screen.query_one("#goal-detail"))
        assert "$600k to go: ≈3 deals at your $200k average." in detail
        assert (
            "Your open objectives add up to $250k of the $600k still to win. "
            "Where is the other $350k coming from?" in detail
        )


async def test_without_wins_the_gap_is_not_turned_into_deals(make_app, with_why, open_repo) -> None:
    seed(open_repo, revenue_goal(250_000, 350_000))
    app = make_app()
    async with run(app) as pilot:
        await open_goals(pilot)
        detail = widget_text(app, app.screen.query_one("#goal-detail"))
        assert "deals at your" not in detail
        assert "No open objective puts a value on the $600k still to win" in detail
