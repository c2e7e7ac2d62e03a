"""A small grammar check for generated English: the slips templates make when words are
filled in (number, article, doubled words), not a general grammar. Each rule returns what
it found, so a failing test shows the sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import fields, is_dataclass
from enum import Enum
from typing import Any

# Words ending in "s" that are singular (or not nouns) after "a", "each", "every", "1".
SINGULAR_S = {
    "analysis", "basis", "bus", "business", "campus", "canvas", "class", "crisis",
    "focus", "gas", "lens", "news", "plus", "process", "series", "status", "success",
    "thesis", "this", "various", "previous", "serious", "always", "perhaps", "across",
    "is", "was", "has", "does", "its", "his", "us", "yes", "less", "unless",
}  # fmt: skip
# Words spelled with a vowel but said with a consonant ("a user", "a one-off").
CONSONANT_SOUND = ("one", "once", "uni", "use", "usu", "euro", "u.s")
# Words spelled with a consonant but said with a vowel ("an hour").
VOWEL_SOUND = ("hour", "honest", "honour", "heir")
# Fields that hold a label, not a sentence: they may start in lower case.
LABELS = {"unit", "found_via"}
NOT_TEXT = {"uid", "email", "profile_url", "size"}

PLURAL_AFTER = re.compile(r"\b(every|each|a|an|one|1)\s+([a-z]+s)\b", re.IGNORECASE)
A_VOWEL = re.compile(r"\ba\s+([aeiou][\w-]*)", re.IGNORECASE)
AN_CONSONANT = re.compile(r"\ban\s+([b-df-hj-np-tv-z][\w-]*)", re.IGNORECASE)
DOUBLED = re.compile(r"\b(\w+)\s+\1\b", re.IGNORECASE)
NEXT_SENTENCE = re.compile(r"[.!?]\s+([^\s“\"'(])")


def slips(text: str, *, sentence: bool = True) -> list[str]:
    """What reads wrong in `text`, one line per slip (empty: it reads as written)."""
    found = []
    for match in PLURAL_AFTER.finditer(text):
        word = match.group(2).lower()
        if word not in SINGULAR_S and not word.endswith(("ss", "us", "is", "ous")):
            found.append(f"singular word before a plural: {match.group(0)!r}")
    for match in A_VOWEL.finditer(text):
        if not match.group(1).lower().startswith(CONSONANT_SOUND):
            found.append(f"'a' before a vowel sound: {match.group(0)!r}")
    for match in AN_CONSONANT.finditer(text):
        if not match.group(1).lower().startswith(VOWEL_SOUND):
            found.append(f"'an' before a consonant sound: {match.group(0)!r}")
    found += [f"doubled word: {match.group(0)!r}" for match in DOUBLED.finditer(text)]
    if "  " in text:
        found.append(f"double space in {text!r}")
    if text != text.strip():
        found.append(f"space at an end of {text!r}")
    if sentence and text and not (text[0].isupper() or text[0].isdigit() or text[0] in '“"$'):
        found.append(f"starts in lower case: {text!r}")
    for match in NEXT_SENTENCE.finditer(text):
        if not (match.group(1).isupper() or match.group(1).isdigit()):
            found.append(f"sentence starts in lower case: {text!r}")
    return [f"{slip} — in {text!r}" for slip in found]


def texts(item: Any, name: str = "") -> Iterator[tuple[str, str]]:
    """(field name, text) for every string held in `item`, a dataclass tree or a list."""
    if isinstance(item, Enum) or name in NOT_TEXT or name.endswith(("_uid", "_uids")):
        return
    if isinstance(item, str):
        yield name, item
    elif is_dataclass(item) and not isinstance(item, type):
        for field in fields(item):
            yield from texts(getattr(item, field.name), field.name)
    elif isinstance(item, (list, tuple)):
        for value in item:
            yield from texts(value, name)
