"""Import contacts (LinkedIn CSV, vCard): read and plan without writing, then save in one go.

`coach import linkedin|vcard` and the app's import form run the same two steps, so the
plan a seller previews is the plan that gets saved.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from coach_tui.interop.importer import ImportPlan, apply_import, find_account, plan_import
from coach_tui.interop.linkedin import parse_linkedin
from coach_tui.interop.results import ParsedFile
from coach_tui.interop.results import Progress as ProgressCallback
from coach_tui.interop.vcard import parse_vcard
from coach_tui.store.repository import Repository

PARSERS: dict[str, Callable[[Path, ProgressCallback | None], ParsedFile]] = {
    "linkedin": parse_linkedin,
    "vcard": parse_vcard,
}


def read_file(kind: str, path: Path, progress: ProgressCallback | None = None) -> ParsedFile:
    """Parse `path` as `kind` ("linkedin" or "vcard"); `ImportFailed` if it is refused whole."""
    return PARSERS[kind](path, progress)


def plan_for(repo: Repository, parsed: ParsedFile, account: str | None) -> ImportPlan:
    """Plan against what the data folder holds; `account` is a name typed by the seller."""
    names = repo.accounts.names()
    account_uid = find_account(names, account) if account else ""
    by_name = {name: uid for uid, name in names.items()}
    return plan_import(
        parsed,
        repo.contacts.all(),
        account_uid,
        accounts_by_name=by_name,
        added_on=repo.store.today(),
    )


def prepare(
    repo: Repository,
    kind: str,
    path: Path,
    account: str | None,
    progress: ProgressCallback | None = None,
) -> ImportPlan:
    """Read and plan without writing: the step the import form runs in a worker."""
    return plan_for(repo, read_file(kind, path, progress), account)


def apply(repo: Repository, plan: ImportPlan) -> int:
    """Save the plan's new contacts in one write (all or none); how many were saved."""
    return apply_import(repo, plan)
