"""What `coach doctor` finds about drafts: those coach will not open as they are.

Read from the file as it is on disk, without the folder's lock, like the rest of doctor.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from coach_tui.store.codec import decode
from coach_tui.store.errors import DamagedRecord, StoreError
from coach_tui.store.layout import TABLE_FAMILY, family_path
from coach_tui.store.schema import check_shape, migrate, needs_migration
from coach_tui.store.storage import read_family

DRAFTS = "drafts"


@dataclass(frozen=True, slots=True)
class DraftProblem:
    """A draft coach will not simply resume: unreadable, or its flow stopped coach."""

    flow: str  # "" when even the flow's name cannot be read
    unreadable: str  # why it cannot be read; "" when it reads but stopped coach
    stopped_at: str = ""  # when its flow stopped coach (ISO 8601), if it did


def draft_problems(data_dir: Path) -> list[DraftProblem]:
    """Drafts that cannot be read, and drafts whose flow was open when coach stopped.

    Empty when the file holding them is missing or damaged (doctor's file check says so).
    """
    family = TABLE_FAMILY[DRAFTS]
    path = family_path(data_dir, family)
    try:
        raw, _journal = read_family(path, journaled=False)
        if raw is None:
            return []
        check_shape(raw, path)
        if needs_migration(raw, path):
            raw = migrate(raw, family, path)
    except StoreError:
        return []
    problems: list[DraftProblem] = []
    for doc_id, record in raw.get(DRAFTS, {}).items():
        flow = record.get("flow")
        name = flow if isinstance(flow, str) else ""
        try:
            draft = decode("drafts", record, doc_id)
        except DamagedRecord as error:
            problems.append(DraftProblem(name, error.reason))
            continue
        if draft.stopped_at is not None:
            problems.append(DraftProblem(name, "", draft.stopped_at.isoformat(timespec="minutes")))
    return problems
