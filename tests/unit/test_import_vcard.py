"""Reading vCard 3.0 and 4.0 files: folds, parameters, escapes, and cards that are broken."""

from pathlib import Path

import pytest

from coach_tui.interop.errors import ImportFailed
from coach_tui.interop.importer import plan_import
from coach_tui.interop.linkedin import parse_linkedin
from coach_tui.interop.results import RowStatus
from coach_tui.interop.vcard import (
    components,
    parse_vcard,
    parse_vcard_bytes,
    parse_vcard_text,
    split_property,
    unescape,
    unfold,
)

FIXTURES = Path(__file__).parent.parent / "fixtures" / "import"


def errors(parsed) -> list[tuple[int, str]]:
    return [(row.line, row.reason) for row in parsed.rows if row.status is RowStatus.ERROR]


def test_vcards_3_and_4_with_folds_params_and_escapes() -> None:
    parsed = parse_vcard(FIXTURES / "contacts.vcf")
    anouk, bruno, sanjay = parsed.contacts
    assert anouk.name == "Anouk Eklund"
    assert anouk.title == "Director of Operations, EMEA"  # an escaped comma
    assert anouk.company == "Harbor Freight Lines"  # first ORG component only
    assert anouk.email == "anouk.eklund@example.com"  # EMAIL;TYPE=INTERNET;TYPE=WORK:
    assert anouk.phone == "+46 70 123 45 67"
    assert anouk.found_via == "Address book (vCard)"
    assert bruno.title == "Head of Data Platform Engineering"  # a folded line joined back
    assert bruno.phone == "+1-555-0100"  # a tel: link, with a quoted parameter before it
    assert bruno.profile_url == "https://www.linkedin.com/in/bruno-castell"  # LinkedIn preferred
    assert sanjay.name == "Sanjay Rahman"  # from N when there is no FN


def test_malformed_cards_are_reported_with_their_first_line_and_the_rest_read() -> None:
    parsed = parse_vcard(FIXTURES / "contacts.vcf")
    assert errors(parsed) == [(23, "no name (FN or N)"), (28, "card has no END:VCARD")]
    assert [row.who for row in parsed.rows] == [
        "Anouk Eklund", "Bruno Castell", "Nameless Inc", "Cut Off", "Sanjay Rahman",
    ]  # fmt: skip
    # The card cut off at line 28 does not swallow the one that begins on line 31.
    assert parsed.rows[-1].line == 31


def test_a_phone_export_with_groups_tabs_links_and_a_stray_end() -> None:
    parsed = parse_vcard(FIXTURES / "phone_export.vcf")
    lucia, kwame = parsed.contacts
    assert lucia.name == "Lucía Fernández"
    assert lucia.company == "Verde; Sol Cooperativa"  # item1. group, escaped semicolon
    assert lucia.title == "Jefa de Compras Iberia"  # \n escape, folded onto one line
    assert lucia.email == "lucia@verdesol.example"  # the first EMAIL, mailto: dropped
    assert lucia.phone == "+34-91-555-0134"  # tel: link, colon inside a quoted parameter
    assert lucia.profile_url == "https://www.linkedin.com/in/lucia-fernandez"  # X-SOCIALPROFILE
    assert kwame.name == "Kwame Ato Osei"  # from N, lowercase property names
    assert kwame.company == "Asante Textiles"
    assert kwame.phone == ""
    assert parsed.rows[2].reason.startswith("phone left out: “call the front desk”")
    assert errors(parsed) == [(14, "END:VCARD without BEGIN")]


def test_a_vcard_and_a_linkedin_row_for_one_person_are_one_person() -> None:
    linkedin = plan_import(parse_linkedin(FIXTURES / "Connections.csv"), [])
    card = (
        "BEGIN:VCARD\nVERSION:3.0\nFN:Hiro Tanaka\nORG:Tanaka\\, Ueda & Partners\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Greta Lindqvist\n"
        "URL:http://linkedin.com/in/Greta-Lindqvist-0a1b2c/?trk=x\nEND:VCARD\n"
    )
    plan = plan_import(parse_vcard_text(card), linkedin.contacts)
    assert plan.contacts == ()
    assert plan.already_in_coach == 2  # by name and company; by profile link


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BEGIN:VCARD\r\nNOTE:one\r\n two\r\n\tthree\r\n",
         [(1, "BEGIN:VCARD"), (2, "NOTE:onetwothree"), (5, "")]),
        ("A:1\nB:2\rC:3", [(1, "A:1"), (2, "B:2"), (3, "C:3")]),
    ],
)  # fmt: skip
def test_unfold(text: str, expected: list[tuple[int, str]]) -> None:
    assert unfold(text) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("FN:Ana Lima", ("FN", "Ana Lima")),
        ("item3.EMAIL;TYPE=work:ana@example.com", ("EMAIL", "ana@example.com")),
        ('TEL;TYPE="a:b";VALUE=uri:tel:+1-555', ("TEL", "tel:+1-555")),
        ("url:https://example.com/x", ("URL", "https://example.com/x")),
        ("no colon here", None),
    ],
)
def test_split_property(line: str, expected: tuple[str, str] | None) -> None:
    assert split_property(line) == expected


def test_escapes_and_components() -> None:
    assert unescape(r"a\, b\; c\\d\ne") == "a, b; c\\d\ne"
    assert components(r"Acme\; Sons;Sales;") == ["Acme; Sons", "Sales", ""]


def test_unterminated_last_card_is_an_error() -> None:
    parsed = parse_vcard_text("BEGIN:VCARD\nFN:Ana Lima\n")
    assert errors(parsed) == [(1, "card has no END:VCARD")]
    assert parsed.rows[0].who == "Ana Lima"


def test_a_vcard_file_without_cards_is_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty.vcf"
    empty.write_text("hello\n")
    with pytest.raises(ImportFailed, match="no contact cards"):
        parse_vcard(empty)


def test_wrong_type_and_encoding_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match="is not a vCard file"):
        parse_vcard(FIXTURES / "Connections.csv")
    latin = "BEGIN:VCARD\nFN:José Müller\nEND:VCARD\n".encode("latin-1")
    with pytest.raises(ImportFailed, match=r"not UTF-8 text.*line 2.*as vCard"):
        parse_vcard_bytes(latin, "old.vcf")


def test_progress_counts_cards() -> None:
    text = "".join(f"BEGIN:VCARD\nFN:P{i}\nEND:VCARD\n" for i in range(1_001))
    calls: list[tuple[int, int]] = []
    parse_vcard_text(text, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(500, 1_001), (1_000, 1_001), (1_001, 1_001)]


def test_vcard_21_quoted_printable_is_decoded_in_its_character_set() -> None:
    parsed = parse_vcard(FIXTURES / "outlook_21.vcf")
    jurgen = parsed.contacts[0]
    assert jurgen.name == "Jürgen Müller-Schönfeld"  # a soft line break inside "ö"
    assert jurgen.company == "Bäckerei Grün"  # a bare QUOTED-PRINTABLE parameter
    assert jurgen.title == "Geschäftsführer"  # CHARSET=ISO-8859-1


def test_a_card_in_an_unknown_character_set_is_refused_with_the_reason() -> None:
    parsed = parse_vcard(FIXTURES / "outlook_21.vcf")
    assert errors(parsed) == [(26, "FN is in a character set coach does not know: KLINGON-8")]


def test_the_preferred_email_and_phone_are_kept() -> None:
    jurgen, ines, tomas = parse_vcard(FIXTURES / "outlook_21.vcf").contacts
    assert (jurgen.email, jurgen.phone) == ("juergen@baeckerei-gruen.example", "+49 170 555 0102")
    assert ines.email == "ines@duarte.example"  # PREF=1 before PREF=2 and unmarked
    assert tomas.email == "tomas@berg.example"  # TYPE="INTERNET,pref"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FN;ENCODING=QUOTED-PRINTABLE:J=C3=BC=\r\nrgen\r\nEND:VCARD",
         [(1, "FN;ENCODING=QUOTED-PRINTABLE:J=C3=BC=\nrgen"), (3, "END:VCARD")]),
        ("NOTE:ends with =\r\nEND:VCARD", [(1, "NOTE:ends with ="), (2, "END:VCARD")]),
    ],
)  # fmt: skip
def test_a_soft_line_break_continues_only_a_quoted_printable_value(
    text: str, expected: list[tuple[int, str]]
) -> None:
    assert unfold(text) == expected
