"""The draft key of each guided flow that is about one thing (an account, a call, a week).

Kept apart from the flow screens so the places that list, resume or route to a flow name
its draft without importing the screen.
"""

from __future__ import annotations

from coach_tui.model.week import IsoWeek


def objective_flow_name(account_uid: str) -> str:
    """Each account's objective flow keeps its own draft."""
    return f"objective:{account_uid}"


def campaign_flow_name(account_uid: str) -> str:
    """Each account's campaign plan keeps its own draft."""
    return f"campaign:{account_uid}"


def prep_flow_name(call_uid: str) -> str:
    return f"prep:{call_uid}"


def debrief_flow_name(call_uid: str) -> str:
    return f"debrief:{call_uid}"


def review_flow_name(week: IsoWeek) -> str:
    return f"review:{week}"
