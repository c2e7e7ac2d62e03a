"""Test helpers: a controllable clock and reading the screen the way a user sees it."""

from __future__ import annotations

import contextlib
import html
import json
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from io import StringIO
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from rich.cells import cell_len
from rich.console import Console
from textual.app import App
from textual.widget import Widget

from coach_tui.store.errors import StoreError

# Tests run "on" a fixed Tuesday morning in a named non-UTC zone with summer time (CET in
# November, CEST from the last Sunday of March), so time zone and DST bugs show.
BERLIN = ZoneInfo("Europe/Berlin")
TUESDAY_MORNING = datetime(2026, 11, 24, 8, 30, tzinfo=BERLIN)


class FakeClock:
    """A clock that only moves when a test moves it, in a named zone like the real one
    (`model/clock.py`): `now().tzinfo` is a `ZoneInfo`."""

    def __init__(self, start: datetime = TUESDAY_MORNING) -> None:
        self.current = start

    def __call__(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        """Let time pass: `delta` of elapsed time, so a night the clocks change has 23 or
        25 hours, as on the wall."""
        zone = self.current.tzinfo
        self.current = (self.current.astimezone(UTC) + timedelta(**delta)).astimezone(zone)

    def move_to(self, zone: ZoneInfo) -> None:
        """The seller's machine is now in `zone` (a flight): the same moment, another clock."""
        self.current = self.current.astimezone(zone)


# Rich's SVG export places each run of text at x = column * 0.61 * font size (20px).
_CELL_WIDTH = 12.2
_TEXT = re.compile(
    r'<text class="[^"]*" x="([\d.]+)" y="[\d.]+" textLength="[\d.]+" '
    r'clip-path="url\(#[\w-]+-line-(\d+)\)">([^<]*)</text>'
)


def screen_text(app: App) -> str:
    """The characters on screen right now, one line per terminal row, trailing spaces cut."""
    width, height = app.size
    rows = [[" "] * width for _ in range(height)]
    for x, line, text in _TEXT.findall(app.export_screenshot()):
        row = rows[int(line)]
        column = round(float(x) / _CELL_WIDTH)
        for char in html.unescape(text).replace("\xa0", " "):
            if column < width:
                row[column] = char
            cells = cell_len(char)
            for filler in range(1, cells):  # a wide character covers the next cell too
                if column + filler < width:
                    row[column + filler] = ""
            column += cells
    return "\n".join("".join(row).rstrip() for row in rows)


def squashed(text: str) -> str:
    """`text` with all whitespace runs folded, so wrapped sentences can be searched."""
    return " ".join(text.split())


def squeezed(text: str) -> str:
    """`text` without any whitespace, so text wrapped by a terminal or a file format (which
    may break a line inside a word) can be searched."""
    return "".join(text.split())


def on_screen(app: App) -> str:
    """Everything on screen, whitespace folded: for sentences the screen wraps."""
    return squashed(screen_text(app))


def widget_text(app: App, widget: Widget, *, frame: bool = False) -> str:
    """What the user sees inside one widget on screen, whitespace folded.

    With `frame`, the border is included too (where titles are drawn).
    """
    region = widget.region if frame else widget.content_region
    rows = screen_text(app).split("\n")[region.y : region.bottom]
    return squashed("\n".join(row[region.x : region.right] for row in rows))


def notices(app: App) -> str:
    """The text of the notifications (toasts) on screen, whitespace folded."""
    return " | ".join(widget_text(app, toast) for toast in app.screen.query("Toast"))


def toast_messages(app: App) -> str:
    """The whole text of the toasts, however much of it the screen shows."""
    return " | ".join(toast.render().plain for toast in app.screen.query("Toast"))


def quiet() -> Console:
    """A console for a command whose messages the test does not read."""
    return Console(file=StringIO(), width=100)


def refuse_writes_no_form_would_make(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every data-file write of this test check its records with every form rule
    (`Limits.FORMS`, what `coach import json` applies) and fail the test if one breaks it."""
    from coach_tui.model.limits import Limits
    from coach_tui.store import storage, store
    from coach_tui.store.layout import FAMILIES
    from coach_tui.store.records import check_records

    def checked(path: Path, raw: dict) -> None:
        family = path.stem
        if family in FAMILIES:
            try:
                check_records(raw, FAMILIES[family], path, Limits.FORMS)
            except StoreError as error:
                pytest.fail(f"coach wrote a record its own import would refuse: {error}")

    real_write, real_stage, real_append = (
        storage.write_family,
        storage.AtomicJSONStorage.stage,
        storage.AtomicJSONStorage.append,
    )

    def write_family(path: Path, raw: dict, *, journaled: bool) -> None:
        checked(path, raw)
        real_write(path, raw, journaled=journaled)

    def stage(self: storage.AtomicJSONStorage, data: dict) -> Path:
        checked(self.path, data)
        return real_stage(self, data)

    def append(self: storage.AtomicJSONStorage, data: dict, changes: list) -> bool:
        for table, key, record in changes:
            if record is not None:
                checked(self.path, {table: {key: record}})
        return real_append(self, data, changes)

    monkeypatch.setattr(storage, "write_family", write_family)
    monkeypatch.setattr(store, "write_family", write_family)
    monkeypatch.setattr(storage.AtomicJSONStorage, "stage", stage)
    monkeypatch.setattr(storage.AtomicJSONStorage, "append", append)


@contextlib.contextmanager
def short_temp_dir() -> Iterator[Path]:
    """A new folder with a short path, removed afterwards: for text that quotes a path and
    must still fit a form's limit (pytest's own temporary paths grow with each run)."""
    path = Path(tempfile.mkdtemp(prefix="cv-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def folder_with_one_account(folder: Path) -> Path:
    """A data folder holding one account, Nordvale Foods, as a seller's would."""
    from coach_tui.model.account import Account
    from coach_tui.store.repository import Repository

    repo = Repository.open(folder)
    try:
        repo.accounts.save(Account("Nordvale Foods"))
    finally:
        repo.close()
    return folder


def account_names_in(folder: Path) -> list[str]:
    """Open the folder as coach does (damage to any file refuses it): its account names."""
    from coach_tui.store.repository import Repository

    repo = Repository.open(folder, read_only=True)
    try:
        return sorted(repo.accounts.names().values())
    finally:
        repo.close()


def doctor_report(
    data_dir: Path, *, restore: bool = False, clock: Callable[[], datetime] | None = None
) -> tuple[int, str]:
    """`coach doctor` on `data_dir`, on the tests' clock in Berlin unless given another: its
    exit code and its report, whitespace folded."""
    from coach_tui.commands.doctor import print_doctor

    out = Console(file=StringIO(), record=True, width=200)
    code = print_doctor(data_dir, restore=restore, console=out, clock=clock or FakeClock())
    return code, squashed(out.export_text())


def hand_edit_draft(data_dir: Path, record: dict, doc_id: int = 9) -> None:
    """Put a draft record into `core.json` as a hand edit would: no check, no cleaning."""
    core = data_dir / "core.json"
    raw = json.loads(core.read_text())
    raw.setdefault("drafts", {})[str(doc_id)] = record
    core.write_text(json.dumps(raw))


def strings_in(value: object) -> list[str]:
    """Every string inside a decoded JSON document, keys left out."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in strings_in(item)]
    if isinstance(value, list):
        return [text for item in value for text in strings_in(item)]
    return []
