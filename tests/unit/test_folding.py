"""One rule for comparing names: case and accents folded, legal forms dropped."""

import pytest

from coach_tui.model.folding import company_key, fold, matches, person_key, same_company


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Østfold Energi", "ostfold energi"),
        ("Ærø Shipping", "aero shipping"),
        ("Müller & Söhne", "muller & sohne"),
        ("Łódź Łabs", "lodz labs"),
        ("STRASSE", "strasse"),
        ("Straße", "strasse"),
        ("Ｆｕｌｌ width", "full width"),
        ("Crème Brûlée", "creme brulee"),
    ],
)
def test_fold_drops_case_and_accents(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("query", "fields", "found"),
    [
        ("ost", ("Østfold Energi",), True),
        ("OST energ", ("Østfold Energi",), True),
        ("østfold", ("Ostfold Energi",), True),  # an accent typed matches one left out
        ("jose", ("José Núñez",), True),
        ("ost cloud", ("Østfold Energi",), False),  # every word must be found
        ("corvid", ("Ana", "Corvid Analytics"), True),  # in any field
        ("", ("anything",), True),
        ("   ", ("anything",), True),
        ("xyz", ("Østfold",), False),
    ],
)
def test_matches_every_word_folded(query: str, fields: tuple[str, ...], found: bool) -> None:
    assert matches(query, *fields) is found


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Corvid Analytics", "corvid analytics"),
        ("Corvid Analytics, Inc.", "Corvid Analytics"),
        ("Corvid Analytics Ltd", "CORVID ANALYTICS LIMITED"),
        ("Nordvale Foods GmbH", "Nordvale Foods"),
        ("Nordvale GmbH & Co. KG", "Nordvale"),
        ("Acme S.A.", "Acme SA"),
        ("Østfold Energi AS", "Ostfold Energi"),
        ("  Harbor  &  Finch ", "Harbor & Finch"),
        ("Quillon Labs B.V.", "Quillon Labs"),
    ],
)
def test_same_company_despite_case_accents_and_legal_form(first: str, second: str) -> None:
    assert same_company(first, second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Corvid Analytics", "Corvid Analysis"),
        ("Acme", "Acme Labs"),
        ("", ""),  # no company is not a match
        ("Inc", "Ltd"),  # a name that is only a legal form keeps it
    ],
)
def test_different_companies_stay_apart(first: str, second: str) -> None:
    assert not same_company(first, second)


def test_a_name_that_is_only_a_legal_form_is_kept() -> None:
    assert company_key("AG") == "ag"


def test_person_key_ignores_case_accents_and_spacing() -> None:
    assert person_key("  José   Núñez-Smith ") == person_key("jose nunez smith")
