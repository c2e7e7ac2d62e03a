"""When a campaign ends — a meeting won or the seller stopped it — its open touches end too.

A touch left planned after its campaign ended would keep showing in the daily queue, the
dashboard, the morning plan and `coach today`, asking the seller to chase someone who has
already agreed to meet (or whom they decided to stop chasing).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from coach_tui.coaching.touches import mark_skipped
from coach_tui.model.touch import CampaignStatus, Touch

WHY_CLOSED = {
    CampaignStatus.SUCCEEDED: "The campaign won its meeting.",
    CampaignStatus.STOPPED: "The campaign was stopped.",
}


def closing_touches(touches: Sequence[Touch], today: date, status: CampaignStatus) -> list[Touch]:
    """The open ones among a campaign's `touches`, skipped with the reason it ended.

    Done and skipped touches are history and stay as they are.
    """
    if status not in WHY_CLOSED:
        raise ValueError(f"a campaign does not end as {status.value}")
    reason = WHY_CLOSED[status]
    return [mark_skipped(touch, today, reason) for touch in touches if touch.is_open]


def left_open(
    open_touches: Sequence[Touch], status_of: Mapping[str, CampaignStatus], today: date
) -> list[Touch]:
    """Open touches of campaigns that already ended, closed as their campaign ended.

    Before a won meeting closed the rest of its campaign, a folder kept them planned, and
    they stayed in the daily queue; `status_of` maps each campaign's uid to its status
    (a campaign not in it is left alone).
    """
    closed: list[Touch] = []
    for touch in open_touches:
        status = status_of.get(touch.campaign_uid)
        if status is not None and status in WHY_CLOSED:
            closed.extend(closing_touches([touch], today, status))
    return closed
