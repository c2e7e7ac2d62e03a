"""Building a why version from what the seller typed."""

from datetime import datetime, timedelta, timezone

import pytest

from coach_tui.model.errors import ValidationError
from coach_tui.model.why import STATEMENT_MAX_CHARS, new_why

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=timezone(timedelta(hours=1)))


def test_new_why_cleans_statement_and_answers() -> None:
    why = new_why(
        "  I sell so my\nkids see   steady work \x07",
        {"gives": " a home\n\n\n\nand pride ", "seller": "", "win": "Northwind"},
        now=NOW,
    )
    assert why.statement == "I sell so my kids see steady work"
    assert why.answers.gives == "a home\n\nand pride"
    assert why.answers.seller == ""
    assert why.answers.win == "Northwind"
    assert why.written_at == NOW
    assert len(why.uid) == 32


def test_each_version_gets_its_own_uid() -> None:
    first = new_why("For my family", {}, now=NOW)
    second = new_why("For my family", {}, now=NOW)
    assert first.uid != second.uid


@pytest.mark.parametrize("statement", ["", "    ", "\n\t \n"])
def test_empty_statement_is_refused(statement: str) -> None:
    with pytest.raises(ValidationError, match="Your why is empty"):
        new_why(statement, {}, now=NOW)


def test_ten_thousand_character_paste_is_refused_with_the_limit() -> None:
    with pytest.raises(ValidationError) as caught:
        new_why("word " * 2_000, {}, now=NOW)
    assert f"{STATEMENT_MAX_CHARS}" in caught.value.message


def test_too_long_answer_names_which_answer() -> None:
    with pytest.raises(ValidationError) as caught:
        new_why("For my family", {"seller": "x" * 2_001}, now=NOW)
    assert caught.value.field == "Answer 2"


@pytest.mark.parametrize(
    "statement",
    [
        "Für meine Familie 👨‍👩‍👧",
        "אני מוכר בשביל המשפחה",
        "لأجل عائلتي",
        "家族のために売る",
        "[bold]not markup[/]",
    ],
)
def test_unicode_and_markup_lookalikes_are_kept_verbatim(statement: str) -> None:
    assert new_why(statement, {}, now=NOW).statement == statement
