"""The coach's morning line weighs stakes: which line wins, input → expected line."""

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from coach_tui.coaching.agenda import build_agenda
from coach_tui.coaching.dashboard import touch_lines
from coach_tui.coaching.red_flags import AccountFlags, LatePromise
from coach_tui.model.account import ExpansionKind, StrategicObjective
from coach_tui.model.call import Call, Commitment, Party
from coach_tui.model.money import Money
from coach_tui.model.touch import Channel, Purpose, Touch
from tests.helpers import BERLIN

NOW = datetime(2026, 11, 24, 8, 30, tzinfo=BERLIN)
TODAY = NOW.date()
NAMES = {"n": "Nordvale", "o": "Osprey"}
BIG, SMALL = Money(Decimal(480_000), "EUR"), Money(Decimal(40_000), "EUR")
OBJECTIVES = [
    StrategicObjective("n", "All plants", ExpansionKind.WIDER_DEPLOYMENT, financial_target=BIG),
    StrategicObjective("o", "One line", ExpansionKind.WIDER_DEPLOYMENT, financial_target=SMALL),
]
FIGURES = Commitment("n", Party.THEM, "the budget figures", due=TODAY - timedelta(days=8))
PAUL_LATE = LatePromise(FIGURES, 6, 8, ("Paul",))
NORDVALE = AccountFlags(
    "Nordvale", "No advance in 8 weeks.", 8, late=PAUL_LATE, target=BIG, champion="Greta"
)
NORDVALE_LINE = (
    "Nordvale (€480k): Paul is a week late on “the budget figures” and nothing has advanced "
    "in 8 weeks. Call Greta today."
)
OSPREY_SILENT = AccountFlags("Osprey", silent=date(2026, 11, 2), target=SMALL)
OSPREY_LINE = (
    "Osprey (€40k): nobody has spoken to them since their last commitment. "
    "Call them today and book the next step."
)
QUIET = AccountFlags("Osprey", silent=date(2026, 11, 2))
STUCK = AccountFlags("Osprey", "No advance in 6 weeks.", 6)
TOUCH = "1 touch is overdue"
DEBRIEF = "1 call waits for a debrief"
PREP = "1 call today without an outcome"
PROMISE = "You promised 1 thing"


def touch(days_ago: int) -> Touch:
    return Touch(
        "c", "n", "p", TODAY - timedelta(days=days_ago), Channel.EMAIL, Purpose.SHARE_INSIGHT
    )


def line(*, flags=(), touches=(), calls=(), waiting=(), mine=()) -> str:
    agenda = build_agenda(
        NOW, "", calls=list(calls), touches=touch_lines(list(touches), TODAY, NAMES, {}),
        commitments=list(mine), stalls={}, goals=[], names=NAMES, objectives=OBJECTIVES,
        to_debrief=list(waiting), flags=flags,
    )  # fmt: skip
    return agenda.coach_line


TODAYS_CALL = Call("n", NOW.replace(hour=14))
YESTERDAYS_CALL = Call("n", NOW - timedelta(days=1))
MY_PROMISE = Commitment("n", Party.ME, "Send the study", due=TODAY - timedelta(days=3))


@pytest.mark.parametrize(
    ("situation", "wins"),
    [
        ({"flags": [NORDVALE], "touches": [touch(1)]}, NORDVALE_LINE),
        ({"flags": [NORDVALE], "waiting": [YESTERDAYS_CALL]}, NORDVALE_LINE),
        ({"flags": [NORDVALE], "calls": [TODAYS_CALL]}, PREP),  # the call is today
        ({"flags": [OSPREY_SILENT, NORDVALE]}, NORDVALE_LINE),  # the bigger stake
        ({"flags": [OSPREY_SILENT]}, OSPREY_LINE),
        ({"flags": [QUIET], "waiting": [YESTERDAYS_CALL]}, DEBRIEF),  # a quiet small account
        ({"flags": [QUIET], "touches": [touch(1)]}, "Osprey: nobody has spoken"),
        ({"flags": [STUCK], "mine": [MY_PROMISE]}, PROMISE),  # keep your word first
        ({"flags": [STUCK], "touches": [touch(20)]}, TOUCH),  # a campaign going cold
        ({"touches": [touch(1)]}, TOUCH),
        ({}, "No calls today"),
    ],
)
def test_which_line_wins(situation, wins) -> None:
    assert line(**situation).startswith(wins)


def test_a_stuck_account_without_a_champion_says_what_to_ask() -> None:
    assert line(flags=[STUCK]) == (
        "Osprey: nothing has advanced in 6 weeks. Call them today and ask what would move it, "
        "or let it go."
    )


def test_the_stalled_list_puts_the_most_at_stake_first() -> None:
    agenda = build_agenda(
        NOW, "", calls=[], touches=[], commitments=[], stalls={"x": "Bare question?"}, goals=[],
        names={**NAMES, "x": "Aspen"}, objectives=OBJECTIVES, flags=[OSPREY_SILENT, NORDVALE],
    )  # fmt: skip
    assert [account for account, _ in agenda.stalled] == ["Nordvale", "Osprey", "Aspen"]
