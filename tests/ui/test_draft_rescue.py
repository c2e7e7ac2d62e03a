"""A flow whose saved draft makes it fail never locks the seller out.

Flows resume where they were left, so answers that trip a bug would trip it at every
reopen. After such a crash, reopening the flow asks: try again, or start afresh with the
answers kept in a file. A draft that cannot be read is set aside the same way at start.

The bug is simulated by a flow that fails while drawing a step whose saved answers hold
POISON (as a call outcome with `[/x]` once failed the weekly review's "Key calls" step).
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from coach_tui.coaching.review import review_week_for
from coach_tui.model.account import Account, ExpansionKind, StrategicObjective
from coach_tui.model.call import Call, Prep
from coach_tui.model.contact import BuyingRole, Contact
from coach_tui.model.draft import FlowDraft
from coach_tui.model.review import WeekReview
from coach_tui.ui.kit.guided import GuidedFlowScreen
from coach_tui.ui.screens.account import AccountScreen
from coach_tui.ui.screens.dashboard import DashboardScreen
from coach_tui.ui.screens.review_flow import WeekReviewFlowScreen
from coach_tui.ui.screens.why_flow import WhyFlowScreen
from tests.helpers import BERLIN, doctor_report, hand_edit_draft, notices, on_screen
from tests.ui.flow import answer_box, later, paste, run, settle

POISON = "went fine [/x]"
REVIEW = "review:2026-W47"  # the review offered on the test's Tuesday


class RenderBug(RuntimeError):
    """Stands for any bug a flow's saved answers can trip while a step is drawn."""


def poison(monkeypatch: pytest.MonkeyPatch, flow: type[GuidedFlowScreen]) -> None:
    """Make `flow` fail drawing any step while one of its answers holds POISON."""
    original = flow.reference

    def reference(self: GuidedFlowScreen) -> str:
        if POISON in repr(self.answers):
            raise RenderBug("a step could not be drawn with these answers")
        return original(self)

    monkeypatch.setattr(flow, "reference", reference)


def asks_about_the_draft(app) -> bool:
    """Whether the rescue question is on screen (by name: the test also runs on old code)."""
    return type(app.screen).__name__ == "DraftRescueScreen"


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
    make_app, with_why, data_dir, monkeypatch, capsys
) -> None:
    poison(monkeypatch, WeekReviewFlowScreen)
    await crash_the_review(make_app)
    assert "open flow: review:2026-W47" in (data_dir / "crash.log").read_text()
    farewell = " ".join(capsys.readouterr().err.split())
    assert "Everything you saved, drafts included, is safe." in farewell
    assert (
        "The weekly review of 2026-W47 was open: opening it again asks whether to try again "
        "or start afresh." in farewell
    )

    app = make_app()
    async with run(app) as pilot:
        await later(pilot)  # the offer of half-done flows
        await settle(pilot)
        await pilot.press("r")  # the draft still holds the poison: this used to crash again
        await settle(pilot)
        assert asks_about_the_draft(app)
        assert "The weekly review of 2026-W47: your saved answers" in on_screen(app)
        assert "coach stopped on an unexpected error while this flow was open" in on_screen(app)
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
        await later(pilot)  # the offer of half-done flows
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        flow = app.screen
        assert isinstance(flow, WeekReviewFlowScreen)
        assert flow.answers.figures_note == POISON
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
        await later(pilot)  # the offer of half-done flows
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert asks_about_the_draft(app)
        assert "This flow could not open with its saved answers" in on_screen(app)
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
        assert "Your why: your saved answers" in on_screen(app)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, WhyFlowScreen)
        assert "Step 1 of 4" in on_screen(app)
        assert answer_box(pilot).text == ""
    (kept,) = set_aside_files(data_dir)
    assert POISON in kept.read_text()


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
    _code, report = doctor_report(data_dir)
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


# --- every flow goes through the same door ---------------------------------------------


def seed_account(open_repo, clock, *, call_at: datetime) -> tuple[str, str]:
    """An account with an objective, one person and one call; (account uid, call uid)."""
    repo = open_repo()
    account = Account("Nordvale Foods", created_at=clock())
    repo.accounts.save(account)
    objective = StrategicObjective(
        account.uid, "All five plants plan on our suite", ExpansionKind.WIDER_DEPLOYMENT,
        client_goal="Cut waste 20%", created_at=clock(),
    )  # fmt: skip
    repo.objectives.save(objective)
    repo.contacts.save(Contact("Greta Lindqvist", account_uid=account.uid, role=BuyingRole.USER))
    call = Call(account.uid, call_at, objective_uid=objective.uid, prep=Prep("A yes"))
    repo.calls.save(call)
    repo.close()
    return account.uid, call.uid


async def keys(pilot, *pressed: str) -> None:
    for key in pressed:
        await pilot.press(key)
        await settle(pilot)


async def on_account(pilot, uid: str, *pressed: str) -> None:
    pilot.app.push_screen(AccountScreen(uid))
    await settle(pilot)
    await keys(pilot, *pressed)


TOMORROW = datetime(2026, 11, 25, 10, 0, tzinfo=BERLIN)
YESTERDAY = datetime(2026, 11, 23, 15, 0, tzinfo=BERLIN)
FLOWS = {
    "why": (lambda account, call: "why", lambda pilot, account: keys(pilot, "w"), "Your why"),
    "plan": (
        lambda account, call: "plan-year",
        lambda pilot, account: keys(pilot, "y"),
        "Plan the year",
    ),
    "review": (lambda account, call: REVIEW, lambda pilot, account: keys(pilot, "r"), "review"),
    "objective": (
        lambda account, call: f"objective:{account}",
        lambda pilot, account: on_account(pilot, account, "o"),
        "An account's strategic objective",
    ),
    "campaign": (
        lambda account, call: f"campaign:{account}",
        lambda pilot, account: on_account(pilot, account, "e", "c"),
        "An account's entry campaign",
    ),
    "prep": (
        lambda account, call: f"prep:{call}",
        lambda pilot, account: keys(pilot, "c", "p"),
        "A call's prep",
    ),
    "debrief": (
        lambda account, call: f"debrief:{call}",
        lambda pilot, account: keys(pilot, "c", "b"),
        "A call's debrief",
    ),
}


@pytest.mark.parametrize("name", FLOWS)
async def test_every_flow_asks_before_resuming_a_draft_that_stopped_coach(
    name: str, make_app, with_why, open_repo, data_dir, clock
) -> None:
    flow_of, open_it, label = FLOWS[name]
    account, call = seed_account(
        open_repo, clock, call_at=YESTERDAY if name == "debrief" else TOMORROW
    )
    flow = flow_of(account, call)
    repo = open_repo()
    repo.drafts.save(FlowDraft(flow, 0, {"kept": "Words typed before the crash"}, clock()))
    repo.drafts.mark_stopped([flow], clock())
    repo.close()

    app = make_app()
    async with run(app) as pilot:
        await later(pilot)  # the offer of half-done flows
        await settle(pilot)
        await open_it(pilot, account)
        assert asks_about_the_draft(app), f"{name} opened without asking"
        assert label in on_screen(app)
        await keys(pilot, "a")
        assert isinstance(app.screen, GuidedFlowScreen)
        assert app.screen.flow == flow
        assert not app.screen.resumed
    (kept,) = set_aside_files(data_dir)
    assert "Words typed before the crash" in kept.read_text()


def test_no_screen_reads_a_flow_draft_itself() -> None:
    """Flows open through `open_flow`, the one place that handles a draft that failed; a
    screen reading its flow's draft directly would resume into the same error."""
    ui = Path(__file__).parents[2] / "coach_tui" / "ui"
    readers = sorted(
        str(path.relative_to(ui))
        for path in ui.rglob("*.py")
        if "drafts.get(" in path.read_text() and path.name != "flow_opening.py"
    )
    # The walk's own bookkeeping, and where a flow stands (shown, never opened from there).
    assert readers == ["flow_resume.py", "objective_walk.py"]
    assert "drafts.get(" not in (ui / "screens" / "account.py").read_text()
    assert "drafts.get(OBJECTIVE_WALK)" in (ui / "objective_walk.py").read_text()


async def test_a_crash_in_a_flow_with_nothing_saved_promises_no_question(
    make_app, data_dir, monkeypatch, capsys
) -> None:
    """Nothing typed, no draft: the flow will open empty anyway, so nothing is promised."""

    def explode(self: WhyFlowScreen) -> None:
        raise RenderBug("boom")

    monkeypatch.setattr(WhyFlowScreen, "action_start_over", explode)
    app = make_app()
    with pytest.raises(RenderBug):
        async with run(app) as pilot:
            await pilot.press("enter")
            await pilot.press("ctrl+r")
            await pilot.pause()
    farewell = " ".join(capsys.readouterr().err.split())
    assert "Everything you saved, drafts included, is safe." in farewell
    assert "was open" not in farewell
    assert "open flow: why, step 1 of 4" in (data_dir / "crash.log").read_text()
    assert app.repo.drafts.get("why") is None


async def test_a_draft_that_cannot_be_kept_aside_is_not_overwritten_by_an_empty_flow(
    make_app, with_why, data_dir, tmp_path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (data_dir / "drafts-set-aside").symlink_to(elsewhere)
    hand_edit_draft(data_dir, {"flow": REVIEW, "step": "two", "answers": {"went_well": "Mine"}})
    app = make_app()
    async with run(app) as pilot:
        await settle(pilot)
        assert "is a link, so coach will not write into it" in notices(app)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)  # not an empty review over the draft
    assert [d.flow for d in app.repo.drafts.unreadable()] == [REVIEW]
    assert list(elsewhere.iterdir()) == []


async def test_a_typed_draft_whose_answers_do_not_fit_its_flow_is_set_aside_with_a_notice(
    make_app, with_why, data_dir
) -> None:
    """A hand edit (or a later coach) left answers the review cannot hold: kept in a file,
    said where, and the review opens empty, with no crash report and no question."""
    answers = {"went_well": "Words to keep", "key_calls": "not a list"}
    hand_edit_draft(data_dir, {"flow": REVIEW, "step": 1, "typed": True, "answers": answers})
    app = make_app()
    async with run(app) as pilot:
        await later(pilot)  # the offer of half-done flows
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, WeekReviewFlowScreen)
        assert app.screen.current.key == "figures_note"
        (kept,) = set_aside_files(data_dir)
        assert "Your earlier answers are kept in" in notices(app)
    assert not (data_dir / "crash.log").exists()
    stored = json.loads(kept.read_text())
    assert stored["draft"]["answers"] == answers
    assert "key_calls" in stored["reason"]
