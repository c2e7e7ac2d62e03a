"""The morning plan: the why, today's agenda, and three priorities for the day.

Shown first once a day (until the day has a plan) and on `m` from the dashboard. The
agenda is the one `coach today` prints; yesterday's unfinished priorities are offered
again so nothing important silently drops. A call today without an outcome is one key
away from its prep (ctrl+o), after which the agenda is read again.

The why and the priorities are drawn at once; the agenda, which reads every live record
(tens of milliseconds after years), is read in a worker and filled in when it is ready.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Header, Static

from coach_tui.coaching.agenda import (
    Agenda,
    AgendaCall,
    AgendaPromise,
    call_to_prepare,
    priority_picks,
)
from coach_tui.coaching.lists import Item, and_more, cut
from coach_tui.model.call import Call
from coach_tui.model.day import (
    MORNING_FLOW,
    PRIORITIES_PER_DAY,
    DayPlan,
    Priority,
    validate_priority,
)
from coach_tui.model.day_text import time_text, weekday_text
from coach_tui.model.errors import ValidationError
from coach_tui.model.wording import counted, numeral
from coach_tui.services.flow_saves import save_day_plan
from coach_tui.services.today_digest import todays_agenda_kept
from coach_tui.store.errors import StoreError
from coach_tui.ui.kit.base import CoachScreen
from coach_tui.ui.kit.call_actions import CallActions
from coach_tui.ui.messages import FirstScreenShown
from coach_tui.ui.routes import AccountPickerRoute
from coach_tui.ui.text import editable, plain
from coach_tui.ui.widgets.field import Field
from coach_tui.ui.widgets.key_footer import KeyFooter
from coach_tui.ui.widgets.scroll import VerticalScroll

# How many lines of each list the plan shows before "… and N more"; ctrl+l shows them all.
SHOWN_PER_LIST = 3
CALLS_SHOWN = 6
SEE_ALL = "ctrl+l shows them"
READING = "Reading today's agenda…"


@dataclass
class AgendaRead(Message):
    """Today's agenda was read (in a worker thread); `reading` says which request."""

    agenda: Agenda
    now: datetime
    reading: int


@dataclass
class AgendaReadFailed(Message):
    """Reading the agenda failed; `reason` is a sentence for the user."""

    reason: str
    reading: int


def agenda_text(agenda: Agenda, *, everything: bool = False) -> str:
    """The agenda in a few plain lines; each long list is cut with how many were left out
    (`everything` lists them whole)."""
    limit = None if everything else SHOWN_PER_LIST
    lines: list[str] = []

    def listed(items: Sequence[Item], show: Callable[[Item], str]) -> None:
        head, hidden = cut(items, limit)
        lines.extend(show(item) for item in head)
        if hidden:
            lines.append(and_more(hidden, SEE_ALL))

    def call_line(call: AgendaCall) -> str:
        outcome = f"→ {call.outcome}" if call.outcome else "⚠ no outcome yet — prep it (ctrl+o)"
        return f"{call.when:%H:%M}  {call.account} ({call.kind})  {outcome}"

    # Today's calls are the day's backbone: a few more of them than of the other lists.
    head, hidden = cut(agenda.calls, None if everything else CALLS_SHOWN)
    lines.extend(call_line(call) for call in head)
    if hidden:
        lines.append(and_more(hidden, SEE_ALL))
    if not agenda.calls:
        lines.append("No calls today.")
    listed(
        agenda.to_debrief,
        lambda call: (
            f"To debrief — {weekday_text(call.when)} {time_text(call.when)}  "
            f"{call.account} ({call.kind})"
        ),
    )
    overdue = sum(1 for line in agenda.touches if line.item.days_overdue > 0)
    if agenda.touches:
        lines.append(
            f"{counted(len(agenda.touches), 'touch', 'touches')} due, {numeral(overdue)} overdue "
            "(t works through them)."
        )

    def promise_line(promise: AgendaPromise) -> str:
        whose = "You promised" if promise.whose == "mine" else "They promised"
        return f"{whose} ({promise.account}): {promise.what} — {promise.due}"

    listed(agenda.promises, promise_line)
    listed(agenda.stalled, lambda item: f"Stalled — {item[0]}: {item[1]}")
    listed(agenda.late, lambda item: f"Late — {item[0]}: {item[1]}")
    listed(agenda.behind, lambda item: f"{item[0]}: {item[1]}")
    if agenda.review:
        lines.append(agenda.review)
    return "\n".join(lines)


class MorningPlanScreen(CallActions, CoachScreen[DayPlan]):
    """Dismisses with the saved plan, or None when left for later.

    Leaving never loses typing: what differs from the saved plan is kept as the day's
    draft (also on quit) and is back in the fields when the plan is opened again that day.
    """

    _loaded: list[str] = ["", "", ""]  # what the fields held when opened
    _to_prepare: AgendaCall | None = None  # what ctrl+o preps
    _read_again = False  # the agenda is read again when the screen is back in front
    _agenda: Agenda | None = None
    _everything = False  # ctrl+l: every line of each list
    _reading = 0  # the latest agenda read asked for: an older answer is dropped
    _priority = 1  # the priority a pick from the agenda fills (the one focused last)

    HELP_NAME = "Morning plan"
    CSS_PATH = "entry.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="morning.save", tooltip="Save the day's plan"),
        Binding("escape", "later", "Later", id="morning.later",
                tooltip="Go to the dashboard; what you typed is kept (m opens it again)"),
        # Not letters: the priority fields have the focus and take what is typed.
        Binding("ctrl+g", "pick", "Pick", id="morning.pick",
                tooltip="Fill the priority you are in with an item of today's agenda"),
        Binding("ctrl+l", "whole_agenda", "All lines", id="morning.whole",
                tooltip="Show every line of each list in the agenda, or cut them again"),
        Binding("ctrl+o", "prep", "Prep the call", id="morning.prep",
                tooltip="Prepare today's next call that has no outcome yet"),
    ]  # fmt: skip

    def compose(self) -> ComposeResult:
        yield Header()
        # The why and the coach's line sit above the agenda, outside its scroll: whatever
        # the agenda's length or the terminal's size, they are on the first screen, and
        # focusing a priority never scrolls them away.
        yield Static("", id="morning-why", classes="muted")
        yield Static("", id="morning-coach", classes="flag")
        # The agenda scrolls; the priorities below it stay in view whatever its length.
        with VerticalScroll(id="morning-agenda-body"):
            yield Static("Today", classes="section-title")
            yield Static(READING, id="morning-agenda", classes="muted")
        with Vertical(id="morning-priorities"):
            yield Static("Three priorities for today", classes="section-title")
            yield Static(
                "What would make today a good day, even if nothing else gets done? "
                "Pick from the agenda (ctrl+g) or write your own.",
                classes="muted",
            )
            for number in range(1, PRIORITIES_PER_DAY + 1):
                yield Field(f"Priority {number}", field_id=f"priority-{number}", max_length=200)
        yield KeyFooter()

    def on_mount(self) -> None:
        repo = self.coach.repo
        today = self.coach.now().date()
        self.sub_title = f"Morning plan · {weekday_text(today)}"
        self.read_agenda()
        try:
            why = repo.why.current()
            existing = repo.days.get(today)
            earlier = repo.days.latest_before(today) if existing is None else None
            draft = repo.days.typed(today)
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=15, markup=False)
            return
        self._show_why(why.statement if why else "")
        texts = [
            editable(text)
            for text in (
                [p.text for p in existing.priorities]
                if existing
                else (earlier.unfinished if earlier else [])
            )
        ]
        self._loaded = [*texts[:PRIORITIES_PER_DAY], "", "", ""][:PRIORITIES_PER_DAY]
        typed = self._loaded
        if draft is not None:
            typed = [editable(text) for text in draft]
        for number, text in zip(self._numbers(), typed, strict=True):
            self._field(number).input.value = text
        self._field(1).input.focus()

    @staticmethod
    def _numbers() -> range:
        return range(1, PRIORITIES_PER_DAY + 1)

    def _field(self, number: int) -> Field:
        return self.query_one(f"#priority-{number}-field", Field)

    def _show_why(self, why: str) -> None:
        self.query_one("#morning-why", Static).update(plain(f"“{why}”" if why else ""))

    def read_agenda(self) -> None:
        """Read today's agenda in a worker; it is shown when it arrives (`AgendaRead`)."""
        self._reading += 1
        self._read_in_worker(self.coach.now(), self._reading)

    @work(thread=True, exclusive=True, group="morning-agenda")
    def _read_in_worker(self, now: datetime, reading: int) -> None:
        try:
            # Kept as the digest too: a status line's `coach today` then reads a few KB.
            agenda = todays_agenda_kept(self.coach.repo, now)
        except StoreError as error:
            self.post_message(AgendaReadFailed(str(error), reading))
            return
        self.post_message(AgendaRead(agenda, now, reading))

    @on(AgendaRead)
    def _agenda_read(self, message: AgendaRead) -> None:
        if message.reading != self._reading:
            return  # a newer read is under way
        agenda = self._agenda = message.agenda
        self._show_why(agenda.why)
        self.query_one("#morning-agenda", Static).remove_class("muted")
        self._draw_agenda()
        self.query_one("#morning-coach", Static).update(plain(f"Coach: {agenda.coach_line}"))
        self._to_prepare = call_to_prepare(agenda, message.now)
        self.refresh_bindings()
        self._shown()

    def _shown(self) -> None:
        """Once drawn, tell the app the plan shows what it read (the day's backup waits
        for that, so it does not compete with the first screen)."""
        self.call_after_refresh(self.app.post_message, FirstScreenShown())

    @on(AgendaReadFailed)
    def _agenda_failed(self, message: AgendaReadFailed) -> None:
        if message.reading != self._reading:
            return
        if self._agenda is None:
            self.query_one("#morning-agenda", Static).update(
                plain("Today's agenda could not be read; your priorities below still save.")
            )
        self._shown()
        self.notify(message.reason, severity="error", timeout=15, markup=False)

    def _draw_agenda(self) -> None:
        if self._agenda is not None:
            text = agenda_text(self._agenda, everything=self._everything)
            self.query_one("#morning-agenda", Static).update(plain(text))

    def action_whole_agenda(self) -> None:
        """Every line of each list, or back to the short agenda."""
        self._everything = not self._everything
        self._draw_agenda()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        for number in self._numbers():
            if event.widget is self._field(number).input:
                self._priority = number

    def action_pick(self) -> None:
        """Offer the agenda's items as priorities; the chosen one fills the priority the
        seller is in (or the first empty one when the focus is elsewhere)."""
        if self._agenda is None:
            self.notify("Today's agenda is still being read: try again in a moment.")
            return
        picks = priority_picks(self._agenda)
        if not picks:
            self.notify("Nothing on today's agenda to pick: write your own priorities.")
            return
        number = self._priority

        def picked(choice: str | None) -> None:
            if choice is None:
                return
            box = self._field(number).input
            box.value = editable(picks[int(choice)])
            box.focus()

        self.coach.open(
            AccountPickerRoute(
                {str(index): pick for index, pick in enumerate(picks)},
                f"Pick from today's agenda for priority {number}",
                keep_order=True,
            ),
            picked,
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "prep":
            return self._to_prepare is not None  # in the footer only when there is one
        return True

    def highlighted_call(self) -> Call | None:
        """The call ctrl+o prepares: today's next one without an outcome (raises
        StoreError like any read)."""
        target = self._to_prepare
        return None if target is None else self.coach.repo.calls.get(target.uid)

    def action_prep(self) -> None:
        """Open the prep of today's next unprepared call; the agenda is read again after."""
        try:
            call = self.highlighted_call()
        except StoreError as error:
            self._failed(error)
            return
        if call is None:  # moved or deleted elsewhere since the agenda was read
            self.read_agenda()
            return
        self._read_again = True
        self.start_prep(call)

    def on_screen_resume(self) -> None:
        if self._read_again:
            self._read_again = False
            self.read_agenda()

    def action_save(self) -> None:
        fields = [self._field(n) for n in self._numbers()]
        texts: list[str] = []
        ok = True
        for number, field in enumerate(fields, start=1):
            try:
                text = validate_priority(field.value, number=number)
                field.clear_feedback()
            except ValidationError as error:
                field.say(error.message)
                ok = False
                continue
            if text:
                texts.append(text)
        if not ok:
            return
        if not texts:
            fields[0].say("Name at least one thing that would make today count.")
            return
        repo = self.coach.repo
        today = self.coach.now().date()
        try:
            existing = repo.days.get(today)
            done = {p.text for p in existing.priorities if p.done} if existing else set()
            plan = DayPlan(
                today,
                tuple(Priority(text, text in done) for text in texts),
                planned_at=self.coach.now(),
                uid=existing.uid if existing else DayPlan(today).uid,
            )
            save_day_plan(repo, plan, draft=MORNING_FLOW)
        except StoreError as error:
            fields[0].say(str(error))
            return
        self.dismiss(plan)

    def _typed(self) -> list[str]:
        return [self._field(n).value for n in self._numbers()]

    def save_draft(self) -> None:
        """Keep what was typed as today's draft, or drop the draft when the fields hold
        the saved plan again (raises StoreError like any write)."""
        typed = self._typed()
        now = self.coach.now()
        if [text.strip() for text in typed] == [text.strip() for text in self._loaded]:
            self.coach.repo.days.drop_typed()
        else:
            self.coach.repo.days.keep_typed(now.date(), typed, now)

    def action_later(self) -> None:
        """Leave now; what was typed stays as the day's draft, back when the plan reopens."""
        try:
            self.save_draft()
        except StoreError as error:
            self.notify(
                f"{error} What you typed is still on the screen: ctrl+s saves the plan.",
                severity="error",
                timeout=15,
                markup=False,
            )
            return
        self.dismiss(None)
