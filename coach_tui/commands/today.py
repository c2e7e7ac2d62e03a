"""`coach today`: the day's agenda in a plain terminal, then exit.

Reads without the lock (one consistent snapshot of the files, see `store/snapshot.py`), so
it works while the app is open. Rich honours NO_COLOR by itself; `--plain` also drops
colour; `--json` is for scripts and status lines.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coach_tui.coaching.agenda import Agenda, build_agenda
from coach_tui.coaching.calls import stalls_in
from coach_tui.coaching.dashboard import goal_lines, touch_lines
from coach_tui.coaching.review import review_reminder
from coach_tui.model.clock import Clock, system_clock
from coach_tui.process import collector_paused
from coach_tui.store.repository import Repository

if TYPE_CHECKING:
    # Rich is imported when the agenda is printed, so `--json` (status lines) skips it.
    from rich.console import Console

SHOWN_TOUCHES = 8
SHOWN_PROMISES = 5
SHOWN_LATE = 3


def agenda_from(repo: Repository, now: datetime) -> Agenda:
    """Today's agenda from an open repository (the morning plan shows the same one)."""
    today = now.date()
    names = repo.accounts.names()
    digest = repo.calls.digest(now)
    why = repo.why.current()
    agenda = build_agenda(
        now,
        why.statement if why else "",
        calls=[*digest.awaiting_debrief, *digest.upcoming],
        touches=touch_lines(repo.touches.open_due_by(today), today, names, repo.contacts.names()),
        commitments=repo.calls.open_commitments(),
        stalls=stalls_in(digest.history, today, weeks=repo.settings.get().stall_weeks),
        goals=goal_lines(repo.goals.current(today), today),
        names=names,
        objectives=repo.objectives.all_open(),
    )
    return replace(agenda, review=review_reminder(today, repo.reviews.weeks()))


def read_agenda(data_dir: Path, clock: Clock = system_clock) -> Agenda:
    # Its records form no cycles: the collector would only walk them again and again.
    with collector_paused():
        repo = Repository.open(data_dir, read_only=True, clock=clock)
        try:
            return agenda_from(repo, clock())
        finally:
            repo.close()


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
        "behind_pace": [{"goal": g, "coach": s} for g, s in agenda.behind],
        "late_objectives": [{"account": a, "objective": o} for a, o in agenda.late],
        "review": agenda.review or None,
        "coach": agenda.coach_line,
    }


def print_agenda(agenda: Agenda, out: Console) -> None:
    from rich.table import Table
    from rich.text import Text

    today = agenda.today
    out.print(Text(f"coach — {today:%A} {today.day} {today:%b %Y}", style="bold"))
    if agenda.why:
        out.print(Text(f"“{agenda.why}”", style="italic"))
    calls = Table(title="Calls today", title_justify="left", show_header=False, box=None)
    for call in agenda.calls:
        outcome = (
            Text(f"→ {call.outcome}")
            if call.outcome
            else Text("⚠ no outcome yet — prep it", style="bold red")
        )
        calls.add_row(f"{call.when:%H:%M}", Text(call.account, style="bold"), call.kind, outcome)
    out.print(calls if agenda.calls else Text("No calls today.", style="dim"))
    if agenda.touches:
        title = f"Touches due ({len(agenda.touches)})"
        touches = Table(title=title, title_justify="left", show_header=False, box=None)
        for line in agenda.touches[:SHOWN_TOUCHES]:
            late = line.item.days_overdue
            touches.add_row(
                Text(f"{late}d late" if late else "today", style="red" if late else "green"),
                Text(line.account, style="bold"),
                Text(line.who),
                line.item.touch.channel.value,
            )
        out.print(touches)
        if len(agenda.touches) > SHOWN_TOUCHES:
            out.print(Text(f"… and {len(agenda.touches) - SHOWN_TOUCHES} more.", style="dim"))
    for promise in agenda.promises[:SHOWN_PROMISES]:
        whose = "You promised" if promise.whose == "mine" else "They promised"
        out.print(Text(f"{whose} ({promise.account}): {promise.what} — {promise.due}"))
    if len(agenda.promises) > SHOWN_PROMISES:
        more = len(agenda.promises) - SHOWN_PROMISES
        out.print(Text(f"… and {more} more promises due.", style="dim"))
    for account, question in agenda.stalled[:3]:
        out.print(Text(f"Stalled — {account}: {question}", style="yellow"))
    for goal, sentence in agenda.behind:
        out.print(Text(f"{goal}: {sentence}", style="yellow"))
    for account, what in agenda.late[:SHOWN_LATE]:
        out.print(Text(f"Late — {account}: {what}", style="yellow"))
    if len(agenda.late) > SHOWN_LATE:
        out.print(Text(f"… and {len(agenda.late) - SHOWN_LATE} more objectives late.", style="dim"))
    if agenda.review:
        out.print(Text(agenda.review, style="cyan"))
    out.print(Text(f"Coach: {agenda.coach_line}", style="bold"))


def run_today(
    data_dir: Path,
    *,
    as_json: bool = False,
    plain: bool = False,
    clock: Clock = system_clock,
    console: Console | None = None,
) -> int:
    """Print the agenda; exit code 0 (a missing folder simply has an empty agenda)."""
    agenda = read_agenda(data_dir, clock)
    if as_json:
        # print() also copes with a closed standard output (sys.stdout is None then).
        print(json.dumps(agenda_json(agenda), ensure_ascii=False))
        return 0
    from coach_tui.commands.console import CommandConsole

    # Rich itself honours NO_COLOR; --plain asks for the same explicitly.
    print_agenda(agenda, console or CommandConsole(no_color=plain or None, highlight=False))
    return 0
