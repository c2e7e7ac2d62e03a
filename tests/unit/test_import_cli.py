"""`coach import`: the whole file or nothing, with a report."""

from pathlib import Path

from coach_tui.cli import main
from coach_tui.model.account import Account
from coach_tui.store.repository import Repository

FIXTURES = Path(__file__).parent.parent / "fixtures" / "import"


def contacts_in(data_dir: Path) -> list:
    repo = Repository.open(data_dir)
    try:
        return repo.contacts.all()
    finally:
        repo.close()


def test_linkedin_import_saves_new_people_and_reports(tmp_path: Path, capsys) -> None:
    data = tmp_path / "data"
    code = main(["import", "linkedin", str(FIXTURES / "Connections.csv"), "--data", str(data)])
    out = capsys.readouterr().out
    assert code == 0
    assert "Imported 4 from Connections.csv · 1 skipped · 1 not readable" in out
    assert "no first or last name" in out
    assert len(contacts_in(data)) == 4
    # Importing again adds nobody: everyone is already there.
    assert main(["import", "linkedin", str(FIXTURES / "Connections.csv"), "--data", str(data)]) == 0
    assert "Imported 0" in capsys.readouterr().out
    assert len(contacts_in(data)) == 4


def test_account_option_places_everyone_and_an_unknown_account_writes_nothing(
    tmp_path: Path, capsys
) -> None:
    data = tmp_path / "data"
    repo = Repository.open(data)
    account = Account("Nordvale Foods")
    repo.accounts.save(account)
    repo.close()
    vcf = str(FIXTURES / "contacts.vcf")
    assert main(["import", "vcard", vcf, "--account", "Nowhere Ltd", "--data", str(data)]) == 1
    assert "no account called" in capsys.readouterr().err
    assert contacts_in(data) == []
    assert main(["import", "vcard", vcf, "--account", "nordvale foods", "--data", str(data)]) == 0
    assert {c.account_uid for c in contacts_in(data)} == {account.uid}


def test_dry_run_saves_nothing(tmp_path: Path, capsys) -> None:
    data = tmp_path / "data"
    vcf = str(FIXTURES / "contacts.vcf")
    assert main(["import", "vcard", vcf, "--dry-run", "--data", str(data)]) == 0
    assert "Would import 3" in capsys.readouterr().out
    assert contacts_in(data) == []


def test_a_refused_file_writes_nothing(tmp_path: Path, capsys) -> None:
    data = tmp_path / "data"
    bad = str(FIXTURES / "latin1.csv")
    assert main(["import", "linkedin", bad, "--data", str(data)]) == 1
    assert "Nothing imported" in capsys.readouterr().err
    assert contacts_in(data) == []
