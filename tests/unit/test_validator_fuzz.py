"""Whatever a person types or pastes into a field, the core answers with a sentence, never a crash.

Every validator that turns typed text (or typed dates, money and numbers) into something
coach saves is fed arbitrary text: control codes, lone surrogates, bidi marks, emoji with
joiners, digits from other scripts, and 10,000-character pastes. The only exception that
may come out is `ValidationError` with a message, and what comes back respects its limits.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from coach_tui.coaching.objectives import description_hints
from coach_tui.coaching.outcome import OUTCOME_MAX, check_outcome
from coach_tui.coaching.plan_year import MAX_KEY_ACCOUNTS, key_accounts, parse_year
from coach_tui.coaching.review import check_reflection, parse_focus, reflection_nudge
from coach_tui.coaching.touches import mark_done, mark_skipped
from coach_tui.coaching.why import why_hints
from coach_tui.model import account, contact, day, goal, why
from coach_tui.model.account import ACCOUNT_NAME_MAX, Account
from coach_tui.model.dates import MAX_YEAR, MIN_YEAR, Prefer, parse_day, parse_moment
from coach_tui.model.draft import keepable
from coach_tui.model.errors import ValidationError
from coach_tui.model.money import CENT, CODES, MAX_AMOUNT, parse_amount, parse_money
from coach_tui.model.review import FOCUS_ITEMS, FOCUS_MAX, REFLECTION_MAX
from coach_tui.model.text import require_text
from coach_tui.model.touch import TOUCH_OUTCOME_MAX, Channel, Purpose, Touch
from coach_tui.model.week import IsoWeek
from tests.helpers import TUESDAY_MORNING

NOW = TUESDAY_MORNING
TODAY = NOW.date()
FUZZ = settings(max_examples=150, deadline=None)

# Characters that have broken text handling somewhere before: terminal control codes, CR/LF
# mixes, bidi overrides and marks, byte-order marks, zero-width joiners inside emoji,
# combining accents, lone surrogates, digits that are not ASCII, money and date syntax.
TRICKY = (
    "\x00\x07\x1b\x7f\x85\r\n\t\x0b\x0c\x1c\u2028\u2029"
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u200b\u200d"
    "\ud800\udfff\u0301\u00a0\u202f\u2009"
    "👩‍👩‍👧🇩🇪😀שלוםمرحبا"
    "²³¹½⅓٣١٢٤०१߁𝟘𝟙"
    "0123456789.,+-−()'/:@ €$£¥₹kKmMbBnNeEWw"
)
ALL_CHARS = st.characters(exclude_categories=())  # surrogates and control codes included
TEXT = st.one_of(
    st.text(ALL_CHARS, max_size=80),
    st.text(st.sampled_from(TRICKY), max_size=40),
    # Pastes far past every limit: a short piece repeated to around 10,000 characters.
    st.builds(
        lambda piece, times: piece * times,
        st.text(st.sampled_from(TRICKY), min_size=1, max_size=4),
        st.integers(min_value=2_500, max_value=10_000),
    ),
)
EXAMPLES = (
    "",
    " \t\n ",
    "\x00",
    "\x1b[2J\x1b[31mred",
    "\ud800",
    "\u202eevil\u202c",
    "\u200fשלום",
    "👩‍👩‍👧",
    "²",
    "١٢٣٤",
    "1e999999999",
    "9" * 400,
    "x" * 10_000,
    "\r\n" * 5_000,
    "a\n" * 5_000,
    "in 99999999999 years",
    "0000-W00",
    "next 𝟙",
)

_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff")


def with_examples(test: Callable[..., Any]) -> Callable[..., Any]:
    for text in EXAMPLES:
        test = example(text=text)(test)
    return test


def assert_refusal_is_a_sentence(error: ValidationError) -> None:
    assert type(error) is ValidationError
    assert error.message.strip()
    assert str(error) == error.message


def assert_clean(text: str, *, multiline: bool) -> None:
    """What is stored holds nothing that would scramble a terminal or fail to encode."""
    text.encode("utf-8")  # no lone surrogates
    for char in text:
        assert char not in _BIDI, repr(text)
        if char == "\n":
            assert multiline, repr(text)
            continue
        assert unicodedata.category(char) != "Cc", repr(text)
    assert text == text.strip()


@dataclass(frozen=True)
class TextField:
    """A validator of free text, with the limits its result must respect."""

    name: str
    validate: Callable[[str], str]
    max_chars: int
    multiline: bool = False
    required: bool = False

    def __str__(self) -> str:
        return self.name


TEXT_FIELDS = [
    TextField("why statement", why.validate_statement, why.STATEMENT_MAX_CHARS, required=True),
    TextField(
        "why answer", lambda t: why.validate_answer(t, label="Answer 1"),
        why.ANSWER_MAX_CHARS, multiline=True,
    ),
    TextField("priority", lambda t: day.validate_priority(t, number=1), day.PRIORITY_MAX),
    TextField(
        "account name", account.validate_account_name, ACCOUNT_NAME_MAX, required=True
    ),
    TextField(
        "account research", lambda t: account.validate_research(t, label="Research"),
        account.NOTE_MAX, multiline=True,
    ),
    TextField(
        "objective text", lambda t: account.validate_objective_text(t, label="Objective"),
        account.OBJECTIVE_TEXT_MAX, required=True,
    ),
    TextField(
        "optional objective text",
        lambda t: account.validate_objective_text(t, label="Client goal", required=False),
        account.OBJECTIVE_TEXT_MAX,
    ),
    TextField(
        "perspective", account.validate_perspective_text, 2_000, multiline=True, required=True
    ),
    TextField(
        "person", lambda t: account.validate_person(t, label="Who"), 120, required=True
    ),
    TextField(
        "optional person",
        lambda t: account.validate_person(t, label="Role", required=False), 120,
    ),
    TextField("goal name", goal.validate_goal_name, goal.NAME_MAX, required=True),
    TextField("skill", goal.validate_skill, 200, required=True),
    TextField("goal note", goal.validate_note, goal.NOTE_MAX),
    TextField(
        "skill text", lambda t: goal.validate_skill_text(t, label="Why it matters"),
        goal.SKILL_TEXT_MAX, multiline=True,
    ),
    TextField(
        "contact name", contact.validate_contact_name, contact.CONTACT_NAME_MAX, required=True
    ),
    TextField(
        "contact line", lambda t: contact.validate_line(t, label="Title"),
        contact.CONTACT_LINE_MAX,
    ),
    TextField(
        "contact note", lambda t: contact.validate_note(t, label="What matters"),
        contact.CONTACT_NOTE_MAX, multiline=True,
    ),
    TextField(
        "reflection", lambda t: check_reflection(t, label="What went well"),
        REFLECTION_MAX, multiline=True,
    ),
    TextField(
        "require_text one line",
        lambda t: require_text(t, label="The field", max_chars=50, required=True), 50,
        required=True,
    ),
    TextField(
        "require_text multiline",
        lambda t: require_text(t, label="The field", max_chars=300, multiline=True),
        300, multiline=True,
    ),
]  # fmt: skip


@pytest.mark.parametrize("field", TEXT_FIELDS, ids=str)
@FUZZ
@given(text=TEXT)
@with_examples
def test_text_fields_refuse_with_a_sentence_or_keep_within_limits(
    field: TextField, text: str
) -> None:
    try:
        kept = field.validate(text)
    except ValidationError as error:
        assert_refusal_is_a_sentence(error)
        return
    assert len(kept) <= field.max_chars
    assert_clean(kept, multiline=field.multiline)
    if field.required:
        assert kept


@FUZZ
@given(text=TEXT)
@with_examples
def test_email(text: str) -> None:
    try:
        kept = contact.validate_email(text)
    except ValidationError as error:
        assert_refusal_is_a_sentence(error)
        return
    assert_clean(kept, multiline=False)
    assert not kept or kept.count("@") == 1


@FUZZ
@given(text=TEXT)
@with_examples
def test_phone(text: str) -> None:
    try:
        kept = contact.validate_phone(text)
    except ValidationError as error:
        assert_refusal_is_a_sentence(error)
        return
    assert_clean(kept, multiline=False)
    assert not kept or sum(char.isdigit() for char in kept) >= 5


@FUZZ
@given(text=TEXT)
@with_examples
@example(text="linkedin.com/in/[greta")  # urlsplit raised ValueError("Invalid IPv6 URL")
def test_profile_url(text: str) -> None:
    try:
        kept = contact.validate_profile_url(text)
    except ValidationError as error:
        assert_refusal_is_a_sentence(error)
        return
    assert_clean(kept, multiline=False)
    if kept:
        assert kept.startswith(("http://", "https://"))
        # The limit applies to what was typed; a bare address gains its "https://".
        assert len(kept) <= contact.URL_MAX + len("https://")


@pytest.mark.parametrize("allow_zero", [False, True])
@FUZZ
@given(text=TEXT)
@with_examples
def test_amount(text: str, allow_zero: bool) -> None:
    try:
        amount = parse_amount(text, label="The target", allow_zero=allow_zero)
    except ValidationError as error:
        assert_refusal_is_a_sentence(error)
        return
    assert isinstance(amount, Decimal)
    assert amount.is_finite()
    assert (0 if allow_zero else CENT) <= amount <= MAX_AMOUNT
    assert amount == amount.quantize(CENT)


@FUZZ
@given(text=TEXT)
@with_examples
def test_money(text: str) -> None:
    try:
        money = parse_money(text, default_currency="EUR")
    except ValidationError as error:
        assert_refusal_is_a_sentence(error)
        return
    assert CENT <= money.amount <= MAX_AMOUNT
    assert money.amount == money.amount.quantize(CENT)
    assert money.currency in CODES
    assert str(money)  # it can be shown


@pytest.mark.parametrize("prefer", list(Prefer))
@FUZZ
@given(text=TEXT)
@with_examples
def test_day(text: str, prefer: Prefer) -> None:
    try:
        found = parse_day(text, today=TODAY, prefer=prefer)
    except ValidationError as error:
        assert_refusal_is_a_sentence(error)
        return
    assert isinstance(found, date)
    assert MIN_YEAR <= found.year <= MAX_YEAR


@FUZZ
@given(text=TEXT)
@with_examples
@example(text="tomorrow 10am")
@example(text="𝟙𝟘 at 10am")
def test_moment(text: str) -> None:
    try:
        moment = parse_moment(text, now=NOW)
    except ValidationError as error:
        assert_refusal_is_a_sentence(error)
        return
    assert moment.tzinfo is NOW.tzinfo
    assert MIN_YEAR <= moment.year <= MAX_YEAR


@FUZZ
@given(text=TEXT)
@with_examples
@example(text="2026-W53")
@example(text="٢٠٢٦-W٤٧")
def test_iso_week(text: str) -> None:
    try:
        week = IsoWeek.parse(text)
    except ValidationError as error:
        assert_refusal_is_a_sentence(error)
        return
    assert 1 <= week.week <= 53
    assert IsoWeek.parse(str(week)) == week
    assert week.monday <= week.sunday


@FUZZ
@given(text=TEXT)
@with_examples
def test_year_to_plan(text: str) -> None:
    try:
        year = parse_year(text, TODAY)
    except ValidationError as error:
        assert_refusal_is_a_sentence(error)
        return
    assert TODAY.year - 1 <= year <= TODAY.year + 2


@FUZZ
@given(text=TEXT)
@with_examples
@example(text="Nordvale\nnordvale\n\n Harbor  &  Finch ")
@example(text="\n".join(f"Account {n}" for n in range(40)))
def test_key_accounts(text: str) -> None:
    known = [Account(name="Nordvale", created_at=NOW)]
    try:
        keys = key_accounts(text, known)
    except ValidationError as error:
        assert_refusal_is_a_sentence(error)
        return
    assert keys.count <= MAX_KEY_ACCOUNTS
    for name in keys.new_names:
        assert 0 < len(name) <= ACCOUNT_NAME_MAX
        assert_clean(name, multiline=False)


@FUZZ
@given(text=TEXT)
@with_examples
@example(text="- one\n• two\n* three")
@example(text="one\ntwo\nthree\nfour")
def test_focus(text: str) -> None:
    try:
        items = parse_focus(text)
    except ValidationError as error:
        assert_refusal_is_a_sentence(error)
        return
    assert len(items) <= FOCUS_ITEMS
    for item in items:
        assert 0 < len(item) <= FOCUS_MAX
        assert_clean(item, multiline=False)


@FUZZ
@given(text=TEXT)
@with_examples
@example(text="The client introduces you to the CFO")
def test_outcome_is_judged_never_raised(text: str) -> None:
    """The call outcome is coached, not validated: it must not raise at all."""
    check = check_outcome(text)
    assert len(check.messages) >= len(check.issues) > 0 or check.is_advance
    assert all(message.strip() for message in check.messages)
    if not check.blocking:
        assert 0 < len(check.text) <= OUTCOME_MAX
        assert_clean(check.text, multiline=False)


def open_touch() -> Touch:
    return Touch("campaign", "account", "contact", TODAY, Channel.EMAIL, Purpose.SHARE_INSIGHT)


@FUZZ
@given(text=TEXT)
@with_examples
def test_touch_done_and_skipped(text: str) -> None:
    for close in (
        lambda: mark_done(open_touch(), TODAY, text, got_response=True, got_meeting=False),
        lambda: mark_skipped(open_touch(), TODAY, text),
    ):
        try:
            closed = close()
        except ValidationError as error:
            assert_refusal_is_a_sentence(error)
            continue
        assert len(closed.outcome) <= TOUCH_OUTCOME_MAX
        assert_clean(closed.outcome, multiline=False)


@FUZZ
@given(text=TEXT)
@with_examples
def test_hints_shown_while_typing_never_raise(text: str) -> None:
    """These run on every keystroke: any exception would end the app."""
    assert all(isinstance(hint, str) and hint for hint in why_hints(text))
    assert all(isinstance(hint, str) and hint for hint in description_hints(text))
    for key in ("went_well", "went_badly", "learned"):
        assert isinstance(reflection_nudge(key, text), str)
    kept = keepable(text)
    kept.encode("utf-8")


@FUZZ
@given(
    start=st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)),
    days=st.integers(min_value=-4_000, max_value=4_000),
)
def test_goal_period(start: date, days: int) -> None:
    try:
        end = start + timedelta(days=days)
    except OverflowError:
        return
    try:
        goal.validate_period(start, end)
    except ValidationError as error:
        assert_refusal_is_a_sentence(error)
        return
    assert start < end
    assert (end - start).days <= 5 * 366
