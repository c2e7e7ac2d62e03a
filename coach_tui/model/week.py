"""ISO weeks: the unit of the weekly review ("2026-W47", Monday to Sunday)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from coach_tui.model.errors import ValidationError

_WEEK_TEXT = re.compile(r"^\s*(\d{4})\s*-?\s*[wW]\s*(\d{1,2})\s*$")


@dataclass(frozen=True, slots=True, order=True)
class IsoWeek:
    year: int
    week: int

    def __post_init__(self) -> None:
        # Week 53 exists only in "long" years; date.fromisocalendar knows which.
        try:
            date.fromisocalendar(self.year, self.week, 1)
        except ValueError as error:
            raise ValidationError(f"{self.year} has no week {self.week}.", field="week") from error

    @classmethod
    def of(cls, day: date) -> IsoWeek:
        """The ISO week `day` falls in (30 Dec 2026 is in 2026-W53)."""
        year, week, _ = day.isocalendar()
        return cls(year, week)

    @classmethod
    def parse(cls, text: str) -> IsoWeek:
        """Read "2026-W47" (also "2026W47", "2026-w7")."""
        found = _WEEK_TEXT.match(text)
        if found is None:
            raise ValidationError(
                f"'{text.strip()[:40]}' is not a week; write it like 2026-W47.", field="week"
            )
        return cls(int(found[1]), int(found[2]))

    def __str__(self) -> str:
        return f"{self.year}-W{self.week:02d}"

    @property
    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.week, 1)

    @property
    def sunday(self) -> date:
        return date.fromisocalendar(self.year, self.week, 7)

    def contains(self, day: date) -> bool:
        return self.monday <= day <= self.sunday

    def shifted(self, weeks: int) -> IsoWeek:
        """The week `weeks` later (negative: earlier)."""
        return IsoWeek.of(self.monday + timedelta(weeks=weeks))

    @property
    def label(self) -> str:
        """ "2026-W47 · 16–22 Nov" for headers."""
        first, last = self.monday, self.sunday
        if first.month == last.month:
            span = f"{first.day}–{last.day} {last:%b}"
        else:
            span = f"{first.day} {first:%b} – {last.day} {last:%b}"
        return f"{self} · {span}"
