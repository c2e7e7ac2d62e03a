"""What a campaign starts from when the seller has not said otherwise: its name, the
client focus its message ideas are aimed at, and a touch added to a running plan."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime

from coach_tui.coaching.campaign import person_for_new_touch
from coach_tui.model.account import Account
from coach_tui.model.contact import Contact
from coach_tui.model.touch import Campaign, Channel, Purpose, Touch

# A sentence ends at . ! ? followed by a space or the end: "4.5%" and "e.g.x" go on.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


def client_focus(account: Account) -> str:
    """The first sentence (or first line) of the client's challenges from the research,
    empty if none: message ideas quote it."""
    challenges = account.research.challenges.strip()
    first_line = challenges.split("\n", 1)[0]
    return _SENTENCE_END.split(first_line, 1)[0].strip()


def entry_campaign(
    account_uid: str, start: date, people: Sequence[Contact], *, now: datetime, uid: str
) -> Campaign:
    """The entry campaign to `people`, named after the month it starts in."""
    return Campaign(
        account_uid=account_uid,
        name=f"Entry {start:%b %Y}",
        start=start,
        contact_uids=tuple(contact.uid for contact in people),
        created_at=now,
        uid=uid,
    )


def new_touch(
    campaign: Campaign, touches: Sequence[Touch], people: Sequence[Contact], today: date
) -> Touch:
    """A touch added to `campaign` by hand, before the seller edits it: to the person the
    plan reaches least (else the account's first person), on the last touch's day (never in
    the past), by its channel and for its purpose — the first purpose on an empty plan.

    `people` are the account's people now; it must not be empty.
    """
    last = max(touches, key=lambda touch: touch.due, default=None)
    person = person_for_new_touch(
        campaign.contact_uids, list(touches), {contact.uid for contact in people}
    )
    return Touch(
        campaign_uid=campaign.uid,
        account_uid=campaign.account_uid,
        contact_uid=person or people[0].uid,
        due=max(last.due if last else today, today),
        channel=last.channel if last else Channel.EMAIL,
        purpose=last.purpose if last else Purpose.PIQUE_CURIOSITY,
    )
