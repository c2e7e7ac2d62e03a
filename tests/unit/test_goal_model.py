"""Performance goals built from what was typed, and their progress kept in date order."""

from datetime import date
from decimal import Decimal

import pytest

from coach_tui.model.account import (
    Account,
    Research,
    validate_account_name,
    validate_objective_text,
    validate_person,
    validate_perspective_text,
    validate_research,
)
from coach_tui.model.errors import ValidationError
from coach_tui.model.goal import (
    NAME_MAX,
    Metric,
    PerformanceGoal,
    ProgressEntry,
    SkillGoal,
    calendar_year,
    new_performance_goal,
    validate_goal_name,
    validate_note,
    validate_period,
    validate_skill,
    validate_skill_text,
    with_progress,
    without_progress,
)

START, END = calendar_year(2027)


def build(**changes) -> PerformanceGoal:
    typed = {
        "name": "Revenue 2027",
        "metric": Metric.REVENUE,
        "target": "1.2m",
        "start": START,
        "end": END,
        "default_currency": "EUR",
    }
    return new_performance_goal(**(typed | changes))


def test_calendar_year_is_the_default_period() -> None:
    assert calendar_year(2028) == (date(2028, 1, 1), date(2028, 12, 31))


@pytest.mark.parametrize(
    ("target", "amount", "currency"),
    [
        ("1.2m", "1200000", "EUR"),
        ("€1,200,000", "1200000", "EUR"),
        ("USD 900k", "900000", "USD"),  # the typed currency wins over the default
        ("350 000 CHF", "350000", "CHF"),
    ],
)
def test_a_revenue_goal_keeps_its_money_and_currency(target, amount, currency) -> None:
    goal = build(target=target)
    assert goal.target == Decimal(amount)
    assert goal.currency == currency
    assert goal.metric.is_money


@pytest.mark.parametrize(
    ("metric", "target", "amount"),
    [
        (Metric.DEALS, "12", 12),
        (Metric.NEW_ACCOUNTS, "6", 6),
        (Metric.CUSTOM, "1k", 1000),
    ],
)
def test_a_count_goal_has_a_number_and_no_currency(metric, target, amount) -> None:
    goal = build(metric=metric, target=target)
    assert goal.target == amount
    assert goal.currency == ""
    assert not goal.metric.is_money


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        ({"name": ""}, "The goal's name is empty"),
        ({"name": "   \n "}, "The goal's name is empty"),
        ({"name": "x" * (NAME_MAX + 1)}, f"the limit is {NAME_MAX}"),
        ({"target": ""}, "The target is empty"),
        ({"target": "0"}, "The target must be more than zero"),
        ({"target": "-5k"}, "The target must be more than zero"),
        ({"target": "1e20"}, "more than a trillion"),
        ({"target": "lots"}, "is not an amount"),
        ({"target": "100 XYZ"}, "'XYZ' is not a currency coach knows"),
        ({"metric": Metric.DEALS, "target": "0"}, "The target must be more than zero"),
        ({"metric": Metric.DEALS, "target": "a dozen"}, "is not an amount"),
        ({"end": START}, "The period must end after it starts."),
        ({"end": date(2026, 12, 31)}, "The period must end after it starts."),
        ({"end": date(2032, 1, 6)}, "at most five years"),
        ({"unit": "u" * 41}, "The unit is 41 characters; the limit is 40"),
    ],
)
def test_what_cannot_be_a_goal_is_refused(changes, says) -> None:
    with pytest.raises(ValidationError) as caught:
        build(**changes)
    assert says in caught.value.message


def test_the_period_is_checked_before_the_target() -> None:
    with pytest.raises(ValidationError, match="period must end after it starts"):
        build(end=START, target="nonsense")


@pytest.mark.parametrize(
    ("start", "end", "ok"),
    [
        (date(2027, 1, 1), date(2027, 1, 2), True),  # the shortest period: two days
        (date(2027, 1, 1), date(2027, 1, 1), False),
        (date(2027, 1, 2), date(2027, 1, 1), False),
        (date(2026, 1, 1), date(2030, 12, 31), True),  # five calendar years
        (date(2027, 1, 1), date(2032, 1, 5), True),  # 5 × 366 days apart
        (date(2027, 1, 1), date(2032, 1, 6), False),  # one day more
    ],
)
def test_validate_period(start, end, ok) -> None:
    if ok:
        validate_period(start, end)
    else:
        with pytest.raises(ValidationError):
            validate_period(start, end)


def test_five_times_366_days_is_the_longest_period() -> None:
    start = date(2027, 1, 1)
    validate_period(start, date.fromordinal(start.toordinal() + 5 * 366))
    with pytest.raises(ValidationError, match="at most five years"):
        validate_period(start, date.fromordinal(start.toordinal() + 5 * 366 + 1))


def test_names_and_units_are_cleaned_not_kept_raw() -> None:
    goal = build(
        name="  Revenue\t2027\n ", metric=Metric.CUSTOM, target="40", unit=" first  meetings "
    )
    assert goal.name == "Revenue 2027"
    assert goal.unit == "first meetings"


def test_a_given_uid_and_progress_are_kept_for_edits() -> None:
    entry = ProgressEntry(date(2027, 2, 1), Decimal(5))
    goal = build(uid="abc123", progress=(entry,))
    assert goal.uid == "abc123"
    assert goal.progress == (entry,)
    assert len(build().uid) == 32
    assert build().uid != build().uid


def test_with_progress_keeps_entries_in_date_order() -> None:
    goal = build()
    march = ProgressEntry(date(2027, 3, 1), Decimal(300))
    january = ProgressEntry(date(2027, 1, 15), Decimal(100))
    may = ProgressEntry(date(2027, 5, 1), Decimal(500))
    for entry in (march, may, january):
        goal = with_progress(goal, entry)
    assert [entry.on.month for entry in goal.progress] == [1, 3, 5]
    assert goal.attained == 900


def test_entries_on_the_same_day_stay_in_the_order_they_were_added() -> None:
    first = ProgressEntry(date(2027, 3, 1), Decimal(1), note="first")
    second = ProgressEntry(date(2027, 3, 1), Decimal(2), note="second")
    goal = with_progress(with_progress(build(), first), second)
    assert [entry.note for entry in goal.progress] == ["first", "second"]


def test_with_progress_leaves_the_original_goal_alone() -> None:
    goal = build()
    updated = with_progress(goal, ProgressEntry(date(2027, 3, 1), Decimal(10)))
    assert goal.progress == ()
    assert updated.uid == goal.uid
    assert len(updated.progress) == 1


def test_without_progress_takes_out_one_mistaken_entry() -> None:
    keep = ProgressEntry(date(2027, 3, 1), Decimal(100))
    mistake = ProgressEntry(date(2027, 3, 1), Decimal(100_000))
    goal = with_progress(with_progress(build(), keep), mistake)
    assert without_progress(goal, mistake.uid).progress == (keep,)
    assert without_progress(goal, "no-such-entry") == goal


@pytest.mark.parametrize(
    ("metric", "unit", "amount", "shown"),
    [
        (Metric.DEALS, "", "3", "3 deals won"),
        (Metric.NEW_ACCOUNTS, "", "1200", "1,200 new accounts"),
        (Metric.CUSTOM, "first meetings", "2.5", "2.5 first meetings"),
        (Metric.CUSTOM, "", "4", "4 custom count"),
    ],
)
def test_a_count_reads_with_its_unit(metric, unit, amount, shown) -> None:
    goal = build(metric=metric, target="10", unit=unit)
    assert goal.format_amount(Decimal(amount)) == shown


def test_progress_reads_as_this_of_that() -> None:
    assert build().format_progress(Decimal(870_000), Decimal(1_200_000)) == (
        "€870,000 of €1,200,000"
    )
    deals = build(metric=Metric.NEW_ACCOUNTS, target="6")
    assert deals.format_progress(Decimal(6), Decimal(6)) == "6 of 6 new accounts"


def test_a_skill_is_active_until_retired() -> None:
    skill = SkillGoal("Open every call with a business reason")
    assert skill.active
    assert not SkillGoal("Ask two implication questions", retired_on=date(2026, 1, 1)).active


@pytest.mark.parametrize(
    ("validator", "raw", "says"),
    [
        (validate_goal_name, "", "The goal's name is empty"),
        (validate_skill, "", "The skill is empty"),
        (validate_skill, "x" * 201, "Name the habit in one line"),
        (validate_note, "x" * 501, "The note is 501 characters; the limit is 500."),
    ],
)
def test_goal_validators_refuse_with_a_sentence(validator, raw, says) -> None:
    with pytest.raises(ValidationError) as caught:
        validator(raw)
    assert says in caught.value.message


def test_notes_and_skill_texts_are_optional_and_cleaned() -> None:
    assert validate_note("") == ""
    assert validate_note("  booked \x1b[31m late ") == "booked [31m late"
    assert validate_skill_text("", label="Why it matters") == ""
    assert validate_skill_text("line one\n\n\n\nline two", label="How") == "line one\n\nline two"
    with pytest.raises(ValidationError, match="Why it matters is 1,001 characters"):
        validate_skill_text("x" * 1_001, label="Why it matters")


def test_account_validators() -> None:
    assert validate_account_name("  Acme \n Corp ") == "Acme Corp"
    with pytest.raises(ValidationError, match="The account's name is empty"):
        validate_account_name(" ")
    with pytest.raises(ValidationError, match="the limit is 120"):
        validate_account_name("A" * 121)
    assert validate_research("", label="Direction") == ""
    assert validate_research("a\nb", label="Direction") == "a\nb"
    with pytest.raises(ValidationError, match="link to longer documents"):
        validate_research("x" * 5_001, label="Direction")
    with pytest.raises(ValidationError, match="The description is empty"):
        validate_objective_text("", label="The description")
    assert validate_objective_text("", label="The client goal", required=False) == ""
    with pytest.raises(ValidationError, match="the limit is 600"):
        validate_objective_text("x" * 601, label="The description")
    with pytest.raises(ValidationError, match="What they see is empty"):
        validate_perspective_text("\n\n")
    assert validate_person("", label="Role", required=False) == ""
    with pytest.raises(ValidationError, match="Who is empty"):
        validate_person("", label="Who")


def test_research_counts_the_parts_filled() -> None:
    assert Research().filled == 0
    research = Research(direction="Going electric", issues="Supply chain")
    assert research.filled == 2
    assert research.get("direction") == "Going electric"
    assert not Account("Acme").archived
