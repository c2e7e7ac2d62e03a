"""An unexpected error ends the app with one sentence and a log, and keeps typed text."""

import pytest

from coach_tui.ui.app import CoachApp
from coach_tui.ui.screens.why_flow import WhyFlowScreen
from tests.ui.flow import paste, run


def explode(*_args: object) -> None:
    raise RuntimeError("a bug in a handler")


async def test_error_in_a_handler_writes_a_log_and_a_plain_message(
    make_app, with_why, data_dir, monkeypatch, capsys
) -> None:
    monkeypatch.setattr(CoachApp, "action_calls", explode)
    app = make_app()
    with pytest.raises(RuntimeError, match="a bug in a handler"):
        async with run(app) as pilot:
            await pilot.press("c")
            await pilot.pause()
    assert app.return_code == 1
    printed = " ".join(capsys.readouterr().err.split())
    assert "coach stopped on an unexpected error." in printed
    assert "Everything you saved, drafts included, is safe." in printed
    assert "Traceback" not in printed
    assert "errors shown" not in printed
    log = (data_dir / "crash.log").read_text()
    assert "Traceback" in log
    assert "a bug in a handler" in log


async def test_text_typed_just_before_a_crash_is_in_the_draft(
    make_app, data_dir, monkeypatch
) -> None:
    monkeypatch.setattr(WhyFlowScreen, "action_start_over", explode)
    app = make_app()
    with pytest.raises(RuntimeError):
        async with run(app) as pilot:
            await pilot.press("enter")
            await paste(pilot, "Typed a moment ago")
            await pilot.press("ctrl+r")
            await pilot.pause()
    draft = app.repo.drafts.get("why")
    assert draft is not None
    assert draft.answer("gives") == "Typed a moment ago"
