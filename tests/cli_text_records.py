"""Hostile strings, and a data folder whose every record the CLI prints holds one of them.

The records are saved through the repositories without the forms' validation, as a
hand-edited file or an old `import json` would leave them: markup, terminal escape codes,
NUL, bidi overrides, very long and very wide text all reach the store. The commands must
print and export them literally, with every control character made visible.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from coach_tui.model.account import (
    Account,
    ExpansionKind,
    Perspective,
    PerspectiveKind,
    Research,
    StrategicObjective,
)
from coach_tui.model.call import Call, Commitment, Debrief, Movement, Party, Prep, Result
from coach_tui.model.contact import Contact, EntryPoint
from coach_tui.model.goal import Metric, PerformanceGoal, ProgressEntry, SkillGoal
from coach_tui.model.review import SkillReflection, WeekReview
from coach_tui.model.text import printable
from coach_tui.model.touch import Campaign, Channel, Purpose, Touch
from coach_tui.model.week import IsoWeek
from coach_tui.model.why import WhyAnswers, WhyStatement
from coach_tui.store.repository import Repository

HOSTILE: dict[str, str] = {
    "close tag": "[/x]",
    "bare close": "[/]",
    "style tag": "[bold]",
    "click action": "[@click=app.quit]x[/]",
    "link": "[link=file:///etc/passwd]x[/]",
    "brackets in a name": "Lee [Hiring]",
    "title escape": "\x1b]0;T\x07",
    "clear screen": "\x1b[2J",
    "nul": "a\x00b",
    "bell": "a\x07b",
    "carriage return": "a\rb",
    "right-to-left override": "a\u202eb",
    "5,000 characters": "x" * 4_999 + "y",
    "emoji, CJK, combining": "😀 漢字 e\u0301 👩‍👩‍👧",
}

# What may never reach a terminal or a file: any C0/C1 control code but line breaks and
# tabs (ESC starts every escape sequence, NUL ends C strings, BEL rings, CR overwrites the
# line), and the bidi overrides and isolates that reverse the rest of a line.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Rich's own styling on a terminal: "Select Graphic Rendition" sequences, nothing else.
RICH_STYLE = re.compile(r"\x1b\[[0-9;]*m")


def forbidden_in(output: str, *, styled: bool = False, crlf: bool = False) -> list[str]:
    """The forbidden characters in `output`, after Rich's colours (`styled`) or the
    line ends a format requires (`crlf`, iCalendar) are taken out."""
    if styled:
        output = RICH_STYLE.sub("", output)
    if crlf:
        output = output.replace("\r\n", "\n")
    return FORBIDDEN.findall(output)


def shown(text: str) -> str:
    """How `text` must appear: literally, with control codes as their pictures."""
    return printable(text)


def seed_records(data_dir: Path, text: str, now: datetime) -> Call:
    """Records holding `text` in every field the commands print; returns the key call.

    Today has a call still to come (prepared, `text` everywhere) and one waiting for its
    debrief, a touch due and one late, promises due, a goal behind pace, an objective past
    its date, a stalled account; last week has a saved review naming the coming call.
    """
    today = now.date()
    repo = Repository.open(data_dir)
    try:
        repo.why.save(WhyStatement(text, now - timedelta(days=30), WhyAnswers(text, text, text)))
        account = Account(text, Research(text, text, text, text), created_at=now)
        repo.accounts.save(account)
        contact = Contact(
            text, account.uid, title=text, company=text, what_matters=text, found_via=text
        )
        repo.contacts.save(contact)
        repo.entry_points.save(EntryPoint(account.uid, text, text, text))
        repo.perspectives.save(
            Perspective(account.uid, text, today, PerspectiveKind.INSIGHT, text, text)
        )
        campaign = Campaign(account.uid, text, today - timedelta(days=7), (contact.uid,))
        touches = [
            Touch(campaign.uid, account.uid, contact.uid, today - timedelta(days=days),
                  Channel.EMAIL, Purpose.SHARE_INSIGHT, idea=text)
            for days in (0, 3)
        ]  # fmt: skip
        repo.campaigns.save_plan(campaign, touches)
        prep = Prep(text, "small", text, text, text, text, text, text, text)
        coming = Call(account.uid, now.replace(hour=23, minute=59, second=0), prep=prep)
        repo.calls.save(coming)
        repo.calls.save(Call(account.uid, now.replace(hour=0, minute=1, second=0)))
        for weeks in (1, 2, 3):
            repo.calls.save(
                Call(
                    account.uid,
                    now - timedelta(weeks=weeks),
                    prep=prep,
                    debrief=Debrief(Result.MISSED, Movement.CONTINUATION, text, text),
                )
            )
        for party, days in ((Party.ME, 0), (Party.THEM, 2)):
            promise = Commitment(account.uid, party, text, due=today - timedelta(days=days))
            repo.calls.save_commitment(promise)
        progress = (ProgressEntry(today - timedelta(days=90), Decimal(1), text),)
        start, end = today - timedelta(days=180), today + timedelta(days=180)
        goal = PerformanceGoal(text, Metric.REVENUE, Decimal(1_000_000), start, end, "USD",
                               progress=progress)  # fmt: skip
        repo.goals.save(goal)
        repo.goals.save_skill(SkillGoal(text, text, text, today - timedelta(days=60)))
        repo.objectives.save(
            StrategicObjective(account.uid, text, ExpansionKind.WIDER_DEPLOYMENT, client_goal=text,
                               target_date=today - timedelta(days=30), created_at=now)
        )  # fmt: skip
        repo.reviews.save(
            WeekReview(
                last_week(today),
                figures_note=text,
                went_well=text,
                went_badly=text,
                learned=text,
                skills=(SkillReflection("s", text, True, text, 3),),
                focus=(text, text),
                key_call_uids=(coming.uid,),
                cleared=1,
                saved_at=now,
            )
        )
    finally:
        repo.close()
    return coming


def last_week(today: date) -> IsoWeek:
    return IsoWeek.of(today).shifted(-1)
