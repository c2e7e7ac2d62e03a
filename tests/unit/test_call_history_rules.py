"""An account's call history: debriefed calls only, newest first, each with its promises."""

from datetime import datetime, timedelta

from coach_tui.coaching.call_history import HistoryTally, call_history, history_tally
from coach_tui.model.call import Call, Commitment, Debrief, Movement, Party, Result
from tests.helpers import BERLIN

NOW = datetime(2026, 11, 24, 8, 30, tzinfo=BERLIN)


def debriefed(days_ago: int, movement: Movement, result: Result = Result.REACHED) -> Call:
    return Call("a", NOW - timedelta(days=days_ago), debrief=Debrief(result, movement))


def test_debriefed_calls_newest_first_with_the_promises_made_in_each() -> None:
    old = debriefed(30, Movement.CONTINUATION, Result.PARTLY)
    new = debriefed(2, Movement.ADVANCE)
    waiting = Call("a", NOW - timedelta(days=1))  # not debriefed yet: not history
    coming = Call("a", NOW + timedelta(days=1))
    mine = Commitment("a", Party.ME, "Send the study", call_uid=new.uid)
    theirs = Commitment("a", Party.THEM, "Book the CFO", call_uid=new.uid)
    loose = Commitment("a", Party.ME, "Call back")  # made outside any call
    entries = call_history([old, waiting, new, coming], [mine, loose, theirs])
    assert [entry.call for entry in entries] == [new, old]
    assert entries[0].promises == (theirs, mine)  # theirs first
    assert entries[1].promises == ()


def test_the_tally_counts_advances_continuations_and_outcomes_reached() -> None:
    calls = [
        debriefed(1, Movement.ADVANCE),
        debriefed(8, Movement.CONTINUATION, Result.PARTLY),
        debriefed(15, Movement.CONTINUATION, Result.MISSED),
    ]
    assert history_tally(call_history(calls, [])) == HistoryTally(3, 1, 2, 1)
    assert history_tally([]) == HistoryTally(0, 0, 0, 0)
