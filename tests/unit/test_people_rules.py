"""Which people an account takes in, which record a new person repeats, what a merge keeps."""

from datetime import date

import pytest

from coach_tui.coaching.people import (
    PeopleSort,
    filter_people,
    likely_duplicates,
    merged,
    people_of_company,
    person_rows,
    sort_people,
    survivor_of,
)
from coach_tui.model.contact import BuyingRole, Contact, Relationship
from coach_tui.model.errors import ValidationError


def test_an_account_takes_in_the_unplaced_people_of_its_company() -> None:
    corvid = [
        Contact("Ana", company="Corvid Analytics, Inc."),
        Contact("Bo", company="CORVID ANALYTICS"),
        Contact("Cy", company="Córvid Analytics Ltd"),
    ]
    others = [
        Contact("Di", company="Corvid Analytics", account_uid="elsewhere"),  # already placed
        Contact("Ed", company="Corvid Analysis"),
        Contact("Fay", company=""),
    ]
    assert people_of_company([*corvid, *others], "Corvid Analytics") == corvid


def test_an_empty_account_name_takes_in_nobody() -> None:
    assert people_of_company([Contact("Fay", company="")], "  ") == []


@pytest.mark.parametrize(
    ("typed", "is_duplicate"),
    [
        (Contact("Ana Silva", company="Corvid Analytics"), True),
        (Contact("ANA  SILVA", company="Corvid Analytics Inc."), True),  # case, spaces, form
        (Contact("Ána Silva", company="corvid analytics"), True),  # accents
        (Contact("Someone Else", email="ANA@corvid.io"), True),  # the same email
        (Contact("A. Silva", profile_url="linkedin.com/in/anasilva/"), True),  # the same link
        (Contact("Ana Silva", company="Nordvale Foods"), False),  # another company
        (Contact("Ana Silvestre", company="Corvid Analytics"), False),
    ],
)
def test_likely_duplicates(typed: Contact, is_duplicate: bool) -> None:
    stored = Contact(
        "Ana Silva",
        company="Corvid Analytics",
        email="ana@corvid.io",
        profile_url="https://www.linkedin.com/in/anasilva",
    )
    assert likely_duplicates(typed, [stored]) == ([stored] if is_duplicate else [])


def test_a_person_is_not_their_own_duplicate() -> None:
    ana = Contact("Ana Silva", company="Corvid Analytics")
    assert likely_duplicates(ana, [ana]) == []


def test_merge_keeps_what_only_one_record_knew() -> None:
    keep = Contact("Ana Silva", account_uid="acc", title="CFO", role=BuyingRole.UNKNOWN,
                   relationship=Relationship.WORKING, what_matters="Costs",
                   added_on=date(2026, 11, 1))  # fmt: skip
    other = Contact("ana silva", company="Corvid", email="ana@corvid.io", title="Finance",
                    role=BuyingRole.ECONOMIC_BUYER, relationship=Relationship.WEAK,
                    what_matters="Grid losses", added_on=date(2026, 3, 1))  # fmt: skip
    result = merged(keep, other)
    assert result.uid == keep.uid and result.name == "Ana Silva"
    assert result.title == "CFO"  # the kept record's own detail wins
    assert (result.company, result.email) == ("Corvid", "ana@corvid.io")
    assert result.role is BuyingRole.ECONOMIC_BUYER
    assert result.relationship is Relationship.WORKING
    assert result.what_matters == "Costs\n\nGrid losses"
    assert result.added_on == date(2026, 3, 1)
    assert result.account_uid == "acc"


def test_merge_refuses_notes_too_long_together() -> None:
    keep = Contact("Ana", what_matters="a" * 1500)
    other = Contact("Ana", what_matters="b" * 1500)
    with pytest.raises(ValidationError, match="Nothing was merged"):
        merged(keep, other)


def test_the_record_with_history_stays() -> None:
    imported, by_hand = Contact("Ana"), Contact("Ana", account_uid="acc")
    assert survivor_of(by_hand, imported, set()) == (by_hand, imported)  # on an account
    assert survivor_of(imported, by_hand, set()) == (by_hand, imported)
    assert survivor_of(by_hand, imported, {imported.uid}) == (imported, by_hand)  # history
    assert survivor_of(Contact("A"), second := Contact("A"), set())[0] is second


def test_two_records_with_history_are_not_merged() -> None:
    first, second = Contact("Ana"), Contact("Ana")
    with pytest.raises(ValidationError, match="Both are kept"):
        survivor_of(first, second, {first.uid, second.uid})


def test_unplaced_first_then_by_company_name_or_account() -> None:
    rows = person_rows(
        [
            Contact("Zed", company="Acme", account_uid="n"),
            Contact("Åsa", company="Østfold"),
            Contact("Ben", company="Corvid"),
            Contact("Cat", company=""),
        ],
        {"n": "Nordvale"},
    )
    by = {sort: [r.contact.name for r in sort_people(rows, sort)] for sort in PeopleSort}
    assert by[PeopleSort.COMPANY] == ["Ben", "Åsa", "Cat", "Zed"]  # no company: last
    assert by[PeopleSort.NAME] == ["Åsa", "Ben", "Cat", "Zed"]
    assert [r.contact.name for r in filter_people(rows, "NORDV")] == ["Zed"]  # account too
