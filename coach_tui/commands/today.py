"""`coach today`: the day's agenda in a plain terminal, then exit.

Reads without the lock (one consistent snapshot of the files, see `store/snapshot.py`), so
it works while the app is open; or, while nothing changed since, the agenda digest the
last reader left (`services/today_digest.py`): a status line runs this every few seconds.
Rich honours NO_COLOR by itself; `--plain` prints plain text (no colour, no style, no
trailing spaces); `--json` is for scripts (its shape is `agenda_view()`'s); `--format`
fills one line for a status bar (`status_line.py`). Stored text is shown literally in all
of them (see `commands/output.py`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coach_tui.coaching.lists import and_more, cut
from coach_tui.commands.output import data, line, print_json
from coach_tui.model.clock import Clock, system_clock
from coach_tui.model.day_text import time_text, weekday_day_text, weekday_text
from coach_tui.model.text import printable
from coach_tui.services.today_digest import View, cached_view

if TYPE_CHECKING:
    # Rich is imported when the agenda is printed, so `--json` and `--format` skip it; the
    # repository and the rules only when the digest does not hold (see `read_view`).
    from rich.console import Console

    from coach_tui.coaching.agenda import Agenda

SHOWN_TOUCHES = 8
SHOWN_PROMISES = 5
SHOWN_LATE = 3
SHOWN_STALLED = 3
SHOWN_TO_DEBRIEF = 5
SEE_ALL = "coach today --all shows them"


def read_view(data_dir: Path, now: datetime) -> View:
    """What `coach today` shows at `now`: from the digest while it holds (a few KB, no
    repository), else read from the files and kept as the new digest."""
    view = cached_view(data_dir, now)
    if view is not None:
        return view
    from coach_tui.services.today_digest import agenda_view

    return agenda_view(read_agenda(data_dir, now))


def read_agenda(data_dir: Path, now: datetime) -> Agenda:
    """The agenda read the full way, every live file through the repository, and kept as
    the digest for the next run."""
    from coach_tui.process import collector_paused
    from coach_tui.services.today_digest import todays_agenda_kept
    from coach_tui.store.repository import Repository

    # Its records form no cycles: the collector would only walk them again and again.
    with (
        collector_paused(),
        Repository.open(data_dir, read_only=True, clock=lambda: now) as repo,
    ):
        return todays_agenda_kept(repo, now)


def print_agenda(agenda: Agenda, out: Console, *, everything: bool = False) -> None:
    """`print_view()` of an agenda read just now."""
    from coach_tui.services.today_digest import agenda_view

    print_view(agenda_view(agenda), out, everything=everything)


def print_view(view: View, out: Console, *, everything: bool = False) -> None:
    """The agenda for a person at a terminal; every stored text goes through `data()`.

    Long lists are cut, each ending with how many were left out; `everything` prints them
    whole (`coach today --all`).
    """
    from rich.table import Table

    def shown(items: list[Any], limit: int) -> Sequence[Any]:
        return items if everything else cut(items, limit)[0]

    def more(items: list[Any], limit: int) -> None:
        hidden = 0 if everything else cut(items, limit)[1]
        if hidden:
            out.print(line(and_more(hidden, SEE_ALL), style="dim"))

    out.print(line(f"coach — {weekday_day_text(date.fromisoformat(view['date']))}", style="bold"))
    if view["why"]:
        out.print(line("“", data(view["why"]), "”", style="italic"))
    calls = Table(title="Calls today", title_justify="left", show_header=False, box=None)
    for call in view["calls"]:
        outcome = (
            line("→ ", data(call["outcome"]))
            if call["outcome"]
            else line("⚠ no outcome yet — prep it", style="bold red")
        )
        when = datetime.fromisoformat(call["time"])
        calls.add_row(
            line(time_text(when)), data(call["account"], "bold"), data(call["kind"]), outcome
        )
    out.print(calls if view["calls"] else line("No calls today.", style="dim"))
    if to_debrief := view["to_debrief"]:
        title = line(f"To debrief ({len(to_debrief)})")
        waiting = Table(title=title, title_justify="left", show_header=False, box=None)
        for call in shown(to_debrief, SHOWN_TO_DEBRIEF):
            when = datetime.fromisoformat(call["time"])
            waiting.add_row(
                line(f"{weekday_text(when)} {time_text(when)}"),
                data(call["account"], "bold"),
                data(call["kind"]),
            )
        out.print(waiting)
        more(to_debrief, SHOWN_TO_DEBRIEF)
    if due := view["touches"]:
        title = line(f"Touches due ({len(due)})")
        touches = Table(title=title, title_justify="left", show_header=False, box=None)
        for touch in shown(due, SHOWN_TOUCHES):
            late = touch["days_overdue"]
            touches.add_row(
                line(f"{late}d late" if late else "today", style="red" if late else "green"),
                data(touch["account"], "bold"),
                data(touch["to"]),
                data(touch["channel"]),
            )
        out.print(touches)
        more(due, SHOWN_TOUCHES)
    for promise in shown(view["promises"], SHOWN_PROMISES):
        whose = "You promised" if promise["whose"] == "mine" else "They promised"
        out.print(line(f"{whose} (", data(promise["account"]), "): ", data(promise["what"]),
                       " — ", data(promise["due"])))  # fmt: skip
    more(view["promises"], SHOWN_PROMISES)
    for stall in shown(view["stalled"], SHOWN_STALLED):
        out.print(line("Stalled — ", data(stall["account"]), ": ", data(stall["question"]),
                       style="yellow"))  # fmt: skip
    more(view["stalled"], SHOWN_STALLED)
    for behind in view["behind_pace"]:
        out.print(line(data(behind["goal"]), ": ", data(behind["coach"]), style="yellow"))
    for late in shown(view["late_objectives"], SHOWN_LATE):
        out.print(line("Late — ", data(late["account"]), ": ", data(late["objective"]),
                       style="yellow"))  # fmt: skip
    more(view["late_objectives"], SHOWN_LATE)
    if view["review"]:
        out.print(data(view["review"], "cyan"))
    out.print(line("Coach: ", data(view["coach"]), style="bold"))


def run_today(
    data_dir: Path,
    *,
    as_json: bool = False,
    plain: bool = False,
    everything: bool = False,
    template: str | None = None,
    clock: Clock = system_clock,
    console: Console | None = None,
) -> int:
    """Print the agenda (exit 0), or say what is wrong with `template` (exit 2)."""
    if template is not None:
        from coach_tui.commands.status_line import TemplateError, check_template, status_line

        try:
            check_template(template)  # before reading: a typo costs nothing
        except TemplateError as error:
            from coach_tui.commands.streams import print_error

            print_error(str(error))
            return 2
    now = clock()
    view = read_view(data_dir, now)
    if template is not None:
        # The fields are made safe one by one; the template is the user's own typing, yet
        # a status bar must not receive a control code from it either.
        print(printable(status_line(template, view, now)))
        return 0
    if as_json:
        print_json(view)
        return 0
    from coach_tui.commands.console import CommandConsole

    if console is not None:
        print_view(view, console, everything=everything)
    elif plain:
        print_plain(view, everything=everything)
    else:
        # Rich itself honours NO_COLOR (no colour, bold kept).
        print_view(view, CommandConsole(highlight=False), everything=everything)
    return 0


def print_plain(view: View, *, everything: bool = False) -> None:
    """`--plain`: plain text for a file or a script. No colour, no style, not one escape
    code whatever the terminal, and no trailing spaces (Rich pads table cells to their
    column's width, which `diff` and editors show as noise)."""
    import io

    from coach_tui.commands.console import CommandConsole

    width = CommandConsole().width  # the terminal's, else 80 as Rich decides
    buffer = CommandConsole(file=io.StringIO(), highlight=False, color_system=None, width=width)
    print_view(view, buffer, everything=everything)
    text = buffer.file.getvalue()  # type: ignore[attr-defined]
    # print() also copes with a closed standard output (sys.stdout is None then).
    print(printable("".join(part.rstrip() + "\n" for part in text.splitlines())), end="")
