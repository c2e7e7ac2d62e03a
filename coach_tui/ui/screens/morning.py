"""The morning plan: the why, today's agenda, and three priorities for the day.

Shown first once a day (until the day has a plan) and on `m` from the dashboard. The
agenda is the one `coach today` prints; yesterday's unfinished priorities are offered
again so nothing important silently drops. A call today without an outcome is one key
away from its prep (ctrl+o), after which the agenda is read again.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header, Static

from coach_tui.coaching.agenda import Agenda, AgendaCall, call_to_prepare
from coach_tui.commands.today import agenda_from
from coach_tui.model.call import Call
from coach_tui.model.day import PRIORITIES_PER_DAY, DayPlan, Priority, validate_priority
from coach_tui.model.errors import ValidationError
from coach_tui.store.errors import StoreError
from coach_tui.ui.screens.base import CoachScreen
from coach_tui.ui.screens.call_actions import CallActions
from coach_tui.ui.screens.confirm import ConfirmScreen
from coach_tui.ui.text import editable, plain
from coach_tui.ui.widgets.field import Field
from coach_tui.ui.widgets.key_footer import KeyFooter
from coach_tui.ui.widgets.scroll import VerticalScroll


def agenda_text(agenda: Agenda) -> str:
    """The agenda in a few plain lines."""
    lines = []
    for call in agenda.calls:
        outcome = f"→ {call.outcome}" if call.outcome else "⚠ no outcome yet — prep it (ctrl+o)"
        lines.append(f"{call.when:%H:%M}  {call.account} ({call.kind})  {outcome}")
    if not agenda.calls:
        lines.append("No calls today.")
    overdue = sum(1 for line in agenda.touches if line.item.days_overdue > 0)
    if agenda.touches:
        lines.append(
            f"{len(agenda.touches)} touches due, {overdue} overdue (t works through them)."
        )
    for promise in agenda.promises[:3]:
        whose = "You promised" if promise.whose == "mine" else "They promised"
        lines.append(f"{whose} ({promise.account}): {promise.what} — {promise.due}")
    for account, question in agenda.stalled[:2]:
        lines.append(f"Stalled — {account}: {question}")
    for account, what in agenda.late[:2]:
        lines.append(f"Late — {account}: {what}")
    if len(agenda.late) > 2:
        lines.append(f"… and {len(agenda.late) - 2} more objectives past their date (a).")
    for goal, sentence in agenda.behind[:2]:
        lines.append(f"{goal}: {sentence}")
    if agenda.review:
        lines.append(agenda.review)
    return "\n".join(lines)


class MorningPlanScreen(CallActions, CoachScreen[DayPlan]):
    """Dismisses with the saved plan, or None when left for later."""

    _loaded: list[str] = ["", "", ""]  # what the fields held when opened
    _to_prepare: AgendaCall | None = None  # what ctrl+o preps
    _read_again = False  # the agenda is read again when the screen is back in front

    HELP_NAME = "Morning plan"
    CSS_PATH = "entry.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save the day's plan", id="morning.save"),
        Binding("escape", "later", "Later", id="morning.later",
                tooltip="Go to the dashboard; the plan can wait (m opens it again)"),
        # Not a letter: the priority fields have the focus and take what is typed.
        Binding("ctrl+o", "prep", "Prep the call", id="morning.prep",
                tooltip="Prepare today's next call that has no outcome yet"),
    ]  # fmt: skip

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="entry-body"):
            yield Static("", id="morning-why", classes="muted")
            yield Static("Today", classes="section-title")
            yield Static("", id="morning-agenda")
            yield Static("", id="morning-coach", classes="flag")
            yield Static("Three priorities for today", classes="section-title")
            yield Static(
                "What would make today a good day, even if nothing else gets done? "
                "Pick from the agenda or write your own.",
                classes="muted",
            )
            for number in range(1, PRIORITIES_PER_DAY + 1):
                yield Field(f"Priority {number}", field_id=f"priority-{number}", max_length=200)
        yield KeyFooter()

    def on_mount(self) -> None:
        repo = self.coach.repo
        today = self.coach.now().date()
        self.sub_title = f"Morning plan · {today:%A} {today.day} {today:%b}"
        try:
            self.show_agenda()
            existing = repo.days.get(today)
            earlier = repo.days.latest_before(today) if existing is None else None
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=15, markup=False)
            return
        texts = [
            editable(text)
            for text in (
                [p.text for p in existing.priorities]
                if existing
                else (earlier.unfinished if earlier else [])
            )
        ]
        for number, text in enumerate(texts[:PRIORITIES_PER_DAY], start=1):
            self.query_one(f"#priority-{number}-field", Field).input.value = text
        self._loaded = [*texts[:PRIORITIES_PER_DAY], "", "", ""][:PRIORITIES_PER_DAY]
        self.query_one("#priority-1-field", Field).input.focus()

    def show_agenda(self) -> None:
        """Read today's agenda and show it (raises StoreError like any read)."""
        now = self.coach.now()
        agenda = agenda_from(self.coach.repo, now)
        self.query_one("#morning-why", Static).update(
            plain(f"“{agenda.why}”" if agenda.why else "")
        )
        self.query_one("#morning-agenda", Static).update(plain(agenda_text(agenda)))
        self.query_one("#morning-coach", Static).update(plain(f"Coach: {agenda.coach_line}"))
        self._to_prepare = call_to_prepare(agenda, now)
        self.refresh_bindings()

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
            self._read_agenda_again()
            return
        self._read_again = True
        self.start_prep(call)

    def on_screen_resume(self) -> None:
        if self._read_again:
            self._read_again = False
            self._read_agenda_again()

    def _read_agenda_again(self) -> None:
        try:
            self.show_agenda()
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=15, markup=False)

    def action_save(self) -> None:
        fields = [self.query_one(f"#priority-{n}-field", Field) for n in range(1, 4)]
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
            repo.days.save(plan)
        except StoreError as error:
            fields[0].say(str(error))
            return
        self.dismiss(plan)

    def action_later(self) -> None:
        """Leave for now — asking first if priorities were typed and not saved."""
        typed = any(
            self.query_one(f"#priority-{n}-field", Field).value.strip() != self._loaded[n - 1]
            for n in range(1, PRIORITIES_PER_DAY + 1)
        )
        if not typed:
            self.dismiss(None)
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen(
                "Leave without saving today's priorities? What you typed is not kept.",
                confirm="Leave",
                keep="Keep planning",
            ),
            answered,
        )
