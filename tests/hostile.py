"""A data folder whose every text field holds hostile text, for content-safety tests.

Coach must show whatever a file holds as plain words: never as markup (`[bold]`,
`[@click=app.quit]`, `[link=…]`), never as terminal control (ESC, NUL, BEL, bidi overrides),
and never crash on it. This module writes such a folder the way a hand-edit or an
`import json` would — model objects saved straight through the repositories, skipping the
forms' cleaning — so control characters really are stored.

Use from a test:

    from tests.hostile import seed_hostile
    folder = seed_hostile(tmp_path / "data", now=clock(), victim_dir=tmp_path / "victim")
    # folder.account_uid, folder.call_uids, … name the records worth opening;
    # after the test: assert not folder.victim_file.exists()  (no click action ran)

or from a shell, to walk it by hand or run a command on it:

    python -m tests.hostile DATA_DIR [--victim-dir DIR] [--now 2026-11-24T08:30+01:00]
    coach --data /tmp/hostile-data

`now` dates the records (today's priorities, calls later today and next week, touches due
and overdue, last week's review); it defaults to the current local time. Every string
stays within the limit its form would allow (measured before cleaning), except names that
hold the victim folder's path; the themes folder holds a theme file whose colour is markup
and one whose name is.

What to assert on screen: `LITERALS` are substrings that must show as typed wherever the
text is visible; `FORBIDDEN` are characters no output may carry.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

from coach_tui.coaching.why import WHY_FLOW
from coach_tui.model.account import (
    Account,
    ExpansionKind,
    ObjectiveStatus,
    Perspective,
    PerspectiveKind,
    Research,
    StrategicObjective,
)
from coach_tui.model.call import (
    Call,
    CallKind,
    Commitment,
    Debrief,
    Movement,
    Party,
    Prep,
    Result,
)
from coach_tui.model.contact import BuyingRole, Contact, EntryPoint, Relationship
from coach_tui.model.day import DayPlan, Priority
from coach_tui.model.draft import FlowDraft
from coach_tui.model.goal import Metric, PerformanceGoal, ProgressEntry, SkillGoal
from coach_tui.model.money import Money
from coach_tui.model.review import SkillReflection, WeekReview
from coach_tui.model.settings import Settings
from coach_tui.model.touch import (
    Campaign,
    CampaignStatus,
    Channel,
    Purpose,
    Touch,
    TouchStatus,
)
from coach_tui.model.week import IsoWeek
from coach_tui.model.why import WhyAnswers, WhyStatement
from coach_tui.store.repository import Repository

VICTIM_FILE = "victim.txt"
# Terminal control: set the window title (OSC 0), wipe the screen (CSI 2J), NUL, bell,
# carriage return, and a right-to-left override that reverses the rest of a line.
SET_TITLE = "\x1b]0;PWNED\x07"
WIPE = "\x1b[2J"
CONTROL_PAYLOADS = (SET_TITLE, WIPE, "NUL\x00", "BEL\x07", "CR\rCR", "\u202eRLO")
FORBIDDEN = ("\x1b", "\x00", "\x07", "\r", "\u202e", "\x9b")


def markup_payloads(victim_dir: Path) -> tuple[str, ...]:
    """Markup that must never be read as markup; the click ones would run app actions."""
    return (
        "[/x]",
        "[/]",
        "[bold]bold[/bold]",
        "[@click=app.quit]quit[/]",
        f"[@click=app.screenshot('{VICTIM_FILE}','{victim_dir}')]Ann[/]",
        "[link=file:///etc/passwd]x[/]",
        "Lee [Hiring]",
        "[reverse]rev[/reverse]",
        "[on red]red[/on red]",
    )


WIDE = "🙂 漢字 ｶﾀｶﾅ e\u0301 a\u0308\u0323 👩‍👩‍👧"  # emoji, CJK, halfwidth, combining marks
# Substrings that must be visible, exactly as typed, wherever the field is on screen.
LITERALS = ("[/x]", "Lee [Hiring]", "[bold]bold[/bold]")


def hostile_text(payloads: tuple[str, ...], limit: int, *, start: int = 0, fill: int = 0) -> str:
    """As many payloads as fit in `limit` characters, beginning at payload `start`.

    With `fill`, the text is padded (payloads again, then CJK) to exactly `fill` characters,
    as a very long note would be.
    """
    rotated = payloads[start % len(payloads) :] + payloads[: start % len(payloads)]
    text = rotated[0][:limit]
    for payload in rotated[1:]:
        if len(text) + 3 + len(payload) > limit:
            break
        text += " · " + payload
    if fill:
        target = min(fill, limit)
        block = "\n".join(rotated) + "\n"
        while len(text) + len(block) <= target:
            text += block
        text += "漢" * (target - len(text))
    return text


@dataclass
class HostileFolder:
    """What was seeded, so a test can open each record and check the victim file."""

    data_dir: Path
    victim_dir: Path
    payloads: tuple[str, ...]
    account_uid: str = ""  # the account with everything: research, objective, people, calls
    campaign_account_uid: str = ""  # the account with a running campaign and due touches
    control_account_uid: str = ""  # the account whose name is terminal control codes
    account_uids: list[str] = field(default_factory=list)
    contact_names: list[str] = field(default_factory=list)
    call_uids: dict[str, str] = field(default_factory=dict)  # role → uid
    touch_uids: list[str] = field(default_factory=list)
    inputs: int = 0  # how many hostile strings were stored

    @property
    def victim_file(self) -> Path:
        return self.victim_dir / VICTIM_FILE


class _Texts:
    """Hands out hostile strings, each starting at a different payload, and counts them."""

    def __init__(self, payloads: tuple[str, ...]) -> None:
        self.payloads = payloads
        self.count = 0

    def __call__(self, limit: int, *, fill: int = 0) -> str:
        text = hostile_text(self.payloads, limit, start=self.count, fill=fill)
        self.count += 1
        return text

    def exactly(self, text: str) -> str:
        self.count += 1
        return text


def seed_hostile(
    data_dir: Path, *, now: datetime | None = None, victim_dir: Path | None = None
) -> HostileFolder:
    """Write the hostile folder into `data_dir` (new or empty) and return what it holds."""
    now = now or datetime.now().astimezone()
    victim_dir = victim_dir or data_dir.parent / "victim"
    victim_dir.mkdir(parents=True, exist_ok=True)
    payloads = markup_payloads(victim_dir) + CONTROL_PAYLOADS + (WIDE,)
    text = _Texts(payloads)
    folder = HostileFolder(data_dir=data_dir, victim_dir=victim_dir, payloads=payloads)
    repo = Repository.open(data_dir, clock=lambda: now)
    try:
        _seed(repo, folder, text, now)
    finally:
        repo.close()
    _write_themes(data_dir / "themes", text)
    folder.inputs = text.count
    return folder


def _seed(repo: Repository, folder: HostileFolder, text: _Texts, now: datetime) -> None:
    today = now.date()
    zone = now.tzinfo

    def at(day: date, hour: int) -> datetime:
        return datetime.combine(day, time(hour), tzinfo=zone)

    # --- the why, its history and a draft of a rewrite ---
    for age in (40, 5):
        repo.why.save(
            WhyStatement(
                statement=text(400),
                written_at=now - timedelta(days=age),
                answers=WhyAnswers(gives=text(2_000), seller=text(2_000), win=text(2_000)),
            ),
        )
    repo.drafts.save(
        FlowDraft(
            WHY_FLOW,
            0,
            {
                key: text(400 if key == "statement" else 2_000)
                for key in ("gives", "seller", "win", "statement")
            },
            updated_at=now,
        )
    )

    # --- settings: a theme name that is markup (no such theme: coach says so) ---
    repo.settings.save(Settings(theme=text.exactly("[/x] [bold]Evil"), currency="EUR"))

    # --- goals ---
    year_start, year_end = date(today.year, 1, 1), date(today.year, 12, 31)
    repo.goals.save(
        PerformanceGoal(
            name=text(120),
            metric=Metric.REVENUE,
            target=Decimal(1_200_000),
            start=year_start,
            end=year_end,
            currency="EUR",
            progress=tuple(
                ProgressEntry(today - timedelta(days=days), Decimal(40_000), note=text(500))
                for days in (3, 30)
            ),
        )
    )
    repo.goals.save(
        PerformanceGoal(
            name=text(120),
            metric=Metric.CUSTOM,
            target=Decimal(40),
            start=year_start,
            end=year_end,
            unit=text(40),
            progress=(ProgressEntry(today - timedelta(days=8), Decimal(3), note=text(500)),),
        )
    )
    skills = [
        SkillGoal(text(200), why_it_matters=text(1_000), how_noticed=text(1_000), started_on=today)
        for _ in range(2)
    ]
    skills.append(
        SkillGoal(
            text(200),
            why_it_matters=text(1_000),
            started_on=today - timedelta(days=90),
            retired_on=today - timedelta(days=10),
            retired_note=text(500),
        )
    )
    for skill in skills:
        repo.goals.save_skill(skill)

    # --- accounts: the main one with everything, and accounts named with one payload each ---
    main = Account(
        name=text.exactly("Max [/] Typed · [link=file:///etc/passwd]Link[/] · Lee [Hiring]"),
        research=Research(
            direction=text(5_000, fill=5_000),
            challenges=text(5_000),
            issues=text(5_000),
            long_term_goals=text(5_000, fill=4_000),
        ),
        created_at=now - timedelta(days=200),
    )
    others = [
        Account(name=text.exactly(name), research=Research(direction=text(5_000)), created_at=now)
        for name in (*folder.payloads[:9], f"Eve {SET_TITLE}{WIPE}\x00\u202eNUL")
    ]
    archived = Account(name=text(120), archived_at=now - timedelta(days=3), created_at=now)
    for account in (main, *others, archived):
        repo.accounts.save(account)
    folder.account_uid = main.uid
    folder.account_uids = [account.uid for account in (main, *others, archived)]
    campaign_account = others[6]  # "Lee [Hiring]"
    folder.campaign_account_uid = campaign_account.uid
    folder.control_account_uid = others[-1].uid

    # --- objectives: open ones everywhere, a closed one with a note ---
    for number, account in enumerate((main, *others)):
        repo.objectives.save(
            StrategicObjective(
                account_uid=account.uid,
                description=text(600),
                kind=list(ExpansionKind)[number % len(ExpansionKind)],
                client_goal=text(600),
                financial_target=Money(Decimal(250_000), "EUR"),
                target_date=today + timedelta(days=60 - number * 20),
                created_at=now - timedelta(days=100),
            )
        )
    repo.objectives.save(
        StrategicObjective(
            account_uid=main.uid,
            description=text(600),
            kind=ExpansionKind.NEW_MARKET,
            client_goal=text(600),
            status=ObjectiveStatus.ACHIEVED,
            created_at=now - timedelta(days=300),
            closed_at=now - timedelta(days=120),
            closing_note=text(500),
        )
    )

    # --- the team's views, the entry point ---
    for kind in (PerspectiveKind.RISK, PerspectiveKind.IDEA):
        repo.perspectives.save(
            Perspective(
                main.uid, text(120), today - timedelta(days=4), kind, text(2_000), text(120)
            )
        )
    repo.entry_points.save(EntryPoint(main.uid, text(200), text(2_000), text(120)))

    # --- people: each name one payload, plus every other field hostile ---
    names = [
        "Max [/] Typed",
        *folder.payloads[:9],
        f"Eve {SET_TITLE} {WIPE}",
        "Nul\x00 Bel\x07 Cr\r Rlo\u202eevil",
        "🙂 漢字 e\u0301 [/x]",
    ]
    roles = list(BuyingRole)
    people = []
    for number, name in enumerate(names):
        people.append(
            Contact(
                name=text.exactly(name),
                account_uid=main.uid,
                title=text(200),
                company=text(200),
                role=roles[number % len(roles)],
                profile_url="https://www.linkedin.com/in/x-[/x]",
                email="ann[/x]@example.com",
                phone="+49 30 1234567",
                what_matters=text(2_000),
                found_via=text(200),
                relationship=list(Relationship)[number % len(Relationship)],
                added_on=today - timedelta(days=number),
            )
        )
    closer = Contact(
        name=text.exactly("[/] Close"),
        account_uid=campaign_account.uid,
        title=text(200),
        role=BuyingRole.CHAMPION,
        what_matters=text(2_000),
        added_on=today - timedelta(days=2),
    )
    hiring = Contact(
        name=text.exactly("Lee [Hiring]"),
        account_uid=campaign_account.uid,
        title=text(200),
        role=BuyingRole.ECONOMIC_BUYER,
        added_on=today - timedelta(days=2),
    )
    unplaced = [
        Contact(name=text(120), company=text(200), title=text(200), added_on=today)
        for _ in range(3)
    ]
    repo.contacts.save_many([*people, closer, hiring, *unplaced])
    folder.contact_names = [contact.name for contact in (*people, closer, hiring)]

    # --- a running campaign with touches due, done and skipped; an ended one ---
    campaign = Campaign(
        account_uid=campaign_account.uid,
        name=text(120),
        start=today - timedelta(days=10),
        contact_uids=(closer.uid, hiring.uid),
        created_at=now - timedelta(days=10),
    )
    touches = []
    for number, offset in enumerate((-10, -6, -3, -1, 0, 0, 2, 5, 9)):
        due = today + timedelta(days=offset)
        status = TouchStatus.DONE if offset <= -6 else TouchStatus.PLANNED
        touches.append(
            Touch(
                campaign_uid=campaign.uid,
                account_uid=campaign_account.uid,
                contact_uid=(closer, hiring)[number % 2].uid,
                due=due,
                channel=list(Channel)[number % len(Channel)],
                purpose=list(Purpose)[number % len(Purpose)],
                idea=text(1_000),
                status=status,
                outcome=text(1_000) if status is TouchStatus.DONE else "",
                got_response=number == 0,
                closed_on=due if status is TouchStatus.DONE else None,
            )
        )
    repo.campaigns.save_plan(campaign, touches)
    folder.touch_uids = [touch.uid for touch in touches]
    ended = Campaign(
        account_uid=main.uid,
        name=text(120),
        start=today - timedelta(days=40),
        contact_uids=(people[0].uid,),
        status=CampaignStatus.STOPPED,
        created_at=now - timedelta(days=40),
        ended_on=today - timedelta(days=20),
    )
    ended_touch = Touch(
        campaign_uid=ended.uid,
        account_uid=main.uid,
        contact_uid=people[0].uid,
        due=today - timedelta(days=30),
        channel=Channel.EMAIL,
        purpose=Purpose.PIQUE_CURIOSITY,
        idea=text(1_000),
        status=TouchStatus.SKIPPED,
        outcome=text(1_000),
        closed_on=today - timedelta(days=20),
    )
    repo.campaigns.save_plan(ended, [ended_touch])

    # --- calls: later today, next week (key calls), to debrief, debriefed this week ---
    def prep(*, large: bool = False) -> Prep:
        """A prepared outcome (500 characters at most, as the prep allows); a large advance
        (signing) fills every planning field, each up to its 3,000 characters."""
        return Prep(
            outcome=f"They sign the order · {text(470)}" if large else text(500),
            size="large" if large else "small",
            note=text(3_000),
            client_gain=text(3_000),
            attendees=text(3_000),
            questions=text(3_000),
            objections=text(3_000),
            bring=text(3_000),
            fallback=text(3_000),
        )

    monday = IsoWeek.of(today).monday
    objective = repo.objectives.active_for(main.uid)
    linked = objective.uid if objective else ""
    people_uids = tuple(person.uid for person in people[:4])
    calls = {
        "today": Call(main.uid, at(today, 17), CallKind.MEETING, people_uids, linked, prep()),
        "unprepared": Call(main.uid, at(today + timedelta(days=1), 9), CallKind.CALL, people_uids),
        "next_week": Call(
            main.uid, at(today + timedelta(days=6), 10), CallKind.DEMO, people_uids, linked,
            prep(large=True),
        ),
        "to_debrief": Call(
            main.uid, at(today - timedelta(days=1), 15), CallKind.CALL, people_uids, linked,
            prep(),
        ),
        "debriefed": Call(
            main.uid,
            at(max(monday, today - timedelta(days=1)), 11),
            CallKind.MEETING,
            people_uids,
            linked,
            prep(),
            Debrief(
                Result.PARTLY,
                Movement.ADVANCE,
                next_step=text(500),
                notes=text(3_000, fill=3_000),
                at=now - timedelta(hours=20),
            ),
        ),
        "campaign_account": Call(
            campaign_account.uid, at(today + timedelta(days=2), 14), CallKind.CALL,
            (closer.uid,), "", prep(),
        ),
    }  # fmt: skip
    for call in calls.values():
        repo.calls.save(call)
    folder.call_uids = {role: call.uid for role, call in calls.items()}
    for party, due in ((Party.ME, today - timedelta(days=2)), (Party.THEM, today + timedelta(3))):
        repo.calls.save_commitment(
            Commitment(main.uid, party, text(600), due, calls["debriefed"].uid)
        )

    # --- day plans: today's (so the app opens on the dashboard) and yesterday's unfinished ---
    repo.days.save(DayPlan(today, tuple(Priority(text(200)) for _ in range(3)), planned_at=now))
    repo.days.save(
        DayPlan(
            today - timedelta(days=1),
            (Priority(text(200)), Priority(text(200), done=True), Priority(text(200))),
            planned_at=now - timedelta(days=1),
        )
    )

    # --- last week's review ---
    last_week = IsoWeek.of(today).shifted(-1)
    repo.reviews.save(
        WeekReview(
            week=last_week,
            figures_note=text(3_000),
            went_well=text(3_000, fill=3_000),
            went_badly=text(3_000),
            learned=text(3_000),
            skills=tuple(
                SkillReflection(skill.uid, skill.skill, True, example=text(3_000), rating=3)
                for skill in skills[:2]
            ),
            focus=tuple(text(200) for _ in range(3)),
            key_call_uids=(calls["today"].uid,),
            saved_at=now - timedelta(days=3),
        )
    )


def _write_themes(folder: Path, text: _Texts) -> None:
    """A theme file whose colour is markup, and one whose name is."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "broken.toml").write_text(
        'name = "broken"\ndark = true\n\n[colors]\nprimary = "[/]"\n', encoding="utf-8"
    )
    text.count += 1
    (folder / "markup-name.toml").write_text(
        'name = "[bold]Evil[/bold] [@click=app.quit]q[/] \\u001b]0;PWNED\\u0007"\n'
        'dark = true\n\n[colors]\nprimary = "#5FA8D3"\n',
        encoding="utf-8",
    )
    text.count += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path, help="a new or empty folder to fill")
    parser.add_argument("--victim-dir", type=Path, help="where a click action would write")
    parser.add_argument("--now", type=datetime.fromisoformat, help="the moment to date from")
    args = parser.parse_args()
    now = args.now if args.now is None or args.now.tzinfo else args.now.astimezone()
    folder = seed_hostile(args.data_dir, now=now, victim_dir=args.victim_dir)
    print(f"{folder.inputs} hostile strings written to {folder.data_dir}")
    print(f"a click action would write {folder.victim_file}")


if __name__ == "__main__":
    main()
