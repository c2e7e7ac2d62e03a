"""Reading LinkedIn's Connections.csv with every quirk it comes with, and planning the import."""

import codecs
import csv
import io
import time
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach_tui.interop.errors import ImportFailed
from coach_tui.interop.importer import apply_import, find_account, group_by_company, plan_import
from coach_tui.interop.linkedin import (
    connected_on,
    describe_connection,
    parse_linkedin,
    parse_linkedin_bytes,
    parse_linkedin_text,
)
from coach_tui.interop.reading import MAX_BYTES
from coach_tui.interop.results import RowStatus
from coach_tui.model.contact import Contact

FIXTURES = Path(__file__).parent.parent / "fixtures" / "import"
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def names(parsed) -> list[str]:
    return [contact.name for contact in parsed.contacts]


def errors(parsed) -> list[tuple[int, str]]:
    return [(row.line, row.reason) for row in parsed.rows if row.status is RowStatus.ERROR]


# --- the export as LinkedIn writes it ----------------------------------------------------


def test_bom_notes_preamble_quotes_and_blank_rows() -> None:
    raw = (FIXTURES / "Connections.csv").read_bytes()
    assert raw.startswith(codecs.BOM_UTF8)  # the fixture is what it claims to be
    parsed = parse_linkedin(FIXTURES / "Connections.csv")
    assert names(parsed) == [
        "Greta Lindqvist", "Hiro Tanaka", "Priya Rahman", "Greta Lindqvist", "Zoë Ñúñez-Ōkubo",
    ]  # fmt: skip
    greta, hiro = parsed.contacts[:2]
    assert greta.found_via == "LinkedIn connection since 4 Mar 2024"
    assert greta.profile_url == "https://www.linkedin.com/in/greta-lindqvist-0a1b2c"
    assert greta.email == ""  # LinkedIn leaves most emails out
    assert hiro.company == "Tanaka, Ueda & Partners"  # a quoted comma
    assert hiro.title == 'Partner, "Special" Projects'  # doubled quotes inside quotes
    assert hiro.email == "hiro.tanaka@example.com"
    assert hiro.found_via == "LinkedIn connection since 17 Jan 2023"
    assert parsed.contacts[2].found_via == "LinkedIn connection since 29 Feb 2024"
    assert parsed.contacts[4].found_via == "LinkedIn connection"  # no date given
    assert errors(parsed) == [(10, "no first or last name")]
    assert parsed.rows[-2].label == "Ghost Corp"  # the report can still say which row
    assert parsed.blank_rows == 2  # ",,,,,," and the trailing empty line: counted, not listed
    assert [row.line for row in parsed.rows] == [5, 6, 8, 9, 10, 11]


def test_bytes_in_hand_read_the_same_as_the_file() -> None:
    data = (FIXTURES / "Connections.csv").read_bytes()
    assert names(parse_linkedin_bytes(data)) == names(parse_linkedin(FIXTURES / "Connections.csv"))


def test_columns_are_found_by_name_in_any_order_and_any_case() -> None:
    parsed = parse_linkedin(FIXTURES / "reordered.csv")
    amara, jonas, again = parsed.contacts
    assert (amara.name, amara.company, amara.title) == ("Amara Okafor", "Meridian Dairy", "COO")
    assert amara.found_via == "LinkedIn connection since 12 Dec 2025"
    assert amara.profile_url == "https://www.linkedin.com/in/amara-okafor"
    assert jonas.email == "jonas.baptiste@example.com"
    assert jonas.found_via == "LinkedIn connection since 30 Nov 2025"  # ISO date
    assert again.found_via == "LinkedIn connection since 30 Nov 2025"  # 30/11/2025, day first
    assert parsed.blank_rows == 0


def test_awkward_rows_keep_their_own_line_numbers() -> None:
    parsed = parse_linkedin(FIXTURES / "awkward_rows.csv")
    assert names(parsed) == ["Ines Carvalho", "Wen Li", "Ada Moreau"]
    ines, wen, ada = parsed.contacts
    assert ines.title == "VP Sales Southern Europe"  # a line break inside quotes, folded
    assert wen.email == ""
    assert parsed.rows[2].reason.startswith("email left out")
    assert "“someday” is not a date" in parsed.rows[2].reason
    assert wen.found_via == "LinkedIn connection"
    assert ada.profile_url == "https://linkedin.com/in/ada-moreau"  # scheme added
    assert ada.found_via == "LinkedIn connection since 31 Dec 2019"
    assert errors(parsed) == [
        (4, "8 values where the header has 7 columns (a comma outside quotes?)"),
        (6, "The contact's name is 159 characters; the limit is 120."),
    ]
    assert parsed.rows[1].who == "Tomas Ruiz"
    assert parsed.rows[3].who.startswith("Maximiliana Maximiliana")
    assert parsed.rows[3].who.endswith("…")
    assert parsed.rows[2].reason == (
        "email left out: “wen.li(at)example.com” does not look like an email address "
        "(name@company.com); date connected left out: “someday” is not a date"
    )
    # Ines's row spans lines 2-3, so everyone after her is one line further down.
    assert [row.line for row in parsed.rows] == [2, 4, 5, 6, 7]


def test_a_row_with_only_a_last_name_still_imports() -> None:
    parsed = parse_linkedin_text(HEADER + ",Okonkwo,,,Delta Mills,,\n")
    assert names(parsed) == ["Okonkwo"]


# --- files refused whole -----------------------------------------------------------------


def test_wrong_columns_are_refused_naming_what_is_missing() -> None:
    with pytest.raises(ImportFailed, match=r"First Name and Last Name are missing") as error:
        parse_linkedin(FIXTURES / "wrong_columns.csv")
    assert "Its first row has: Name, Phone, Email" in str(error.value)


def test_a_header_without_last_name_names_that_column() -> None:
    with pytest.raises(ImportFailed, match="has no Last Name column") as error:
        parse_linkedin(FIXTURES / "no_last_name.csv")
    assert "Surname" in str(error.value)  # what the header does have


def test_a_header_with_nobody_under_it_is_refused() -> None:
    with pytest.raises(ImportFailed, match="no connections"):
        parse_linkedin(FIXTURES / "header_only.csv")


def test_a_file_that_is_not_utf8_is_refused_naming_the_line() -> None:
    with pytest.raises(ImportFailed, match=r"latin1.csv is not UTF-8 text.*line 2"):
        parse_linkedin(FIXTURES / "latin1.csv")


def test_utf16_and_binary_files_are_refused() -> None:
    utf16 = (HEADER + "Ana,Lima,,,,,\n").encode("utf-16")
    with pytest.raises(ImportFailed, match="UTF-16"):
        parse_linkedin_bytes(utf16)
    with pytest.raises(ImportFailed, match="zip or spreadsheet"):
        parse_linkedin_bytes(b"PK\x03\x04rest of an xlsx")
    with pytest.raises(ImportFailed, match="not a text file"):
        parse_linkedin_bytes(b"First\x00Name")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("contacts.vcf", "is not a LinkedIn CSV file"),
        ("Basic_LinkedInDataExport.zip", "Unzip it first"),
        ("Connections.xlsx", "is not a LinkedIn CSV file"),
    ],
)
def test_wrong_file_types_are_refused(tmp_path: Path, name: str, message: str) -> None:
    path = tmp_path / name
    path.write_text("anything")
    with pytest.raises(ImportFailed, match=message):
        parse_linkedin(path)


def test_missing_file_folder_and_empty_file_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match="There is no file"):
        parse_linkedin(tmp_path / "missing.csv")
    (tmp_path / "folder.csv").mkdir()
    with pytest.raises(ImportFailed, match="is a folder"):
        parse_linkedin(tmp_path / "folder.csv")
    (tmp_path / "empty.csv").write_bytes(codecs.BOM_UTF8 + b"\r\n")
    with pytest.raises(ImportFailed, match="is empty"):
        parse_linkedin(tmp_path / "empty.csv")


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "Connections.csv"
    with big.open("wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.truncate(50 * 1024 * 1024)
    assert big.stat().st_size > MAX_BYTES
    started = time.perf_counter()
    with pytest.raises(ImportFailed, match="50 MB, more than the 20 MB"):
        parse_linkedin(big)
    assert time.perf_counter() - started < 1


def test_a_field_bigger_than_csv_allows_is_refused_not_a_crash() -> None:
    with pytest.raises(ImportFailed, match="cannot be read as CSV"):
        parse_linkedin_text(HEADER + 'Ana,"' + "x" * 200_000 + '",,,,,\n')


# --- dates and small pieces --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("04 Mar 2024", date(2024, 3, 4)),
        ("4 Mar 2024", date(2024, 3, 4)),
        ("04 March 2024", date(2024, 3, 4)),
        ("29 Feb 2024", date(2024, 2, 29)),
        ("2024-03-04", date(2024, 3, 4)),
        ("04/03/2024", date(2024, 3, 4)),  # a spreadsheet's rewrite, read day first
        ("31 Feb 2024", None),
        ("12 Mar", None),  # no year: not a guess worth saving
        ("soon", None),
        ("", None),
    ],
)
def test_connected_on_dates(text: str, expected: date | None) -> None:
    assert connected_on(text) == expected


def test_found_via_uses_english_month_names() -> None:
    assert describe_connection(date(2021, 9, 1)) == "LinkedIn connection since 1 Sep 2021"
    assert describe_connection(None) == "LinkedIn connection"


def test_progress_is_reported_for_big_files() -> None:
    body = "".join(f"P{i},Q,https://linkedin.com/in/p{i},,Co,,01 Jan 2024\n" for i in range(1_200))
    calls: list[tuple[int, int]] = []
    parsed = parse_linkedin_text(
        HEADER + body, progress=lambda done, total: calls.append((done, total))
    )
    assert len(parsed.contacts) == 1_200
    assert calls == [(500, 1_200), (1_000, 1_200), (1_200, 1_200)]


cell = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from(',"\n'),
    max_size=30,
)


@settings(max_examples=60, deadline=None)
@given(first=cell, last=cell, company=cell)
def test_anything_csv_can_quote_reads_back(first: str, last: str, company: str) -> None:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["First Name", "Last Name", "Company"])
    writer.writerow([first, last, company])
    writer.writerow(["Anchor", "Row", ""])
    parsed = parse_linkedin_text(out.getvalue())
    *maybe, anchor = parsed.rows
    assert anchor.contact is not None and anchor.contact.name == "Anchor Row"
    for row in maybe:  # the odd row is a person, an error or blank, never a crash
        assert row.status in (RowStatus.IMPORTED, RowStatus.ERROR)
        if row.contact is not None:
            # Names are stored NFC-normalised, so a compatibility character reads back as
            # its canonical twin (U+F900 becomes U+8C48, which looks the same).
            typed = unicodedata.normalize("NFC", " ".join(f"{first} {last}".split()))
            assert typed == row.contact.name


# --- planning: duplicates, companies, accounts -------------------------------------------


def test_duplicates_in_the_file_and_in_coach_are_skipped_with_a_reason() -> None:
    parsed = parse_linkedin(FIXTURES / "Connections.csv")
    existing = [Contact("Priya R.", profile_url="https://linkedin.com/in/priya-rahman")]
    plan = plan_import(parsed, existing)
    assert [c.name for c in plan.contacts] == ["Greta Lindqvist", "Hiro Tanaka", "Zoë Ñúñez-Ōkubo"]
    skipped = [(row.line, row.reason) for row in plan.rows if row.status is RowStatus.SKIPPED]
    assert skipped == [(8, "already in coach"), (9, "same person as line 5")]
    assert (plan.already_in_coach, plan.repeated_in_file) == (1, 1)
    assert plan.count(RowStatus.ERROR) == 1
    assert plan.blank_rows == 2
    assert [row.status for row in plan.rows if row.line == 5] == [RowStatus.IMPORTED]


def test_without_a_link_the_same_name_at_the_same_company_is_the_same_person() -> None:
    plan = plan_import(parse_linkedin(FIXTURES / "reordered.csv"), [])
    assert [c.name for c in plan.contacts] == ["Amara Okafor", "Jonas Baptiste"]
    assert [row.reason for row in plan.rows if row.status is RowStatus.SKIPPED] == [
        "same person as line 3"
    ]


def test_two_people_with_one_name_but_different_profiles_are_both_kept() -> None:
    text = HEADER + (
        "Sam,Lee,https://www.linkedin.com/in/sam-lee-1,,Acme,,\n"
        "Sam,Lee,https://www.linkedin.com/in/sam-lee-2,,Acme,,\n"
        "Sam,Lee,,,Acme,,\n"  # no link: could be either, so it is a repeat
    )
    plan = plan_import(parse_linkedin_text(text), [])
    assert len(plan.contacts) == 2
    assert plan.repeated_in_file == 1


def test_people_are_grouped_by_company_ignoring_case() -> None:
    people = [Contact("A", company="Meridian Dairy"), Contact("B", company="MERIDIAN DAIRY"),
              Contact("C", company="Kestrel"), Contact("D")]  # fmt: skip
    groups = group_by_company(people)
    assert list(groups) == ["Meridian Dairy", "", "Kestrel"]
    assert [c.name for c in groups["Meridian Dairy"]] == ["A", "B"]


def test_people_join_the_account_named_like_their_company_or_the_one_given() -> None:
    parsed = parse_linkedin(FIXTURES / "Connections.csv")
    plan = plan_import(parsed, [], accounts_by_name={"NORDVALE FOODS": "acc-1"})
    placed = {c.name: c.account_uid for c in plan.contacts}
    assert placed["Greta Lindqvist"] == "acc-1"
    assert placed["Hiro Tanaka"] == ""
    assert plan.placed == 1
    assert [c.name for c in plan.by_company["Nordvale Foods"]] == ["Greta Lindqvist"]
    everyone = plan_import(parsed, [], "acc-2")
    assert {c.account_uid for c in everyone.contacts} == {"acc-2"}


def test_account_names_match_ignoring_case_and_unknown_ones_are_refused() -> None:
    accounts = {"u1": "Nordvale Foods", "u2": "Kestrel Foundry"}
    assert find_account(accounts, "  nordvale FOODS ") == "u1"
    with pytest.raises(ImportFailed) as error:
        find_account(accounts, "Nowhere Ltd")
    message = str(error.value)
    assert "There is no account called “Nowhere Ltd”" in message
    assert "“Kestrel Foundry”, “Nordvale Foods”" in message
    assert "a, then n" in message
    with pytest.raises(ImportFailed, match="no accounts in coach yet"):
        find_account({}, "Anything")


def test_apply_import_saves_everything_in_one_call() -> None:
    class Contacts:
        def __init__(self) -> None:
            self.calls: list[list[Contact]] = []

        def save_many(self, contacts) -> None:
            self.calls.append(list(contacts))

    class Repo:
        contacts = Contacts()

    repo = Repo()
    plan = plan_import(parse_linkedin(FIXTURES / "Connections.csv"), [])
    assert apply_import(repo, plan) == 4
    assert [len(batch) for batch in repo.contacts.calls] == [4]
    empty = plan_import(parse_linkedin(FIXTURES / "Connections.csv"), plan.contacts)
    assert apply_import(repo, empty) == 0
    assert len(repo.contacts.calls) == 1  # nothing new, no write at all
