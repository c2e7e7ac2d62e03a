"""A campaign that ends takes its open touches with it; history stays as it was."""

from datetime import date

import pytest

from coach_tui.coaching.campaign_end import closing_touches
from coach_tui.model.touch import CampaignStatus, Channel, Purpose, Touch, TouchStatus

TODAY = date(2026, 11, 24)


def touch(status: TouchStatus = TouchStatus.PLANNED) -> Touch:
    return Touch("c1", "a1", "p1", date(2026, 11, 20), Channel.EMAIL, Purpose.SHARE_INSIGHT,
                 status=status)  # fmt: skip


@pytest.mark.parametrize(
    ("status", "reason"),
    [
        (CampaignStatus.SUCCEEDED, "The campaign won its meeting."),
        (CampaignStatus.STOPPED, "The campaign was stopped."),
    ],
)
def test_open_touches_are_skipped_with_why_the_campaign_ended(status, reason) -> None:
    planned, done = touch(), touch(TouchStatus.DONE)
    [closed] = closing_touches([planned, done], TODAY, status)
    assert closed.uid == planned.uid
    assert closed.status is TouchStatus.SKIPPED
    assert closed.outcome == reason and closed.closed_on == TODAY


def test_a_running_campaign_closes_nothing() -> None:
    with pytest.raises(ValueError):
        closing_touches([touch()], TODAY, CampaignStatus.ACTIVE)


def test_touches_left_open_by_an_ended_campaign_are_closed_as_it_ended() -> None:
    from coach_tui.coaching.campaign_end import left_open

    won, stopped, running = touch(), touch(), touch()
    won = Touch(**{**_fields(won), "campaign_uid": "won"})
    stopped = Touch(**{**_fields(stopped), "campaign_uid": "stopped"})
    running = Touch(**{**_fields(running), "campaign_uid": "running"})
    statuses = {
        "won": CampaignStatus.SUCCEEDED,
        "stopped": CampaignStatus.STOPPED,
        "running": CampaignStatus.ACTIVE,
    }
    closed = {t.campaign_uid: t for t in left_open([won, stopped, running], statuses, TODAY)}
    assert set(closed) == {"won", "stopped"}
    assert closed["won"].outcome == "The campaign won its meeting."
    assert closed["stopped"].outcome == "The campaign was stopped."
    assert left_open([touch()], {}, TODAY) == []  # a campaign coach cannot find: left alone


def _fields(t: Touch) -> dict:
    return {name: getattr(t, name) for name in Touch.__slots__}
