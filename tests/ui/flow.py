"""Small steps a test takes through the app, named for what the user does."""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager

from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import TextArea

SIZE = (100, 34)


def run(app: App) -> AbstractAsyncContextManager[Pilot]:
    """Run `app` headless at the test size, with notifications shown as a user sees them."""
    return app.run_test(size=SIZE, notifications=True)


async def settle(pilot: Pilot) -> None:
    """Let workers finish and the screen catch up."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def paste(pilot: Pilot, text: str) -> None:
    """Paste into the focused widget, arriving at the app as a terminal delivers a paste."""
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


def answer_box(pilot: Pilot) -> TextArea:
    return pilot.app.screen.query_one("#answer", TextArea)


async def clear_answer(pilot: Pilot) -> None:
    answer_box(pilot).clear()
    await pilot.pause()


async def later(pilot: Pilot) -> None:
    """Answer coach's start-up offer of half-done flows with Later (Esc), if it is shown."""
    from coach_tui.ui.screens.resume_offer import ResumeOfferScreen

    await settle(pilot)
    if isinstance(pilot.app.screen, ResumeOfferScreen):
        await pilot.press("escape")
        await settle(pilot)


async def choose(pilot: Pilot, value: str) -> None:
    """Move the highlight of a choice step to `value` with the arrow keys, as a user would
    (a step that starts with nothing highlighted needs a first press to show one)."""
    from textual.widgets import OptionList

    choices = [key for key, _ in pilot.app.screen.current.choices]
    target = choices.index(value)
    highlighted = pilot.app.screen.query_one("#answer-choice", OptionList).highlighted
    start = -1 if highlighted is None else highlighted
    presses = ["down"] * (target - start) if target >= start else ["up"] * (start - target)
    await pilot.press(*presses)
