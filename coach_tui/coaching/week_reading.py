"""The coach's reading of a week beyond its table: how the calls ended, what the touches
won, which accounts moved or stalled, and what the week says about each skill practised.

Each line is one plain sentence with the counts in it ("Outcomes: best 2/6, minimum 3/6."),
so the review screen, the export and a test all read the same words. A line with nothing
to say is left out rather than filled with zeros.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from coach_tui.coaching.week_figures import SkillTally, WeekFigures
from coach_tui.model.review import WeekReview
from coach_tui.model.week import IsoWeek
from coach_tui.model.wording import counted

NAMES_SHOWN = 4
# Touches done without a single reply before the coach asks about the message: fewer say
# little (people are slow), five silent in a week say the opening is not landing.
SILENCE_AFTER = 5


@dataclass(frozen=True, slots=True)
class ReadingContext:
    """What the reading needs besides the week's figures."""

    account_names: Mapping[str, str] = field(default_factory=dict)
    # Account uid → the stall rule's question, read now: only for a week that is recent.
    stalled: Mapping[str, str] = field(default_factory=dict)
    skills: Sequence[tuple[str, str]] = ()  # (goal uid, skill) of the active skills
    last_ratings: Mapping[str, int] = field(default_factory=dict)  # skill uid → 1..5
    # What the goals' gaps mean in deals and advances, and revenue no objective covers
    # (`coaching.pace_gap`), read as of now: only for a week that is recent.
    goal_notes: Sequence[str] = ()


def last_ratings(reviews: Iterable[WeekReview], week: IsoWeek) -> dict[str, int]:
    """Skill uid → the rating given in the latest review before `week` that rated it."""
    ratings: dict[str, int] = {}
    for review in sorted((r for r in reviews if r.week < week), key=lambda r: r.week):
        for skill in review.skills:
            if skill.rating is not None:
                ratings[skill.goal_uid] = skill.rating
    return ratings


def results_line(figures: WeekFigures) -> str:
    """ "Outcomes: best 2/6, minimum 3/6, neither 1/6." from the debriefs' results."""
    debriefed = figures.debriefed
    if not debriefed:
        return ""
    neither = debriefed - figures.best - figures.minimum
    parts = [f"best {figures.best}/{debriefed}", f"minimum {figures.minimum}/{debriefed}"]
    if neither:
        parts.append(f"neither {neither}/{debriefed}")
    return f"Outcomes: {', '.join(parts)}."


def touches_line(figures: WeekFigures) -> str:
    """ "Touches: 8 done → 3 replies → 1 meeting." — how far the week's touches got."""
    done = figures.touches_done
    if not done:
        return ""
    line = (
        f"Touches: {done} done → {counted(figures.replies, 'reply', 'replies')} → "
        f"{counted(figures.meetings, 'meeting')}."
    )
    if done >= SILENCE_AFTER and not figures.replies:
        line += " No one answered: is the first line about them or about you?"
    return line


def _names(uids: Iterable[str], names: Mapping[str, str]) -> str:
    shown = sorted(
        (names.get(uid, "an account no longer listed") for uid in uids), key=str.casefold
    )
    more = len(shown) - NAMES_SHOWN
    text = ", ".join(shown[:NAMES_SHOWN])
    return f"{text} and {more} more" if more > 0 else text


def accounts_line(figures: WeekFigures, context: ReadingContext) -> str:
    """Which accounts moved (an advance this week) and which are stalled."""
    said = []
    if figures.moved_accounts:
        said.append(f"Moved: {_names(figures.moved_accounts, context.account_names)}.")
    stalled = [uid for uid in context.stalled if uid not in figures.moved_accounts]
    if stalled:
        said.append(
            f"Stalled: {_names(stalled, context.account_names)}. "
            f"What must {'it' if len(stalled) == 1 else 'each'} agree to next?"
        )
    return " ".join(said)


def practice_words(tally: SkillTally | None) -> str:
    """ "practised in 3 of 5 calls", from the debriefs that asked; empty if none asked."""
    if tally is None or not tally.asked:
        return ""
    return f"practised in {tally.practised} of {counted(tally.asked, 'call')}"


def skill_line(uid: str, skill: str, figures: WeekFigures, context: ReadingContext) -> str:
    """ "“Agree the next step”: rated 2/5 last time; 4 of 6 calls were continuations." """
    evidence = skill_evidence(uid, figures, context)
    return f"“{skill}”: {evidence}." if evidence else ""


def skill_evidence(uid: str, figures: WeekFigures, context: ReadingContext) -> str:
    """One skill against the week: its last rating, what the debriefs said about practising
    it, and — when most calls did not advance — how many were continuations."""
    parts = []
    if (rating := context.last_ratings.get(uid)) is not None:
        parts.append(f"rated {rating}/5 last time")
    if figures.debriefed and figures.continuations > figures.advances:
        parts.append(f"{figures.continuations} of {figures.debriefed} calls were continuations")
    tally = next((t for t in figures.skills if t.skill_uid == uid), None)
    if practised := practice_words(tally):
        parts.append(practised)
    return "; ".join(parts)


def week_reading(figures: WeekFigures, context: ReadingContext) -> tuple[str, ...]:
    """The lines of the reading worth saying, most telling first."""
    lines = [
        results_line(figures),
        touches_line(figures),
        accounts_line(figures, context),
        *(skill_line(uid, skill, figures, context) for uid, skill in context.skills),
        *context.goal_notes,
    ]
    return tuple(line for line in lines if line)
