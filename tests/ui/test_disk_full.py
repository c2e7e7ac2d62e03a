"""A full disk while the app is open: one sentence on screen, the app carries on, disk untouched."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import TextArea

from coach_tui.model.account import Account
from coach_tui.store import atomic
from coach_tui.ui.kit.form import FormScreen
from coach_tui.ui.screens.account import AccountScreen
from coach_tui.ui.screens.account_form import AccountForm
from coach_tui.ui.screens.accounts import AccountsScreen
from coach_tui.ui.screens.dashboard import DashboardScreen
from coach_tui.ui.widgets.field import Field
from tests.helpers import notices, screen_text, squashed, widget_text
from tests.ui.flow import paste, run, settle

FULL = "the disk is full"
NOT_SAVED = "What was on disk before is unchanged, and this change was not saved."


class _FullDiskOs:
    """The `os` module as the atomic writer sees it while the disk is full."""

    def __init__(self) -> None:
        self.refused = 0

    def __getattr__(self, name: str) -> object:
        return getattr(os, name)

    def write(self, fd: int, data: bytes) -> int:
        self.refused += 1
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.fixture
def disk_full(
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[Callable[[], _FullDiskOs], Callable[[], None]]:
    """`fill()` makes every save fail as on a full disk; `free()` makes room again."""
    full = _FullDiskOs()

    def fill() -> _FullDiskOs:
        monkeypatch.setattr(atomic, "os", full)
        return full

    def free() -> None:
        monkeypatch.setattr(atomic, "os", os)

    return fill, free


def files_in(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != "crash.log"
    }


async def test_ticking_a_priority_on_a_full_disk_says_so_and_keeps_going(
    make_app, with_why, data_dir, clock, disk_full
) -> None:
    fill, free = disk_full
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        before = files_in(data_dir)
        full = fill()
        await pilot.press("1")
        await pilot.pause()
        assert full.refused
        shown = notices(app)
        assert FULL in shown
        assert NOT_SAVED in shown
        assert "Traceback" not in squashed(screen_text(app))
        banner = widget_text(app, app.screen.query_one("#why-today"))
        assert "1 ☐ Prep the Nordvale call" in banner  # not shown as done: it was not saved
        assert files_in(data_dir) == before
        assert not app.repo.days.get(clock().date()).priorities[0].done

        free()  # room again: the same key works
        await pilot.press("1")
        await pilot.pause()
        banner = widget_text(app, app.screen.query_one("#why-today"))
        assert "1 ☑ Prep the Nordvale call" in banner
        assert isinstance(app.screen, DashboardScreen)
    assert app.return_code in (None, 0)
    assert not (data_dir / "crash.log").exists()
    assert app.repo.days.get(clock().date()).priorities[0].done


async def test_adding_an_account_on_a_full_disk_keeps_the_form_and_what_was_typed(
    make_app, with_why, data_dir, disk_full
) -> None:
    fill, free = disk_full
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, AccountsScreen)
        await pilot.press("n")
        await pilot.press(*"Nordvale")
        before = files_in(data_dir)
        fill()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, AccountForm)  # still open, the name still typed
        shown = widget_text(app, app.screen.query_one(Field))  # the form's box, not its frame
        assert FULL in shown
        assert "this change was not saved" in shown
        assert "Traceback" not in shown
        assert "Nordvale" in shown
        assert files_in(data_dir) == before
        assert app.repo.accounts.all() == []

        free()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, AccountsScreen)
    assert app.return_code in (None, 0)
    assert not (data_dir / "crash.log").exists()
    assert [account.name for account in app.repo.accounts.all()] == ["Nordvale"]


@pytest.mark.parametrize(
    ("screen_key", "form_key", "typed", "feedback"),
    [
        ("", "p", "Dana Ortiz", "#text-feedback"),  # a team perspective, on the account screen
        ("e", "n", "Hiro Tanaka", "#matters-feedback"),  # a decision maker, on getting in
        ("e", "i", "European plants", "#why-feedback"),  # the entry point
    ],
    ids=["perspective", "decision maker", "entry point"],
)
async def test_a_form_with_notes_says_in_view_that_a_full_disk_kept_it_from_saving(
    make_app,
    with_why,
    open_repo,
    clock,
    disk_full,
    screen_key: str,
    form_key: str,
    typed: str,
    feedback: str,
) -> None:
    """The sentence sits under the notes, at the foot of the form: it is scrolled into view."""
    fill, _free = disk_full
    repo = open_repo()
    account = Account(name="Nordvale Foods", created_at=clock())
    repo.accounts.save(account)
    repo.close()
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        app.push_screen(AccountScreen(account.uid))
        await settle(pilot)
        if screen_key:
            await pilot.press(screen_key)
            await settle(pilot)
        await pilot.press(form_key)
        await settle(pilot)
        await paste(pilot, typed)
        area = app.screen.query_one(TextArea)
        area.focus()
        await paste(pilot, "What matters to them, in a few lines.")
        fill()
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.wait_for_scheduled_animations()  # the scroll that brings it into view
        assert isinstance(app.screen, FormScreen)  # still open, what was typed kept
        assert app.screen.query_one(TextArea).text == "What matters to them, in a few lines."
        shown = widget_text(app, app.screen.query_one(feedback))
        assert FULL in shown
        assert NOT_SAVED in shown
