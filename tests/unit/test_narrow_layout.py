"""Narrow terminals: the footer keeps quit and help, tables share their room fairly."""

from coach_tui.ui.widgets.fitted_table import MINIMUM_WIDTH, _share
from coach_tui.ui.widgets.key_footer import FooterKey, fitting


def key(name: str, description: str) -> FooterKey:
    always = description in ("Quit", "Help")
    return FooterKey(name, name, description, True, description, always=always)


KEYS = [
    key("o", "Objective"),
    key("m", "Close objective"),
    key("p", "Team view"),
    key("ctrl+q", "Quit"),
    key("question_mark", "Help"),
]


def width(shown: FooterKey) -> int:
    return len(f" {shown.shown_as} {shown.description} ")


def test_a_narrow_footer_drops_the_screens_keys_whole_and_keeps_quit_and_help() -> None:
    room = width(KEYS[0]) + width(KEYS[3]) + width(KEYS[4]) + 3
    kept = fitting(KEYS, room, width)
    assert [shown.key for shown in kept] == ["o", "ctrl+q", "question_mark"]


def test_a_wide_footer_keeps_every_key_in_order() -> None:
    assert fitting(KEYS, 200, width) == KEYS


def test_the_widest_free_text_column_gives_way_first_down_to_a_minimum() -> None:
    assert _share({"objective": 40, "idea": 20}, 50) == {"objective": 30, "idea": 20}
    assert _share({"objective": 40, "idea": 20}, 30) == {"objective": 15, "idea": 15}
    tight = _share({"objective": 40, "idea": 20}, 4)
    assert tight == {"objective": MINIMUM_WIDTH, "idea": MINIMUM_WIDTH}


def test_a_free_text_column_keeps_its_header_width_and_the_others_give_way() -> None:
    # "Strategic objective" is 19 cells: cut below it, the table widens it back and
    # scrolls sideways; the account name gives way instead.
    widths = _share({"objective": 40, "name": 20}, 37, floors={"objective": 19, "name": 7})
    assert widths == {"objective": 19, "name": 18}
    assert _share({"objective": 40}, 10, floors={"objective": 19}) == {"objective": 19}
