"""How coach compares names: case and accents folded, so "ost" finds "Østfold Energi".

Every filter in the app and every "is this the same company / person?" question goes
through here, so a list and a duplicate check never disagree about what matches.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters with a stroke or ligature that Unicode does not decompose into a base letter
# and a mark, so NFKD alone leaves them as they are.
_UNDECOMPOSED = str.maketrans(
    {
        "ø": "o",
        "Ø": "o",
        "đ": "d",
        "Đ": "d",
        "ł": "l",
        "Ł": "l",
        "ħ": "h",
        "Ħ": "h",
        "ı": "i",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "þ": "th",
        "Þ": "th",
        "ð": "d",
        "Ð": "d",
    }
)

# Words that only say what legal form a company has: "Corvid Analytics Inc." and
# "corvid analytics" are one company. Dropped only at the end of a name, never the
# whole name ("AG" alone stays "ag").
LEGAL_SUFFIXES = frozenset(
    {
        "inc", "incorporated", "corp", "corporation", "co", "company", "llc", "llp", "lp",
        "ltd", "limited", "plc", "pty", "gmbh", "mbh", "ag", "kg", "ohg", "ug", "se", "sa",
        "sas", "sarl", "srl", "spa", "bv", "nv", "vof", "ab", "as", "asa", "aps", "oy",
        "oyj", "kk", "sl", "sro", "ev", "holding", "holdings", "group",
    }
)  # fmt: skip
_PUNCTUATION = re.compile(r"[^\w]+")
_JOINED_INITIALS = re.compile(r"\b(\w)\.(?=\w\b)")  # "S.A." → "SA", "B.V." → "BV"


@lru_cache(maxsize=16_384)
def fold(text: str) -> str:
    """`text` as compared: case folded, accents and strokes dropped ("Ø" → "o")."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return bare.casefold()


def matches(query: str, *fields: str) -> bool:
    """Whether every word of `query` appears in one of `fields` (folded; "" matches all)."""
    words = fold(query).split()
    if not words:
        return True
    haystack = " ".join(fold(field) for field in fields)
    return all(word in haystack for word in words)


def company_key(name: str) -> str:
    """A company's name reduced to what identifies it: folded, punctuation gone, legal
    form dropped. "Corvid Analytics, Inc." and "CORVID ANALYTICS" give the same key."""
    words = _PUNCTUATION.sub(" ", _JOINED_INITIALS.sub(r"\1", fold(name))).split()
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


def person_key(name: str) -> str:
    """A person's name as compared: folded, punctuation and extra spaces gone."""
    return " ".join(_PUNCTUATION.sub(" ", fold(name)).split())


def same_company(first: str, second: str) -> bool:
    """Whether two company names name one company (empty names match nothing)."""
    key = company_key(first)
    return bool(key) and key == company_key(second)
