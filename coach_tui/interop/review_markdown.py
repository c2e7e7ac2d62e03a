"""A weekly review as Markdown: for `coach export review` and the read-only review view.

Text the seller typed is written as it is, but characters that would turn it into Markdown
structure are escaped so a note cannot reshape the document: anywhere in a line, emphasis,
code, links, HTML, table pipes and entities (`&copy;`); at the start of a line, what opens
a block (`#`, `>`, `- `, `+ `, `1. `, `2) `) or underlines a heading (`---`, `===`). Control
codes are shown as their pictures (`printable()`), so a hand-edited record cannot send
escape codes to whoever reads the file in a terminal.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import tzinfo

from coach_tui.coaching.week_report import WeekReport, headings
from coach_tui.model.day_text import moment_text
from coach_tui.model.review import WeekReview
from coach_tui.model.text import printable
from coach_tui.model.wording import counted

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|&~])")
# What opens a list item ("- ", "+ ", "1. ", "2) ") or, alone on its line, makes a rule or
# underlines a heading ("---", "==="), when it starts a line; plain text anywhere else.
_LINE_START = re.compile(
    r"^([ \t]*)(?:([-+])(?=[ \t]|$)|([-=])(?=[-= \t]*$)|(\d{1,9})([.)])(?=[ \t]|$))",
    re.MULTILINE,
)


def _line_start(match: re.Match[str]) -> str:
    indent, bullet, rule, number, delimiter = match.groups()
    marker = bullet or rule
    return f"{indent}\\{marker}" if marker else f"{indent}{number}\\{delimiter}"


def escape(text: str) -> str:
    """Text safe inside Markdown: structure characters backslashed, control codes shown
    as pictures, line breaks kept."""
    return _LINE_START.sub(_line_start, _SPECIAL.sub(r"\\\1", printable(text)))


def _inline(text: str) -> str:
    """One-line text on one line: a line break in a hand-edited focus item or skill name
    could otherwise start a heading or a rule (`---`) of its own."""
    return escape(" ".join(text.split()))


def _paragraph(text: str) -> str:
    # printable() first: splitlines() would also break at form feeds and other controls.
    # Each line starts at the margin: indented after a blank line it would be code.
    lines = [escape(line.strip()) for line in printable(text).strip().splitlines()]
    return "  \n".join(lines) if lines else "_Nothing written._"


def review_markdown(
    report: WeekReport,
    review: WeekReview | None,
    *,
    call_labels: Mapping[str, str] | None = None,
    zone: tzinfo | None = None,
) -> str:
    """The whole review of `report.week`; without a saved review, the figures and a note.

    Times are shown in `zone`, the seller's zone now (as stored when not given).
    """
    out = [f"# Weekly review · {report.week.label}", ""]
    out += ["## The week in numbers", "", escape(report.summary), ""]
    if report.reading:
        out += [f"- {_inline(line)}" for line in report.reading] + [""]
    out += _table(report)
    if review is None:
        out += ["", "_No review was written for this week._", ""]
        return "\n".join(out)
    if review.saved_at is not None:
        saved = review.saved_at.astimezone(zone) if zone else review.saved_at
        out[1:1] = ["", f"Saved {moment_text(saved)}."]
    sections = (
        ("What the numbers say", review.figures_note),
        ("What went well", review.went_well),
        ("What did not", review.went_badly),
        ("What I learned about my clients", review.learned),
    )
    for title, text in sections:
        out += ["", f"## {title}", "", _paragraph(text)]
    if review.skills:
        out += ["", "## Getting better", ""]
        for skill in review.skills:
            rating = f" — rated {skill.rating}/5" if skill.rating is not None else ""
            practised = "practised" if skill.practised else "not practised"
            out.append(f"- **{_inline(skill.skill)}**: {practised}{rating}")
            if skill.example.strip():
                out.append(f"  - Example: {_inline(skill.example)}")
    out += ["", "## Next week's focus", ""]
    out += [f"{n}. {_inline(item)}" for n, item in enumerate(review.focus, 1)] or ["_None set._"]
    if review.key_call_uids:
        labels = call_labels or {}
        out += ["", "## Key calls to prep", ""]
        out += [
            f"- {_inline(labels.get(uid, 'a call no longer scheduled'))}"
            for uid in review.key_call_uids
        ]
    if review.cleared:
        settled = counted(review.cleared, "open touch or promise", "open touches and promises")
        out += ["", f"Settled {settled} in the clear-up."]
    out.append("")
    return "\n".join(out)


def _table(report: WeekReport) -> Sequence[str]:
    rows = [
        "| " + " | ".join(("Figure", *headings(report.figures.running)[1:4])) + " | Trend |",
        "|---|---:|---:|---:|:---:|",
    ]
    rows += [
        f"| {_inline(row.label)} | {_inline(row.this_week)} | {_inline(row.last_week)} | "
        f"{_inline(row.average)} | {_inline(row.trend)} |"
        for row in report.rows
    ]
    return rows
