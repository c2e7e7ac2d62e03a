"""`coach import json FILE`: bring a `coach export json` file into an empty data folder.

The whole file is read and every record checked before the folder is touched, so a
refused file leaves no trace. Importing only into an empty folder means an import can
never mix two sellers' data or overwrite work; to replace a folder, use a new one.
"""

from __future__ import annotations

import shlex
from datetime import date, tzinfo
from pathlib import Path

from rich.console import Console
from rich.table import Table

from coach_tui.commands.console import CommandConsole
from coach_tui.commands.output import counted, data, line, shell_word
from coach_tui.commands.progress import progress_bars
from coach_tui.commands.streams import print_error
from coach_tui.interop.errors import ImportFailed
from coach_tui.interop.imported_text import clean_imported_text
from coach_tui.interop.json_envelope import decode_export
from coach_tui.interop.reading import NotAFile, TooBig, read_at_most, too_big
from coach_tui.model.clock import Clock, system_clock
from coach_tui.model.progress import Progress, no_progress
from coach_tui.store.archive import archive_old_history
from coach_tui.store.errors import StoreError, describe_os_error
from coach_tui.store.layout import SCHEMA_VERSION
from coach_tui.store.portable import (
    NotImportable,
    checked_tables,
    holds_records,
    write_tables,
)
from coach_tui.store.references import naming_people_gone
from coach_tui.store.repository import Repository

# An export of ten years of heavy use is about 150 MB; anything far bigger is not one.
MAX_BYTES = 1_000 * 2**20
READING = "Reading the file"


def read_export(
    path: Path | None, zone: tzinfo | None = None, progress: Progress = no_progress
) -> tuple[dict[str, list[dict]], int]:
    """The export's tables (`path` None: standard input), text cleaned, checked and upgraded
    (older call times read in `zone`, the seller's zone now), and how many texts the
    cleaning changed; `ImportFailed` says why the file cannot be imported. `progress`
    counts three steps (read, decode, clean), then the records checked."""
    source = "Standard input" if path is None else str(path)
    progress(READING, 0, 3)
    try:
        payload = read_at_most(path, MAX_BYTES)
    except FileNotFoundError:
        raise ImportFailed(f"There is no file at {path}.") from None
    except NotAFile as refused:
        raise ImportFailed(f"{source} is {refused.what}, not a coach export.") from None
    except TooBig as big:
        raise ImportFailed(
            f"{source} is {too_big(big.size, MAX_BYTES)} an import accepts (an export of ten "
            "years of heavy use is about 150 MB). Check it is a coach export."
        ) from None
    except OSError as error:
        raise ImportFailed(f"{source} could not be read: {describe_os_error(error)}.") from None
    progress(READING, 1, 3)
    envelope = decode_export(payload, SCHEMA_VERSION)
    progress(READING, 2, 3)
    cleaned = clean_imported_text(envelope.tables)
    progress(READING, 3, 3)
    try:
        return checked_tables(envelope.tables, envelope.schema, zone, progress), cleaned
    except NotImportable as error:
        raise ImportFailed(str(error)) from None


def import_json(
    data_dir: Path,
    path: Path | None,
    *,
    dry_run: bool = False,
    console: Console | None = None,
    bars: Console | None = None,
    clock: Clock = system_clock,
) -> int:
    """0 when imported (or, dry, importable); 1 when refused, with nothing written.

    `path` None reads standard input (`coach import json -`). Progress is drawn on `bars`
    (standard error by default) if it is a terminal.
    """
    out = console or CommandConsole()
    archived = True
    try:
        with progress_bars(bars) as progress:
            tables, cleaned = read_export(path, clock().tzinfo, progress)
            with Repository.open(
                data_dir, read_only=dry_run, clock=clock, missing_ok=dry_run
            ) as repo:
                if holds_records(repo.store):
                    raise ImportFailed(
                        f"{data_dir} already holds data. Import into an empty folder, e.g. "
                        f"coach import json {shlex.quote(str(path)) if path else '-'} --data "
                        "NEW_FOLDER"
                    )
                if not dry_run:
                    write_tables(repo.store, tables, progress)
                    archived = _archive_history(repo, clock().date(), progress)
    except ImportFailed as error:
        print_error(f"coach: nothing imported. {error}")
        return 1
    if not archived:
        out.print(
            "[yellow]Old history stays in the daily files for now; coach moves it to the "
            "archive when it next starts.[/]"
        )
    _print_counts(tables, out, dry_run=dry_run, source=path or "standard input")
    _print_people_gone(naming_people_gone(tables), out)
    if cleaned:
        texts = counted(cleaned, "text")
        out.print(
            line(
                f"{texts} held control codes or direction overrides (a hand-edited file?): "
                f"{'they would be' if dry_run else 'they were'} removed, as from typed text.",
                style="yellow",
            )
        )
    if not dry_run:
        out.print(line("Open it with: coach --data ", shell_word(data_dir)), soft_wrap=True)
    return 0


NOUNS = {"calls": "call", "touches": "touch", "campaigns": "campaign"}


def _print_people_gone(gone: dict[str, int], out: Console) -> None:
    """Say which records name people no longer there (removed before the export)."""
    if not gone:
        return
    parts = [
        counted(count, NOUNS[table], "touches" if table == "touches" else "")
        for table, count in gone.items()
    ]
    listed = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"
    verb = "names" if sum(gone.values()) == 1 else "name"
    out.print(
        line(
            f"{listed} {verb} people no longer in the file (removed from an account "
            "before the export): kept as they are, like in the coach that wrote it.",
            style="yellow",
        )
    )


def _archive_history(repo: Repository, today: date, progress: Progress) -> bool:
    """Move old history to the archive now; if that fails (False), coach's next start
    does it."""
    try:
        archive_old_history(repo.store, today, force=True, progress=progress)
    except StoreError:
        return False
    return True


def _print_counts(
    tables: dict[str, list[dict]], out: Console, *, dry_run: bool, source: Path | str
) -> None:
    total = sum(len(records) for records in tables.values())
    verb = "Would import" if dry_run else "Imported"
    out.print(
        line(f"{verb} ", line(counted(total, "record"), style="bold"), " from ", data(source), "."),
        soft_wrap=True,
    )
    counts = Table(show_header=False, box=None, padding=(0, 2, 0, 0))
    counts.add_column(justify="right")
    counts.add_column()
    for table, records in tables.items():
        if records:
            counts.add_row(line(f"{len(records):,}"), data(table.replace("_", " ")))
    out.print(counts)
    if dry_run:
        out.print("Dry run: nothing was saved.")
