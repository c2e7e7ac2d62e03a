"""config.toml read at start: each bad line is one sentence with its line and what coach
uses instead; the rest of the file still applies; nothing raises."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach_tui.model.settings import Settings
from coach_tui.store.config_file import (
    config_path,
    parse_config,
    read_config,
    unknown_holiday_region,
)

STORED = Settings(currency="EUR", stall_weeks=8, day_first=True, holiday_region="FR")


def sentences(text: str, fallback: Settings = STORED) -> list[str]:
    return [problem.sentence(fallback) for problem in parse_config(text).problems]


def test_good_values_become_settings_over_the_stored_ones() -> None:
    config = parse_config(
        'theme = "coach-light"\n'
        'currency = "gbp"\n'
        'date_order = "month-first"\n'
        'holidays = "de-BY"\n'
        "stall_weeks = 10\n"
    )
    assert config.problems == ()
    assert config.applied_to(STORED) == Settings(
        theme="coach-light",
        currency="GBP",
        stall_weeks=10,
        holiday_region="DE-BY",
        day_first=False,
    )


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ('date_order = "system"', "day_first", None),
        ('date_order = "day-first"', "day_first", True),
        ('holidays = "system"', "holiday_region", None),
        ('holidays = "none"', "holiday_region", ""),
        ('holidays = ""', "holiday_region", ""),
    ],
)
def test_words_for_follow_the_computer_and_for_none(text: str, field: str, value: object) -> None:
    assert getattr(parse_config(text).applied_to(STORED), field) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "\n\nstall_weeks = 40",
            "config.toml line 3: stall_weeks is 40, but it can be 2 to 26, so coach uses 8 weeks.",
        ),
        (
            'stall_weeks = "six"',
            'config.toml line 1: stall_weeks should be a whole number of weeks, not "six", '
            "so coach uses 8 weeks.",
        ),
        (
            "stall_weeks = true",
            "config.toml line 1: stall_weeks should be a whole number of weeks, not true, "
            "so coach uses 8 weeks.",
        ),
        (
            '# money\ncurrency = "EURO"',
            "config.toml line 2: currency 'EURO' is not a currency code coach knows, "
            'so coach uses "EUR".',
        ),
        (
            "currency = 978",
            'config.toml line 1: currency should be a currency code like "EUR", not 978, '
            'so coach uses "EUR".',
        ),
        (
            'date_order = "sideways"',
            'config.toml line 1: date_order should be one of "day-first", "month-first", '
            '"system", not "sideways", so coach uses "day-first".',
        ),
        (
            'holidays = "Germany"',
            "config.toml line 1: holidays 'Germany' is not a country code (DE, US) or "
            'country-region (DE-BY), so coach uses "FR".',
        ),
        (
            "theme = 3",
            "config.toml line 1: theme should be a theme's name in quotes, not 3, "
            "so coach uses its default theme.",
        ),
        (
            'theme = ""',
            "config.toml line 1: theme is empty, so coach uses its default theme.",
        ),
        (
            'week_start = "monday"',
            "config.toml line 1: coach has no setting called 'week_start' (it knows theme, "
            "currency, date_order, holidays, stall_weeks, [keys]), so coach leaves it out.",
        ),
        (
            'stall_weeks = 6\ncurrency = "USD\n',
            "config.toml line 2: this line is not TOML (a quoted text is not closed on its "
            "line), so coach leaves it out.",
        ),
        (
            "[keys\ncurrency = 'GBP'",
            "config.toml line 1: this line is not TOML (expected ']' at the end of a table "
            "declaration), so coach leaves it out.",
        ),
        (
            '[keys]\n"app.help" = 5',
            "config.toml line 2: the key for 'app.help' should be text like \"ctrl+a\", "
            "so that action keeps its own key.",
        ),
        (
            'keys = "a"',
            "config.toml line 1: [keys] should be a table of binding ids and keys, "
            "so coach leaves it out.",
        ),
    ],
)
def test_each_bad_line_is_one_sentence_naming_it_and_what_is_used(text: str, expected: str) -> None:
    assert sentences(text) == [expected]


def test_a_line_that_is_not_toml_leaves_the_rest_of_the_file_in_force() -> None:
    config = parse_config('currency = "GBP"\nstall_weeks = = 9\ntheme = "coach-light"\n')
    assert [problem.line for problem in config.problems] == [2]
    assert config.values == {"currency": "GBP", "theme": "coach-light"}


def test_a_bad_value_keeps_the_stored_setting_and_the_good_ones_apply() -> None:
    config = parse_config('currency = "???"\nstall_weeks = 12\n')
    assert config.applied_to(STORED) == Settings(
        currency="EUR", stall_weeks=12, day_first=True, holiday_region="FR"
    )


def test_keys_are_read_with_their_lines() -> None:
    config = parse_config('theme = "x"\n\n[keys]\n# mine\n"dashboard.accounts" = "A"\n')
    assert config.keys == {"dashboard.accounts": "A"}
    assert config.key_lines == {"dashboard.accounts": 5}


def test_a_missing_file_is_normal_and_an_unreadable_one_is_one_sentence(tmp_path: Path) -> None:
    assert read_config(tmp_path / "none.toml").exists is False
    folder = tmp_path / "config.toml"
    folder.mkdir()
    config = read_config(folder)
    assert config.values == {}
    assert len(config.problems) == 1
    assert config.problems[0].sentence(STORED).startswith("config.toml: coach cannot read it")


def test_not_text_at_all_is_one_sentence(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b"\xff\xfe\x00garbage")
    (problem,) = read_config(path).problems
    assert problem.sentence(STORED) == (
        "config.toml: coach cannot read it (not text), so nothing in it applies."
    )


def test_the_file_lives_in_the_config_folder(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("COACH_CONFIG", str(tmp_path / "cfg"))
    assert config_path() == tmp_path / "cfg" / "config.toml"


def test_an_edit_is_seen_by_the_next_read(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("stall_weeks = 9\n")
    assert read_config(path).values == {"stall_weeks": 9}
    path.write_text("stall_weeks = 12\n")
    assert read_config(path).values == {"stall_weeks": 12}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("DE-BY", None),
        ("none", None),
        (
            "XX",
            "config.toml line 2: coach's holiday calendar does not know 'XX', so campaigns skip "
            "no public holidays until it names one it knows (DE, DE-BY).",
        ),
        (
            "de-by",
            "config.toml line 2: coach's holiday calendar spells 'DE-by' as 'DE-BY', so "
            "campaigns skip no public holidays until it is written that way.",
        ),
    ],
)
def test_a_holiday_country_the_calendar_does_not_know_is_said(value: str, expected) -> None:
    config = parse_config(f'currency = "EUR"\nholidays = "{value}"\n')
    assert unknown_holiday_region(config) == expected
