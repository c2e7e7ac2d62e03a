"""The coach's reading of a week: outcomes, touches, accounts that moved or stalled, skills."""

import pytest

from coach_tui.coaching.week_figures import SkillTally, WeekFigures
from coach_tui.coaching.week_reading import (
    ReadingContext,
    accounts_line,
    last_ratings,
    results_line,
    skill_line,
    touches_line,
    week_reading,
)
from coach_tui.model.review import SkillReflection, WeekReview
from coach_tui.model.week import IsoWeek

W48 = IsoWeek(2026, 48)
NAMES = {"n": "Nordvale Foods", "o": "Østfold Energi", "b": "Brightline", "k": "Kestrel Air",
         "r": "Rowan Software", "s": "Saltmarsh Bank"}  # fmt: skip


@pytest.mark.parametrize(
    ("counts", "line"),
    [
        ({}, ""),
        ({"advances": 3, "continuations": 3, "best": 2, "minimum": 3},
         "Outcomes: best 2/6, minimum 3/6, neither 1/6."),
        ({"advances": 2, "best": 2}, "Outcomes: best 2/2, minimum 0/2."),
        ({"continuations": 1}, "Outcomes: best 0/1, minimum 0/1, neither 1/1."),
    ],
)  # fmt: skip
def test_outcomes_count_best_minimum_and_neither(counts: dict, line: str) -> None:
    assert results_line(WeekFigures(W48, **counts)) == line


@pytest.mark.parametrize(
    ("done", "replies", "meetings", "line"),
    [
        (0, 0, 0, ""),
        (8, 3, 1, "Touches: 8 done → 3 replies → 1 meeting."),
        (1, 1, 0, "Touches: 1 done → 1 reply → 0 meetings."),
        (6, 0, 0, "Touches: 6 done → 0 replies → 0 meetings. No one answered: is the first "
                  "line about them or about you?"),
        (4, 0, 0, "Touches: 4 done → 0 replies → 0 meetings."),
    ],
)  # fmt: skip
def test_touches_convert_to_replies_and_meetings(done, replies, meetings, line) -> None:
    figures = WeekFigures(W48, touches_done=done, replies=replies, meetings=meetings)
    assert touches_line(figures) == line


@pytest.mark.parametrize(
    ("moved", "stalled", "line"),
    [
        ((), (), ""),
        (("o", "n"), (), "Moved: Nordvale Foods, Østfold Energi."),
        ((), ("b",), "Stalled: Brightline. What must it agree to next?"),
        (("n",), ("b", "k"),
         "Moved: Nordvale Foods. Stalled: Brightline, Kestrel Air. What must each agree to next?"),
        # An account that advanced this week is not called stalled in the same breath.
        (("n",), ("n",), "Moved: Nordvale Foods."),
        (("n", "o", "b", "k", "r", "s"), (),
         "Moved: Brightline, Kestrel Air, Nordvale Foods, Rowan Software and 2 more."),
        (("gone",), (), "Moved: an account no longer listed."),
    ],
)  # fmt: skip
def test_which_accounts_moved_and_which_stalled(moved, stalled, line) -> None:
    figures = WeekFigures(W48, moved_accounts=frozenset(moved))
    context = ReadingContext(NAMES, dict.fromkeys(stalled, "a stall question"))
    assert accounts_line(figures, context) == line


SKILL = ("s1", "Agree the next step")


@pytest.mark.parametrize(
    ("counts", "rating", "tally", "line"),
    [
        ({}, None, None, ""),
        # The issue's own example: a low rating beside a week of continuations.
        ({"advances": 2, "continuations": 4}, 2, None,
         "“Agree the next step”: rated 2/5 last time; 4 of 6 calls were continuations."),
        ({"advances": 4, "continuations": 2}, 4, None,
         "“Agree the next step”: rated 4/5 last time."),
        ({"advances": 3, "continuations": 2}, None, SkillTally("s1", 5, 3),
         "“Agree the next step”: practised in 3 of 5 calls."),
        ({"advances": 1, "continuations": 2}, 3, SkillTally("s1", 1, 0),
         "“Agree the next step”: rated 3/5 last time; 2 of 3 calls were continuations; "
         "practised in 0 of 1 call."),
        ({"advances": 1}, None, SkillTally("other", 4, 4), ""),  # another skill's answers
    ],
)  # fmt: skip
def test_a_skill_is_linked_to_the_weeks_calls(counts, rating, tally, line) -> None:
    figures = WeekFigures(W48, skills=(tally,) if tally else (), **counts)
    context = ReadingContext(skills=(SKILL,), last_ratings={"s1": rating} if rating else {})
    assert skill_line(*SKILL, figures, context) == line


def test_the_last_rating_is_the_latest_review_before_the_week() -> None:
    def review(week: IsoWeek, rating: int | None) -> WeekReview:
        return WeekReview(week, skills=(SkillReflection("s1", "Ask", True, rating=rating),))

    reviews = [review(W48.shifted(-3), 2), review(W48.shifted(-1), None),
               review(W48.shifted(-2), 4), review(W48, 5)]  # fmt: skip
    assert last_ratings(reviews, W48) == {"s1": 4}  # unrated last week; this week not yet
    assert last_ratings([], W48) == {}


def test_the_reading_leaves_out_what_has_nothing_to_say() -> None:
    assert week_reading(WeekFigures(W48), ReadingContext(NAMES, skills=(SKILL,))) == ()
    figures = WeekFigures(W48, advances=1, best=1, moved_accounts=frozenset({"n"}))
    assert week_reading(figures, ReadingContext(NAMES)) == (
        "Outcomes: best 1/1, minimum 0/1.",
        "Moved: Nordvale Foods.",
    )
