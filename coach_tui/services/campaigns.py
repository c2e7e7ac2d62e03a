"""Campaign actions: saving a new plan, ending a campaign in a way that can be undone, and
a reply that moves the person's next touches to the day they named."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date

from coach_tui.coaching.campaign_end import closing_touches
from coach_tui.coaching.touches import moved_to_their_date
from coach_tui.model.touch import Campaign, CampaignStatus, Touch
from coach_tui.store.repository import Repository


def save_campaign_plan(
    repo: Repository, campaign: Campaign, touches: Sequence[Touch], *, draft: str | None = None
) -> None:
    """The campaign with its touches, and the planning flow's draft dropped, in one save."""
    with repo.unit_of_work() as uow:
        repo.campaigns.save_plan(campaign, touches)
        uow.discard_draft(draft)


@dataclass(frozen=True, slots=True)
class CampaignEnded:
    """What ending a campaign changed, and what its undo puts back."""

    campaign_uid: str
    closed: tuple[Touch, ...]  # the open touches it closed (skipped with the reason)
    put_back: tuple[Touch, ...]  # the touches as they were, for the undo


def end_campaign(
    repo: Repository,
    campaign_uid: str,
    status: CampaignStatus,
    today: date,
    *,
    restore: Sequence[Touch] = (),
) -> CampaignEnded | None:
    """End a running campaign and close its open touches, in one save.

    `restore` are touches the undo also puts back as they were (the touch that won the
    meeting). None when nothing was saved: the campaign is gone or no longer running.
    Raises StoreError when the save fails.
    """
    with repo.unit_of_work():
        campaign = repo.campaigns.get(campaign_uid)
        if campaign is None or not campaign.is_active:
            return None
        still_open = repo.touches.open_for_campaign(campaign_uid)
        closed = closing_touches(still_open, today, status)
        repo.campaigns.set_status(campaign_uid, status, ended_on=today, touches=closed)
    return CampaignEnded(campaign_uid, tuple(closed), (*still_open, *restore))


def undo_end(repo: Repository, ended: CampaignEnded) -> None:
    """The campaign runs again, with its touches as they were before it ended."""
    repo.campaigns.set_status(ended.campaign_uid, CampaignStatus.ACTIVE, touches=ended.put_back)


def mark_touch_done(
    repo: Repository, before: Touch, done: Touch, today: date
) -> CampaignEnded | None:
    """Save `done` (the touch `before` marked done); when it won a meeting, its campaign
    succeeds and closes its other open touches in the same save.

    Returns the campaign's end, whose undo also puts `before` back, or None when no
    campaign ended (no meeting, or the campaign was not running any more).
    """
    with repo.unit_of_work():
        repo.touches.save(done)
        if not done.got_meeting:
            return None
        return end_campaign(
            repo, done.campaign_uid, CampaignStatus.SUCCEEDED, today, restore=[before]
        )


def planned_for_person(repo: Repository, touch: Touch) -> list[Touch]:
    """The other planned touches of `touch`'s campaign to the same person, by date."""
    return [
        other
        for other in repo.touches.open_for_campaign(touch.campaign_uid)
        if other.contact_uid == touch.contact_uid and other.uid != touch.uid
    ]


@dataclass(frozen=True, slots=True)
class RepliedNotNow:
    """A reply without a meeting, and the person's touches it moved to their date."""

    moved: tuple[Touch, ...]  # as they are now
    put_back: tuple[Touch, ...]  # the done touch and the moved ones as they were, for undo


def reply_not_now(
    repo: Repository,
    before: Touch,
    done: Touch,
    today: date,
    to: date,
    *,
    holidays: Collection[date] = (),
) -> RepliedNotNow:
    """Save `done` (the touch `before`, marked done with a reply but no meeting) and move
    its person's planned touches so the first falls on `to`, in one save.

    Raises ValidationError (nothing saved) when `to` has passed, StoreError when the save
    fails.
    """
    with repo.unit_of_work():
        still_open = repo.touches.open_for_campaign(done.campaign_uid)
        moved = moved_to_their_date(still_open, done, to, today, holidays)
        repo.touches.save_many([done, *moved])
    was = {touch.uid: touch for touch in still_open}
    return RepliedNotNow(tuple(moved), (before, *(was[touch.uid] for touch in moved)))
