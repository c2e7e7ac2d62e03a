"""The account list's rows: joined with objectives, filtered by words, sorted three ways."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from coach_tui.coaching.accounts import AccountSort, account_rows, filter_rows, sort_rows
from coach_tui.model.account import Account, ExpansionKind, StrategicObjective
from coach_tui.model.money import Money

TODAY = date(2026, 11, 24)


def objective(account: Account, description: str, days: int | None, amount: int | None,
              client_goal: str = "Their goal") -> StrategicObjective:  # fmt: skip
    return StrategicObjective(
        account.uid, description, ExpansionKind.NEW_MARKET, client_goal,
        Money(Decimal(amount), "USD") if amount else None,
        TODAY + timedelta(days=days) if days is not None else None,
    )  # fmt: skip


@pytest.fixture
def rows():
    names = ["beta Works", "Alpha Mills", "Gamma Co", "delta Group"]
    accounts = {name: Account(name=name) for name in names}
    objectives = [
        objective(accounts["beta Works"], "Their Polish plant", 90, 50_000),
        objective(accounts["Alpha Mills"], "Second site opens", -5, 900_000),
        objective(accounts["Gamma Co"], "Cloud rollout", None, None, client_goal=""),
    ]
    return account_rows(list(accounts.values()), objectives, TODAY)


def names(rows) -> list[str]:
    return [row.account.name for row in rows]


def test_rows_carry_the_flag_that_needs_attention_first(rows) -> None:
    flags = {row.account.name: row.flag for row in rows}
    assert flags == {
        "beta Works": "",
        "Alpha Mills": "late",
        "Gamma Co": "incomplete",
        "delta Group": "no objective",
    }


@pytest.mark.parametrize(
    ("by", "expected"),
    [
        (AccountSort.NAME, ["Alpha Mills", "beta Works", "delta Group", "Gamma Co"]),
        (AccountSort.OBJECTIVE_DATE, ["Alpha Mills", "beta Works", "delta Group", "Gamma Co"]),
        (AccountSort.FINANCIAL_TARGET, ["Alpha Mills", "beta Works", "delta Group", "Gamma Co"]),
    ],
)
def test_sorting_puts_rows_without_the_value_last_in_name_order(rows, by, expected) -> None:
    assert names(sort_rows(rows, by)) == expected


def test_date_sort_is_nearest_first_not_name_order() -> None:
    late, soon = Account(name="Aardvark"), Account(name="Zebra")
    rows = account_rows(
        [late, soon], [objective(late, "x", 300, 1), objective(soon, "y", 3, 2)], TODAY
    )
    assert names(sort_rows(rows, AccountSort.OBJECTIVE_DATE)) == ["Zebra", "Aardvark"]
    assert names(sort_rows(rows, AccountSort.FINANCIAL_TARGET)) == ["Zebra", "Aardvark"]


def test_sort_cycles_through_all_three() -> None:
    assert AccountSort.NAME.next() is AccountSort.OBJECTIVE_DATE
    assert AccountSort.OBJECTIVE_DATE.next() is AccountSort.FINANCIAL_TARGET
    assert AccountSort.FINANCIAL_TARGET.next() is AccountSort.NAME


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ["beta Works", "Alpha Mills", "Gamma Co", "delta Group"]),
        ("ALPHA", ["Alpha Mills"]),
        ("polish", ["beta Works"]),  # the objective's words count too
        ("works plant", ["beta Works"]),  # every word must match somewhere
        ("works cloud", []),
        ("  o  ", ["beta Works", "Alpha Mills", "Gamma Co", "delta Group"]),
    ],
)
def test_filter_matches_every_word_in_name_or_objective(rows, text, expected) -> None:
    assert names(filter_rows(rows, text)) == expected


def test_targets_in_different_currencies_are_never_ordered_as_one() -> None:
    """¥30,000,000 is not bigger than $900,000: each currency keeps its own order, the
    currency most targets are in first."""

    def valued(name: str, amount: int, currency: str) -> tuple[Account, StrategicObjective]:
        account = Account(name=name)
        target = Money(Decimal(amount), currency)
        return account, StrategicObjective(
            account.uid, "x", ExpansionKind.NEW_MARKET, "goal", target, TODAY
        )

    pairs = [
        valued("Kyoto Foods", 30_000_000, "JPY"),
        valued("Austin Labs", 900_000, "USD"),
        valued("Boston Co", 50_000, "USD"),
        valued("Berlin GmbH", 250_000, "EUR"),
        valued("Denver Inc", 250_000, "USD"),
    ]
    rows = account_rows([a for a, _ in pairs], [o for _, o in pairs], TODAY)
    assert names(sort_rows(rows, AccountSort.FINANCIAL_TARGET)) == [
        "Austin Labs",
        "Denver Inc",
        "Boston Co",
        "Berlin GmbH",
        "Kyoto Foods",
    ]


def test_filter_folds_accents_and_case() -> None:
    accented = account_rows([Account(name="Østfold Energi")], [], TODAY)
    assert names(filter_rows(accented, "ost")) == ["Østfold Energi"]
    assert names(filter_rows(accented, "ØST ENERGI")) == ["Østfold Energi"]


@pytest.mark.parametrize(
    ("days", "with_objective", "red_flag", "shown"),
    [
        (90, True, "", ""),
        (90, True, "silent", "silent"),  # a deal going quiet before anything else
        (-5, True, "promise late", "late"),  # the objective's own date first
        (None, True, "stalled", "stalled"),  # before "incomplete"
        (None, False, "stalled", "stalled"),
        (None, False, "", "no objective"),
    ],
)
def test_the_red_flag_is_shown_in_a_word(days, with_objective, red_flag, shown) -> None:
    account = Account(name="Nordvale")
    objectives = [objective(account, "x", days, 1)] if with_objective else []
    [row] = account_rows([account], objectives, TODAY, {account.uid: red_flag})
    assert row.flag == shown
