"""`coach import linkedin|vcard FILE`: read and check the whole file, then save in one write.

The file is read before the data folder is even opened, so a refused file leaves no trace.
Big files get a progress bar on a terminal; every run ends with a summary: how many were
imported, skipped and why, which rows could not be read, and the companies they work at.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table
from rich.text import Text

from coach_tui.commands.console import CommandConsole
from coach_tui.commands.output import counted, data, line
from coach_tui.commands.streams import print_error
from coach_tui.interop.errors import ImportFailed
from coach_tui.interop.importer import ImportPlan
from coach_tui.interop.results import ParsedFile, RowResult, RowStatus
from coach_tui.interop.results import Progress as ProgressCallback
from coach_tui.model.wording import noun_for, numeral
from coach_tui.services.contact_import import apply, plan_for, read_file
from coach_tui.store.folder import FolderKind, inspect_folder
from coach_tui.store.repository import Repository

PROGRESS_ROWS = 2_000  # below this a file reads in a blink; a bar would only flicker
REPORT_ROWS = 30
REPORT_COMPANIES = 12


@contextmanager
def row_progress(out: Console) -> Iterator[ProgressCallback]:
    """A progress callback that shows a bar only for big files on a real terminal."""
    bar: Progress | None = None
    task = None

    def update(done: int, total: int) -> None:
        nonlocal bar, task
        if bar is None:
            if total <= PROGRESS_ROWS or not out.is_terminal:
                return
            bar = Progress(
                TextColumn("Reading"),
                BarColumn(),
                MofNCompleteColumn(),
                console=out,
                transient=True,
            )
            bar.start()
            task = bar.add_task("read", total=total)
        if task is not None:
            bar.update(task, completed=done, total=total)

    try:
        yield update
    finally:
        if bar is not None:
            bar.stop()


def _status(row: RowResult, *, dry_run: bool) -> Text:
    if row.status is RowStatus.IMPORTED:
        return line("would import" if dry_run else "imported", style="green")
    if row.status is RowStatus.SKIPPED:
        return line("skipped", style="yellow")
    return line("not readable", style="red")


def _worth_a_look(plan: ImportPlan) -> list[RowResult]:
    """Every row of a small file; in a big one, rows not read and people missing a detail
    (the skipped ones are only counted: a re-import would list thousands)."""
    if len(plan.rows) <= REPORT_ROWS:
        return list(plan.rows)
    noted = {id(row) for row in plan.with_notes}
    return [row for row in plan.rows if row.status is RowStatus.ERROR or id(row) in noted]


def _print_summary(plan: ImportPlan, out: Console, *, dry_run: bool) -> None:
    verb = "Would import" if dry_run else "Imported"
    placed = f", {numeral(plan.placed)} onto an account" if plan.placed else ""
    out.print(line(f"{verb} ", line(numeral(len(plan.contacts)), style="bold"), " from ",
                   data(plan.source), f"{placed}."), soft_wrap=True)  # fmt: skip
    summary = Table(show_header=False, box=None, padding=(0, 2, 0, 0))
    summary.add_column(justify="right")
    summary.add_column()
    summary.add_row(
        line(numeral(len(plan.contacts))), line("would be imported" if dry_run else "imported")
    )
    for count, what in (
        (len(plan.with_notes), "  of them with a detail left out"),
        (plan.already_in_coach, "skipped: already in coach — see People in the app (p)"),
        (plan.repeated_in_file, "skipped: the same person twice in this file"),
        (plan.count(RowStatus.ERROR), "not readable (listed below)"),
        (plan.blank_rows, f"blank {noun_for(plan.blank_rows, 'row')} passed over"),
    ):
        if count:
            summary.add_row(line(numeral(count)), line(what))
    out.print(summary)


def _print_companies(plan: ImportPlan, out: Console, accounts: dict[str, str]) -> None:
    if not plan.by_company:
        return
    table = Table(title="By company", title_justify="left", header_style="bold")
    table.add_column("company")
    table.add_column("people", justify="right")
    table.add_column("account")
    for company, people in list(plan.by_company.items())[:REPORT_COMPANIES]:
        uids = {contact.account_uid for contact in people if contact.account_uid}
        account = ", ".join(sorted(accounts.get(uid, "") for uid in uids))
        table.add_row(data(company or "(no company)"), line(numeral(len(people))), data(account))
    out.print(table)
    if len(plan.by_company) > REPORT_COMPANIES:
        more = len(plan.by_company) - REPORT_COMPANIES
        out.print(line(f"… and {counted(more, 'more company', 'more companies')}."))


def _print_rows(plan: ImportPlan, out: Console, *, dry_run: bool) -> None:
    shown = _worth_a_look(plan)
    if not shown:
        return
    table = Table(title="Rows", title_justify="left", header_style="bold")
    table.add_column("line", justify="right")
    table.add_column("who")
    table.add_column("what")
    table.add_column("why", overflow="fold")
    for row in shown[:REPORT_ROWS]:
        table.add_row(
            line(str(row.line)), data(row.who), _status(row, dry_run=dry_run), data(row.reason)
        )
    out.print(table)
    if len(shown) > REPORT_ROWS:
        out.print(line(f"… and {counted(len(shown) - REPORT_ROWS, 'more row')} like these."))


def print_report(
    plan: ImportPlan, out: Console, *, dry_run: bool, accounts: dict[str, str] | None = None
) -> None:
    """The counts, then the companies, then the rows worth a look. `accounts` is uid → name."""
    _print_summary(plan, out, dry_run=dry_run)
    _print_companies(plan, out, accounts or {})
    _print_rows(plan, out, dry_run=dry_run)
    if dry_run:
        out.print("Dry run: nothing was saved.")


def _check_before_creating(data_dir: Path, parsed: ParsedFile, account: str | None) -> None:
    """Plan against the folder before opening it for writing would fill it with coach's
    files (a new or empty folder), so a refusal creates nothing."""
    with Repository.open(data_dir, read_only=True, missing_ok=True) as preview:
        plan_for(preview, parsed, account)


def run_import(
    data_dir: Path,
    kind: str,
    path: Path,
    *,
    account: str | None = None,
    dry_run: bool = False,
    console: Console | None = None,
) -> int:
    """0 when the file was read (and saved unless a dry run); 1 when it was refused whole.

    A dry run opens the data read-only, so it works while coach is open and writes nothing.
    """
    out = console or CommandConsole()
    try:
        with row_progress(out) as progress:
            parsed = read_file(kind, path, progress)
        if not dry_run and inspect_folder(data_dir).kind in (FolderKind.MISSING, FolderKind.EMPTY):
            _check_before_creating(data_dir, parsed, account)
        with Repository.open(data_dir, read_only=dry_run, missing_ok=dry_run) as repo:
            plan = plan_for(repo, parsed, account)
            accounts = repo.accounts.names()
            if not dry_run:
                big = out.is_terminal and len(plan.contacts) > PROGRESS_ROWS
                saving = line(f"Saving {len(plan.contacts):,} contacts…")
                with out.status(saving) if big else nullcontext():
                    apply(repo, plan)
    except ImportFailed as error:
        print_error(f"coach: nothing imported. {error}")
        return 1
    print_report(plan, out, dry_run=dry_run, accounts=accounts)
    return 0
