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
