"""The question before coach moves into a folder that holds someone's other files."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach_tui.cli import open_for_app
from coach_tui.store.errors import FolderDeclined
from coach_tui.ui.app import CoachApp
from coach_tui.ui.screens.folder_question import FolderQuestion, FolderQuestionApp
from tests.helpers import FakeClock, notices, screen_text, squashed
from tests.ui.flow import run, settle

SAMPLE = "backups/, report.tmp, thesis.docx.tmp"


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    (folder / "backups" / "2020-01-01").mkdir(parents=True)
    (folder / "backups" / "2020-01-01" / "photo.jpg").write_bytes(b"photo")
    (folder / "report.tmp").write_bytes(b"my report")
    return folder


async def answer(keys: list[str], folder: Path = Path("/home/me/docs")) -> bool | None:
    app = FolderQuestionApp(folder, SAMPLE)
    async with run(app) as pilot:
        assert isinstance(app.screen, FolderQuestion)
        text = squashed(screen_text(app))
        assert "This folder holds other files" in text
        assert str(folder) in text
        assert all(name in text for name in SAMPLE.split(", "))
        await pilot.press(*keys)
        await pilot.pause()
    return app.return_value


@pytest.mark.parametrize(
    ("keys", "used"),
    [
        (["enter"], False),  # the focused button is the safe one
        (["escape"], False),
        (["q"], False),
        (["y"], True),
        (["tab", "enter"], True),
    ],
    ids=["enter", "escape", "q", "y", "tab enter"],
)
async def test_the_safe_answer_is_the_default(keys: list[str], used: bool) -> None:
    assert await answer(keys) is used


async def test_on_a_small_terminal_long_file_names_leave_the_answers_in_view() -> None:
    """Four long names at 80x24: the dialog scrolls to the buttons rather than cut them off."""
    name = (
        "Customer interview notes for the regional expansion project, second round, "
        "version {} (final, reviewed by legal).docx"
    )
    sample = ", ".join(name.format(n) for n in range(1, 4)) + " and 1 more"
    app = FolderQuestionApp(Path("/home/me/Projects/Quarterly-planning-2026"), sample)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = squashed(screen_text(app))
        assert "Leave it, quit (esc)" in text
        assert "Use this folder (y)" in text
        await pilot.press("enter")
    assert app.return_value is False


async def test_a_folder_name_is_shown_as_it_is_never_as_markup() -> None:
    odd = Path("/home/me/[bold]docs[/]")
    assert await answer(["escape"], odd) is False


def test_leaving_the_folder_changes_nothing(docs: Path) -> None:
    before = sorted(docs.rglob("*"))
    asked: list[tuple[Path, str]] = []

    def leave(folder: Path, sample: str) -> bool:
        asked.append((folder, sample))
        return False

    with pytest.raises(FolderDeclined, match="did not start"):
        open_for_app(docs, leave)
    assert asked == [(docs, "backups/, report.tmp")]
    assert sorted(docs.rglob("*")) == before


def test_using_the_folder_adds_coachs_files_beside_the_users(docs: Path) -> None:
    repo = open_for_app(docs, lambda _folder, _sample: True)
    repo.close()
    assert (docs / "core.json").exists()
    assert (docs / "report.tmp").read_bytes() == b"my report"
    assert (docs / "backups" / "2020-01-01" / "photo.jpg").read_bytes() == b"photo"
    # Now coach's folder: the next start asks nothing.
    open_for_app(docs, lambda _folder, _sample: pytest.fail("asked again")).close()


def test_an_empty_or_new_folder_is_not_asked_about(tmp_path: Path) -> None:
    never = lambda _folder, _sample: pytest.fail("asked")  # noqa: E731
    (tmp_path / "empty").mkdir()
    open_for_app(tmp_path / "empty", never).close()
    open_for_app(tmp_path / "new", never).close()


async def test_a_failed_daily_backup_is_shown_once(open_repo, with_why, data_dir, clock: FakeClock):
    clock.advance(days=1)
    (data_dir / "backups").rename(data_dir / "old-backups")
    (data_dir / "backups").write_text("a file in the way")
    app = CoachApp(open_repo(), clock=clock)
    async with run(app) as pilot:
        await settle(pilot)
        shown = notices(app)
        assert "The daily backup" in shown and "failed" in shown
        app.report_backup_problem()  # the next check of the clock
        await pilot.pause()
        assert notices(app).count("The daily backup") == 1
