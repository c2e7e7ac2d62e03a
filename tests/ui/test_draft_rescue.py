"""A flow whose saved draft makes it fail never locks the seller out.

Flows resume where they were left, so answers that trip a bug would trip it at every
reopen. After such a crash, reopening the flow asks: try again, or start afresh with the
answers kept in a file. A draft that cannot be read is set aside the same way at start.

The bug is simulated by a flow that fails while drawing a step whose saved answers hold
POISON (as a call outcome with `[/x]` once failed the weekly review's "Key calls" step).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console

from coach_tui.coaching.review import review_week_for
from coach_tui.commands.doctor import print_doctor
from coach_tui.model.draft import FlowDraft
from coach_tui.model.review import WeekReview
from coach_tui.ui.screens.dashboard import DashboardScreen
from coach_tui.ui.screens.guided import GuidedFlowScreen
from coach_tui.ui.screens.review_flow import WeekReviewFlowScreen
from coach_tui.ui.screens.why_flow import WhyFlowScreen
from tests.helpers import notices, screen_text, squashed
from tests.ui.flow import answer_box, paste, run, settle

POISON = "went fine [/x]"
REVIEW = "review:2026-W47"  # the review offered on the test's Tuesday


class RenderBug(RuntimeError):
    """Stands for any bug a flow's saved answers can trip while a step is drawn."""


def poison(monkeypatch: pytest.MonkeyPatch, flow: type[GuidedFlowScreen]) -> None:
    """Make `flow` fail drawing any step while one of its answers holds POISON."""
    original = flow.reference

    def reference(self: GuidedFlowScreen) -> str:
        if any(POISON in answer for answer in self.answers.values()):
            raise RenderBug("a step could not be drawn with these answers")
        return original(self)

    monkeypatch.setattr(flow, "reference", reference)


def asks_about_the_draft(app) -> bool:
    """Whether the rescue question is on screen (by name: the test also runs on old code)."""
    return type(app.screen).__name__ == "DraftRescueScreen"


def shown(app) -> str:
    return squashed(screen_text(app))


def set_aside_files(data_dir: Path) -> list[Path]:
    return sorted((data_dir / "drafts-set-aside").glob("*.json"))


async def crash_the_review(make_app) -> None:
    """Type the poison into the review's first step and go on: coach stops."""
    app = make_app()
    with pytest.raises(RenderBug):
        async with run(app) as pilot:
            await settle(pilot)
            await pilot.press("r")
            await settle(pilot)
            assert isinstance(app.screen, WeekReviewFlowScreen)
            await paste(pilot, POISON)
            await pilot.press("ctrl+s")
            await pilot.pause()
    app.repo.close()


async def test_after_a_crash_the_review_offers_to_start_afresh_and_keeps_the_answers(
    make_app, with_why, data_dir, monkeypatch
) -> None:
    poison(monkeypatch, WeekReviewFlowScreen)
    await crash_the_review(make_app)
    assert "open flow: review:2026-W47" in (data_dir / "crash.log").read_text()

    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        await pilot.press("r")  # the draft still holds the poison: this used to crash again
        await settle(pilot)
        assert asks_about_the_draft(app)
        assert "The weekly review of 2026-W47: your saved answers" in shown(app)
        assert "coach stopped on an unexpected error while this flow was open" in shown(app)
        await pilot.press("a")
        await settle(pilot)
        flow = app.screen
        assert isinstance(flow, WeekReviewFlowScreen)
        assert flow.current.key == "figures_note"
        assert answer_box(pilot).text == ""
        (kept,) = set_aside_files(data_dir)
        assert str(kept) in notices(app).replace(" ", "")  # the path, folded to fit
        assert app.repo.drafts.get(REVIEW) is None
    stored = json.loads(kept.read_text())
    assert stored["flow"] == REVIEW
    assert stored["draft"]["answers"]["figures_note"] == POISON
    assert kept.stat().st_mode & 0o777 == 0o600


async def test_try_again_resumes_the_saved_answers(
    make_app, with_why, data_dir, monkeypatch
) -> None:
    poison(monkeypatch, WeekReviewFlowScreen)
    await crash_the_review(make_app)
    monkeypatch.undo()  # the bug was fixed meanwhile

    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        flow = app.screen
        assert isinstance(flow, WeekReviewFlowScreen)
        assert flow.answers["figures_note"] == POISON
        await pilot.press("ctrl+q")
    assert set_aside_files(data_dir) == []
    draft = app.repo.drafts.get(REVIEW)
    assert draft is not None and draft.stopped_at is None  # working again: no more asking


async def test_not_now_leaves_the_draft_and_the_question_for_later(
    make_app, with_why, data_dir, monkeypatch
) -> None:
    poison(monkeypatch, WeekReviewFlowScreen)
    await crash_the_review(make_app)

    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
    draft = app.repo.drafts.get(REVIEW)
    assert draft is not None and draft.stopped_at is not None
    assert draft.answer("figures_note") == POISON
    assert set_aside_files(data_dir) == []


async def test_a_flow_that_fails_to_open_from_its_draft_asks_without_stopping_coach(
    make_app, with_why, data_dir, clock, monkeypatch
) -> None:
    """Failing while the screen is built (before it shows) is caught where it happens."""
    app = make_app()
    app.repo.drafts.save(
        FlowDraft(REVIEW, 2, {"figures_note": "Numbers", "went_well": "Kept words"}, clock())
    )
    original = WeekReviewFlowScreen.__init__

    def built(self, context, *, draft, existing: WeekReview | None = None) -> None:
        if draft is not None:
            raise RenderBug("the saved step lists do not fit this week")
        original(self, context, draft=draft, existing=existing)

    monkeypatch.setattr(WeekReviewFlowScreen, "__init__", built)
    async with run(app) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert asks_about_the_draft(app)
        assert "This flow could not open with its saved answers" in shown(app)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, WeekReviewFlowScreen)
        assert app.screen.current.key == "figures_note"
    assert app.return_code in (None, 0)
    log = (data_dir / "crash.log").read_text()
    assert "RenderBug: the saved step lists do not fit this week" in log
    assert "open flow: review:2026-W47, while opening its draft" in log
    (kept,) = set_aside_files(data_dir)
    assert "Kept words" in kept.read_text()


async def test_a_why_draft_that_crashed_no_longer_stops_every_start(
    make_app, data_dir, monkeypatch
) -> None:
    """Without a why, coach opens its draft at start: a bad draft used to stop every start."""
    poison(monkeypatch, WhyFlowScreen)
    app = make_app()
    with pytest.raises(RenderBug):
        async with run(app) as pilot:
            await pilot.press("enter")
            await paste(pilot, POISON)
            await pilot.press("ctrl+s")
            await pilot.pause()
    app.repo.close()

    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        assert asks_about_the_draft(app)
        assert "Your why: your saved answers" in shown(app)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, WhyFlowScreen)
        assert "Step 1 of 4" in shown(app)
        assert answer_box(pilot).text == ""
    (kept,) = set_aside_files(data_dir)
    assert POISON in kept.read_text()


def hand_edit_draft(data_dir: Path, record: dict) -> None:
    core = data_dir / "core.json"
    raw = json.loads(core.read_text())
    raw.setdefault("drafts", {})["7"] = record
    core.write_text(json.dumps(raw))


async def test_a_draft_that_cannot_be_read_is_set_aside_with_a_notice(
    make_app, with_why, data_dir
) -> None:
    hand_edit_draft(
        data_dir, {"flow": REVIEW, "step": "two", "answers": {"went_well": "Words to keep"}}
    )
    app = make_app()  # this used to refuse the whole folder over one draft
    async with run(app) as pilot:
        await settle(pilot)
        said = notices(app)
        assert "A saved draft could not be read, so its flow opens empty" in said
        (kept,) = set_aside_files(data_dir)
        assert str(kept) in said.replace(" ", "")  # the path, folded to fit
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, WeekReviewFlowScreen)
        assert app.screen.current.key == "figures_note"
    assert app.repo.drafts.unreadable() == []
    stored = json.loads(kept.read_text())
    assert stored["draft"]["answers"] == {"went_well": "Words to keep"}
    assert "'step' should be a whole number" in stored["reason"]


async def test_doctor_lists_the_crash_and_the_drafts_after_a_crash(
    make_app, with_why, data_dir, monkeypatch
) -> None:
    poison(monkeypatch, WeekReviewFlowScreen)
    await crash_the_review(make_app)
    out = Console(record=True, width=200)
    print_doctor(data_dir, restore=False, console=out)
    report = squashed(out.export_text())
    assert "Crashes in" in report and "crash.log: 1" in report
    assert "RenderBug: a step could not be drawn with these answers" in report
    assert "review:2026-W47, step 2 of" in report
    assert "The weekly review of 2026-W47 (review:2026-W47): its flow was open when" in report


async def test_an_error_that_renders_itself_is_still_logged_and_drafts_kept(
    make_app, data_dir, monkeypatch
) -> None:
    """Textual reports errors with a `__rich__` method its own way (`panic`), which used
    to skip the crash log and the saving of open drafts."""

    class SelfRendering(RuntimeError):
        def __rich__(self) -> str:
            return "an error that draws itself"

    def explode(self: WhyFlowScreen) -> None:
        raise SelfRendering("boom")

    monkeypatch.setattr(WhyFlowScreen, "action_start_over", explode)
    app = make_app()
    with pytest.raises(SelfRendering):
        async with run(app) as pilot:
            await pilot.press("enter")
            await paste(pilot, "Typed a moment ago")
            await pilot.press("ctrl+r")
            await pilot.pause()
    assert "SelfRendering: boom" in (data_dir / "crash.log").read_text()
    draft = app.repo.drafts.get("why")
    assert draft is not None and draft.answer("gives") == "Typed a moment ago"
    assert draft.stopped_at is not None


def test_the_review_these_tests_open_is_the_one_named(clock) -> None:
    assert f"review:{review_week_for(clock().date(), [])}" == REVIEW
