"""The coach's one line on the morning plan: the most important thing today, by stakes.

Every candidate gets points, and the line of the highest wins. A call today without an
outcome always comes first (it happens today, and ten minutes of prep fix it). After it,
stakes decide: an account whose client is late on a promise and has not moved for weeks,
with the biggest objective in the pipeline, outranks a debrief to write or one overdue
touch. The points, in one table:

| candidate                     | points                                                  |
|-------------------------------|---------------------------------------------------------|
| call today without an outcome | 100                                                     |
| call waiting for a debrief    | 60                                                      |
| my promise due or late        | 50 + days late (up to 10)                               |
| account red flag              | 30 + value (up to 30) + client promise late (12, +2 a   |
|                               | week up to 20) + weeks without advance (up to 10) +     |
|                               | silence 8 + three continuations 6                       |
| goal behind pace              | 38                                                      |
| touches overdue               | 30 + days the oldest is late (up to 10)                 |
| objective past its date       | 32                                                      |

Value is the objective's target as a share of the biggest open target in its currency:
what matters is the seller's own pipeline, not an absolute sum.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from coach_tui.coaching.red_flags import AccountFlags
from coach_tui.model.money import Money, compact_money
from coach_tui.model.wording import counted

UNPREPARED_CALL = 100
DEBRIEF = 60
MY_PROMISE = 50
FLAG = 30
PACE = 38
TOUCHES = 30
LATE_OBJECTIVE = 32
VALUE = 30


@dataclass(frozen=True, slots=True)
class Candidate:
    """One thing the line could be about, with its points."""

    points: float
    line: str


def best_line(candidates: Sequence[Candidate], fallback: str) -> str:
    """The line of the candidate with the most points; the first listed wins a tie."""
    if not candidates:
        return fallback
    return max(enumerate(candidates), key=lambda item: (item[1].points, -item[0]))[1].line


def value_share(target: Money | None, biggest: Mapping[str, Decimal]) -> float:
    """`target` as a share (0..1) of the biggest open target in its currency."""
    if target is None:
        return 0.0
    top = biggest.get(target.currency)
    return float(target.amount / top) if top else 0.0


def biggest_targets(targets: Sequence[Money]) -> dict[str, Decimal]:
    """Currency → the biggest open target in it."""
    top: dict[str, Decimal] = {}
    for money in targets:
        top[money.currency] = max(top.get(money.currency, Decimal(0)), money.amount)
    return top


def flag_points(flags: AccountFlags, biggest: Mapping[str, Decimal]) -> float:
    """What one account's red flags weigh (see the table above)."""
    points = FLAG + VALUE * value_share(flags.target, biggest)
    if flags.late is not None:
        points += min(12 + 2 * (flags.late.days // 7), 20)
    points += min(flags.weeks_stalled, 10)
    if flags.silent is not None:
        points += 8
    if flags.continuations:
        points += 6
    return points


def flag_line(flags: AccountFlags) -> str:
    """The line for an account's red flags: what is wrong and whom to call today.

    "Nordvale (€480k): Paul is a week late on “the budget figures” and nothing has advanced
    in 8 weeks. Call Greta today."
    """
    worth = (
        f" ({compact_money(flags.target.amount, flags.target.currency)})" if flags.target else ""
    )
    facts = []
    if flags.late is not None:
        late = flags.late
        facts.append(f"{late.promiser} is {late.lateness} on “{late.commitment.what}”")
    if flags.silent is not None:
        facts.append("nobody has spoken to them since their last commitment")
    if flags.continuations:
        facts.append("the last 3 calls were only talk")
    elif flags.weeks_stalled:
        facts.append(f"nothing has advanced in {counted(flags.weeks_stalled, 'week')}")
    what = " and ".join(facts) if facts else "something is stuck"
    return f"{flags.account}{worth}: {what}. {_whom_to_call(flags)}"


def _whom_to_call(flags: AccountFlags) -> str:
    """Whom to call: the champion (they can chase a colleague), else whoever promised."""
    if flags.champion:
        return f"Call {flags.champion} today."
    if flags.late is not None and len(flags.late.who) == 1:
        return f"Call {flags.late.who[0]} today."
    if flags.silent is not None:
        return "Call them today and book the next step."
    return "Call them today and ask what would move it, or let it go."
