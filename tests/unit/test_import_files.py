"""Reading LinkedIn exports and vCards with every quirk they come with."""

from pathlib import Path

import pytest

from coach_tui.interop.errors import ImportFailed
from coach_tui.interop.importer import plan_import
from coach_tui.interop.linkedin import connected_on, parse_linkedin, parse_linkedin_text
from coach_tui.interop.reading import MAX_BYTES
from coach_tui.interop.results import RowStatus
from coach_tui.interop.vcard import parse_vcard, parse_vcard_text
from coach_tui.model.contact import Contact

FIXTURES = Path(__file__).parent.parent / "fixtures" / "import"


def names(parsed) -> list[str]:
    return [contact.name for contact in parsed.contacts]


# --- LinkedIn ---------------------------------------------------------------------------


def test_bom_notes_preamble_quotes_and_blank_rows() -> None:
    parsed = parse_linkedin(FIXTURES / "Connections.csv")
    assert names(parsed) == [
        "Greta Lindqvist", "Hiro Tanaka", "Priya Rahman", "Greta Lindqvist", "Zoë Ñúñez-Ōkubo",
    ]  # fmt: skip
    hiro = parsed.contacts[1]
    assert hiro.company == "Tanaka, Ueda & Partners"  # a quoted comma
    assert hiro.title == 'Partner, "Special" Projects'  # doubled quotes
    assert hiro.email == "hiro.tanaka@example.com"
    assert hiro.found_via == "LinkedIn connection since 17 Jan 2023"
    [error] = [row for row in parsed.rows if row.status is RowStatus.ERROR]
    assert (error.line, error.reason) == (10, "no first or last name")


def test_columns_are_found_by_name_in_any_order() -> None:
    [amara] = parse_linkedin(FIXTURES / "reordered.csv").contacts
    assert (amara.name, amara.company, amara.title) == ("Amara Okafor", "Meridian Dairy", "COO")
    assert amara.found_via == "LinkedIn connection since 12 Dec 2025"


def test_wrong_columns_are_refused_saying_what_is_missing() -> None:
    with pytest.raises(ImportFailed, match=r"First Name.*Last Name"):
        parse_linkedin(FIXTURES / "wrong_columns.csv")


def test_a_file_that_is_not_utf8_is_refused() -> None:
    with pytest.raises(ImportFailed, match="not UTF-8"):
        parse_linkedin(FIXTURES / "latin1.csv")


def test_wrong_file_type_and_missing_file_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match="does not look like a LinkedIn CSV"):
        parse_linkedin(FIXTURES / "contacts.vcf")
    with pytest.raises(ImportFailed, match="There is no file"):
        parse_linkedin(tmp_path / "missing.csv")


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "Connections.csv"
    with big.open("wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.truncate(50 * 1024 * 1024)
    assert big.stat().st_size > MAX_BYTES
    with pytest.raises(ImportFailed, match="50 MB"):
        parse_linkedin(big)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("04 Mar 2024", (2024, 3, 4)), ("2024-03-04", (2024, 3, 4)), ("", None), ("soon", None)],
)
def test_connected_on_dates(text, expected) -> None:
    day = connected_on(text)
    assert (day.year, day.month, day.day) == expected if expected else day is None


def test_a_bad_email_is_a_row_error_not_a_failure() -> None:
    text = "First Name,Last Name,Email Address\nAna,Lima,not-an-email\nBo,Ek,bo@example.com\n"
    parsed = parse_linkedin_text(text)
    assert names(parsed) == ["Bo Ek"]
    assert "does not look like an email" in parsed.rows[0].reason


# --- vCard ------------------------------------------------------------------------------


def test_vcards_3_and_4_with_folds_params_and_escapes() -> None:
    parsed = parse_vcard(FIXTURES / "contacts.vcf")
    anouk, bruno, sanjay = parsed.contacts
    assert anouk.title == "Director of Operations, EMEA"  # escaped comma
    assert anouk.company == "Harbor Freight Lines"  # first ORG component
    assert anouk.phone == "+46 70 123 45 67"
    assert bruno.title == "Head of Data Platform Engineering"  # a folded line
    assert bruno.phone == "+1-555-0100"  # tel: URI value
    assert bruno.profile_url == "https://www.linkedin.com/in/bruno-castell"  # LinkedIn preferred
    assert sanjay.name == "Sanjay Rahman"  # from N when there is no FN


def test_malformed_cards_are_reported_with_their_line_and_the_rest_read() -> None:
    parsed = parse_vcard(FIXTURES / "contacts.vcf")
    errors = [(row.line, row.reason) for row in parsed.rows if row.status is RowStatus.ERROR]
    assert errors == [(23, "no name (FN or N)"), (28, "card has no END")]


def test_a_vcard_file_without_cards_is_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty.vcf"
    empty.write_text("hello\n")
    with pytest.raises(ImportFailed, match="no contact cards"):
        parse_vcard(empty)


def test_unterminated_last_card() -> None:
    parsed = parse_vcard_text("BEGIN:VCARD\nFN:Ana Lima\n")
    assert parsed.rows[0].status is RowStatus.ERROR


# --- planning ---------------------------------------------------------------------------


def test_duplicates_in_the_file_and_in_coach_are_skipped() -> None:
    parsed = parse_linkedin(FIXTURES / "Connections.csv")
    existing = [Contact("Priya R.", profile_url="https://linkedin.com/in/priya-rahman")]
    plan = plan_import(parsed, existing)
    assert [c.name for c in plan.contacts] == ["Greta Lindqvist", "Hiro Tanaka", "Zoë Ñúñez-Ōkubo"]
    skipped = [row.line for row in plan.rows if row.status is RowStatus.SKIPPED]
    assert skipped == [8, 9]  # Priya is known; Greta's second row is the same profile


def test_people_join_the_account_named_like_their_company_or_the_one_given() -> None:
    parsed = parse_linkedin(FIXTURES / "Connections.csv")
    plan = plan_import(parsed, [], accounts_by_name={"NORDVALE FOODS": "acc-1"})
    placed = {c.name: c.account_uid for c in plan.contacts}
    assert placed["Greta Lindqvist"] == "acc-1"
    assert placed["Hiro Tanaka"] == ""
    assert plan.placed == 1
    assert plan.by_company["Nordvale Foods"] == 1
    everyone = plan_import(parsed, [], account_uid="acc-2")
    assert {c.account_uid for c in everyone.contacts} == {"acc-2"}
