"""Performance goals (with their progress) and getting-better goals."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from coach_tui.model.goal import PerformanceGoal, ProgressEntry, SkillGoal, with_progress
from coach_tui.store.codec import decode, encode
from coach_tui.store.repos.common import BY_UID, get_by_uid, upsert_by_uid
from coach_tui.store.store import Store

GOALS = "goals"
SKILLS = "skill_goals"


class GoalRepository:
    """Both kinds of goal. Performance goals come back ordered by period, then name."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def performance(self) -> list[PerformanceGoal]:
        with self._store.reading() as tx:
            goals = [decode("goals", r, r.doc_id) for r in tx.table(GOALS).all()]
        return sorted(goals, key=lambda goal: (goal.start, goal.name.casefold()))

    def current(self, today: date) -> list[PerformanceGoal]:
        """Goals whose period includes `today` or has not started yet."""
        return [goal for goal in self.performance() if goal.end >= today]

    def get(self, uid: str) -> PerformanceGoal | None:
        with self._store.reading() as tx:
            record = get_by_uid(tx.table(GOALS), uid)
            return None if record is None else decode("goals", record, uid)

    def save(self, goal: PerformanceGoal) -> None:
        with self._store.transaction() as tx:
            upsert_by_uid(tx.table(GOALS), encode(goal))

    def delete(self, uid: str) -> PerformanceGoal | None:
        goal = self.get(uid)
        if goal is not None:
            with self._store.transaction() as tx:
                tx.table(GOALS).remove(uid == BY_UID)
        return goal

    def add_progress(self, goal_uid: str, entry: ProgressEntry) -> PerformanceGoal:
        """Record progress on a goal; returns the goal as saved."""
        with self._store.transaction() as tx:
            record = get_by_uid(tx.table(GOALS), goal_uid)
            if record is None:
                raise KeyError(goal_uid)
            updated = with_progress(decode("goals", record, goal_uid), entry)
            upsert_by_uid(tx.table(GOALS), encode(updated))
        return updated

    def skills(self, *, include_retired: bool = False) -> list[SkillGoal]:
        with self._store.reading() as tx:
            skills = [decode("skill_goals", r, r.doc_id) for r in tx.table(SKILLS).all()]
        if not include_retired:
            skills = [skill for skill in skills if skill.active]
        return sorted(skills, key=lambda skill: (not skill.active, skill.skill.casefold()))

    def save_skill(self, skill: SkillGoal) -> None:
        with self._store.transaction() as tx:
            upsert_by_uid(tx.table(SKILLS), encode(skill))

    def retire_skill(self, uid: str, on: date, note: str) -> SkillGoal | None:
        with self._store.transaction() as tx:
            record = get_by_uid(tx.table(SKILLS), uid)
            if record is None:
                return None
            retired = replace(decode("skill_goals", record, uid), retired_on=on, retired_note=note)
            upsert_by_uid(tx.table(SKILLS), encode(retired))
        return retired
