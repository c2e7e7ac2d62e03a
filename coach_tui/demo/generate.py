"""Build a seller's invented history: why versions, yearly goals, accounts, objectives,
and the people and entry campaigns of each account (see `demo/entry.py`).

Volumes follow the heavy user in DESIGN.md: 60 new accounts a year, so five years reach
300. Dates are laid out backwards from "today" so the newest year is the live one, with
some objectives overdue and some still missing parts — the states the coach reacts to.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from coach_tui.demo.calls import CallBuilder
from coach_tui.demo.entry import CONTACTS_PER_ACCOUNT, EntryBuilder
from coach_tui.demo.names import NameMaker
from coach_tui.demo.reviews import build_reviews
from coach_tui.demo.today import shape_today
from coach_tui.model.account import (
    Account,
    ExpansionKind,
    ObjectiveStatus,
    Perspective,
    PerspectiveKind,
    Research,
    StrategicObjective,
)
from coach_tui.model.call import Call, Commitment
from coach_tui.model.contact import Contact, EntryPoint
from coach_tui.model.goal import Metric, PerformanceGoal, ProgressEntry, SkillGoal
from coach_tui.model.money import Money
from coach_tui.model.progress import Progress, no_progress
from coach_tui.model.review import WeekReview
from coach_tui.model.touch import Campaign, Touch
from coach_tui.model.why import WhyAnswers, WhyStatement

ACCOUNTS_PER_YEAR = 60
MAX_YEARS = 10
CURRENCY = "USD"

WHY_LINES = (
    "I sell so my family has a steady home and I have time to coach my daughter's team.",
    "I want to be the seller clients call first when something goes wrong.",
    "Every deal I close keeps a plant running and people in work; that is worth doing well.",
    "I sell to build something of my own, and to prove to myself I can plan and keep at it.",
)
# `{unit}` is a team's name as it reads inside a sentence ("supply chain", "IT"), used
# as a noun's modifier: "their IT team", never "every IT" (a unit is no countable thing).
OBJECTIVES = (
    (ExpansionKind.WIDER_DEPLOYMENT, "Roll our platform out across their {unit} teams"),
    (ExpansionKind.NEW_LINE_OF_BUSINESS, "Bring our analytics into their {unit} team"),
    (ExpansionKind.NEW_MARKET, "Follow them into their new export markets"),
    (ExpansionKind.NEW_TERRITORY, "Win the northern region's {unit} budget"),
    (ExpansionKind.OTHER, "Become the standard supplier to their {unit} team"),
)
CLIENT_GOALS = (
    "Cut order-to-delivery time by a third before the peak season",
    "Halve unplanned downtime across their plants",
    "Open two new markets without adding headcount",
    "Pass next year's audit without findings",
    "Grow margin two points while volumes rise",
)
RESEARCH = Research(
    direction="Moving from regional to national distribution over the next two years.",
    challenges="Late deliveries are costing them renewals; their systems do not talk.",
    issues="A new COO wants one view of operations by the end of the year.",
    long_term_goals="Become the most reliable supplier in their category.",
)
PERSPECTIVES = (
    (PerspectiveKind.INSIGHT, "Their CFO cares about cash more than cost this year."),
    (PerspectiveKind.RISK, "A competitor ran a pilot there last spring; ask how it went."),
    (PerspectiveKind.RELATIONSHIP, "I worked with their head of IT at a previous company."),
    (PerspectiveKind.IDEA, "Lead with the downtime study, not the price."),
)
SKILLS = (
    ("Ask one more question before proposing", "I jump to the demo too early."),
    ("Agree the next step before the call ends", "Too many calls end with 'I'll follow up'."),
    ("Research three facts before every first call", "Prospects notice when I am generic."),
    ("Keep my talk time under half", "Call recordings show I talk 70% of the time."),
)


@dataclass
class DemoData:
    """Everything the demo writes, as model objects."""

    whys: list[WhyStatement] = field(default_factory=list)
    goals: list[PerformanceGoal] = field(default_factory=list)
    skills: list[SkillGoal] = field(default_factory=list)
    accounts: list[Account] = field(default_factory=list)
    objectives: list[StrategicObjective] = field(default_factory=list)
    perspectives: list[Perspective] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    entry_points: list[EntryPoint] = field(default_factory=list)
    campaigns: list[Campaign] = field(default_factory=list)
    touches: list[Touch] = field(default_factory=list)
    calls: list[Call] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    reviews: list[WeekReview] = field(default_factory=list)


def in_sentence(name: str) -> str:
    """A capitalised label as it reads mid-sentence: "Supply chain" → "supply chain";
    an acronym ("IT") stays as it is."""
    first = name.split()[0]
    return name if first.isupper() else name[:1].lower() + name[1:]


def _moment(day: date, now: datetime) -> datetime:
    return datetime.combine(day, time(9, 30), tzinfo=now.tzinfo)


class _Builder:
    """Holds the seeded source of randomness and today's date while the history is laid out."""

    def __init__(self, now: datetime, seed: int) -> None:
        self.now = now
        self.today = now.date()
        self.rng = random.Random(seed)
        self.names = NameMaker(self.rng)
        self.data = DemoData()
        self.entry = EntryBuilder(self.rng, self.names, self.today)
        self.calls = CallBuilder(self.rng, now)

    def day_in(self, start: date, end: date) -> date:
        span = max((end - start).days, 0)
        return start + timedelta(days=self.rng.randint(0, span))

    def why(self, year: int, index: int) -> None:
        written = min(self.day_in(date(year, 1, 2), date(year, 1, 20)), self.today)
        statement = WHY_LINES[index % len(WHY_LINES)]
        answers = WhyAnswers(
            gives="Security for the people I love, and work I am proud of.",
            seller="Someone clients trust to tell them the truth.",
            win="Hitting target without giving up my evenings.",
        )
        self.data.whys.append(WhyStatement(statement, _moment(written, self.now), answers))

    def goals(self, year: int, index: int) -> None:
        start, end = date(year, 1, 1), date(year, 12, 31)
        target = Decimal(1_000_000 + 100_000 * index)
        revenue = self.progress(start, min(end, self.today), target, step="month")
        self.data.goals.append(
            PerformanceGoal(
                f"Revenue {year}", Metric.REVENUE, target, start, end, CURRENCY, progress=revenue
            )
        )
        meetings = self.progress(start, min(end, self.today), Decimal(48), step="week")
        self.data.goals.append(
            PerformanceGoal(
                f"First meetings {year}",
                Metric.CUSTOM,
                Decimal(48),
                start,
                end,
                unit="first meetings",
                progress=meetings,
            )
        )

    def progress(
        self, start: date, until: date, target: Decimal, *, step: str
    ) -> tuple[ProgressEntry, ...]:
        """Entries that land somewhere between 60% and 115% of a straight line to `target`."""
        days = 30 if step == "month" else 7
        periods = max((date(start.year, 12, 31) - start).days // days, 1)
        share = target / periods
        entries: list[ProgressEntry] = []
        day = start + timedelta(days=days - 1)
        while day <= until:
            amount = (share * Decimal(self.rng.uniform(0.6, 1.15))).quantize(Decimal(1))
            if amount > 0:
                entries.append(ProgressEntry(day, amount, note="Logged from the CRM."))
            day += timedelta(days=days)
        return tuple(entries)

    def skills(self, year: int, index: int, last: bool) -> None:
        for offset in range(2):
            skill, noticed = SKILLS[(2 * index + offset) % len(SKILLS)]
            started = min(date(year, 1 + 5 * offset, 15), self.today)
            retired = None if last else date(year, 12, 10)
            note = "" if last else "It is a habit now; on to the next one."
            self.data.skills.append(
                SkillGoal(
                    skill,
                    why_it_matters="Better calls mean fewer wasted weeks.",
                    how_noticed=noticed,
                    started_on=started,
                    retired_on=retired,
                    retired_note=note,
                )
            )

    def accounts(self, year_start: date, year_end: date) -> None:
        for _ in range(ACCOUNTS_PER_YEAR):
            created = self.day_in(year_start, year_end)
            account = Account(
                self.names.company(),
                research=RESEARCH if self.rng.random() < 0.8 else Research(),
                created_at=_moment(created, self.now),
            )
            if (self.today - created).days > 400 and self.rng.random() < 0.1:
                archived = created + timedelta(days=self.rng.randint(200, 380))
                account = Account(
                    account.name,
                    account.research,
                    account.created_at,
                    archived_at=_moment(archived, self.now),
                    uid=account.uid,
                )
            self.data.accounts.append(account)
            first = len(self.data.objectives)
            self.objectives(account, created)
            chain = self.data.objectives[first:]  # oldest first, ending with the open one
            self.perspectives(account, created)
            self.entry.add(account, created)
            people = self.entry.contacts[-CONTACTS_PER_ACCOUNT:]
            self.calls.add(account, account.created_at or self.now, people, chain)

    def objectives(self, account: Account, created: date) -> None:
        """A chain of objectives: older ones closed, the newest open (some late or partial)."""
        start = created
        while True:
            kind, text = self.rng.choice(OBJECTIVES)
            target_date = start + timedelta(days=self.rng.randint(120, 300))
            closes = target_date + timedelta(days=self.rng.randint(-30, 30))
            finished = closes < self.today - timedelta(days=30)
            partial = not finished and self.rng.random() < 0.15
            objective = StrategicObjective(
                account.uid,
                text.format(unit=in_sentence(self.names.unit())),
                kind,
                client_goal="" if partial else self.rng.choice(CLIENT_GOALS),
                financial_target=None
                if partial
                else Money(Decimal(self.rng.randrange(50_000, 900_000, 10_000)), CURRENCY),
                target_date=None if partial and self.rng.random() < 0.5 else target_date,
                created_at=_moment(start, self.now),
            )
            if not finished:
                self.data.objectives.append(objective)
                return
            achieved = self.rng.random() < 0.65
            self.data.objectives.append(
                StrategicObjective(
                    objective.account_uid,
                    objective.description,
                    objective.kind,
                    objective.client_goal,
                    objective.financial_target,
                    objective.target_date,
                    status=ObjectiveStatus.ACHIEVED if achieved else ObjectiveStatus.DROPPED,
                    created_at=objective.created_at,
                    closed_at=_moment(closes, self.now),
                    closing_note="Signed in the end." if achieved else "Budget moved elsewhere.",
                    uid=objective.uid,
                )
            )
            start = closes + timedelta(days=1)

    def perspectives(self, account: Account, created: date) -> None:
        for _ in range(self.rng.randint(0, 3)):
            kind, text = self.rng.choice(PERSPECTIVES)
            self.data.perspectives.append(
                Perspective(
                    account.uid,
                    self.names.person(),
                    self.day_in(created, self.today),
                    kind,
                    text,
                    role=self.rng.choice(("Solutions engineer", "Sales manager", "Support lead")),
                )
            )


INVENTING = "Inventing history"


def build_demo(
    now: datetime, *, years: int, seed: int, progress: Progress = no_progress
) -> DemoData:
    """`years` of invented history ending `now`; the same seed gives the same data.

    `progress` hears of each year begun, and of the whole once the reviews are written too.
    """
    if not 1 <= years <= MAX_YEARS:
        raise ValueError(f"years must be between 1 and {MAX_YEARS}")
    builder = _Builder(now, seed)
    today = now.date()
    first_year = today.year - years + 1
    for index, year in enumerate(range(first_year, today.year + 1)):
        progress(INVENTING, index, years)
        last = year == today.year
        builder.why(year, index)
        builder.goals(year, index)
        builder.skills(year, index, last)
        year_start = date(year, 1, 1)
        builder.accounts(year_start, today if last else date(year, 12, 31))
    data = builder.data
    data.contacts = builder.entry.contacts
    data.entry_points = builder.entry.entry_points
    data.campaigns = builder.entry.campaigns
    data.touches = builder.entry.touches
    data.calls = builder.calls.calls
    data.commitments = builder.calls.commitments
    data.reviews = build_reviews(builder.rng, data.skills, date(first_year, 1, 1), now)
    shape_today(data, now, builder.rng)
    progress(INVENTING, years, years)
    return data
