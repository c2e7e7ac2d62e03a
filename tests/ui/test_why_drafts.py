"""The why flow never loses typed text: quit, crash, Esc and start-over all keep it or ask."""

from coach_tui.model.flows.codec import answers_of
from coach_tui.model.flows.why import WhyFlowAnswers
from coach_tui.ui.kit.confirm import ConfirmScreen
from coach_tui.ui.kit.guided import AUTOSAVE_SECONDS
from coach_tui.ui.screens.dashboard import DashboardScreen
from coach_tui.ui.screens.why_flow import WhyFlowScreen
from tests.helpers import notices, screen_text, squashed
from tests.ui.flow import answer_box, paste, run, settle


async def test_quit_mid_flow_and_reopen_resumes_at_the_same_step(make_app) -> None:
    app = make_app()
    async with run(app) as pilot:
        await pilot.press("enter")
        await pilot.press(*"A home")
        await pilot.press("ctrl+s")
        await paste(pilot, "The one they call")
        await pilot.press("ctrl+q")
    draft = app.repo.drafts.get("why")
    assert draft is not None
    assert draft.step == 1
    assert answers_of(draft, WhyFlowAnswers) == WhyFlowAnswers("A home", "The one they call")
    app.repo.close()

    again = make_app()
    async with run(again) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, WhyFlowScreen)
        shown = squashed(screen_text(again))
        assert "Step 2 of 4" in shown
        assert "Picked up where you left off" in notices(again)
        assert answer_box(pilot).text == "The one they call"
        await pilot.press("escape")
        assert answer_box(pilot).text == "A home"


async def test_typing_is_autosaved_without_quitting(make_app) -> None:
    """A crash (no quit, no step change) still finds the text in the draft."""
    app = make_app()
    async with run(app) as pilot:
        await pilot.press("enter")
        await paste(pilot, "Written just before the power cut")
        assert app.repo.drafts.get("why") is None
        await pilot.pause(AUTOSAVE_SECONDS + 0.5)
        draft = app.repo.drafts.get("why")
        assert draft is not None
        assert draft.answer("gives") == "Written just before the power cut"


async def test_escape_goes_back_a_step_and_keeps_both_answers(make_app) -> None:
    app = make_app()
    async with run(app) as pilot:
        await pilot.press("enter")
        await paste(pilot, "First answer")
        await pilot.press("ctrl+s")
        await paste(pilot, "Second, unfinished")
        await pilot.press("escape")
        assert "Step 1 of 4" in screen_text(app)
        assert answer_box(pilot).text == "First answer"
        await pilot.press("ctrl+s")
        assert answer_box(pilot).text == "Second, unfinished"


async def test_leaving_from_the_first_step_keeps_the_draft_and_says_so(make_app) -> None:
    app = make_app()
    async with run(app) as pilot:
        await pilot.press("enter")
        await paste(pilot, "Half a thought")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert "Your draft is kept" in notices(app)
        await pilot.press("w")
        assert answer_box(pilot).text == "Half a thought"
    draft = app.repo.drafts.get("why")
    assert draft is not None
    assert draft.answer("gives") == "Half a thought"


async def test_start_over_asks_first_and_keep_changes_nothing(make_app) -> None:
    app = make_app()
    async with run(app) as pilot:
        await pilot.press("enter")
        await paste(pilot, "Worth keeping")
        await pilot.press("ctrl+s", "ctrl+r")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, WhyFlowScreen)
        assert "Step 2 of 4" in screen_text(app)
        assert app.repo.drafts.get("why") is not None

        await pilot.press("ctrl+r", "y")
        assert "Step 1 of 4" in screen_text(app)
        assert answer_box(pilot).text == ""
    assert app.repo.drafts.get("why") is None
