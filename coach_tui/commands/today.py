"""`coach today`: the day's agenda in a plain terminal, then exit.

Reads without the lock (one consistent snapshot of the files, see `store/snapshot.py`), so
it works while the app is open. Rich honours NO_COLOR by itself; `--plain` prints plain
text (no colour, no style); `--json` is for scripts and status lines. Stored text is shown
literally in all three (see `commands/output.py`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coach_tui.coaching.agenda import Agenda
from coach_tui.coaching.lists import Item, and_more, cut
from coach_tui.commands.output import data, line, print_json
from coach_tui.model.clock import Clock, system_clock
from coach_tui.model.day_text import time_text, weekday_day_text, weekday_text
from coach_tui.process import collector_paused
from coach_tui.services.agenda import todays_agenda
from coach_tui.store.repository import Repository

if TYPE_CHECKING:
    # Rich is imported when the agenda is printed, so `--json` (status lines) skips it.
    from rich.console import Console

SHOWN_TOUCHES = 8
SHOWN_PROMISES = 5
SHOWN_LATE = 3
SHOWN_STALLED = 3
SHOWN_TO_DEBRIEF = 5
SEE_ALL = "coach today --all shows them"


def read_agenda(data_dir: Path, clock: Clock = system_clock) -> Agenda:
    # Its records form no cycles: the collector would only walk them again and again.
    with collector_paused(), Repository.open(data_dir, read_only=True, clock=clock) as repo:
        return todays_agenda(repo, clock())


def agenda_json(agenda: Agenda) -> dict[str, Any]:
    """A stable, documented shape for scripts (see README)."""
    return {
        "date": agenda.today.isoformat(),
        "why": agenda.why,
        "calls": [
            {
                "time": c.when.isoformat(),
                "account": c.account,
                "kind": c.kind,
                "outcome": c.outcome or None,
            }
            for c in agenda.calls
        ],
        "touches": [
            {
                "due": line.item.touch.due.isoformat(),
                "days_overdue": line.item.days_overdue,
                "account": line.account,
                "to": line.who,
                "channel": line.item.touch.channel.value,
                "purpose": line.item.touch.purpose.value,
            }
            for line in agenda.touches
        ],
        "promises": [
            {"account": p.account, "whose": p.whose, "what": p.what, "due": p.due}
            for p in agenda.promises
        ],
        "stalled": [{"account": a, "question": q} for a, q in agenda.stalled],
        "to_debrief": [
            {"time": c.when.isoformat(), "account": c.account, "kind": c.kind}
            for c in agenda.to_debrief
        ],
        "behind_pace": [{"goal": g, "coach": s} for g, s in agenda.behind],
        "late_objectives": [{"account": a, "objective": o} for a, o in agenda.late],
        "review": agenda.review or None,
        "coach": agenda.coach_line,
    }


def print_agenda(agenda: Agenda, out: Console, *, everything: bool = False) -> None:
    """The agenda for a person at a terminal; every stored text goes through `data()`.

    Long lists are cut, each ending with how many were left out; `everything` prints them
    whole (`coach today --all`).
    """
    from rich.table import Table

    def shown(items: Sequence[Item], limit: int) -> Sequence[Item]:
        return items if everything else cut(items, limit)[0]

    def more(items: Sequence[object], limit: int) -> None:
        hidden = 0 if everything else cut(items, limit)[1]
        if hidden:
            out.print(line(and_more(hidden, SEE_ALL), style="dim"))

    today = agenda.today
    out.print(line(f"coach — {weekday_day_text(today)}", style="bold"))
    if agenda.why:
        out.print(line("“", data(agenda.why), "”", style="italic"))
    calls = Table(title="Calls today", title_justify="left", show_header=False, box=None)
    for call in agenda.calls:
        outcome = (
            line("→ ", data(call.outcome))
            if call.outcome
            else line("⚠ no outcome yet — prep it", style="bold red")
        )
        calls.add_row(
            line(f"{call.when:%H:%M}"), data(call.account, "bold"), data(call.kind), outcome
        )
    out.print(calls if agenda.calls else line("No calls today.", style="dim"))
    if agenda.to_debrief:
        title = line(f"To debrief ({len(agenda.to_debrief)})")
        waiting = Table(title=title, title_justify="left", show_header=False, box=None)
        for call in shown(agenda.to_debrief, SHOWN_TO_DEBRIEF):
            waiting.add_row(
                line(f"{weekday_text(call.when)} {time_text(call.when)}"),
                data(call.account, "bold"),
                data(call.kind),
            )
        out.print(waiting)
        more(agenda.to_debrief, SHOWN_TO_DEBRIEF)
    if agenda.touches:
        title = line(f"Touches due ({len(agenda.touches)})")
        touches = Table(title=title, title_justify="left", show_header=False, box=None)
        for touch in shown(agenda.touches, SHOWN_TOUCHES):
            late = touch.item.days_overdue
            touches.add_row(
                line(f"{late}d late" if late else "today", style="red" if late else "green"),
                data(touch.account, "bold"),
                data(touch.who),
                data(touch.item.touch.channel.value),
            )
        out.print(touches)
        more(agenda.touches, SHOWN_TOUCHES)
    for promise in shown(agenda.promises, SHOWN_PROMISES):
        whose = "You promised" if promise.whose == "mine" else "They promised"
        out.print(line(f"{whose} (", data(promise.account), "): ", data(promise.what), " — ",
                       data(promise.due)))  # fmt: skip
    more(agenda.promises, SHOWN_PROMISES)
    for account, question in shown(agenda.stalled, SHOWN_STALLED):
        out.print(line("Stalled — ", data(account), ": ", data(question), style="yellow"))
    more(agenda.stalled, SHOWN_STALLED)
    for goal, sentence in agenda.behind:
        out.print(line(data(goal), ": ", data(sentence), style="yellow"))
    for account, what in shown(agenda.late, SHOWN_LATE):
        out.print(line("Late — ", data(account), ": ", data(what), style="yellow"))
    more(agenda.late, SHOWN_LATE)
    if agenda.review:
        out.print(data(agenda.review, "cyan"))
    out.print(line("Coach: ", data(agenda.coach_line), style="bold"))


def run_today(
    data_dir: Path,
    *,
    as_json: bool = False,
    plain: bool = False,
    everything: bool = False,
    clock: Clock = system_clock,
    console: Console | None = None,
) -> int:
    """Print the agenda; exit code 0 (a missing folder simply has an empty agenda)."""
    agenda = read_agenda(data_dir, clock)
    if as_json:
        print_json(agenda_json(agenda))
        return 0
    from coach_tui.commands.console import CommandConsole

    if console is None:
        # Rich itself honours NO_COLOR (no colour, bold kept). --plain is plain text: no
        # colour, no style, not one escape code, whatever the terminal.
        console = CommandConsole(highlight=False, color_system=None if plain else "auto")
    print_agenda(agenda, console, everything=everything)
    return 0
