"""Imports match people to accounts and to people already in coach by the one folding rule."""

from pathlib import Path

from coach_tui.interop.importer import plan_import
from coach_tui.interop.linkedin import parse_linkedin_text
from coach_tui.model.contact import Contact

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def test_people_join_the_account_of_their_company_whatever_its_legal_form_or_accents() -> None:
    text = HEADER + (
        'Ana,Silva,,,"Corvid Analytics, Inc.",,\n'
        "Åse,Berg,,,OSTFOLD ENERGI AS,,\n"
        "Hiro,Tanaka,,,Corvid Analysis,,\n"
        "No,Company,,,,,\n"
    )
    accounts = {"Corvid Analytics": "corvid", "Østfold Energi": "ostfold"}
    plan = plan_import(parse_linkedin_text(text), [], accounts_by_name=accounts)
    placed = {c.name: c.account_uid for c in plan.contacts}
    assert placed == {"Ana Silva": "corvid", "Åse Berg": "ostfold", "Hiro Tanaka": "",
                      "No Company": ""}  # fmt: skip


def test_a_person_already_in_coach_is_known_despite_accents_and_legal_form() -> None:
    text = HEADER + "Jose,Nunez,,,Corvid Analytics Inc.,,\n"
    stored = Contact("José Núñez", company="Corvid Analytics", account_uid="corvid")
    plan = plan_import(parse_linkedin_text(text), [stored])
    assert plan.contacts == ()
    assert plan.already_in_coach == 1


def test_a_second_import_says_where_the_skipped_people_are(tmp_path, capsys) -> None:
    from coach_tui.cli import main

    connections = str(Path(__file__).parent.parent / "fixtures" / "import" / "Connections.csv")
    data = str(tmp_path / "data")
    assert main(["import", "linkedin", connections, "--data", data]) == 0
    capsys.readouterr()
    assert main(["import", "linkedin", connections, "--data", data]) == 0
    assert "skipped: already in coach — see People in the app (p)" in capsys.readouterr().out
