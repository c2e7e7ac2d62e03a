"""The morning plan: the why, today's agenda, and three priorities for the day.

Shown first once a day (until the day has a plan) and on `m` from the dashboard. The
agenda is the one `coach today` prints; yesterday's unfinished priorities are offered
again so nothing important silently drops.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static

from coach_tui.coaching.agenda import Agenda, build_agenda
from coach_tui.coaching.calls import stalls_in
from coach_tui.coaching.dashboard import goal_lines, touch_lines
from coach_tui.model.day import PRIORITIES_PER_DAY, DayPlan, Priority, validate_priority
from coach_tui.model.errors import ValidationError
from coach_tui.store.errors import StoreError
from coach_tui.ui.screens.base import CoachScreen
from coach_tui.ui.screens.confirm import ConfirmScreen
from coach_tui.ui.text import plain
from coach_tui.ui.widgets.field import Field


def agenda_text(agenda: Agenda) -> str:
    """The agenda in a few plain lines."""
    lines = []
    for call in agenda.calls:
        outcome = f"→ {call.outcome}" if call.outcome else "⚠ no outcome yet — prep it (c, p)"
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
    for goal, sentence in agenda.behind[:2]:
        lines.append(f"{goal}: {sentence}")
    return "\n".join(lines)


class MorningPlanScreen(CoachScreen[DayPlan]):
    """Dismisses with the saved plan, or None when left for later."""

    _loaded: list[str] = ["", "", ""]  # what the fields held when opened

    HELP_NAME = "Morning plan"
    CSS_PATH = "entry.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save the day's plan", id="morning.save"),
        Binding("escape", "later", "Later", id="morning.later",
                tooltip="Go to the dashboard; the plan can wait (m opens it again)"),
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
        yield Footer()

    def on_mount(self) -> None:
        repo = self.coach.repo
        now = self.coach.now()
        today = now.date()
        self.sub_title = f"Morning plan · {today:%A} {today.day} {today:%b}"
        try:
            names = repo.accounts.names()
            digest = repo.calls.digest(now)
            why = repo.why.current()
            agenda = build_agenda(
                today,
                why.statement if why else "",
                calls=[*digest.awaiting_debrief, *digest.upcoming],
                touches=touch_lines(
                    repo.touches.open_due_by(today), today, names, repo.contacts.names()
                ),
                commitments=repo.calls.commitments(),
                stalls=stalls_in(digest.history, today, weeks=repo.settings.get().stall_weeks),
                goals=goal_lines(repo.goals.current(today), today),
                names=names,
            )
            existing = repo.days.get(today)
            earlier = repo.days.latest_before(today) if existing is None else None
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=15, markup=False)
            return
        self.query_one("#morning-why", Static).update(
            plain(f"“{agenda.why}”" if agenda.why else "")
        )
        self.query_one("#morning-agenda", Static).update(plain(agenda_text(agenda)))
        self.query_one("#morning-coach", Static).update(plain(f"Coach: {agenda.coach_line}"))
        texts = (
            [p.text for p in existing.priorities]
            if existing
            else (earlier.unfinished if earlier else [])
        )
        for number, text in enumerate(texts[:PRIORITIES_PER_DAY], start=1):
            self.query_one(f"#priority-{number}-field", Field).input.value = text
        self._loaded = [*texts[:PRIORITIES_PER_DAY], "", "", ""][:PRIORITIES_PER_DAY]
        self.query_one("#priority-1-field", Field).input.focus()

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
