"""The one door for everything the commands print: user text is data, never markup or control.

Rich reads `[bold]`, `[link=…]` and `:emoji:` codes in any `str` it prints, and sends escape
codes in text straight to the terminal. So a name, a note, an error quoting a file or a file
name never reaches Rich as a `str`: `data()` and `line()` make it a `Text` (which Rich does
not parse) after `printable()` (control codes shown as pictures, bidi overrides dropped).
`print_json()` does the same for `--json` views; sentences on standard error go through
`streams.print_error()`, which applies `printable()` too.
Only fixed wording of our own, written as a string literal, may use markup; a test
(tests/unit/test_cli_markup.py) fails when a printer passes Rich any other string.

A line that quotes a path or a command to paste is printed with `soft_wrap=True`: Rich
would otherwise fold a long path at 80 columns in a pipe, and it could not be copied.

Rich is imported on first use, so `coach today --json` and error paths stay quick.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from coach_tui.model.text import printable
from coach_tui.model.wording import counted as counted  # the commands' import of it

if TYPE_CHECKING:
    from rich.style import StyleType
    from rich.text import Text


def data(value: object, style: StyleType = "") -> Text:
    """`value` (a name, a note, a path, a number) shown exactly as it is, in `style`."""
    from rich.text import Text

    return Text(printable(str(value)), style=style)


def line(*parts: str | Text, style: StyleType = "") -> Text:
    """One line from our own wording (`str`, shown as written, never read as markup) and
    pieces made by `data()` or `line()`; a `str` part may quote user text safely."""
    from rich.text import Text

    return Text.assemble(
        *(printable(part) if isinstance(part, str) else part for part in parts), style=style
    )


def shell_word(value: object) -> Text:
    """A path or name as a shell word the seller can paste (`'my data'`), shown literally."""
    import shlex  # only the commands that suggest a command line need it, not `coach today`

    return data(shlex.quote(str(value)))


def printable_values(value: Any) -> Any:
    """A JSON-ready document with every string `printable()`: what `--json` views print.

    JSON escapes control codes, but a script that prints a value (`jq -r`) would hand the
    terminal the escape sequence again; bidi overrides are not escaped at all.
    """
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {key: printable_values(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [printable_values(item) for item in value]
    return value


def print_json(document: Any) -> None:
    """`document` as one line of JSON on standard output, every string `printable()`."""
    # print() also copes with a closed standard output (sys.stdout is None then).
    print(json.dumps(printable_values(document), ensure_ascii=False))
