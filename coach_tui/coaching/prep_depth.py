"""How much prep a call deserves: the bigger the advance, the more a seller plans.

Every call gets its best outcome, the minimum acceptable action and the client's reason to
meet. A medium advance (a pilot, a workshop) adds what the client gains and the questions to
ask; a large one (money, signatures) adds who must be there, the likely objections, what to
bring and — when the objective has none yet — the client's reason to act now.
"""

from __future__ import annotations

from coach_tui.coaching.outcome import AdvanceSize

# The planning steps each size adds, in the order prep asks them.
MEDIUM_STEPS = ("client_gain", "questions")
LARGE_STEPS = ("attendees", "objections", "bring", "why_now")
PLANNING_STEPS = (*MEDIUM_STEPS, *LARGE_STEPS)

_DEPTH: dict[AdvanceSize, tuple[str, ...]] = {
    AdvanceSize.SMALL: (),
    AdvanceSize.MEDIUM: MEDIUM_STEPS,
    AdvanceSize.LARGE: PLANNING_STEPS,
}


def planning_steps(size: AdvanceSize) -> tuple[str, ...]:
    """The planning steps (beyond outcome, minimum and reason) an advance of `size` asks."""
    return _DEPTH[size]


def asks(step: str, size: AdvanceSize, *, why_now_known: bool = True) -> bool:
    """Whether prep of an advance of `size` asks `step` (one of `PLANNING_STEPS`).

    The client's why now is asked only when the call's objective has none yet
    (`why_now_known` False); it is the objective's, not the call's.
    """
    if step == "why_now" and why_now_known:
        return False
    return step in _DEPTH[size]
