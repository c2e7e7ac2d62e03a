"""`coach import linkedin|vcard FILE`: read, plan, then save everything in one write."""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from coach_tui.interop.errors import ImportFailed
from coach_tui.interop.importer import ImportPlan, plan_import
from coach_tui.interop.linkedin import parse_linkedin
from coach_tui.interop.results import ParsedFile, RowStatus
from coach_tui.interop.vcard import parse_vcard
from coach_tui.store.repository import Repository

PARSERS = {"linkedin": parse_linkedin, "vcard": parse_vcard}
REPORT_ROWS = 30


def find_account(repo: Repository, name: str) -> str:
    """The uid of the account called `name` (ignoring case), or `ImportFailed`."""
    wanted = name.strip().casefold()
    for uid, account_name in repo.accounts.names().items():
        if account_name.casefold() == wanted:
            return uid
    raise ImportFailed(
        f"There is no account called “{name}”. Add it in coach first (a, then n), "
        "or leave out --account to match people to accounts by their company."
    )


def prepare(repo: Repository, kind: str, path: Path, account: str | None) -> ImportPlan:
    """Read and plan without writing: the same step the app's import screen uses."""
    parsed: ParsedFile = PARSERS[kind](path)
    account_uid = find_account(repo, account) if account else ""
    names = {name: uid for uid, name in repo.accounts.names().items()}
    return plan_import(parsed, repo.contacts.all(), account_uid=account_uid, accounts_by_name=names)


def print_report(plan: ImportPlan, out: Console, *, dry_run: bool) -> None:
    verb = "Would import" if dry_run else "Imported"
    out.print(
        f"{verb} [bold]{len(plan.contacts)}[/] from {escape(plan.source)} · "
        f"{plan.count(RowStatus.SKIPPED)} skipped · {plan.count(RowStatus.ERROR)} not readable"
        + (f" · {plan.placed} matched to an account" if plan.placed else "")
    )
    problems = [row for row in plan.rows if row.status is not RowStatus.READY]
    if problems:
        table = Table(title="Rows not imported", show_header=True, header_style="bold")
        table.add_column("line", justify="right")
        table.add_column("what")
        table.add_column("why")
        for row in problems[:REPORT_ROWS]:
            who = row.contact.name if row.contact else ""
            table.add_row(str(row.line), escape(who), escape(row.reason))
        out.print(table)
        if len(problems) > REPORT_ROWS:
            out.print(f"… and {len(problems) - REPORT_ROWS} more rows like these.")
    if plan.by_company:
        top = list(plan.by_company.items())[:10]
        out.print("By company: " + ", ".join(f"{escape(c)} {n}" for c, n in top))


def run_import(
    data_dir: Path,
    kind: str,
    path: Path,
    *,
    account: str | None = None,
    dry_run: bool = False,
    console: Console | None = None,
) -> int:
    """Exit code 0 when the file was read (and saved unless a dry run), 1 when refused."""
    out = console or Console()
    err = Console(stderr=True) if console is None else console
    repo = Repository.open(data_dir)
    try:
        try:
            with out.status("Reading…", spinner="dots") if out.is_terminal else nullcontext():
                plan = prepare(repo, kind, path, account)
        except ImportFailed as error:
            err.print(f"[red]Nothing imported:[/] {escape(str(error))}")
            return 1
        if not dry_run and plan.contacts:
            repo.contacts.save_many(plan.contacts)
    finally:
        repo.close()
    print_report(plan, out, dry_run=dry_run)
    return 0
