"""`coach import`: end to end through the command line, the whole file or nothing."""

import io
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rich.console import Console

from coach_tui.cli import build_parser, main
from coach_tui.commands.import_contacts import PROGRESS_ROWS, row_progress
from coach_tui.model.account import Account
from coach_tui.store.repository import Repository

FIXTURES = Path(__file__).parent.parent / "fixtures" / "import"
CONNECTIONS = str(FIXTURES / "Connections.csv")
CARDS = str(FIXTURES / "contacts.vcf")


def contacts_in(data_dir: Path) -> list:
    repo = Repository.open(data_dir, read_only=True)
    try:
        return repo.contacts.all()
    finally:
        repo.close()


def with_account(data_dir: Path, name: str) -> Account:
    repo = Repository.open(data_dir)
    try:
        account = Account(name)
        repo.accounts.save(account)
        return account
    finally:
        repo.close()


def test_import_accepts_data_before_or_after_and_its_options() -> None:
    parser = build_parser()
    args = parser.parse_args(["--data", "/a", "import", "linkedin", "C.csv", "--dry-run"])
    assert (args.data, args.kind, args.file, args.dry_run) == (
        "/a",
        "linkedin",
        Path("C.csv"),
        True,
    )
    args = parser.parse_args(["import", "vcard", "x.vcf", "--account", "Acme", "--data", "/b"])
    assert (args.data, args.kind, args.account, args.dry_run) == ("/b", "vcard", "Acme", False)


def test_linkedin_import_saves_new_people_and_reports_every_row(tmp_path: Path, capsys) -> None:
    data = tmp_path / "data"
    assert main(["import", "linkedin", CONNECTIONS, "--data", str(data)]) == 0
    out = capsys.readouterr().out
    assert "Imported 4 from Connections.csv." in out
    for line in ("1  skipped: the same person twice in this file",
                 "1  not readable (listed below)", "2  blank rows passed over"):  # fmt: skip
        assert line in out
    assert "same person as line 5" in out
    assert "no first or last name" in out
    assert "Tanaka, Ueda & Partners" in out  # the by-company table
    saved = {c.name: c for c in contacts_in(data)}
    assert sorted(saved) == ["Greta Lindqvist", "Hiro Tanaka", "Priya Rahman", "Zoë Ñúñez-Ōkubo"]
    assert saved["Hiro Tanaka"].found_via == "LinkedIn connection since 17 Jan 2023"
    assert saved["Hiro Tanaka"].account_uid == ""  # no account of that name: waits unplaced


def test_importing_the_same_file_again_adds_nobody(tmp_path: Path, capsys) -> None:
    data = tmp_path / "data"
    assert main(["import", "linkedin", CONNECTIONS, "--data", str(data)]) == 0
    capsys.readouterr()
    assert main(["import", "linkedin", CONNECTIONS, "--data", str(data)]) == 0
    out = capsys.readouterr().out
    assert "Imported 0 from Connections.csv." in out
    assert "5  skipped: already in coach" in out  # Greta's second row too
    assert len(contacts_in(data)) == 4


def test_people_join_the_account_named_like_their_company(tmp_path: Path, capsys) -> None:
    data = tmp_path / "data"
    nordvale = with_account(data, "Nordvale Foods")
    assert main(["import", "linkedin", CONNECTIONS, "--data", str(data)]) == 0
    assert "Imported 4 from Connections.csv, 1 onto an account." in capsys.readouterr().out
    placed = {c.name: c.account_uid for c in contacts_in(data)}
    assert placed["Greta Lindqvist"] == nordvale.uid
    assert placed["Hiro Tanaka"] == ""


def test_account_option_places_everyone_and_an_unknown_account_writes_nothing(
    tmp_path: Path, capsys
) -> None:
    data = tmp_path / "data"
    account = with_account(data, "Nordvale Foods")
    assert main(["import", "vcard", CARDS, "--account", "Nowhere Ltd", "--data", str(data)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("coach: nothing imported. There is no account called “Nowhere Ltd”.")
    assert "Your accounts are “Nordvale Foods”." in err
    assert err.count("\n") == 1
    assert contacts_in(data) == []
    assert main(["import", "vcard", CARDS, "--account", "nordvale foods", "--data", str(data)]) == 0
    assert {c.account_uid for c in contacts_in(data)} == {account.uid}


def test_vcard_import_reports_broken_cards_and_saves_the_rest(tmp_path: Path, capsys) -> None:
    data = tmp_path / "data"
    assert main(["import", "vcard", CARDS, "--data", str(data)]) == 0
    out = capsys.readouterr().out
    assert "Imported 3 from contacts.vcf." in out
    assert "no name (FN or N)" in out
    assert "card has no END:VCARD" in out
    assert sorted(c.name for c in contacts_in(data)) == [
        "Anouk Eklund", "Bruno Castell", "Sanjay Rahman",
    ]  # fmt: skip


def test_dry_run_saves_nothing_and_does_not_create_the_folder(tmp_path: Path, capsys) -> None:
    data = tmp_path / "data"
    assert main(["import", "vcard", CARDS, "--dry-run", "--data", str(data)]) == 0
    out = capsys.readouterr().out
    assert "Would import 3 from contacts.vcf." in out
    assert "Dry run: nothing was saved." in out
    assert not data.exists()


def test_dry_run_works_while_coach_is_open(data_dir: Path, repo, capsys) -> None:
    assert main(["import", "linkedin", CONNECTIONS, "--dry-run", "--data", str(data_dir)]) == 0
    assert "Would import 4" in capsys.readouterr().out


def test_a_real_import_while_coach_is_open_is_refused_by_the_lock(
    data_dir: Path, repo, capsys
) -> None:
    assert main(["import", "linkedin", CONNECTIONS, "--data", str(data_dir)]) == 1
    assert capsys.readouterr().err.startswith("coach: another coach is already using")
    assert repo.contacts.all() == []


@pytest.mark.parametrize(
    ("kind", "fixture", "message"),
    [
        ("linkedin", "latin1.csv", "latin1.csv is not UTF-8 text"),
        ("linkedin", "wrong_columns.csv", "First Name and Last Name are missing"),
        ("linkedin", "no_last_name.csv", "has no Last Name column"),
        ("linkedin", "contacts.vcf", "contacts.vcf is not a LinkedIn CSV file"),
        ("vcard", "Connections.csv", "Connections.csv is not a vCard file"),
    ],
)
def test_a_refused_file_writes_nothing(
    tmp_path: Path, capsys, kind: str, fixture: str, message: str
) -> None:
    data = tmp_path / "data"
    assert main(["import", kind, str(FIXTURES / fixture), "--data", str(data)]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith("coach: nothing imported. ")
    assert message in captured.err
    assert captured.err.count("\n") == 1
    assert captured.out == ""
    assert not data.exists()  # the file was refused before the data folder was opened


def test_a_refused_file_leaves_existing_contacts_alone(tmp_path: Path, capsys) -> None:
    data = tmp_path / "data"
    assert main(["import", "linkedin", CONNECTIONS, "--data", str(data)]) == 0
    before = (data / "entry.json").read_bytes()
    assert main(["import", "linkedin", str(FIXTURES / "latin1.csv"), "--data", str(data)]) == 1
    assert (data / "entry.json").read_bytes() == before


def test_a_50_mb_file_is_refused_at_once(tmp_path: Path, capsys) -> None:
    big = tmp_path / "Connections.csv"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: costs nothing to make
    started = time.perf_counter()
    assert main(["import", "linkedin", str(big), "--data", str(tmp_path / "data")]) == 1
    assert time.perf_counter() - started < 1
    assert "50 MB, more than the 20 MB" in capsys.readouterr().err
    assert not (tmp_path / "data").exists()


def test_a_big_file_lists_only_the_rows_worth_a_look(tmp_path: Path, capsys) -> None:
    rows = [f"P{i},Q,https://linkedin.com/in/p{i},,Co {i % 3},,01 Jan 2024" for i in range(60)]
    rows[10] = ",,,,Nameless Co,,"
    source = tmp_path / "Connections.csv"
    source.write_text("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                      + "\n".join(rows) + "\n")  # fmt: skip
    assert main(["import", "linkedin", str(source), "--data", str(tmp_path / "data")]) == 0
    out = capsys.readouterr().out
    assert "Imported 59 from Connections.csv." in out
    assert "Nameless Co" in out
    assert "P0 Q" not in out  # clean rows of a big file are counted, not listed


def test_progress_bar_only_for_big_files_on_a_terminal() -> None:
    def shown(total: int, *, terminal: bool) -> str:
        buffer = io.StringIO()
        console = Console(file=buffer, force_terminal=terminal, width=80)
        with row_progress(console) as update:
            update(total // 2, total)
            update(total, total)
        return buffer.getvalue()

    assert "Reading" in shown(PROGRESS_ROWS + 1, terminal=True)
    assert shown(PROGRESS_ROWS, terminal=True) == ""
    assert shown(PROGRESS_ROWS * 10, terminal=False) == ""


def test_import_needs_no_textual() -> None:
    check = (
        "import sys, coach_tui.commands.import_contacts, coach_tui.interop.importer\n"
        "print(any(name.split('.')[0] == 'textual' for name in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "False"


def test_vcard_21_import_saves_accents_and_the_preferred_email(tmp_path: Path, capsys) -> None:
    data = tmp_path / "data"
    cards = str(FIXTURES / "outlook_21.vcf")
    assert main(["import", "vcard", cards, "--data", str(data)]) == 0
    out = capsys.readouterr().out
    assert "Imported 3 from outlook_21.vcf." in out
    assert "KLINGON-8" in out  # the card it could not read, with the character set named
    jurgen = next(c for c in contacts_in(data) if c.email.startswith("juergen"))
    assert (jurgen.name, jurgen.email) == (
        "Jürgen Müller-Schönfeld",
        "juergen@baeckerei-gruen.example",
    )
