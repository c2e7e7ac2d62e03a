"""Coaching for the why: the reflection prompts, and a second look at the statement.

The prompts lead from concrete things (what the work pays for, who it helps) to the person
the seller wants to become, then to a picture of a good year. The statement hints are the
questions a coach would ask on reading it; they never block saving.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WHY_FLOW = "why"  # the name its draft is kept under


@dataclass(frozen=True, slots=True)
class WhyStep:
    """One page of the why flow."""

    key: str
    title: str
    question: str
    hint: str


WHY_STEPS: tuple[WhyStep, ...] = (
    WhyStep(
        key="gives",
        title="What it gives",
        question="What does this work give you, and the people you care about?",
        hint=(
            "Go past the number. The rent or the mortgage, a child's school, time off you "
            "can afford, the pride of being good at something, clients whose problems you fix."
        ),
    ),
    WhyStep(
        key="seller",
        title="Who you become",
        question="What kind of seller do you want to become?",
        hint=(
            "Describe the person, not the quota: the one clients call first, the one who "
            "knows their business cold, the one the team asks for advice."
        ),
    ),
    WhyStep(
        key="win",
        title="A year worth having",
        question="Picture next December. What happened this year that makes it a win?",
        hint=(
            "Name things you could point to: an account you opened, a skill you now own, "
            "a promise you kept at home."
        ),
    ),
    WhyStep(
        key="statement",
        title="Your why",
        question="Now say it in one or two sentences, in your own words.",
        hint=(
            "This is what you will read every morning, so write it to yourself. Stuck? "
            "Start with “I sell because…”."
        ),
    ),
)

_WORD = re.compile(r"\w+", re.UNICODE)
_MONEY_WORDS = frozenset(
    (
        "quota", "quotas", "target", "targets", "commission", "commissions", "bonus",
        "bonuses", "money", "revenue", "rich", "income", "salary", "earn", "earning", "ote",
    )
)  # fmt: skip
_MONEY_SYMBOLS = re.compile(r"[$€£¥₹]|\b\d+\s*[kKmM%]\b")
_PURPOSE_WORDS = frozenset(
    (
        "family", "kids", "children", "child", "son", "daughter", "wife", "husband", "partner",
        "parents", "mother", "father", "mom", "dad", "home", "house", "freedom", "free", "time",
        "travel", "client", "clients", "customer", "customers", "people", "help", "helping",
        "team", "learn", "learning", "grow", "proud", "pride", "craft", "master",
        "mastery", "future", "life", "friends", "community", "independence", "independent",
        "save", "retire", "school",
    )
)  # fmt: skip
_SLOGANS = (
    "exceed quota",
    "exceed expectations",
    "maximize revenue",
    "maximise revenue",
    "drive growth",
    "drive revenue",
    "shareholder value",
    "best-in-class",
    "world-class",
    "synergy",
    "leverage",
)
SHORT_WORDS = 4
LONG_WORDS = 60


def why_hints(statement: str) -> list[str]:
    """Questions worth asking about a why statement before it is saved; empty if it reads well."""
    words = [word.lower() for word in _WORD.findall(statement)]
    if not words:
        return []
    hints: list[str] = []
    if len(words) < SHORT_WORDS:
        hints.append(
            "That is very short. What is it for, or who is it for? A few more words will "
            "carry you further on a bad day."
        )
    if len(words) > LONG_WORDS:
        hints.append(
            f"At {len(words)} words it will get skimmed. Which sentence would you keep if "
            "you could keep only one?"
        )
    vocabulary = set(words)
    mentions_money = bool(vocabulary & _MONEY_WORDS) or bool(_MONEY_SYMBOLS.search(statement))
    if mentions_money and not vocabulary & _PURPOSE_WORDS:
        hints.append(
            "It is all about the number. What would hitting it let you do, and for whom? "
            "That part is what gets you through a slow month."
        )
    lowered = statement.lower()
    if any(slogan in lowered for slogan in _SLOGANS):
        hints.append(
            "Parts of it sound like a company slide. How would you say it to a friend over dinner?"
        )
    return hints
