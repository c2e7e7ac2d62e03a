"""Cut text ends after a whole word: "Bring our…", never "Bring our analyti…"."""

import pytest

from coach_tui.ui.text import cell, whole_words


@pytest.mark.parametrize(
    ("text", "width", "kept"),
    [
        ("Bring our analytics suite in", 17, "Bring our"),
        ("Bring our analytics suite in", 19, "Bring our analytics"),
        ("Bring our analytics suite in", 20, "Bring our analytics"),
        ("Short", 10, "Short"),
        ("Supercalifragilistic", 6, "Superc"),  # one word longer than the room: cut
    ],
)
def test_whole_words_never_ends_inside_a_word(text: str, width: int, kept: str) -> None:
    assert whole_words(text, width) == kept


def test_a_cut_cell_ends_after_a_word_with_an_ellipsis() -> None:
    shown = cell("new line of business: Bring our analytics suite in", 42).plain
    assert shown == "new line of business: Bring our analytics…"
    assert len(shown) <= 42
    assert cell("behind −15% on revenue", 8).plain == "behind…"
