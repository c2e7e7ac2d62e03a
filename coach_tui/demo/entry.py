"""Demo people and entry campaigns: ten contacts an account, a campaign every six weeks.

At five years this reaches the design volume: 3,000 contacts and about 60,000 touches. Past
touches are mostly done or skipped, a few left open (the overdue ones a real queue has),
and only each account's newest campaign is still running.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

from dateutil.rrule import DAILY, FR, MO, TH, TU, WE, rrule

from coach_tui.demo.names import NameMaker
from coach_tui.model.account import Account
from coach_tui.model.contact import BuyingRole, Contact, EntryPoint, Relationship
from coach_tui.model.touch import (
    Campaign,
    CampaignStatus,
    Channel,
    Purpose,
    Touch,
    TouchStatus,
)

CONTACTS_PER_ACCOUNT = 10
TOUCHES_PER_CAMPAIGN = 10
CAMPAIGN_EVERY_DAYS = 45
CHANNEL_WEIGHTS = ((Channel.EMAIL, 45), (Channel.PHONE, 25), (Channel.SOCIAL, 20),
                   (Channel.OTHER, 10))  # fmt: skip
PURPOSE_ORDER = (
    Purpose.PIQUE_CURIOSITY, Purpose.PIQUE_CURIOSITY, Purpose.SHARE_INSIGHT,
    Purpose.SHARE_INSIGHT, Purpose.SHARE_INSIGHT, Purpose.CREDIBLE_RESOURCE,
    Purpose.CREDIBLE_RESOURCE, Purpose.ASK_FOR_MEETING, Purpose.ASK_FOR_MEETING,
    Purpose.ASK_FOR_MEETING,
)  # fmt: skip
IDEAS = {
    Purpose.PIQUE_CURIOSITY: "Ask how they handle late deliveries during peak season.",
    Purpose.SHARE_INSIGHT: "Send the two-page downtime study and ask whether it matches.",
    Purpose.CREDIBLE_RESOURCE: "Share a peer's before-and-after numbers, no pitch.",
    Purpose.ASK_FOR_MEETING: "Ask for 30 minutes to walk through what peers changed.",
}


class EntryBuilder:
    """Adds people and campaigns for one account at a time."""

    def __init__(self, rng: random.Random, names: NameMaker, today: date) -> None:
        self.rng = rng
        self.names = names
        self.today = today
        self.contacts: list[Contact] = []
        self.entry_points: list[EntryPoint] = []
        self.campaigns: list[Campaign] = []
        self.touches: list[Touch] = []

    def add(self, account: Account, created: date) -> None:
        people = self._people(account, created)
        unit = self.names.unit()
        why = "Their late deliveries start here."
        self.entry_points.append(EntryPoint(account.uid, unit, why, owner=people[0].name))
        start = created + timedelta(days=14)
        while start <= self.today:
            last = start + timedelta(days=CAMPAIGN_EVERY_DAYS) > self.today
            self._campaign(account, people, start, running=last)
            start += timedelta(days=CAMPAIGN_EVERY_DAYS)

    def _people(self, account: Account, created: date) -> list[Contact]:
        roles = list(BuyingRole)
        people = []
        for index in range(CONTACTS_PER_ACCOUNT):
            name = self.names.person()
            slug = name.lower().replace(" ", "-")
            people.append(
                Contact(
                    name,
                    account_uid=account.uid,
                    title=self.names.title(),
                    company=account.name,
                    role=roles[index % len(roles)] if index < 8 else BuyingRole.UNKNOWN,
                    profile_url=f"https://www.linkedin.com/in/{slug}-{self.rng.randrange(10**6)}",
                    email=f"{slug}@example.com",
                    relationship=self.rng.choice(list(Relationship)),
                    found_via="Demo data",
                    added_on=min(created + timedelta(days=3 * index), self.today),
                )
            )
        self.contacts.extend(people)
        return people

    def _campaign(
        self, account: Account, people: list[Contact], start: date, *, running: bool
    ) -> None:
        picked = self.rng.sample(people, 3)
        days = list(rrule(DAILY, dtstart=start, byweekday=(MO, TU, WE, TH, FR), interval=1,
                          count=TOUCHES_PER_CAMPAIGN * 3))[::3]  # fmt: skip
        won = not running and self.rng.random() < 0.3
        campaign = Campaign(
            account.uid,
            f"Entry {start:%b %Y}",
            start,
            tuple(person.uid for person in picked),
            status=CampaignStatus.ACTIVE
            if running
            else (CampaignStatus.SUCCEEDED if won else CampaignStatus.STOPPED),
            ended_on=None if running else days[-1].date(),
        )
        self.campaigns.append(campaign)
        channels = [channel for channel, _ in CHANNEL_WEIGHTS]
        weights = [weight for _, weight in CHANNEL_WEIGHTS]
        for index, moment in enumerate(days):
            due = moment.date()
            touch = Touch(
                campaign.uid,
                account.uid,
                picked[index % len(picked)].uid,
                due,
                self.rng.choices(channels, weights)[0],
                PURPOSE_ORDER[index],
                idea=IDEAS[PURPOSE_ORDER[index]],
            )
            self.touches.append(self._settle(touch, won and index == len(days) - 1, running))

    def _settle(self, touch: Touch, meeting: bool, running: bool) -> Touch:
        """Past touches mostly done or skipped; in a running campaign a few are left open,
        the overdue ones a real queue has."""
        if touch.due > self.today:
            return touch
        roll = self.rng.random()
        if running and roll < 0.15:
            return touch  # overdue
        if roll < 0.2 and not meeting:
            return _closed(touch, TouchStatus.SKIPPED, "They were on leave.", False, False)
        return _closed(touch, TouchStatus.DONE, "Sent as planned.", roll > 0.7 or meeting, meeting)


def _closed(
    touch: Touch, status: TouchStatus, outcome: str, response: bool, meeting: bool
) -> Touch:
    return replace(
        touch,
        status=status,
        outcome=outcome,
        got_response=response,
        got_meeting=meeting,
        closed_on=touch.due,
    )
