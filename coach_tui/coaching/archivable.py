"""Which records may leave the live files: what no daily view reads any more.

Every daily screen (dashboard, touch queue, calls, account card, the stall alarm) reads
only the live files; the store moves older history out of them (`store/archive.py`) and
asks here which records it may move. The rule sits beside the rules those views apply, so
the two cannot drift: a record stays live while a daily view could still show it or
reason from it, whatever its age.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Set
from dataclasses import dataclass
from datetime import date, datetime
from typing import Generic, TypeVar

from coach_tui.coaching.calls import stall_window
from coach_tui.model.call import Movement

Key = TypeVar("Key", bound=Hashable)


@dataclass(frozen=True, slots=True)
class TouchFacts:
    """What the rule reads of one touch."""

    campaign_uid: str
    planned: bool
    closed_on: date  # the day it was done or skipped (its due day if none was kept)


@dataclass(frozen=True, slots=True)
class CallFacts:
    """What the rule reads of one call."""

    account_uid: str
    when: datetime
    movement: Movement | None  # None: not debriefed yet
    objective_uid: str | None = None


@dataclass(frozen=True, slots=True)
class CampaignFacts:
    """What the rule reads of one campaign."""

    uid: str
    running: bool
    ended_on: date  # the day it ended (its start day if none was kept)


def touch_is_settled(touch: TouchFacts, running_campaigns: Set[str]) -> bool:
    """A closed touch outside any running campaign: no daily screen shows it, only the
    weekly review and the trends (so it may leave the live file at once)."""
    return not touch.planned and touch.campaign_uid not in running_campaigns


def touch_may_archive(touch: TouchFacts, running_campaigns: Set[str], before: date) -> bool:
    """A settled touch closed before `before`."""
    return touch_is_settled(touch, running_campaigns) and touch.closed_on < before


def promise_may_archive(done_on: date | None, before: date) -> bool:
    """A promise kept before `before`; an open one stays live, whatever its age."""
    return done_on is not None and done_on < before


def campaign_may_archive(
    campaign: CampaignFacts, before: date, with_live_touches: Set[str]
) -> bool:
    """A campaign ended before `before` none of whose touches stays live (the touch
    queue and the entry screen look a live touch's campaign up)."""
    return (
        not campaign.running
        and campaign.ended_on < before
        and campaign.uid not in with_live_touches
    )


def calls_to_archive(
    calls: Mapping[Key, CallFacts], before: date, open_objectives: Set[str]
) -> list[Key]:
    """Keys of debriefed calls held before `before` that no daily view reads.

    Kept whatever their age: calls not debriefed yet (they wait for one), calls of an
    open objective (its card counts them), and each account's stall window — the
    debriefs the stall alarm reads (see `stall_window`).
    """
    debriefed: dict[str, list[_Keyed[Key]]] = {}
    for key, call in calls.items():
        if call.movement is not None:
            debriefed.setdefault(call.account_uid, []).append(_Keyed(key, call))
    keep = {mark.key for found in debriefed.values() for mark in stall_window(found)}
    return [
        mark.key
        for found in debriefed.values()
        for mark in found
        if mark.call.when.date() < before
        and mark.key not in keep
        and mark.call.objective_uid not in open_objectives
    ]


@dataclass(frozen=True, slots=True)
class _Keyed(Generic[Key]):
    """A call with the key the store knows it by, as the stall window reads it."""

    key: Key
    call: CallFacts

    @property
    def when(self) -> datetime:
        return self.call.when

    @property
    def movement(self) -> Movement | None:
        return self.call.movement
