"""Entry campaigns; their touches live in `TouchRepository`.

Writes that change a campaign and its touches together (a new plan, stopping a campaign)
go through the touch repository's `write` inside this repository's transaction: one
all-or-nothing change, and one uid index for every touch write.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from tinydb import Query

from coach_tui.model.touch import Campaign, CampaignStatus, Touch
from coach_tui.store.codec import decode, encode
from coach_tui.store.repos.common import get_by_uid, upsert_by_uid
from coach_tui.store.repos.touches import TouchRepository
from coach_tui.store.store import Store
from coach_tui.store.tiers import ARCHIVE_OF, with_archive

TABLE = "campaigns"


class CampaignRepository:
    """At most one active campaign per account (the screens ask before starting another)."""

    def __init__(self, store: Store, touches: TouchRepository) -> None:
        self._store = store
        self._touches = touches

    def for_account(self, account_uid: str, *, include_archived: bool = False) -> list[Campaign]:
        """Newest first. Campaigns that ended over a quarter ago and have no touch left in
        the live file are in the archive, read only with `include_archived` (see `archive.py`)."""
        with self._store.reading() as tx:
            if include_archived:
                found = [
                    decode("campaigns", r, k)
                    for k, r in with_archive(tx, TABLE)
                    if r["account_uid"] == account_uid
                ]
            else:
                records = tx.table(TABLE).search(Query().account_uid == account_uid)
                found = [decode("campaigns", r, r.doc_id) for r in records]
        return sorted(found, key=lambda campaign: campaign.start, reverse=True)

    def active_for(self, account_uid: str) -> Campaign | None:
        """The running campaign (never archived, so the archive is not read)."""
        return next((c for c in self.for_account(account_uid) if c.is_active), None)

    def get(self, uid: str) -> Campaign | None:
        """The campaign with `uid`; one long finished is looked up in the archive."""
        with self._store.reading() as tx:
            record = get_by_uid(tx.table(TABLE), uid)
            if record is None:
                record = get_by_uid(tx.table(ARCHIVE_OF[TABLE]), uid)
            return None if record is None else decode("campaigns", record, uid)

    def save(self, campaign: Campaign) -> None:
        with self._store.transaction() as tx:
            upsert_by_uid(tx.table(TABLE), encode(campaign))

    def save_plan(self, campaign: Campaign, touches: Sequence[Touch]) -> None:
        """A campaign with its touches, in one transaction."""
        record = encode(campaign)
        touch_records = [encode(touch) for touch in touches]
        with self._store.transaction() as tx:
            upsert_by_uid(tx.table(TABLE), record)
            self._touches.write(tx, touch_records)

    def set_status(
        self,
        uid: str,
        status: CampaignStatus,
        *,
        ended_on: date | None = None,
        touches: Sequence[Touch] = (),
    ) -> Campaign | None:
        """Close (or reopen) a campaign and save the touches that change with it, at once.

        Stopping a campaign skips its open touches. Files are swapped in in the order first
        used, so the touches go first: if a crash stops the second, the campaign still shows
        as running (stop it again) rather than leaving open touches of a stopped campaign
        in the queue. Returns the updated campaign, or None if there is no such campaign.
        """
        touch_records = [encode(touch) for touch in touches]
        with self._store.transaction() as tx:
            with self._store.reading() as view:  # looking does not claim the file yet
                record = get_by_uid(view.table(TABLE), uid)
            if record is None:
                return None
            updated = replace(decode("campaigns", record, uid), status=status, ended_on=ended_on)
            self._touches.write(tx, touch_records)
            upsert_by_uid(tx.table(TABLE), encode(updated))
        return updated
