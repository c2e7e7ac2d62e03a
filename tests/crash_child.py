"""The process the crash loop kills: a seller's saves, one after another, on a real folder.

    python -m tests.crash_child DATA_DIR START

Opens the folder like the app (lock, checks, backup), prints "ready", then makes saves
START+1, START+2 … (see `crash_model` for what each one writes) and prints each number
after its save returned, until it is killed.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from coach_tui.coaching.touches import mark_done
from coach_tui.model.clock import system_clock
from coach_tui.model.draft import FlowDraft
from coach_tui.model.touch import Campaign, Channel, Purpose, Touch
from coach_tui.services.campaigns import save_campaign_plan
from coach_tui.store.repository import Repository
from tests.crash_model import CAMPAIGN, FLOW, PLAN_TOUCHES, TAG, kind


class Seller:
    """Makes save number n of the kind `crash_model.kind(n)` says."""

    def __init__(self, repo: Repository) -> None:
        self.repo = repo
        self.today = system_clock().date()
        planned = repo.touches.planned()
        self.to_do = [t.uid for t in planned if t.uid not in PLAN_TOUCHES]
        self.last_done: str | None = None
        contact = min(
            (c for c in repo.contacts.all() if c.account_uid), key=lambda c: c.uid, default=None
        )
        if contact is None:
            raise SystemExit("the crash loop needs a folder with people (a demo)")
        self.account, self.contact = contact.account_uid, contact.uid

    def save(self, n: int) -> None:
        {"touch": self.touch_done, "draft": self.draft, "plan": self.plan}[kind(n)](n)

    def touch_done(self, n: int) -> None:
        """The morning queue's most common save: one planned touch marked done."""
        outcome = f"{TAG} {n}"
        while self.to_do:
            touch = self.repo.touches.get(self.to_do.pop(0))
            if touch is not None and touch.is_open:
                self.repo.touches.save(
                    mark_done(touch, self.today, outcome, got_response=False, got_meeting=False)
                )
                self.last_done = touch.uid
                return
        # Every planned touch is done: rewrite the outcome of one closed today instead.
        uid = self.last_done or self._closed_by_us()
        touch = self.repo.touches.get(uid)
        assert touch is not None
        self.repo.touches.save(replace(touch, outcome=outcome))
        self.last_done = uid

    def _closed_by_us(self) -> str:
        week = self.repo.touches.in_span(self.today - timedelta(days=7), self.today)
        return next(t.uid for t in week if t.outcome.startswith(TAG))

    def draft(self, n: int) -> None:
        """A step of the campaign flow, kept as its draft."""
        answers = {"n": str(n), "account": self.account}
        self.repo.drafts.save(FlowDraft(FLOW, n % 4, answers, system_clock()))

    def plan(self, n: int) -> None:
        """The flow finished: campaign, its touches and the dropped draft, in one save."""
        campaign = Campaign(self.account, f"{TAG} {n}", self.today, (self.contact,), uid=CAMPAIGN)
        touches = [
            Touch(
                CAMPAIGN,
                self.account,
                self.contact,
                self.today + timedelta(weeks=week),
                Channel.EMAIL,
                Purpose.PIQUE_CURIOSITY,
                idea=f"{TAG} {n}",
                uid=uid,
            )
            for week, uid in enumerate(PLAN_TOUCHES, 1)
        ]
        save_campaign_plan(self.repo, campaign, touches, draft=FLOW)


def main() -> None:
    data_dir, start = Path(sys.argv[1]), int(sys.argv[2])
    # As the app opens it: the day's backup in a thread, the first save waiting for it.
    seller = Seller(Repository.open(data_dir, backup_in_background=True))
    print("ready", flush=True)
    n = start
    while True:
        n += 1
        seller.save(n)
        print(n, flush=True)


if __name__ == "__main__":
    main()
