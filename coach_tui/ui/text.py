"""The one door for the seller's words onto the screen, and dates written the same way everywhere.

Anything coach did not write itself — a name, a note, an outcome, a file name, an error
that quotes a file — reaches a widget only through `plain()` (Textual content), `cell()`
(a DataTable cell) or `editable()` (the starting value of an input). All three make
control codes visible (`printable`), and the first two never read markup: `[bold]` stays
`[bold]`, `[@click=app.quit]` is text, not an action. Wording that mixes app text and the
seller's words is composed from pieces (`Content.assemble("Added ", plain(name), ".")`),
never formatted into a markup string. `tests/unit/test_content_is_data.py` holds the
screens to that.
"""

from __future__ import annotations

from datetime import date, datetime

from rich.console import JustifyMethod
from rich.text import Text
from textual.content import Content

from coach_tui.model.day_text import day_text, moment_text
from coach_tui.model.text import printable


def plain(text: str, style: str = "") -> Content:
    """User text as content that is never read as markup (`[bold]` stays `[bold]`).

    Control codes are made visible, so no stored text can drive the terminal. `style`
    (Textual style text such as "bold $text-muted") colours the whole of it.
    """
    content = Content(printable(text))
    return content.stylize(style) if style else content


def cell(
    text: str, width: int = 0, *, style: str = "", justify: JustifyMethod | None = None
) -> Text:
    """User text for a DataTable cell: literal (never markup), cut to `width` if given,
    after a whole word ("Bring our…", not "Bring our analyti…").

    `style` is a Rich style (DataTable cells are Rich text, which does not know Textual's
    `$variables`); `justify` is "left", "right" or "center".
    """
    text = printable(text)
    if width and len(text) > width:
        text = whole_words(text, width - 1) + "…"
    return Text(text, style=style, justify=justify)


def whole_words(text: str, width: int) -> str:
    """The start of `text` in at most `width` characters, ending after a whole word (a
    single word longer than `width` is the only one cut)."""
    if len(text) <= width:
        return text
    if width <= 0:
        return ""
    kept = text[:width]
    ends_inside_a_word = not (kept[-1].isspace() or text[width].isspace())
    if ends_inside_a_word and " " in kept.strip():
        kept = kept[: kept.rstrip().rfind(" ")]
    return kept.rstrip()


def editable(text: str) -> str:
    """A stored string as the starting value of an Input or a TextArea.

    Inputs draw their value as it is, so control codes are made visible here too: what
    the seller sees is what is saved if they save. Text without them is returned as is.
    """
    return printable(text)


def day(value: date | datetime) -> str:
    """A date as people write it: 24 Nov 2026 (see `model/day_text.py`, the one format)."""
    return day_text(value)


def day_and_time(value: datetime) -> str:
    """A moment as people write it: 24 Nov 2026, 09:05."""
    return moment_text(value)
