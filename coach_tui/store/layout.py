"""Which table lives in which file.

TinyDB rewrites a whole file on every save, so tables are grouped into small files by how
often they change together: a save only pays for its own family.
"""

from __future__ import annotations

from pathlib import Path

SCHEMA_VERSION = 2
META_TABLE = "_meta"

FAMILIES: dict[str, tuple[str, ...]] = {
    "core": ("why", "settings", "drafts"),
    "plans": ("goals", "skill_goals"),
    "accounts": ("accounts", "objectives", "perspectives"),
    # People and campaigns change together while a seller maps an account.
    "entry": ("contacts", "entry_points", "campaigns"),
    # Touches are the largest table (tens of thousands) and change one at a time, daily:
    # alone in their file, marking one done rewrites nothing else.
    "touches": ("touches",),
    # Calls carry their prep and debrief; commitments are made in them.
    "calls": ("calls", "commitments"),
    # The daily and weekly rhythm: day plans and weekly reviews, a few hundred records.
    "rhythm": ("days", "reviews"),
    # Closed touches of finished campaigns from the last quarter (see `archive.py`): read
    # by the weekly review and the trends, never by a daily screen. Not parsed at open.
    "recent": ("touches_recent",),
    # Touches closed, calls debriefed, promises kept and campaigns ended more than a
    # quarter ago: most of a five-year history, which no daily screen needs. Not parsed
    # at open.
    "archive": ("touches_archive", "calls_archive", "commitments_archive", "campaigns_archive"),
}
# Families read from disk the first time a table of theirs is used, not at open.
LAZY_FAMILIES = frozenset({"archive", "recent"})
# Families whose record-by-record saves append to a journal instead of rewriting the
# file (see `journal.py`): touches are marked done many times a day in the largest file.
JOURNALED_FAMILIES = frozenset({"touches"})
JOURNAL_SUFFIX = ".journal"
TABLE_FAMILY: dict[str, str] = {
    table: family for family, tables in FAMILIES.items() for table in tables
}


def family_path(data_dir: Path, family: str) -> Path:
    """The JSON file that holds one family of tables."""
    return data_dir / f"{family}.json"


def journal_path(path: Path) -> Path:
    """The journal beside a family file: `touches.json` → `touches.journal`."""
    return path.with_suffix(JOURNAL_SUFFIX)
