"""A coach's messages shown together stay apart: one per line."""

from coach_tui.coaching.outcome import check_outcome
from coach_tui.model.paragraphs import paragraphs


def test_each_piece_is_a_line_and_blanks_are_left_out() -> None:
    assert paragraphs("“at one plant”.", "  ", "That is hard to check. ") == (
        "“at one plant”.\nThat is hard to check."
    )


def test_the_outcome_message_and_what_to_press_do_not_run_together() -> None:
    messages = check_outcome("Send the deck").messages
    assert len(messages) == 1  # one diagnosis, one message (issue 19)
    shown = paragraphs(*messages, "Ctrl+s again keeps it.").split("\n")
    assert shown == [*messages, "Ctrl+s again keeps it."]
