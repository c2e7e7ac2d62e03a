"""`plain()`, `cell()` and `editable()`: the seller's words as data, never markup or control."""

from __future__ import annotations

from coach_tui.ui.text import cell, editable, plain

HOSTILE = "[@click=app.quit]Ann[/] Lee [Hiring] [bold]b[/bold] \x1b]0;T\x07 \x1b[2J \x00 \u202eR"
SHOWN = "[@click=app.quit]Ann[/] Lee [Hiring] [bold]b[/bold] ␛]0;T␇ ␛[2J ␀ R"


def test_plain_is_literal_and_shows_control_codes_as_pictures() -> None:
    content = plain(HOSTILE)
    assert content.plain == SHOWN
    assert not content.spans  # no markup was read: no style, no link, no action


def test_plain_styles_the_whole_text_when_asked() -> None:
    content = plain("[/x] Max", "bold")
    assert content.plain == "[/x] Max"
    assert [(span.start, span.end, str(span.style)) for span in content.spans] == [(0, 8, "bold")]


def test_cell_is_literal_cut_and_styled() -> None:
    text = cell(HOSTILE, 12, style="bold", justify="right")
    assert text.plain == "[@click=app…"
    assert text.style == "bold"
    assert text.justify == "right"
    assert cell(HOSTILE).plain == SHOWN


def test_editable_makes_control_codes_visible_and_leaves_the_rest() -> None:
    assert editable(HOSTILE) == SHOWN
    plain_text = "Greta — 🙂 漢字 [notes]\nline two"
    assert editable(plain_text) is plain_text
