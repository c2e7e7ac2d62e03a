"""When a campaign ends — a meeting won or the seller stopped it — its open touches end too.

A touch left planned after its campaign ended would keep showing in the daily queue, the
dashboard, the morning plan and `coach today`, asking the seller to chase someone who has
already agreed to meet (or whom they decided to stop chasing).
"""

from __future__ import annotations

from collections.abc import Sequence
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
