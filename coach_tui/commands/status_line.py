"""`coach today --format TEMPLATE`: one line for a tmux status bar or a starship prompt.

The template is Python's `str.format` with named fields only (`{calls} calls · next
{next_time} {next_account}`; `{{` and `}}` are braces). The fields are `FIELDS`, each a
count (an int, so `{overdue:>2}` works) or a text; the texts about the next call are empty
when no call is left today. Stored text is made safe for a terminal (`printable()`) and
kept on one line: a status bar must not receive an escape code or a line break from a
name typed into a note.

The template is checked before anything is read, with sample values of the same types, so
a wrong field name or a bad format spec is one sentence and exit 2, never a traceback.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from coach_tui.model.day_text import time_text
from coach_tui.model.text import printable

# name → what it holds; the order is the one the README and the error list them in.
FIELDS: dict[str, str] = {
    "calls": "calls today",
    "calls_left": "calls today still ahead",
    "unprepared": "calls today without an outcome",
    "next_time": "the next call's time (14:30)",
    "next_in": "how long until it (25m, 2h05m)",
    "next_account": "the next call's account",
    "next_kind": "the next call's kind (call, meeting …)",
    "next_outcome": "the next call's outcome, if written",
    "debriefs": "calls waiting for their debrief",
    "touches_due": "touches due today or late",
    "overdue": "touches late",
    "promises": "promises due today or late, yours and theirs",
    "promises_late": "promises past their day",
    "stalled": "stalled accounts",
    "behind": "goals behind pace",
    "late_objectives": "objectives past their date",
    "coach": "the coach's line",
    "why": "your why",
    "date": "today (2026-12-02)",
}
_TEXT_FIELDS = frozenset(
    {"next_time", "next_in", "next_account", "next_kind", "next_outcome", "coach", "why", "date"}
)
_SAMPLE: dict[str, Any] = {name: "" if name in _TEXT_FIELDS else 0 for name in FIELDS}


class TemplateError(ValueError):
    """A `--format` template that cannot be filled: the message says why, in one sentence."""


def check_template(template: str) -> None:
    """Raise `TemplateError` unless every field is known and the template formats."""
    for name in _field_names(template):
        if name not in FIELDS:
            shown = f"'{name}'" if name else "a field without a name ({})"
            raise TemplateError(
                f"coach today --format: there is no field {shown}. The fields are: "
                f"{', '.join(FIELDS)}."
            )
    try:
        template.format_map(_SAMPLE)
    except (ValueError, TypeError, KeyError, IndexError) as error:
        raise TemplateError(
            f"coach today --format: the template cannot be filled ({error}). Write a field as "
            "{calls}, a number's width as {calls:>2}, and a brace as {{ or }}."
        ) from None


def status_line(template: str, view: dict[str, Any], now: datetime) -> str:
    """`template` filled from the agenda's view (`check_template` passed)."""
    return template.format_map(status_fields(view, now))


def status_fields(view: dict[str, Any], now: datetime) -> dict[str, Any]:
    """Every field's value at `now`: the next call is the first not yet begun."""
    calls = view["calls"]
    ahead = [call for call in calls if datetime.fromisoformat(call["time"]) >= now]
    upcoming = ahead[0] if ahead else None
    when = datetime.fromisoformat(upcoming["time"]) if upcoming else None
    return {
        "calls": len(calls),
        "calls_left": len(ahead),
        "unprepared": sum(1 for call in calls if not call["outcome"]),
        "next_time": time_text(when) if when else "",
        "next_in": _duration(when - now) if when else "",
        "next_account": one_line(upcoming["account"]) if upcoming else "",
        "next_kind": one_line(upcoming["kind"]) if upcoming else "",
        "next_outcome": one_line(upcoming["outcome"] or "") if upcoming else "",
        "debriefs": len(view["to_debrief"]),
        "touches_due": len(view["touches"]),
        "overdue": sum(1 for touch in view["touches"] if touch["days_overdue"] > 0),
        "promises": len(view["promises"]),
        "promises_late": sum(1 for promise in view["promises"] if promise["days_late"] > 0),
        "stalled": len(view["stalled"]),
        "behind": len(view["behind_pace"]),
        "late_objectives": len(view["late_objectives"]),
        "coach": one_line(view["coach"]),
        "why": one_line(view["why"]),
        "date": view["date"],
    }


def one_line(text: str) -> str:
    """Stored text safe for a status bar: control codes as pictures, breaks as spaces."""
    return " ".join(printable(text).split())


def _field_names(template: str) -> list[str]:
    """Every field named in `template`; one inside a format spec is refused."""
    import string  # only a --format run needs it; `coach` reads FIELDS for its help

    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as error:
        raise TemplateError(
            f"coach today --format: the template is not valid ({error}). Write a field as "
            "{calls} and a brace as {{ or }}."
        ) from None
    names = []
    for _literal, name, spec, _conversion in parsed:
        if name is not None:
            names.append(name)
        if spec and "{" in spec:  # its value, unknown until now, could make the spec wrong
            raise TemplateError(
                f"coach today --format: the format of {{{name}}} holds another field "
                f"('{spec}'); write it out, as in {{calls:>2}}."
            )
    return names


def _duration(left: timedelta) -> str:
    minutes = int(left.total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m" if hours else f"{minutes}m"
