"""What the crash-loop child saves, and which states of the folder a kill may leave.

The child numbers its saves 1, 2, 3 … and writes the number into every record it
changes. The kind of save follows from the number, so the parent can replay them:

- touch (n % 3 == 0): a planned touch marked done with outcome "crash-loop n";
  touches.json.
- draft (n % 3 == 1): the campaign flow's draft, answer n; core.json.
- plan  (n % 3 == 2): the flow finished — campaign "crash-loop n" with three planned
  touches (idea "crash-loop n") and the draft dropped, one transaction over entry.json,
  touches.json and core.json, swapped in in that order (the order first used).

A save the child reported (printed after it returned) must be on disk whole. The one
after it may have been under way when the kill came, so it may be there not at all,
whole, or — across files — as its first renames only. Nothing else is allowed: an older
number anywhere, a newer one, or a file swapped in out of order.
"""

from __future__ import annotations

import re
from typing import Any

TAG = "crash-loop"
CAMPAIGN = "crash-loop-campaign"
PLAN_TOUCHES = tuple(f"crash-loop-plan-{i}" for i in range(3))
FLOW = "campaign"

# One value per slot: the number of the save that last wrote it (None: never, or dropped).
State = dict[str, int | None]
SLOT_FILE = {
    "touch": "touches.json",
    "plan touches": "touches.json",
    "plan": "entry.json",
    "draft": "core.json",
}
FILES = tuple(dict.fromkeys(SLOT_FILE.values()))
EMPTY: State = dict.fromkeys(SLOT_FILE)

_NUMBER = re.compile(rf"^{TAG} (\d+)$")


class Inconsistent(Exception):
    """One file disagrees with itself (never expected: each file is written whole)."""


def kind(n: int) -> str:
    return ("touch", "draft", "plan")[n % 3]


def steps(n: int) -> list[dict[str, int | None]]:
    """Save `n` as the slots each of its renames sets, in the order they happen."""
    if kind(n) == "touch":
        return [{"touch": n}]
    if kind(n) == "draft":
        return [{"draft": n}]
    return [{"plan": n}, {"plan touches": n}, {"draft": None}]


def allowed(before: State, start: int, reported: int) -> list[State]:
    """Every state a kill may leave: saves up to `reported` whole, then a prefix of the next."""
    state = dict(before)
    for n in range(start + 1, reported + 1):
        for step in steps(n):
            state |= step
    found = [dict(state)]
    for step in steps(reported + 1):
        state |= step
        found.append(dict(state))
    return found


def newest(state: State) -> int:
    """The number of the last save that left a trace: the next child counts on from it."""
    return max((value for value in state.values() if value is not None), default=0)


def read_state(files: dict[str, Any]) -> State:
    """The slots as found in the parsed files (`{file name: JSON}`)."""
    touches = files["touches.json"].get("touches", {}).values()
    done = [_number(r.get("outcome")) for r in touches if r["uid"] not in PLAN_TOUCHES]
    plan = {_number(r.get("idea")) for r in touches if r["uid"] in PLAN_TOUCHES}
    if len(plan) > 1:
        raise Inconsistent(f"the plan's touches carry different saves: {sorted(plan)}")
    campaigns = files["entry.json"].get("campaigns", {}).values()
    campaign = next((r for r in campaigns if r["uid"] == CAMPAIGN), None)
    drafts = files["core.json"].get("drafts", {}).values()
    draft = next((r for r in drafts if r["flow"] == FLOW), None)
    return {
        "touch": max((n for n in done if n is not None), default=None),
        "plan touches": next(iter(plan), None),
        "plan": None if campaign is None else _number(campaign["name"]),
        "draft": None if draft is None else int(draft["answers"]["n"]),
    }


def _number(text: object) -> int | None:
    found = _NUMBER.match(text) if isinstance(text, str) else None
    return int(found[1]) if found else None
