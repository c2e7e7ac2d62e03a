"""Entry campaigns; their touches live in `TouchRepository`."""

from __future__ import annotations

from collections.abc import Sequence

from tinydb import Query

from coach_tui.model.touch import Campaign, Touch
from coach_tui.store.codec_entry import campaign_from_record, campaign_to_record, touch_to_record
from coach_tui.store.repos.common import get_by_uid, upsert_by_uid
from coach_tui.store.repos.drafts import TABLE as DRAFTS
from coach_tui.store.store import Store

TABLE = "campaigns"


class CampaignRepository:
    """At most one active campaign per account (the screens ask before starting another)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def for_account(self, account_uid: str) -> list[Campaign]:
        """Newest first."""
        with self._store.reading() as tx:
            records = tx.table(TABLE).search(Query().account_uid == account_uid)
            found = [campaign_from_record(r, r.doc_id) for r in records]
        return sorted(found, key=lambda campaign: campaign.start, reverse=True)

    def active_for(self, account_uid: str) -> Campaign | None:
        return next((c for c in self.for_account(account_uid) if c.is_active), None)

    def get(self, uid: str) -> Campaign | None:
        with self._store.reading() as tx:
            record = get_by_uid(tx.table(TABLE), uid)
            return None if record is None else campaign_from_record(record, uid)

    def save(self, campaign: Campaign) -> None:
        with self._store.transaction() as tx:
            upsert_by_uid(tx.table(TABLE), campaign_to_record(campaign))

    def save_plan(
        self, campaign: Campaign, touches: Sequence[Touch], *, finished_flow: str | None = None
    ) -> None:
        """A new campaign with its touches, dropping the flow's draft, in one transaction."""
        with self._store.transaction() as tx:
            upsert_by_uid(tx.table(TABLE), campaign_to_record(campaign))
            tx.table("touches").insert_multiple(touch_to_record(t) for t in touches)
            if finished_flow is not None:
                tx.table(DRAFTS).remove(Query().flow == finished_flow)
